package dev.quorum.quality.qualification;

import dev.quorum.dispatch.project.ProjectSettings;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * A qualification test as stored.
 *
 * @param ownerOrgId the org whose projects the test is for; {@code null} for a platform-wide test
 * @param settings how answers are validated and scored, as for a project of {@code kind}
 * @param grantSkill the skill passing raises to {@code grantLevel}, if any
 * @param items how many gold items the test asks
 */
public record Qualification(
    String id,
    @Nullable String ownerOrgId,
    String name,
    String kind,
    ProjectSettings settings,
    String instructions,
    @Nullable String grantSkill,
    @Nullable Integer grantLevel,
    double passScore,
    int cooldownHours,
    int items,
    Instant createdAt) {}
