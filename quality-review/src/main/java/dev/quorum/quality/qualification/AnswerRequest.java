package dev.quorum.quality.qualification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An answer to one shown item, in the order shown. {@code attemptId} is optional: without it the
 * annotator's latest attempt is meant (naming it lets a client repeat the last answer of an attempt
 * safely even after a new one started).
 */
@Serdeable
public record AnswerRequest(
    @Nullable Integer position, @Nullable JsonNode answer, @Nullable String attemptId) {}
