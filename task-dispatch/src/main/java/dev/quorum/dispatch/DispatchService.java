package dev.quorum.dispatch;

import static dev.quorum.dispatch.store.jooq.Tables.ASSIGNMENT;
import static dev.quorum.dispatch.store.jooq.Tables.EXCLUSION;
import static dev.quorum.dispatch.store.jooq.Tables.PROJECT;
import static dev.quorum.dispatch.store.jooq.Tables.TASK;
import static dev.quorum.dispatch.store.jooq.Tables.WORK_UNIT;

import dev.quorum.dispatch.batch.BatchService;
import dev.quorum.dispatch.project.ProjectSettings;
import dev.quorum.dispatch.store.jooq.enums.TaskStatus;
import dev.quorum.dispatch.store.jooq.enums.UnitStatus;
import dev.quorum.dispatch.store.jooq.tables.records.TaskRecord;
import dev.quorum.platform.db.RenderedQuery;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.events.Outbox;
import dev.quorum.platform.events.Topics;
import dev.quorum.platform.id.Ids;
import dev.quorum.platform.json.Json;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.impl.DSL;

/** What other modules may ask of dispatch: tasks as sent, and their resolution. */
@Singleton
public class DispatchService {

  private final Tx tx;
  private final Json json;
  private final Outbox outbox;
  private final BatchService batches;

  DispatchService(Tx tx, Json json, Outbox outbox, BatchService batches) {
    this.tx = tx;
    this.json = json;
    this.outbox = outbox;
    this.batches = batches;
  }

  public Optional<TaskData> task(String projectId, String taskId) {
    return tx.read(
            dsl ->
                dsl.selectFrom(TASK)
                    .where(TASK.ID.eq(taskId))
                    .and(TASK.PROJECT_ID.eq(projectId))
                    .fetchOptional())
        .map(this::toTask);
  }

  public Optional<TaskData> taskByExternalId(String projectId, String externalId) {
    return tx.read(
            dsl ->
                dsl.selectFrom(TASK)
                    .where(TASK.PROJECT_ID.eq(projectId))
                    .and(TASK.EXTERNAL_ID.eq(externalId))
                    .fetchOptional())
        .map(this::toTask);
  }

  /** Tasks by id, in the order asked; unknown ids are left out. */
  public Map<String, TaskData> tasks(String projectId, Collection<String> taskIds) {
    Map<String, TaskData> result = new LinkedHashMap<>();
    tx.read(
            dsl ->
                dsl.selectFrom(TASK)
                    .where(TASK.PROJECT_ID.eq(projectId))
                    .and(TASK.ID.in(taskIds))
                    .fetch())
        .forEach(row -> result.put(row.getId(), toTask(row)));
    Map<String, TaskData> ordered = new LinkedHashMap<>();
    for (String id : taskIds) {
      if (result.containsKey(id)) {
        ordered.put(id, result.get(id));
      }
    }
    return ordered;
  }

  /**
   * Quality's verdict on a task: {@code resolved} or {@code contested}. Joins the caller's
   * transaction.
   */
  public void markTask(String taskId, String status) {
    TaskStatus value = TaskStatus.valueOf(status);
    tx.run(
        dsl -> {
          // Not the whole row: a task's content can be large, and none of it is needed here.
          TaskCompleted completed =
              MARK_TASK
                  .fetchOptional(
                      dsl,
                      row ->
                          new TaskCompleted(
                              taskId, row.getString(1), row.getString(2), row.getString(3), status),
                      value,
                      taskId)
                  .orElseThrow(() -> new IllegalStateException("no task " + taskId));
          WITHDRAW_UNITS.execute(dsl, taskId);
          outbox.append(Topics.ASSIGNMENTS, "task.completed", completed.projectId(), completed);
          batches.taskDecided(dsl, completed.projectId(), completed.batch());
        });
  }

  /*
   * Quality marks every decided task: its statements are rendered once (RenderedQuery). The update
   * returns what the event needs, not the whole row: a task's content can be large.
   */

  /** Binds: status, task. */
  private static final RenderedQuery MARK_TASK =
      RenderedQuery.of(
          dsl ->
              dsl.update(TASK)
                  .set(TASK.STATUS, RenderedQuery.param(TASK.STATUS))
                  .where(TASK.ID.eq(RenderedQuery.param(TASK.ID)))
                  .returning(TASK.PROJECT_ID, TASK.EXTERNAL_ID, TASK.BATCH));

  /** A decided task needs no more work: units nobody has leased are withdrawn. Binds: task. */
  private static final RenderedQuery WITHDRAW_UNITS =
      RenderedQuery.of(
          dsl ->
              dsl.deleteFrom(WORK_UNIT)
                  .where(WORK_UNIT.TASK_ID.eq(RenderedQuery.param(WORK_UNIT.TASK_ID)))
                  .and(
                      WORK_UNIT.STATUS.in(
                          DSL.inline(UnitStatus.ready), DSL.inline(UnitStatus.held)))
                  .andNotExists(
                      DSL.selectOne().from(ASSIGNMENT).where(ASSIGNMENT.UNIT_ID.eq(WORK_UNIT.ID))));

