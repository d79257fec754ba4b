package dev.quorum.dispatch.intake;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What travels on {@code quorum.task-intake}, keyed by project id: {@code task} is one line of the
 * JSONL import format. The import endpoint sets {@code importId}; customers who produce to the
 * topic directly may leave it out.
 */
@Serdeable
public record IntakeRecord(String projectId, @Nullable String importId, JsonNode task) {}
