package dev.quorum.dispatch.lease;

import dev.quorum.dispatch.project.ProjectSettings;
import io.micronaut.json.tree.JsonNode;
import java.util.Optional;

/**
 * Scores an answer to a gold task, for the instant feedback of the submit response. Declared here,
 * provided by quality-review (which owns scoring), so that the compile-time arrows stay one way.
 */
public interface GoldScorer {

  /**
   * Whether {@code answer} matches {@code expected}, both in the customer's terms; empty for kinds
   * that are never scored automatically (sft goes to review instead).
   */
  Optional<Boolean> correct(
      String kind, ProjectSettings settings, JsonNode answer, JsonNode expected);
}
