package dev.quorum.dispatch.lease;

import static dev.quorum.dispatch.store.jooq.Tables.ASSIGNMENT;
import static dev.quorum.dispatch.store.jooq.Tables.EXCLUSION;
import static dev.quorum.dispatch.store.jooq.Tables.PROJECT;
import static dev.quorum.dispatch.store.jooq.Tables.TASK;
import static dev.quorum.dispatch.store.jooq.Tables.WORK_UNIT;
import static dev.quorum.platform.db.RenderedQuery.param;

import dev.quorum.dispatch.events.AnnotationSubmitted;
import dev.quorum.dispatch.kind.TaskKind;
import dev.quorum.dispatch.project.ProjectSettings;
import dev.quorum.dispatch.store.jooq.enums.AssignmentStatus;
import dev.quorum.dispatch.store.jooq.enums.UnitStatus;
import dev.quorum.dispatch.store.jooq.enums.WorkKind;
import dev.quorum.dispatch.store.jooq.tables.records.AssignmentRecord;
import dev.quorum.platform.db.RenderedQuery;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.JSONB;
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
          Submitting row =
              SUBMITTING
                  .fetchOptional(dsl, Submitting::read, assignmentId, annotatorId)
                  .orElseThrow(() -> ProblemException.notFound("assignment " + assignmentId));
          AssignmentRecord assignment = row.assignment();
          Submitting.Project project = row.project();
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
          ProjectSettings settings = json.read(project.settings(), ProjectSettings.class);
          TaskKind kind = TaskKind.of(project.kind().getLiteral());
          JsonNode shown = kind.validateAnswer(answer, settings);
          Submitting.Task task = row.task();
          kind.answerError(shown, json.tree(task.data()))
              .ifPresent(
                  error -> {
                    throw new ProblemException(HttpStatus.BAD_REQUEST, error);
                  });
          boolean gold = task.isGold();
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
              SUBMITTED_UNITS
                  .fetchOptional(dsl, r -> r.getInt(1), assignment.getTaskId())
                  .orElseThrow();
          // With no room for more units, the task is complete once all are in; otherwise quality
          // decides.
          String status = submittedUnits >= project.overlapMax() ? "resolved" : "submitted";
          Feedback feedback =
              gold
                  ? feedback(
                      project.kind().getLiteral(),
                      kind,
                      settings,
                      customerAnswer,
                      task.gold(),
                      assignment)
                  : null;
          SubmitResult result =
              new SubmitResult(status, feedback == null ? null : feedback.forAnnotator());

          STORE_JUDGEMENT.execute(
              dsl,
              now,
              json.jsonb(customerAnswer),
              durationMs,
              idempotencyKey,
              hash,
              json.jsonb(result),
              assignmentId);
          EXCLUDE_JUDGED.execute(dsl, annotatorId, assignment.getTaskId());
          outbox.append(
              Topics.ANNOTATIONS,
              AnnotationSubmitted.TYPE,
              assignment.getProjectId(),
              new AnnotationSubmitted(
                  assignment.getId(),
                  assignment.getUnitId(),
                  assignment.getTaskId(),
                  assignment.getProjectId(),
                  project.orgId(),
                  annotatorId,
                  project.kind().getLiteral(),
                  customerAnswer,
                  assignment.getSwapped(),
                  gold,
                  feedback == null ? null : feedback.correct(),
                  durationMs,
                  now.toInstant(),
                  project.overlapMin(),
                  project.overlapMax(),
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
    int claimed = CLAIM_UNIT.execute(dsl, annotatorId, assignment.getUnitId(), annotatorId);
    if (claimed == 0) {
      throw ProblemException.conflict(
          "the lease on assignment "
              + assignment.getId()
              + " ran out and the task went to someone else; your answer was not stored."
              + " Fetch a new task");
    }
  }

  /*
   * The statements of every submit are rendered once (RenderedQuery): jOOQ's rendering of them cost
   * more than their round trips.
   */

  /** The assignment with its project and task in one round trip. Binds: assignment, annotator. */
  private static final RenderedQuery SUBMITTING =
      RenderedQuery.of(
          dsl ->
              dsl.select(ASSIGNMENT.asterisk())
                  .select(PROJECT.ORG_ID, PROJECT.KIND, PROJECT.SETTINGS)
                  .select(PROJECT.OVERLAP_MIN, PROJECT.OVERLAP_MAX)
                  .select(TASK.DATA, TASK.IS_GOLD, TASK.GOLD)
                  .from(ASSIGNMENT)
                  .join(PROJECT)
                  .on(PROJECT.ID.eq(ASSIGNMENT.PROJECT_ID))
                  .join(TASK)
                  .on(TASK.ID.eq(ASSIGNMENT.TASK_ID))
                  .where(ASSIGNMENT.ID.eq(param(ASSIGNMENT.ID)))
                  .and(ASSIGNMENT.ANNOTATOR_ID.eq(param(ASSIGNMENT.ANNOTATOR_ID)))
                  .forUpdate()
                  .of(ASSIGNMENT));

  /** A row of {@link #SUBMITTING}. */
  private record Submitting(AssignmentRecord assignment, Project project, Task task) {

    record Project(String orgId, WorkKind kind, JSONB settings, int overlapMin, int overlapMax) {}

    record Task(JSONB data, boolean isGold, @Nullable JSONB gold) {}

    private static final RenderedQuery.Row<AssignmentRecord> ASSIGNMENT_ROW =
        RenderedQuery.into(ASSIGNMENT);

    static Submitting read(ResultSet row) throws SQLException {
      return new Submitting(
          ASSIGNMENT_ROW.read(row),
          new Project(
              row.getString(PROJECT.ORG_ID.getName()),
              RenderedQuery.value(row, PROJECT.KIND.getName(), WorkKind.class),
              RenderedQuery.value(row, PROJECT.SETTINGS.getName(), JSONB.class),
              row.getInt(PROJECT.OVERLAP_MIN.getName()),
              row.getInt(PROJECT.OVERLAP_MAX.getName())),
          new Task(
              RenderedQuery.value(row, TASK.DATA.getName(), JSONB.class),
              row.getBoolean(TASK.IS_GOLD.getName()),
              RenderedQuery.value(row, TASK.GOLD.getName(), JSONB.class)));
    }
  }

  /** Binds: annotator, unit, annotator. */
  private static final RenderedQuery CLAIM_UNIT =
      RenderedQuery.of(
          dsl ->
              dsl.update(WORK_UNIT)
                  .set(WORK_UNIT.STATUS, DSL.inline(UnitStatus.submitted))
                  .set(WORK_UNIT.LEASED_BY, param(WORK_UNIT.LEASED_BY))
                  .set(WORK_UNIT.LEASE_EXPIRES_AT, DSL.inline(null, WORK_UNIT.LEASE_EXPIRES_AT))
                  .where(WORK_UNIT.ID.eq(param(WORK_UNIT.ID)))
                  .and(
                      WORK_UNIT
                          .STATUS
                          .eq(DSL.inline(UnitStatus.ready))
                          .or(
                              WORK_UNIT
                                  .STATUS
                                  .eq(DSL.inline(UnitStatus.leased))
                                  .and(WORK_UNIT.LEASED_BY.eq(param(WORK_UNIT.LEASED_BY))))));

  /** Binds: task. */
  private static final RenderedQuery SUBMITTED_UNITS =
      RenderedQuery.of(
          dsl ->
              dsl.selectCount()
                  .from(WORK_UNIT)
                  .where(WORK_UNIT.TASK_ID.eq(param(WORK_UNIT.TASK_ID)))
                  .and(WORK_UNIT.STATUS.eq(DSL.inline(UnitStatus.submitted))));

  /** Binds: submitted at, answer, duration, idempotency key, answer hash, result, assignment. */
  private static final RenderedQuery STORE_JUDGEMENT =
      RenderedQuery.of(
          dsl ->
              dsl.update(ASSIGNMENT)
                  .set(ASSIGNMENT.STATUS, DSL.inline(AssignmentStatus.submitted))
                  .set(ASSIGNMENT.SUBMITTED_AT, param(ASSIGNMENT.SUBMITTED_AT))
                  .set(ASSIGNMENT.ANSWER, param(ASSIGNMENT.ANSWER))
                  .set(ASSIGNMENT.DURATION_MS, param(ASSIGNMENT.DURATION_MS))
                  .set(ASSIGNMENT.IDEMPOTENCY_KEY, param(ASSIGNMENT.IDEMPOTENCY_KEY))
                  .set(ASSIGNMENT.ANSWER_HASH, param(ASSIGNMENT.ANSWER_HASH))
                  .set(ASSIGNMENT.RESULT, param(ASSIGNMENT.RESULT))
                  .where(ASSIGNMENT.ID.eq(param(ASSIGNMENT.ID))));

  /** Binds: annotator, task. */
  private static final RenderedQuery EXCLUDE_JUDGED =
      RenderedQuery.of(
          dsl ->
              dsl.insertInto(EXCLUSION)
                  .set(EXCLUSION.ANNOTATOR_ID, param(EXCLUSION.ANNOTATOR_ID))
                  .set(EXCLUSION.TASK_ID, param(EXCLUSION.TASK_ID))
                  .set(EXCLUSION.REASON, DSL.inline("submitted"))
                  .onConflict(EXCLUSION.ANNOTATOR_ID, EXCLUSION.TASK_ID)
                  .doUpdate()
                  .set(EXCLUSION.REASON, DSL.inline("submitted")));
}
