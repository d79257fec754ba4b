package dev.quorum.quality.qualification;

import dev.quorum.platform.events.Outbox;
import dev.quorum.platform.events.Topics;
import dev.quorum.quality.store.jooq.tables.records.QualificationAttemptRecord;
import dev.quorum.workforce.annotator.GrantService;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;

/**
 * Finishes an attempt whose last item is answered: a pass grants access to the projects that name
 * the test and the test's skill level, through workforce's service; a failure starts the cooldown.
 * Runs in the caller's transaction, so the grant, the result and the event commit together.
 */
@Singleton
class AttemptCompletion {

  /** Absorbs rounding in correct / total, so that 4 of 5 passes a pass score of 0.8. */
  private static final double EPSILON = 1e-9;

  private final GrantService grants;
  private final Outbox outbox;

  AttemptCompletion(GrantService grants, Outbox outbox) {
    this.grants = grants;
    this.outbox = outbox;
  }

  /** Sets the attempt's result (the caller stores it) and grants or cools down. */
  AnswerResult.Outcome finish(
      QualificationAttemptRecord attempt, Qualification q, OffsetDateTime now) {
    String annotatorId = attempt.getAnnotatorId();
    double score = (double) attempt.getCorrect() / q.items();
    boolean passed = score + EPSILON >= q.passScore();
    OffsetDateTime cooldownUntil = passed ? null : now.plusHours(q.cooldownHours());
    attempt.setFinishedAt(now);
    attempt.setPassed(passed);
    attempt.setCooldownUntil(cooldownUntil);
    if (passed) {
      grants.grantQualification(annotatorId, q.id());
      if (q.grantSkill() != null) {
        grants.grantSkill(annotatorId, q.grantSkill(), q.grantLevel());
      }
    }
    outbox.append(
        Topics.QUALITY,
        passed ? QualificationFinished.PASSED : QualificationFinished.FAILED,
        annotatorId,
        new QualificationFinished(
            q.id(),
            attempt.getId(),
            annotatorId,
            q.ownerOrgId(),
            attempt.getCorrect(),
            q.items(),
            score,
            passed,
            cooldownUntil == null ? null : cooldownUntil.toInstant(),
            passed ? q.grantSkill() : null,
            passed ? q.grantLevel() : null,
            now.toInstant()));
    return new AnswerResult.Outcome(
        passed, score, cooldownUntil == null ? null : cooldownUntil.toInstant());
  }
}
