package dev.quorum.quality.qualification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** Every attempt at one test, newest first, for the people who manage it. */
@Serdeable
public record Results(
    String qualificationId, String name, int items, double passScore, List<Attempt> attempts) {

  /**
   * One attempt. {@code annotatorName} only where the caller may see the annotator's profile
   * (admins, the manager of the annotator's vendor); {@code score} once the attempt is finished.
   */
  @Serdeable
  public record Attempt(
      String attemptId,
      String annotatorId,
      @Nullable String annotatorName,
      Instant startedAt,
      @Nullable Instant finishedAt,
      int answered,
      int correct,
      @Nullable Double score,
      @Nullable Boolean passed,
      @Nullable Instant cooldownUntil) {}
}
