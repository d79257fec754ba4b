package dev.quorum.quality.qualification;

import static dev.quorum.quality.store.jooq.Tables.QUALIFICATION_ANSWER;
import static dev.quorum.quality.store.jooq.Tables.QUALIFICATION_ATTEMPT;
import static dev.quorum.quality.store.jooq.Tables.QUALIFICATION_ITEM;

import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.id.Ids;
import dev.quorum.platform.json.Json;
import dev.quorum.quality.store.jooq.tables.records.QualificationAnswerRecord;
import dev.quorum.quality.store.jooq.tables.records.QualificationAttemptRecord;
import io.micronaut.core.annotation.Nullable;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.jooq.DSLContext;

/**
 * Queries on attempts shared by starting, answering and listing tests; all inside the caller's
 * transaction.
 */
final class Attempts {

  private Attempts() {}

  /**
   * The annotator's newest attempt at the test, locked: the lock serialises an annotator's calls on
   * one test, so an attempt finishes once and a new one starts once.
   */
  static @Nullable QualificationAttemptRecord latestLocked(
      DSLContext dsl, String annotatorId, String qualificationId) {
    return dsl.selectFrom(QUALIFICATION_ATTEMPT)
        .where(QUALIFICATION_ATTEMPT.ANNOTATOR_ID.eq(annotatorId))
        .and(QUALIFICATION_ATTEMPT.QUALIFICATION_ID.eq(qualificationId))
        .orderBy(QUALIFICATION_ATTEMPT.STARTED_AT.desc(), QUALIFICATION_ATTEMPT.ID.desc())
        .limit(1)
        .forUpdate()
        .fetchOne();
  }

  /**
   * Starts an attempt, or returns the one a parallel call just started: the partial unique index
   * allows one unfinished attempt per annotator and test.
   */
  static QualificationAttemptRecord start(
      DSLContext dsl, String annotatorId, String qualificationId, OffsetDateTime now) {
    dsl.insertInto(QUALIFICATION_ATTEMPT)
        .set(QUALIFICATION_ATTEMPT.ID, Ids.newId("qat"))
        .set(QUALIFICATION_ATTEMPT.QUALIFICATION_ID, qualificationId)
        .set(QUALIFICATION_ATTEMPT.ANNOTATOR_ID, annotatorId)
        .set(QUALIFICATION_ATTEMPT.STARTED_AT, now)
        .onConflictDoNothing()
        .execute();
    return dsl.selectFrom(QUALIFICATION_ATTEMPT)
        .where(QUALIFICATION_ATTEMPT.ANNOTATOR_ID.eq(annotatorId))
        .and(QUALIFICATION_ATTEMPT.QUALIFICATION_ID.eq(qualificationId))
        .and(QUALIFICATION_ATTEMPT.FINISHED_AT.isNull())
        .forUpdate()
        .fetchSingle();
  }

  /** Where the annotator stands with a test, from their newest attempt. */
  static String status(@Nullable QualificationAttemptRecord latest, OffsetDateTime now) {
    if (latest == null) {
      return TestStatus.AVAILABLE;
    }
    if (latest.getFinishedAt() == null) {
      return TestStatus.IN_PROGRESS;
    }
    if (Boolean.TRUE.equals(latest.getPassed())) {
      return TestStatus.PASSED;
    }
    OffsetDateTime until = latest.getCooldownUntil();
    return until != null && until.isAfter(now) ? TestStatus.COOLDOWN : TestStatus.AVAILABLE;
  }

  /** Refuses to start again after a pass, or before a failed attempt's cooldown is over. */
  static void refuseRestart(QualificationAttemptRecord finished, OffsetDateTime now) {
    String status = status(finished, now);
    if (status.equals(TestStatus.PASSED)) {
      throw ProblemException.conflict(
          "you already passed this test; the work it opens is offered to you by next-task");
    }
    if (status.equals(TestStatus.COOLDOWN)) {
      throw ProblemException.conflict(
          "you did not pass this test; you may take it again from "
              + DateTimeFormatter.ISO_INSTANT.format(finished.getCooldownUntil()));
    }
  }

  /** The item shown but not yet answered, if any (at most one: items are shown one at a time). */
  static @Nullable QualificationAnswerRecord shownUnanswered(DSLContext dsl, String attemptId) {
    return dsl.selectFrom(QUALIFICATION_ANSWER)
        .where(QUALIFICATION_ANSWER.ATTEMPT_ID.eq(attemptId))
        .and(QUALIFICATION_ANSWER.ANSWER_HASH.isNull())
        .orderBy(QUALIFICATION_ANSWER.POSITION)
        .limit(1)
        .fetchOne();
  }

  static @Nullable QualificationAnswerRecord shown(DSLContext dsl, String attemptId, int position) {
    return dsl.selectFrom(QUALIFICATION_ANSWER)
        .where(QUALIFICATION_ANSWER.ATTEMPT_ID.eq(attemptId))
        .and(QUALIFICATION_ANSWER.POSITION.eq(position))
        .fetchOne();
  }

  static QualificationItem item(DSLContext dsl, Json json, String qualificationId, int position) {
    var row =
        dsl.selectFrom(QUALIFICATION_ITEM)
            .where(QUALIFICATION_ITEM.QUALIFICATION_ID.eq(qualificationId))
            .and(QUALIFICATION_ITEM.POSITION.eq(position))
            .fetchSingle();
    return new QualificationItem(
        row.getPosition(),
        json.tree(row.getData()),
        json.tree(row.getAnswer()),
        row.getExplanation());
  }
}
