package dev.quorum.dispatch.project;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A project's validated settings, stored as one document and shown as sent. */
@Serdeable
public record ProjectSettings(
    Overlap overlap,
    double goldRatio,
    Requirements requirements,
    List<DifficultyRule> difficultyRules,
    int priority,
    int leaseSeconds,
    @Nullable Instant deadline,
    Pay pay,
    List<String> criteria,
    List<String> labels,
    boolean multiLabel,
    @Nullable Scale scale,
    @Nullable QualitySettings quality) {

  /** Projects stored before quality settings existed read as the defaults. */
  @Override
  public QualitySettings quality() {
    return quality == null ? QualitySettings.DEFAULTS : quality;
  }

  /** Units per task ({@code min}), the most quality may add ({@code max}), the agreement sought. */
  @Serdeable
  public record Overlap(int min, int max, double agreementTarget) {}

  @Serdeable
  public record Requirements(List<String> languages, List<Skill> skills, int minTier) {}

  @Serdeable
  public record Skill(String name, int minLevel) {}

  /** Tasks of difficulty {@code minDifficulty} or more need annotators of tier {@code minTier}. */
  @Serdeable
  public record DifficultyRule(int minDifficulty, int minTier) {}

  /** Pay per judgement, in the project's currency. */
  @Serdeable
  public record Pay(BigDecimal amount, String currency) {}

  /** The integer range of a rating project's scores. */
  @Serdeable
  public record Scale(int min, int max) {}

  /** The settings of a new project of {@code kind} when the request names nothing else. */
  public static ProjectSettings defaults(String kind) {
    return ProjectSettingsRules.defaults(kind);
  }

  /**
   * The settings {@code request} names for a new project of {@code kind}, validated as project
   * creation validates them (every error a 400 naming the field). Public for modules that score
   * work as a project of that kind would, such as quality-review's qualification tests; the kind
   * itself is the caller's to check.
   */
  public static ProjectSettings resolve(String kind, ProjectRequest request) {
    return ProjectSettingsRules.resolve(kind, request, ProjectSettingsRules.defaults(kind));
  }

  /** The tier a task of {@code difficulty} needs: the project's minimum, raised by the rules. */
  public int tierFor(@Nullable Integer difficulty) {
    int tier = requirements.minTier();
    if (difficulty != null) {
      for (DifficultyRule rule : difficultyRules) {
        if (difficulty >= rule.minDifficulty()) {
          tier = Math.max(tier, rule.minTier());
        }
      }
    }
    return tier;
  }
}
