package dev.quorum.dispatch.project;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;

/** The body of {@code POST /api/v1/projects}: only {@code name} and {@code kind} are required. */
@Serdeable
public record ProjectRequest(
    @Nullable String name,
    @Nullable String kind,
    @Nullable String instructions,
    @Nullable OverlapRequest overlap,
    @Nullable Double goldRatio,
    @Nullable RequirementsRequest requirements,
    @Nullable Integer priority,
    @Nullable Integer leaseSeconds,
    @Nullable PayRequest pay,
    @Nullable List<String> criteria,
    @Nullable String status) {

  @Serdeable
  public record OverlapRequest(
      @Nullable Integer min, @Nullable Integer max, @Nullable Double agreementTarget) {}

  @Serdeable
  public record RequirementsRequest(
      @Nullable List<String> languages,
      @Nullable List<ProjectSettings.Skill> skills,
      @Nullable Integer minTier) {}

  @Serdeable
  public record PayRequest(@Nullable BigDecimal amount, @Nullable String currency) {}
}
