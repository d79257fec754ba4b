package dev.quorum.dispatch.lease;

import static dev.quorum.dispatch.store.jooq.Tables.ASSIGNMENT;
import static dev.quorum.dispatch.store.jooq.Tables.EXCLUSION;
import static dev.quorum.dispatch.store.jooq.Tables.PROJECT;
import static dev.quorum.dispatch.store.jooq.Tables.TASK;
import static dev.quorum.dispatch.store.jooq.Tables.WORK_UNIT;

import dev.quorum.dispatch.events.AnnotationSubmitted;
import dev.quorum.dispatch.kind.TaskKind;
import dev.quorum.dispatch.project.ProjectSettings;
import dev.quorum.dispatch.store.jooq.enums.AssignmentStatus;
import dev.quorum.dispatch.store.jooq.enums.UnitStatus;
import dev.quorum.dispatch.store.jooq.tables.records.AssignmentRecord;
import dev.quorum.dispatch.store.jooq.tables.records.ProjectRecord;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.events.Outbox;
import dev.quorum.platform.events.Topics;
import dev.quorum.platform.json.Json;
import dev.quorum.platform.json.Sha256;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Stores a judgement and closes its unit in one transaction with the {@code annotation.submitted}
 * event. The same assignment (or Idempotency-Key) with the same answer returns the first result;
 * with another answer it is refused.
 */
@Singleton
public class SubmissionService {

  private final Tx tx;
  private final Outbox outbox;
  private final Json json;
  private final GoldScorer scorer;

  SubmissionService(Tx tx, Outbox outbox, Json json, @Nullable GoldScorer scorer) {
    this.tx = tx;
    this.outbox = outbox;
    this.json = json;
    this.scorer = scorer;
  }

  public SubmitResult submit(
      String annotatorId,
      String assignmentId,
      @Nullable JsonNode answer,
      @Nullable Long durationMs,
      @Nullable String idempotencyKey) {
    if (durationMs != null && durationMs < 0) {
      throw ProblemException.invalidField("durationMs", "must not be negative");
    }
    return tx.write(
        dsl -> {
          // The assignment with its project and task in one round trip.
          var row =
              dsl.select(ASSIGNMENT.asterisk())
                  .select(PROJECT.ORG_ID, PROJECT.KIND, PROJECT.SETTINGS)
                  .select(PROJECT.OVERLAP_MIN, PROJECT.OVERLAP_MAX)
                  .select(TASK.DATA, TASK.IS_GOLD, TASK.GOLD)
                  .from(ASSIGNMENT)
                  .join(PROJECT)
                  .on(PROJECT.ID.eq(ASSIGNMENT.PROJECT_ID))
                  .join(TASK)
                  .on(TASK.ID.eq(ASSIGNMENT.TASK_ID))
                  .where(ASSIGNMENT.ID.eq(assignmentId))
                  .and(ASSIGNMENT.ANNOTATOR_ID.eq(annotatorId))
                  .forUpdate()
                  .of(ASSIGNMENT)
                  .fetchOptional()
                  .orElseThrow(() -> ProblemException.notFound("assignment " + assignmentId));
          AssignmentRecord assignment = row.into(ASSIGNMENT);
          ProjectRecord project = row.into(PROJECT);
          if (idempotencyKey != null) {
            String usedBy =
                dsl.select(ASSIGNMENT.ID)
                    .from(ASSIGNMENT)
                    .where(ASSIGNMENT.ANNOTATOR_ID.eq(annotatorId))
                    .and(ASSIGNMENT.IDEMPOTENCY_KEY.eq(idempotencyKey))
                    .fetchOne(ASSIGNMENT.ID);
            if (usedBy != null && !usedBy.equals(assignmentId)) {
              throw new ProblemException(
                  HttpStatus.UNPROCESSABLE_ENTITY,
                  "this Idempotency-Key was already used for another assignment; send a new key per submission");
            }
          }
          ProjectSettings settings = json.read(project.getSettings(), ProjectSettings.class);
          TaskKind kind = TaskKind.of(project.getKind().getLiteral());
          JsonNode shown = kind.validateAnswer(answer, settings);
          var task = row.into(TASK.DATA, TASK.IS_GOLD, TASK.GOLD);
          kind.answerError(shown, json.tree(task.value1()))
              .ifPresent(
                  error -> {
                    throw new ProblemException(HttpStatus.BAD_REQUEST, error);
                  });
          boolean gold = task.value2();
          String hash = Sha256.hex(json.write(shown));
          if (assignment.getStatus() == AssignmentStatus.submitted) {
            if (hash.equals(assignment.getAnswerHash())) {
              return json.read(assignment.getResult(), SubmitResult.class);
            }
            throw new ProblemException(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "assignment "
                    + assignmentId
                    + " was already submitted with a different answer;"
                    + " a submitted judgement cannot be changed");
          }
          if (assignment.getStatus() == AssignmentStatus.skipped) {
            throw ProblemException.conflict(
                "you skipped assignment " + assignmentId + "; fetch a new task");
          }
          claimUnit(dsl, assignment, annotatorId);

          JsonNode customerAnswer = kind.toCustomerOrder(shown, assignment.getSwapped());
          OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
          int submittedUnits =
              dsl.fetchCount(
                  WORK_UNIT,
                  WORK_UNIT
                      .TASK_ID
                      .eq(assignment.getTaskId())
                      .and(WORK_UNIT.STATUS.eq(UnitStatus.submitted)));
          // With no room for more units, the task is complete once all are in; otherwise quality
          // decides.
          String status = submittedUnits >= project.getOverlapMax() ? "resolved" : "submitted";
          Feedback feedback =
              gold
                  ? feedback(
                      project.getKind().getLiteral(),
                      kind,
                      settings,
                      customerAnswer,
                      task.value3(),
                      assignment)
                  : null;
          SubmitResult result =
              new SubmitResult(status, feedback == null ? null : feedback.forAnnotator());

          dsl.update(ASSIGNMENT)
              .set(ASSIGNMENT.STATUS, AssignmentStatus.submitted)
              .set(ASSIGNMENT.SUBMITTED_AT, now)
              .set(ASSIGNMENT.ANSWER, json.jsonb(customerAnswer))
              .set(ASSIGNMENT.DURATION_MS, durationMs)
              .set(ASSIGNMENT.IDEMPOTENCY_KEY, idempotencyKey)
              .set(ASSIGNMENT.ANSWER_HASH, hash)
              .set(ASSIGNMENT.RESULT, json.jsonb(result))
              .where(ASSIGNMENT.ID.eq(assignmentId))
              .execute();
          dsl.insertInto(EXCLUSION)
              .set(EXCLUSION.ANNOTATOR_ID, annotatorId)
              .set(EXCLUSION.TASK_ID, assignment.getTaskId())
              .set(EXCLUSION.REASON, "submitted")
              .onConflict(EXCLUSION.ANNOTATOR_ID, EXCLUSION.TASK_ID)
              .doUpdate()
              .set(EXCLUSION.REASON, "submitted")
              .execute();
          outbox.append(
              Topics.ANNOTATIONS,
              AnnotationSubmitted.TYPE,
              assignment.getProjectId(),
              new AnnotationSubmitted(
                  assignment.getId(),
                  assignment.getUnitId(),
                  assignment.getTaskId(),
                  assignment.getProjectId(),
                  project.getOrgId(),
                  annotatorId,
                  project.getKind().getLiteral(),
                  customerAnswer,
                  assignment.getSwapped(),
                  gold,
                  feedback == null ? null : feedback.correct(),
                  durationMs,
                  now.toInstant(),
                  project.getOverlapMin(),
                  project.getOverlapMax(),
                  settings.overlap().agreementTarget(),
                  settings.pay().amount(),
                  settings.pay().currency()));
          return result;
        });
  }

