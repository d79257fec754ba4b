package dev.quorum.dispatch.project;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A project as its org sees it. */
@Serdeable
public record Project(
    String id,
    String orgId,
    String name,
    String kind,
    String instructions,
    String status,
    ProjectSettings settings,
    Instant createdAt) {}
