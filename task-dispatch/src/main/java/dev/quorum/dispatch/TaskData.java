package dev.quorum.dispatch;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

/** A task as the customer sent it. */
@Serdeable
public record TaskData(
    String id,
    String projectId,
    String externalId,
    @Nullable String batch,
    @Nullable Integer difficulty,
    @Nullable JsonNode metadata,
    JsonNode data,
    @Nullable JsonNode gold,
    String status) {}
