package dev.quorum.platform.identity;

import java.time.Instant;

/** A customer organisation: it owns projects, API keys and customer users. */
@io.micronaut.serde.annotation.Serdeable
public record Org(String id, String name, Instant createdAt) {}
