package dev.quorum.quality.resolution;

import static dev.quorum.quality.store.jooq.Tables.JUDGEMENT;
import static dev.quorum.quality.store.jooq.Tables.TASK_OUTCOME;

import dev.quorum.dispatch.DispatchService;
import dev.quorum.dispatch.events.AnnotationSubmitted;
import dev.quorum.platform.events.EventConsumer;
import dev.quorum.platform.events.EventEnvelope;
import dev.quorum.platform.events.HandledEvents;
import dev.quorum.platform.events.Outbox;
import dev.quorum.platform.events.Topics;
import dev.quorum.platform.json.Json;
import dev.quorum.quality.store.jooq.enums.JudgementStatus;
import dev.quorum.quality.store.jooq.enums.OutcomeStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Records each submitted judgement and decides the task once its units are in: resolved when the
 * agreement meets the project's target, one more unit while the overlap allows, contested after.
 */
@Singleton
public class SubmissionConsumer extends EventConsumer<AnnotationSubmitted> {

  public static final String NAME = "quality-submissions";

  private final DispatchService dispatch;
  private final Outbox outbox;
  private final Json json;

  SubmissionConsumer(
      HandledEvents handled,
      JsonMapper mapper,
      Json json,
      DispatchService dispatch,
      Outbox outbox) {
    super(NAME, Set.of(AnnotationSubmitted.TYPE), AnnotationSubmitted.class, handled, mapper);
    this.dispatch = dispatch;
    this.outbox = outbox;
    this.json = json;
  }

  @Override
  protected void handle(DSLContext dsl, EventEnvelope envelope, AnnotationSubmitted event) {
    dsl.insertInto(JUDGEMENT)
        .set(JUDGEMENT.ASSIGNMENT_ID, event.assignmentId())
        .set(JUDGEMENT.TASK_ID, event.taskId())
        .set(JUDGEMENT.PROJECT_ID, event.projectId())
        .set(JUDGEMENT.ORG_ID, event.orgId())
        .set(JUDGEMENT.ANNOTATOR_ID, event.annotatorId())
        .set(JUDGEMENT.KIND, event.kind())
        .set(JUDGEMENT.ANSWER, json.jsonb(event.answer()))
        .set(JUDGEMENT.SWAPPED, event.swapped())
        .set(JUDGEMENT.DURATION_MS, event.durationMs())
        .set(JUDGEMENT.SUBMITTED_AT, OffsetDateTime.ofInstant(event.submittedAt(), ZoneOffset.UTC))
        .onConflictDoNothing()
        .execute();
    if (dsl.fetchExists(TASK_OUTCOME, TASK_OUTCOME.TASK_ID.eq(event.taskId()))) {
      return;
    }
    List<String> choices =
        dsl
            .select(JUDGEMENT.ANSWER)
            .from(JUDGEMENT)
            .where(JUDGEMENT.TASK_ID.eq(event.taskId()))
            .and(JUDGEMENT.STATUS.eq(JudgementStatus.submitted))
            .fetch(JUDGEMENT.ANSWER)
            .stream()
            .map(answer -> json.tree(answer).get("choice").getStringValue())
            .toList();
    if (choices.size() < event.overlapMin()) {
      return;
    }
    PairwiseConsensus.Result consensus = PairwiseConsensus.of(choices);
    boolean agreed = consensus.agreement() >= event.agreementTarget();
    if (!agreed && choices.size() < event.overlapMax()) {
      dispatch.addUnit(event.taskId());
      return;
    }
    OutcomeStatus status = agreed ? OutcomeStatus.resolved : OutcomeStatus.contested;
    dsl.insertInto(TASK_OUTCOME)
        .set(TASK_OUTCOME.TASK_ID, event.taskId())
        .set(TASK_OUTCOME.PROJECT_ID, event.projectId())
        .set(TASK_OUTCOME.ORG_ID, event.orgId())
        .set(TASK_OUTCOME.STATUS, status)
        .set(TASK_OUTCOME.JUDGEMENTS, choices.size())
        .set(TASK_OUTCOME.AGREEMENT, consensus.agreement())
        .set(TASK_OUTCOME.CONSENSUS, json.jsonb(Map.of("choice", consensus.choice())))
        .execute();
    dsl.update(JUDGEMENT)
        .set(JUDGEMENT.STATUS, agreed ? JudgementStatus.resolved : JudgementStatus.contested)
        .where(JUDGEMENT.TASK_ID.eq(event.taskId()))
        .and(JUDGEMENT.STATUS.eq(JudgementStatus.submitted))
        .execute();
    dispatch.markTask(event.taskId(), status.getLiteral());
    outbox.append(
        Topics.QUALITY,
        "task." + status.getLiteral(),
        event.projectId(),
        new TaskDecided(
            event.taskId(),
            event.projectId(),
            status.getLiteral(),
            consensus.choice(),
            consensus.agreement(),
            choices.size()));
  }

  /** Event payload: quality decided a task. */
  @Serdeable
  public record TaskDecided(
      String taskId,
      String projectId,
      String status,
      String choice,
      double agreement,
      int judgements) {}
}
