package dev.quorum.quality.qualification;

import static dev.quorum.quality.store.jooq.Tables.QUALIFICATION_ATTEMPT;

import dev.quorum.dispatch.kind.TaskKind;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.json.Json;
import dev.quorum.platform.json.Sha256;
import dev.quorum.quality.gold.GoldScoring;
import dev.quorum.quality.store.jooq.tables.records.QualificationAnswerRecord;
import dev.quorum.quality.store.jooq.tables.records.QualificationAttemptRecord;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jooq.DSLContext;

/**
 * Scores an answer to a shown item with the test's scoring settings and gives instant feedback; the
 * last answer finishes the attempt in the same transaction. The same answer again returns the first
 * result; a different one is refused.
 */
@Singleton
public class AnswerService {

  private final Tx tx;
  private final Json json;
  private final Clock clock;
  private final QualificationService qualifications;
  private final GoldScoring scoring;
  private final AttemptCompletion completion;

  AnswerService(
      Tx tx,
      Json json,
      Clock clock,
      QualificationService qualifications,
      GoldScoring scoring,
      AttemptCompletion completion) {
    this.tx = tx;
    this.json = json;
    this.clock = clock;
    this.qualifications = qualifications;
    this.scoring = scoring;
    this.completion = completion;
  }

  public AnswerResult answer(String annotatorId, String qualificationId, AnswerRequest request) {
    Qualification q =
        qualifications
            .find(qualificationId)
            .orElseThrow(() -> ProblemException.notFound("qualification " + qualificationId));
    Integer position = request.position();
    if (position == null || position < 0 || position >= q.items()) {
      throw ProblemException.invalidField(
          "position", "name the item you answer: the position from next, 0 to " + (q.items() - 1));
    }
    TaskKind kind = TaskKind.of(q.kind());
    JsonNode shownAnswer = kind.validateAnswer(request.answer(), q.settings());
    return tx.write(
        dsl -> {
          QualificationAttemptRecord attempt = attempt(dsl, annotatorId, q, request.attemptId());
          QualificationAnswerRecord row = Attempts.shown(dsl, attempt.getId(), position);
          if (row == null) {
            throw ProblemException.conflict(
                "item "
                    + position
                    + " has not been shown to you in this attempt; take the current item with"
                    + " POST /api/v1/annotator/qualifications/"
                    + q.id()
                    + "/next");
          }
          QualificationItem item = Attempts.item(dsl, json, q.id(), position);
          kind.answerError(shownAnswer, item.data())
              .ifPresent(
                  error -> {
                    throw ProblemException.badRequest(error);
                  });
          String hash = Sha256.hex(json.write(shownAnswer));
          if (row.getAnswerHash() != null) {
            if (row.getAnswerHash().equals(hash)) {
              return json.read(row.getResponse(), AnswerResult.class);
            }
            throw new ProblemException(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "item "
                    + position
                    + " of this attempt was already answered with a different answer;"
                    + " an answer cannot be changed");
          }
          return score(dsl, q, kind, attempt, row, item, shownAnswer, hash);
        });
  }

  private AnswerResult score(
      DSLContext dsl,
      Qualification q,
      TaskKind kind,
      QualificationAttemptRecord attempt,
      QualificationAnswerRecord row,
      QualificationItem item,
      JsonNode shownAnswer,
      String hash) {
    boolean swapped = row.getSwapped();
    JsonNode customerAnswer = kind.toCustomerOrder(shownAnswer, swapped);
    // Sft tests are refused at creation, so every kind here is scored.
    boolean correct =
        scoring.correct(q.kind(), q.settings(), customerAnswer, item.answer()).orElse(false);
    // Swapping the sides is its own inverse: the gold answer shown in the annotator's order.
    AnswerResult.Feedback feedback =
        new AnswerResult.Feedback(
            correct, kind.toCustomerOrder(item.answer(), swapped), item.explanation());
    // Microseconds, as PostgreSQL keeps them: the cooldown told now equals the one read later.
    OffsetDateTime now =
        OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    attempt.setAnswered(attempt.getAnswered() + 1);
    attempt.setCorrect(attempt.getCorrect() + (correct ? 1 : 0));
    AnswerResult.Outcome outcome =
        attempt.getAnswered() >= q.items() ? completion.finish(attempt, q, now) : null;
    attempt.store();
    AnswerResult result = new AnswerResult(feedback, attempt.getAnswered(), q.items(), outcome);
    row.setAnswer(json.jsonb(customerAnswer));
    row.setAnswerHash(hash);
    row.setCorrect(correct);
    row.setResponse(json.jsonb(result));
    row.setAnsweredAt(now);
    row.store();
    return result;
  }

  /** The attempt named, or the newest; locked so that answers to one attempt take turns. */
  private static QualificationAttemptRecord attempt(
      DSLContext dsl, String annotatorId, Qualification q, String attemptId) {
    if (attemptId == null) {
      QualificationAttemptRecord latest = Attempts.latestLocked(dsl, annotatorId, q.id());
      if (latest == null) {
        throw ProblemException.conflict(
            "you have not started this test; take its first item with POST"
                + " /api/v1/annotator/qualifications/"
                + q.id()
                + "/next");
      }
      return latest;
    }
    return dsl.selectFrom(QUALIFICATION_ATTEMPT)
        .where(QUALIFICATION_ATTEMPT.ID.eq(attemptId))
        .and(QUALIFICATION_ATTEMPT.ANNOTATOR_ID.eq(annotatorId))
        .and(QUALIFICATION_ATTEMPT.QUALIFICATION_ID.eq(q.id()))
        .forUpdate()
        .fetchOptional()
        .orElseThrow(() -> ProblemException.notFound("attempt " + attemptId));
  }
}
