package dev.quorum.quality.qualification;

import static dev.quorum.quality.store.jooq.Tables.QUALIFICATION_ANSWER;
import static dev.quorum.quality.store.jooq.Tables.QUALIFICATION_ATTEMPT;

import dev.quorum.dispatch.kind.TaskKind;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.json.Json;
import dev.quorum.quality.store.jooq.tables.records.QualificationAnswerRecord;
import dev.quorum.quality.store.jooq.tables.records.QualificationAttemptRecord;
import dev.quorum.workforce.annotator.AnnotatorService;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** An annotator's side of the tests: which they may take, and the next item of an attempt. */
@Singleton
public class AttemptService {

  private final Tx tx;
  private final Json json;
  private final Clock clock;
  private final QualificationService qualifications;
  private final AnnotatorService annotators;

  AttemptService(
      Tx tx,
      Json json,
      Clock clock,
      QualificationService qualifications,
      AnnotatorService annotators) {
    this.tx = tx;
    this.json = json;
    this.clock = clock;
    this.qualifications = qualifications;
    this.annotators = annotators;
  }

  /** Every test with where this annotator stands with it. */
  public List<TestStatus> list(String annotatorId) {
    List<Qualification> tests = qualifications.all();
    Map<String, QualificationAttemptRecord> latest = new HashMap<>();
    tx.read(
            dsl ->
                dsl.selectFrom(QUALIFICATION_ATTEMPT)
                    .where(QUALIFICATION_ATTEMPT.ANNOTATOR_ID.eq(annotatorId))
                    .orderBy(QUALIFICATION_ATTEMPT.STARTED_AT, QUALIFICATION_ATTEMPT.ID)
                    .fetch())
        .forEach(a -> latest.put(a.getQualificationId(), a));
    OffsetDateTime now = now();
    return tests.stream()
        .map(
            q -> {
              QualificationAttemptRecord attempt = latest.get(q.id());
              String status = Attempts.status(attempt, now);
              return new TestStatus(
                  q.id(),
                  q.name(),
                  q.kind(),
                  q.instructions(),
                  q.items(),
                  status,
                  status.equals(TestStatus.COOLDOWN)
                      ? attempt.getCooldownUntil().toInstant()
                      : null);
            })
        .toList();
  }

  /**
   * The item to answer now, starting an attempt when none is in progress; the same item again until
   * it is answered. Empty when every item of the attempt is answered.
   */
  public Optional<ShownItem> next(String annotatorId, String qualificationId) {
    annotators
        .workProfile(annotatorId)
        .blocked()
        .ifPresent(
            reason -> {
              throw ProblemException.forbidden(reason);
            });
    Qualification q =
        qualifications
            .find(qualificationId)
            .orElseThrow(() -> ProblemException.notFound("qualification " + qualificationId));
    return tx.write(
        dsl -> {
          OffsetDateTime now = now();
          QualificationAttemptRecord attempt = Attempts.latestLocked(dsl, annotatorId, q.id());
          if (attempt != null && attempt.getFinishedAt() != null) {
            Attempts.refuseRestart(attempt, now);
            attempt = null;
          }
          if (attempt == null) {
            attempt = Attempts.start(dsl, annotatorId, q.id(), now);
          }
          QualificationAnswerRecord shown = Attempts.shownUnanswered(dsl, attempt.getId());
          if (shown == null) {
            int position =
                dsl.fetchCount(
                    QUALIFICATION_ANSWER, QUALIFICATION_ANSWER.ATTEMPT_ID.eq(attempt.getId()));
            if (position >= q.items()) {
              return Optional.empty();
            }
            // The shown order is drawn once per item and recorded before the item is shown, so
            // that the answer, given in that order, can be mapped back to the customer's.
            shown = dsl.newRecord(QUALIFICATION_ANSWER);
            shown.setAttemptId(attempt.getId());
            shown.setPosition(position);
            shown.setSwapped(ThreadLocalRandom.current().nextBoolean());
            shown.setShownAt(now);
            shown.store();
          }
          QualificationItem item = Attempts.item(dsl, json, q.id(), shown.getPosition());
          return Optional.of(
              new ShownItem(
                  q.id(),
                  attempt.getId(),
                  shown.getPosition(),
                  q.items(),
                  q.kind(),
                  q.instructions(),
                  AnswerSettings.of(q.settings()),
                  TaskKind.of(q.kind()).display(item.data(), shown.getSwapped())));
        });
  }

  /** Microseconds, as PostgreSQL keeps them, so a time read back equals the one handed out. */
  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }
}
