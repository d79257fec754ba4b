package dev.quorum.quality;

import static dev.quorum.quality.store.jooq.Tables.JUDGEMENT;
import static dev.quorum.quality.store.jooq.Tables.TASK_OUTCOME;

import dev.quorum.platform.db.Tx;
import dev.quorum.platform.events.Topics;
import dev.quorum.platform.json.Json;
import dev.quorum.quality.resolution.ResolvedTask;
import dev.quorum.quality.resolution.SubmissionConsumer;
import dev.quorum.quality.store.jooq.enums.JudgementStatus;
import dev.quorum.quality.store.jooq.enums.OutcomeStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What export and the customer API ask of quality. */
@Singleton
public class QualityService {

  /** The consumers whose effects an export snapshot must wait for, by topic. */
  public static final Map<String, String> CONSUMERS_BY_TOPIC =
      Map.of(Topics.ANNOTATIONS, SubmissionConsumer.NAME);

  private final Tx tx;
  private final Json json;

  QualityService(Tx tx, Json json) {
    this.tx = tx;
    this.json = json;
  }

  /** A judgement as the customer sees it. */
  @Serdeable
  public record Annotation(
      String assignmentId,
      String annotatorId,
      JsonNode answer,
      String status,
      java.time.Instant submittedAt,
      @Nullable Long durationMs) {}

  /** Quality's decision on a task. */
  @Serdeable
  public record Outcome(String status, double agreement, int judgements, JsonNode consensus) {}

  public List<Annotation> annotations(String taskId) {
    return tx.read(
        dsl ->
            dsl.selectFrom(JUDGEMENT)
                .where(JUDGEMENT.TASK_ID.eq(taskId))
                .orderBy(JUDGEMENT.SUBMITTED_AT, JUDGEMENT.ASSIGNMENT_ID)
                .fetch(
                    r ->
                        new Annotation(
                            r.getAssignmentId(),
                            r.getAnnotatorId(),
                            json.tree(r.getAnswer()),
                            r.getStatus().getLiteral(),
                            r.getSubmittedAt().toInstant(),
                            r.getDurationMs())));
  }

  public java.util.Optional<Outcome> outcome(String taskId) {
    return tx.read(
        dsl ->
            dsl.selectFrom(TASK_OUTCOME)
                .where(TASK_OUTCOME.TASK_ID.eq(taskId))
                .fetchOptional(
                    r ->
                        new Outcome(
                            r.getStatus().getLiteral(),
                            r.getAgreement(),
                            r.getJudgements(),
                            json.tree(r.getConsensus()))));
  }

  /** Resolved (not contested, not rejected) tasks of a project with their counting judgements. */
  public List<ResolvedTask> resolvedTasks(String projectId) {
    Map<String, List<ResolvedTask.Judgement>> byTask = new LinkedHashMap<>();
    tx.read(
            dsl ->
                dsl.select(
                        JUDGEMENT.TASK_ID,
                        JUDGEMENT.ASSIGNMENT_ID,
                        JUDGEMENT.ANNOTATOR_ID,
                        JUDGEMENT.ANSWER)
                    .from(JUDGEMENT)
                    .join(TASK_OUTCOME)
                    .on(TASK_OUTCOME.TASK_ID.eq(JUDGEMENT.TASK_ID))
                    .where(TASK_OUTCOME.PROJECT_ID.eq(projectId))
                    .and(TASK_OUTCOME.STATUS.eq(OutcomeStatus.resolved))
                    .and(JUDGEMENT.STATUS.in(JudgementStatus.resolved, JudgementStatus.accepted))
                    .orderBy(JUDGEMENT.TASK_ID, JUDGEMENT.SUBMITTED_AT, JUDGEMENT.ASSIGNMENT_ID)
                    .fetch())
        .forEach(
            r ->
                byTask
                    .computeIfAbsent(r.value1(), k -> new ArrayList<>())
                    .add(
                        new ResolvedTask.Judgement(r.value2(), r.value3(), json.tree(r.value4()))));
    List<ResolvedTask> tasks = new ArrayList<>();
    byTask.forEach(
        (taskId, judgements) -> tasks.add(new ResolvedTask(taskId, "resolved", judgements)));
    return tasks;
  }
}
