package dev.quorum.dispatch.kind;

import dev.quorum.dispatch.project.ProjectSettings;
import io.micronaut.json.tree.JsonNode;
import java.util.Optional;

/**
 * What differs between kinds of work: the task data they accept, the answers they accept, and how a
 * task is shown to one annotator (pairwise and ranking shuffle what they show).
 */
public interface TaskKind {

  /** The first problem with a task's {@code data}, phrased for the customer. */
  Optional<String> dataError(JsonNode data);

  /**
   * Validates an answer given in the order shown; returns it normalised. Throws a ProblemException
   * naming the field.
   */
  JsonNode validateAnswer(JsonNode answer, ProjectSettings settings);

  /** Checks an answer against the task it answers; only ranking has something to check. */
  default Optional<String> answerError(JsonNode answer, JsonNode data) {
    return Optional.empty();
  }

  /** The data as shown to an annotator whose assignment says {@code swapped}. */
  JsonNode display(JsonNode data, boolean swapped);

  /** The answer in the customer's terms. */
  JsonNode toCustomerOrder(JsonNode answer, boolean swapped);

  static TaskKind of(String kind) {
    return switch (kind) {
      case "pairwise" -> Pairwise.INSTANCE;
      case "ranking" -> Ranking.INSTANCE;
      case "rating" -> Rating.INSTANCE;
      case "classification" -> Classification.INSTANCE;
      case "sft" -> Sft.INSTANCE;
      default -> throw new IllegalArgumentException("unknown kind " + kind);
    };
  }
}