  /** Event payload: a task is decided. */
  @Serdeable
  public record TaskCompleted(
      String taskId, String projectId, String externalId, @Nullable String batch, String status) {}

  /**
   * Adds one more unit to a task (dynamic overlap), ready for an annotator who has not worked on
   * it. Joins the caller's transaction.
   */
  public void addUnit(String taskId) {
    addUnit(taskId, null);
  }

  /**
   * Adds one more unit that needs at least {@code minTier} (escalation to more experienced
   * annotators), or the task's usual tier when {@code null}. Joins the caller's transaction.
   */
  public void addUnit(String taskId, @Nullable Integer minTier) {
    tx.run(
        dsl -> {
          TaskRecord task = dsl.selectFrom(TASK).where(TASK.ID.eq(taskId)).fetchSingle();
          ProjectSettings settings =
              json.read(
                  dsl.select(PROJECT.SETTINGS)
                      .from(PROJECT)
                      .where(PROJECT.ID.eq(task.getProjectId()))
                      .fetchSingle()
                      .value1(),
                  ProjectSettings.class);
          Integer replicas =
              dsl.select(DSL.max(WORK_UNIT.REPLICA))
                  .from(WORK_UNIT)
                  .where(WORK_UNIT.TASK_ID.eq(taskId))
                  .fetchOne(0, Integer.class);
          String unitId = Ids.newId("unt");
          dsl.insertInto(WORK_UNIT)
              .set(WORK_UNIT.ID, unitId)
              .set(WORK_UNIT.TASK_ID, taskId)
              .set(WORK_UNIT.PROJECT_ID, task.getProjectId())
              .set(WORK_UNIT.REPLICA, (replicas == null ? 0 : replicas) + 1)
              .set(
                  WORK_UNIT.MIN_TIER,
                  Math.max(settings.tierFor(task.getDifficulty()), minTier == null ? 1 : minTier))
              .execute();
          BatchService.holdPaused(dsl, List.of(unitId));
        });
  }

  /**
   * A reviewer rejected a judgement of a decided task: the task is open again with one more unit,
   * for someone else. Joins the caller's transaction.
   */
  public void reopen(String taskId) {
    tx.run(
        dsl -> {
          TaskRecord task =
              dsl.update(TASK)
                  .set(TASK.STATUS, TaskStatus.open)
                  .where(TASK.ID.eq(taskId))
                  .returning()
                  .fetchSingle();
          addUnit(taskId, null);
          outbox.append(
              Topics.ASSIGNMENTS,
              "task.reopened",
              task.getProjectId(),
              new TaskCompleted(
                  taskId, task.getProjectId(), task.getExternalId(), task.getBatch(), "open"));
        });
  }

  /**
   * Records that {@code annotatorId} must never be offered {@code taskId} (a reviewer of its work).
   * Joins the caller's transaction.
   */
  public void exclude(String annotatorId, String taskId, String reason) {
    tx.run(
        dsl ->
            dsl.insertInto(EXCLUSION)
                .set(EXCLUSION.ANNOTATOR_ID, annotatorId)
                .set(EXCLUSION.TASK_ID, taskId)
                .set(EXCLUSION.REASON, reason)
                .onConflictDoNothing()
                .execute());
  }

  /** A project as other modules need it: who owns it, what kind of work, its settings. */
  @Serdeable
  public record ProjectInfo(
      String id,
      String orgId,
      String name,
      String kind,
      String instructions,
      String status,
      ProjectSettings settings) {}

  /** Any org's project: for quality's own work (reviews, trust), never for a customer's request. */
  public Optional<ProjectInfo> project(String projectId) {
    return tx.read(
        dsl ->
            dsl.selectFrom(PROJECT)
                .where(PROJECT.ID.eq(projectId))
                .fetchOptional(
                    r ->
                        new ProjectInfo(
                            r.getId(),
                            r.getOrgId(),
                            r.getName(),
                            r.getKind().getLiteral(),
                            r.getInstructions(),
                            r.getStatus().getLiteral(),
                            json.read(r.getSettings(), ProjectSettings.class))));
  }

  private TaskData toTask(TaskRecord row) {
    return new TaskData(
        row.getId(),
        row.getProjectId(),
        row.getExternalId(),
        row.getBatch(),
        row.getDifficulty(),
        json.tree(row.getMetadata()),
        json.tree(row.getData()),
        json.tree(row.getGold()),
        row.getStatus().getLiteral());
  }
}
