package dev.quorum.platform.identity;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A customer API key as listed: never the key itself, only its prefix. */
@io.micronaut.serde.annotation.Serdeable
public record ApiKey(
    String id,
    String orgId,
    String name,
    String prefix,
    Instant createdAt,
    @Nullable Instant revokedAt,
    @Nullable Instant lastUsedAt) {}