  /** The score of a gold answer and what the annotator is told. */
  private record Feedback(@Nullable Boolean correct, JsonNode forAnnotator) {}

  /**
   * Instant feedback on a gold unit: whether the answer was right, the expected answer in the order
   * this annotator saw, and the explanation. Kinds that are never auto-scored get none.
   */
  private @Nullable Feedback feedback(
      String kindName,
      TaskKind kind,
      ProjectSettings settings,
      JsonNode customerAnswer,
      @Nullable org.jooq.JSONB goldDocument,
      AssignmentRecord assignment) {
    if (scorer == null || goldDocument == null) {
      return null;
    }
    JsonNode gold = json.tree(goldDocument);
    JsonNode expected = gold.get("answer");
    if (expected == null || expected.isNull()) {
      return null;
    }
    var correct = scorer.correct(kindName, settings, customerAnswer, expected).orElse(null);
    if (correct == null) {
      return null;
    }
    java.util.Map<String, JsonNode> shown = new java.util.LinkedHashMap<>();
    shown.put("correct", JsonNode.createBooleanNode(correct));
    // Swapping the sides is its own inverse: the customer's answer shown in the annotator's order.
    shown.put("expected", kind.toCustomerOrder(expected, assignment.getSwapped()));
    JsonNode explanation = gold.get("explanation");
    if (explanation != null && explanation.isString()) {
      shown.put("explanation", explanation);
    }
    return new Feedback(correct, JsonNode.createObjectNode(shown));
  }

  /**
   * The unit must still be this annotator's: leased to them, or, after their lease ran out, not yet
   * taken by anyone else (then it is theirs again).
   */
  private static void claimUnit(DSLContext dsl, AssignmentRecord assignment, String annotatorId) {
    int claimed =
        dsl.update(WORK_UNIT)
            .set(WORK_UNIT.STATUS, UnitStatus.submitted)
            .set(WORK_UNIT.LEASED_BY, annotatorId)
            .setNull(WORK_UNIT.LEASE_EXPIRES_AT)
            .where(WORK_UNIT.ID.eq(assignment.getUnitId()))
            .and(
                WORK_UNIT
                    .STATUS
                    .eq(DSL.inline(UnitStatus.ready))
                    .or(
                        WORK_UNIT
                            .STATUS
                            .eq(DSL.inline(UnitStatus.leased))
                            .and(WORK_UNIT.LEASED_BY.eq(annotatorId))))
            .execute();
    if (claimed == 0) {
      throw ProblemException.conflict(
          "the lease on assignment "
              + assignment.getId()
              + " ran out and the task went to someone else; your answer was not stored."
              + " Fetch a new task");
    }
  }
}
