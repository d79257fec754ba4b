package dev.quorum.quality.qualification;

import dev.quorum.dispatch.project.ProjectSettings;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** A create request after validation: everything defaulted, every item checked. */
record NewQualification(
    String name,
    String kind,
    ProjectSettings settings,
    String instructions,
    @Nullable String grantSkill,
    @Nullable Integer grantLevel,
    double passScore,
    int cooldownHours,
    List<QualificationItem> items) {}
