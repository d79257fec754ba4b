package dev.quorum.quality.qualification;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * The answer to an answer: instant feedback on the item, progress, and once the last item is in,
 * the result. Stored with the answer and returned again when the same answer is repeated.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnswerResult(Feedback feedback, int answered, int total, @Nullable Outcome result) {

  /** {@code expected} is the gold answer in the order this annotator was shown. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Feedback(boolean correct, JsonNode expected, @Nullable String explanation) {}

  /** {@code cooldownUntil}: when a failed test may be taken again. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Outcome(boolean passed, double score, @Nullable Instant cooldownUntil) {}
}
