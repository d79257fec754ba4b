package dev.quorum.quality.qualification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * Event payload of {@code qualification.passed} and {@code qualification.failed} on {@code
 * quorum.quality}, keyed by annotator id so that an annotator's results stay in order.
 */
@Serdeable
public record QualificationFinished(
    String qualificationId,
    String attemptId,
    String annotatorId,
    @Nullable String ownerOrgId,
    int correct,
    int total,
    double score,
    boolean passed,
    @Nullable Instant cooldownUntil,
    @Nullable String grantedSkill,
    @Nullable Integer grantedLevel,
    Instant finishedAt) {

  static final String PASSED = "qualification.passed";
  static final String FAILED = "qualification.failed";
}
