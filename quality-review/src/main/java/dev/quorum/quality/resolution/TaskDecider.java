package dev.quorum.quality.resolution;

import static dev.quorum.platform.db.RenderedQuery.param;
import static dev.quorum.quality.store.jooq.Tables.JUDGEMENT;
import static dev.quorum.quality.store.jooq.Tables.TASK_OUTCOME;

import dev.quorum.dispatch.DispatchService;
import dev.quorum.dispatch.project.ProjectSettings;
import dev.quorum.platform.db.RenderedQuery;
import dev.quorum.platform.events.Outbox;
import dev.quorum.platform.events.Topics;
import dev.quorum.platform.json.Json;
import dev.quorum.platform.json.JsonText;
import dev.quorum.quality.review.ReviewQueue;
import dev.quorum.quality.store.jooq.enums.JudgementStatus;
import dev.quorum.quality.store.jooq.enums.OutcomeStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * Decides a task once enough judgements are in: resolved when the agreement meets the project's
 * target, one more unit (through dispatch) while the overlap allows, contested after.
 */
@Singleton
public class TaskDecider {

  private final DispatchService dispatch;
  private final Outbox outbox;
  private final Json json;
  private final ReviewQueue reviews;

  TaskDecider(DispatchService dispatch, Outbox outbox, Json json, ReviewQueue reviews) {
    this.dispatch = dispatch;
    this.outbox = outbox;
    this.json = json;
    this.reviews = reviews;
  }

  /** What deciding a task needs to know about it and its project. */
  public record Task(
      String taskId,
      String projectId,
      String orgId,
      String kind,
      int overlapMin,
      int overlapMax,
      double agreementTarget,
      ProjectSettings settings) {}

  /** Decides {@code task} if it can be; joins the caller's transaction. */
  public void decide(DSLContext dsl, Task task) {
    // A task already decided yields no answers, and so stays as it was (overlap.min is at least 1).
    List<JsonNode> answers =
        ANSWERS.fetch(
            dsl,
            row -> json.tree(RenderedQuery.value(row, 1, JSONB.class)),
            task.taskId(),
            task.taskId());
    List<String> keys = answers.stream().map(answer -> consensusKey(task.kind(), answer)).toList();
    if (keys.size() < task.overlapMin()) {
      return;
    }
    Consensus.Result consensus = Consensus.of(keys);
    boolean agreed = consensus.agreement() >= task.agreementTarget();
    if (!agreed && keys.size() < task.overlapMax()) {
      // Escalation: the added unit may need a more experienced annotator.
      dispatch.addUnit(task.taskId(), task.settings().quality().escalationTier());
      return;
    }
    OutcomeStatus status = agreed ? OutcomeStatus.resolved : OutcomeStatus.contested;
    OUTCOME.execute(
        dsl,
        task.taskId(),
        task.projectId(),
        task.orgId(),
        status,
        keys.size(),
        consensus.agreement(),
        json.jsonb(consensusDocument(task.kind(), consensus, answers)));
    DECIDE_JUDGEMENTS.execute(
        dsl, agreed ? JudgementStatus.resolved : JudgementStatus.contested, task.taskId());
    dispatch.markTask(task.taskId(), status.getLiteral());
    reviews.afterDecision(
        dsl, task.taskId(), task.orgId(), status == OutcomeStatus.contested, task.settings());
    outbox.append(
        Topics.QUALITY,
        "task." + status.getLiteral(),
        task.projectId(),
        new TaskDecided(
            task.taskId(),
            task.projectId(),
            status.getLiteral(),
            consensus.leader(),
            consensus.agreement(),
            keys.size()));
  }

  /*
   * The statements of every judgement's decision, rendered once (RenderedQuery): jOOQ's rendering of
   * them cost more than their round trips.
   */

  /**
   * The answers that count, none once the task is decided. Rejected judgements do not count: a
   * rejected one reopened the task for someone else. Binds: task, task.
   */
  private static final RenderedQuery ANSWERS =
      RenderedQuery.of(
          dsl ->
              dsl.select(JUDGEMENT.ANSWER)
                  .from(JUDGEMENT)
                  .where(JUDGEMENT.TASK_ID.eq(param(JUDGEMENT.TASK_ID)))
                  .and(JUDGEMENT.STATUS.ne(DSL.inline(JudgementStatus.rejected)))
                  .and(JUDGEMENT.GOLD.isFalse())
                  .andNotExists(
                      DSL.selectOne()
                          .from(TASK_OUTCOME)
                          .where(TASK_OUTCOME.TASK_ID.eq(param(TASK_OUTCOME.TASK_ID)))));

  /** Binds: task, project, org, status, judgements, agreement, consensus. */
  private static final RenderedQuery OUTCOME =
      RenderedQuery.of(
          dsl ->
              RenderedQuery.insertEach(
                  dsl,
                  TASK_OUTCOME,
                  TASK_OUTCOME.TASK_ID,
                  TASK_OUTCOME.PROJECT_ID,
                  TASK_OUTCOME.ORG_ID,
                  TASK_OUTCOME.STATUS,
                  TASK_OUTCOME.JUDGEMENTS,
                  TASK_OUTCOME.AGREEMENT,
                  TASK_OUTCOME.CONSENSUS));

  /** Binds: the decided status, task. */
  private static final RenderedQuery DECIDE_JUDGEMENTS =
      RenderedQuery.of(
          dsl ->
              dsl.update(JUDGEMENT)
                  .set(JUDGEMENT.STATUS, param(JUDGEMENT.STATUS))
                  .where(JUDGEMENT.TASK_ID.eq(param(JUDGEMENT.TASK_ID)))
                  .and(JUDGEMENT.STATUS.eq(DSL.inline(JudgementStatus.submitted))));

  /**
   * What judgements must share to agree: the pairwise choice; for other kinds the whole answer as
   * canonical JSON text (written SFT responses are never compared: they always agree).
   */
  public static String consensusKey(String kind, JsonNode answer) {
    return switch (kind) {
      case "pairwise" -> answer.get("choice").getStringValue();
      case "sft" -> "written";
      default -> JsonText.of(answer);
    };
  }

  /**
   * An outcome's consensus document reduced to the same key, or null when it has no leader (an even
   * split, or SFT).
   */
  public static String outcomeKey(String kind, JsonNode consensus) {
    if (kind.equals("pairwise")) {
      JsonNode choice = consensus.get("choice");
      return choice == null || choice.getStringValue().equals("tie")
          ? null
          : choice.getStringValue();
    }
    JsonNode answer = consensus.get("answer");
    return answer == null || answer.isNull() ? null : consensusKey(kind, answer);
  }

  private Map<String, Object> consensusDocument(
      String kind, Consensus.Result consensus, List<JsonNode> answers) {
    Map<String, Object> document = new LinkedHashMap<>();
    if (kind.equals("pairwise")) {
      document.put("choice", consensus.leader() == null ? "tie" : consensus.leader());
    } else {
      document.put(
          "answer",
          consensus.leader() == null || kind.equals("sft") ? null : json.tree(consensus.leader()));
    }
    document.putAll(Preferences.of(kind, answers));
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
