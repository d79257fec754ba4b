package dev.quorum.quality.qualification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

/** A gold item of a test: task data and the expected answer, both in the customer's terms. */
public record QualificationItem(
    int position, JsonNode data, JsonNode answer, @Nullable String explanation) {}
