package dev.quorum.dispatch.project;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** A project on the wire: its fields and settings at the top level, plus progress counts. */
@Serdeable
public record ProjectView(
    String id,
    String orgId,
    String name,
    String kind,
    String instructions,
    String status,
    ProjectSettings.Overlap overlap,
    double goldRatio,
    ProjectSettings.Requirements requirements,
    List<ProjectSettings.DifficultyRule> difficultyRules,
    int priority,
    int leaseSeconds,
    @Nullable Instant deadline,
    ProjectSettings.Pay pay,
    List<String> criteria,
    List<String> labels,
    boolean multiLabel,
    @Nullable ProjectSettings.Scale scale,
    QualitySettings quality,
    Instant createdAt,
    ProjectService.Progress progress) {

  static ProjectView of(Project p, ProjectService.Progress progress) {
    ProjectSettings s = p.settings();
    return new ProjectView(
        p.id(),
        p.orgId(),
        p.name(),
        p.kind(),
        p.instructions(),
        p.status(),
        s.overlap(),
        s.goldRatio(),
        s.requirements(),
        s.difficultyRules(),
        s.priority(),
        s.leaseSeconds(),
        s.deadline(),
        s.pay(),
        s.criteria(),
        s.labels(),
        s.multiLabel(),
        s.scale(),
        s.quality(),
        p.createdAt(),
        progress);
  }
}
