package dev.quorum.quality.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** What a reviewer sees of one item: the task, the judgement under review, and its context. */
@Serdeable
public record ReviewItemView(
    String reviewId,
    String reason,
    ProjectPart project,
    TaskPart task,
    JudgementPart judgement,
    List<OtherAnswer> others,
    @Nullable JsonNode consensus,
    @Nullable Double agreement,
    @Nullable String outcome,
    @Nullable AppealPart appeal) {

  @Serdeable
  public record ProjectPart(
      String id,
      String name,
      String kind,
      String instructions,
      @Nullable List<String> labels,
      boolean multiLabel,
      @Nullable Scale scale,
      @Nullable List<String> criteria) {}

  @Serdeable
  public record Scale(int min, int max) {}

  @Serdeable
  public record TaskPart(String id, String externalId, JsonNode data) {}

  @Serdeable
  public record JudgementPart(String assignmentId, JsonNode answer, @Nullable Long durationMs) {}

  @Serdeable
  public record OtherAnswer(JsonNode answer) {}

  @Serdeable
  public record AppealPart(String comment, @Nullable String previousReason) {}
}
