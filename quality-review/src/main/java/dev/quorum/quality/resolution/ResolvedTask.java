package dev.quorum.quality.resolution;

import io.micronaut.json.tree.JsonNode;
import java.util.List;

/** A task quality decided, with the judgements that count (customer's A/B terms). */
public record ResolvedTask(String taskId, String status, List<Judgement> judgements) {

  public record Judgement(String assignmentId, String annotatorId, JsonNode answer) {}
}
