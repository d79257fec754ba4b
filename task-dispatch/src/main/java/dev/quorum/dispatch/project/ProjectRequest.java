package dev.quorum.dispatch.project;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /api/v1/projects} (only {@code name} and {@code kind} are required) and
 * of {@code PATCH /api/v1/projects/{id}} (every field optional; {@code kind} cannot change).
 */
@Serdeable
public record ProjectRequest(
    @Nullable String name,
    @Nullable String kind,
    @Nullable String instructions,
    @Nullable OverlapRequest overlap,
    @Nullable Double goldRatio,
    @Nullable RequirementsRequest requirements,
    @Nullable List<ProjectSettings.DifficultyRule> difficultyRules,
    @Nullable Integer priority,
    @Nullable Integer leaseSeconds,
    @Nullable Instant deadline,
    @Nullable PayRequest pay,
    @Nullable List<String> criteria,
    @Nullable List<String> labels,
    @Nullable Boolean multiLabel,
    @Nullable ProjectSettings.Scale scale,
    @Nullable QualityRequest quality,
    @Nullable String status) {

  /** Just a name and a kind, everything else defaulted. */
  public static ProjectRequest of(String name, String kind) {
    return new ProjectRequest(
        name, kind, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null);
  }

  @Serdeable
  public record OverlapRequest(
      @Nullable Integer min, @Nullable Integer max, @Nullable Double agreementTarget) {}

  @Serdeable
  public record RequirementsRequest(
      @Nullable List<String> languages,
      @Nullable List<ProjectSettings.Skill> skills,
      @Nullable Integer minTier) {}

  /** Every field optional: what is left out keeps its current value. */
  @Serdeable
  public record QualityRequest(
      @Nullable String pairwiseTies,
      @Nullable String classificationMatch,
      @Nullable Double rankingMinTau,
      @Nullable Integer ratingTolerance,
      @Nullable Integer trustMinScored,
      @Nullable Double trustThreshold,
      @Nullable Double auditRate,
      @Nullable Integer escalationTier,
      @Nullable String qualification) {}

  @Serdeable
  public record PayRequest(@Nullable BigDecimal amount, @Nullable String currency) {}
}
