package dev.quorum.dispatch.intake;

import io.micronaut.serde.annotation.Serdeable;

/** What travels on {@code quorum.task-intake}, keyed by project id. */
@Serdeable
public record IntakeRecord(String projectId, String importId, TaskLine task) {}
