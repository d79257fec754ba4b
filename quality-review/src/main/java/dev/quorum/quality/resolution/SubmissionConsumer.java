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
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
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
    // Gold tasks are scored against their answer, not decided by consensus.
    if (event.gold() || dsl.fetchExists(TASK_OUTCOME, TASK_OUTCOME.TASK_ID.eq(event.taskId()))) {
      return;
    }
    List<String> keys =
        dsl
            .select(JUDGEMENT.ANSWER)
            .from(JUDGEMENT)
            .where(JUDGEMENT.TASK_ID.eq(event.taskId()))
            .and(JUDGEMENT.STATUS.eq(JudgementStatus.submitted))
            .fetch(JUDGEMENT.ANSWER)
            .stream()
            .map(answer -> consensusKey(event.kind(), json.tree(answer)))
            .toList();
    if (keys.size() < event.overlapMin()) {
      return;
    }
    Consensus.Result consensus = Consensus.of(keys);
    boolean agreed = consensus.agreement() >= event.agreementTarget();
    if (!agreed && keys.size() < event.overlapMax()) {
      dispatch.addUnit(event.taskId());
      return;
    }
    OutcomeStatus status = agreed ? OutcomeStatus.resolved : OutcomeStatus.contested;
    dsl.insertInto(TASK_OUTCOME)
        .set(TASK_OUTCOME.TASK_ID, event.taskId())
        .set(TASK_OUTCOME.PROJECT_ID, event.projectId())
        .set(TASK_OUTCOME.ORG_ID, event.orgId())
        .set(TASK_OUTCOME.STATUS, status)
        .set(TASK_OUTCOME.JUDGEMENTS, keys.size())
        .set(TASK_OUTCOME.AGREEMENT, consensus.agreement())
        .set(TASK_OUTCOME.CONSENSUS, json.jsonb(consensusDocument(event.kind(), consensus)))
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
            consensus.leader(),
            consensus.agreement(),
            keys.size()));
  }

  /**
   * What judgements must share to agree: the pairwise choice; for other kinds the whole answer
   * (written SFT responses are never compared: they always agree).
   */
  static String consensusKey(String kind, JsonNode answer) {
    return switch (kind) {
      case "pairwise" -> answer.get("choice").getStringValue();
      case "sft" -> "written";
      default -> answer.toString();
    };
  }

  private Map<String, Object> consensusDocument(String kind, Consensus.Result consensus) {
    if (kind.equals("pairwise")) {
      return Map.of("choice", consensus.leader() == null ? "tie" : consensus.leader());
    }
    Map<String, Object> document = new HashMap<>();
    document.put(
        "answer",
        consensus.leader() == null || kind.equals("sft") ? null : json.tree(consensus.leader()));
    return document;
  }

  /** Event payload: quality decided a task; {@code leader} is the consensus key, if any. */
  @Serdeable
  public record TaskDecided(
      String taskId,
      String projectId,
      String status,
      @Nullable String leader,
      double agreement,
      int judgements) {}
}
