package dev.quorum.quality.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

/** {@code POST /api/v1/reviews/{id}}: accept, reject with a reason, or correct with an answer. */
@Serdeable
public record VerdictRequest(
    @Nullable String verdict, @Nullable String reason, @Nullable JsonNode correction) {

  /** The result of a verdict. */
  @Serdeable
  public record Result(String reviewId, String verdict, String status) {}
}
