package dev.quorum.platform.events;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * What every domain event looks like on Kafka. {@code key} is also the record key; {@code version}
 * is the payload's schema version, so consumers can read old and new shapes.
 */
@Serdeable
public record EventEnvelope(
    UUID id, String type, String key, Instant occurredAt, int version, JsonNode payload) {}
