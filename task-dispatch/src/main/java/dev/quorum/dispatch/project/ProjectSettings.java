package dev.quorum.dispatch.project;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;

/** A project's validated settings, stored as one document and shown as sent. */
@Serdeable
public record ProjectSettings(
    Overlap overlap,
    double goldRatio,
    Requirements requirements,
    int priority,
    int leaseSeconds,
    Pay pay,
    List<String> criteria) {

  /** Units per task ({@code min}), the most quality may add ({@code max}), the agreement sought. */
  @Serdeable
  public record Overlap(int min, int max, double agreementTarget) {}

  @Serdeable
  public record Requirements(List<String> languages, List<Skill> skills, int minTier) {}

  @Serdeable
  public record Skill(String name, int minLevel) {}

  /** Pay per judgement, in the project's currency. */
  @Serdeable
  public record Pay(BigDecimal amount, String currency) {}
}
