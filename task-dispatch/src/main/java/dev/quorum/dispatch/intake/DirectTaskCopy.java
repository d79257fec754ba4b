package dev.quorum.dispatch.intake;

import static dev.quorum.dispatch.store.jooq.Tables.TASK;
import static dev.quorum.dispatch.store.jooq.Tables.WORK_UNIT;

import dev.quorum.dispatch.project.ProjectSettings;
import dev.quorum.dispatch.store.jooq.enums.UnitStatus;
import dev.quorum.platform.id.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Writes a batch of tasks that are all new by COPY straight into task and work_unit, without the
 * staging table and its {@code INSERT … ON CONFLICT}: PostgreSQL spends about half as much on each
 * task (task-dispatch/README.md, "How intake writes"). COPY cannot skip a row whose external id is
 * taken. A batch comes here when no two of its records share an external id ({@link
 * #distinctExternalIds}); whether the project already has one is left to the unique key, which
 * checks it anyway: the COPY then fails with a unique violation, and the caller writes the batch
 * the staged way. The import endpoint has already left out the external ids its project had, so
 * that happens only on a redelivery, a re-sent record or a race with another writer.
 */
final class DirectTaskCopy {

  /** The SQL state of the unique violation a lost race ends in. */
  static final String TAKEN = "23505";

  private static final String TASK_COLUMNS =
      " (id, project_id, external_id, batch, difficulty, metadata, data, gold, is_gold, import_id)"
          + " FROM STDIN";
  private static final String UNIT_COLUMNS =
      " (id, task_id, project_id, replica, min_tier, status, ready_since) FROM STDIN";

  private DirectTaskCopy() {}

  /** Whether no two records of the batch have the same external id in the same project. */
  static boolean distinctExternalIds(List<ValidTask> records) {
    Set<List<String>> seen = new HashSet<>(records.size() * 2);
    for (ValidTask record : records) {
      if (!seen.add(List.of(record.projectId(), record.task().externalId()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * COPYs the tasks and their {@code overlap.min} units (none for gold tasks), held when their
   * batch is paused.
   *
   * @param pausedBatches (project id, batch name) of the paused batches among the records'
   */
  static void copy(
      DSLContext dsl,
      List<ValidTask> records,
      Map<String, ProjectSettings> settings,
      Set<List<String>> pausedBatches) {
    Instant now =
        records.stream().anyMatch(record -> record.acceptedAt() == null)
            ? dsl.select(DSL.currentOffsetDateTime()).fetchSingle().value1().toInstant()
            : null;
    List<NewTask> tasks =
        records.stream().map(record -> new NewTask(Ids.newId("tsk"), record)).toList();
    CopyIn.copy(dsl, "COPY " + dsl.render(TASK) + TASK_COLUMNS, tasks, DirectTaskCopy::taskRow);
    List<Unit> units = new ArrayList<>(records.size());
    for (NewTask newTask : tasks) {
      ValidTask record = newTask.record();
      TaskLine task = record.task();
      if (task.gold() != null) {
        continue;
      }
      ProjectSettings project = settings.get(record.projectId());
      boolean held =
          task.batch() != null && pausedBatches.contains(List.of(record.projectId(), task.batch()));
      Instant readySince = record.acceptedAt() == null ? now : record.acceptedAt();
      for (int replica = 1; replica <= project.overlap().min(); replica++) {
        units.add(
            new Unit(
                newTask.id(),
                record.projectId(),
                replica,
                project.tierFor(task.difficulty()),
                held ? UnitStatus.held : UnitStatus.ready,
                readySince));
      }
    }
    CopyIn.copy(
        dsl, "COPY " + dsl.render(WORK_UNIT) + UNIT_COLUMNS, units, DirectTaskCopy::unitRow);
  }

  private record NewTask(String id, ValidTask record) {}

  private record Unit(
      String taskId,
      String projectId,
      int replica,
      int minTier,
      UnitStatus status,
      Instant readySince) {}

  private static void taskRow(StringBuilder rows, NewTask newTask) {
    ValidTask record = newTask.record();
    TaskLine task = record.task();
    rows.append(newTask.id()).append('\t');
    CopyIn.text(rows, record.projectId()).append('\t');
    CopyIn.text(rows, task.externalId()).append('\t');
    CopyIn.text(rows, task.batch()).append('\t');
    rows.append(task.difficulty() == null ? "\\N" : task.difficulty()).append('\t');
    CopyIn.text(rows, record.sources().metadata()).append('\t');
    CopyIn.text(rows, record.sources().data()).append('\t');
    CopyIn.text(rows, record.sources().gold()).append('\t');
    rows.append(task.gold() != null ? 't' : 'f').append('\t');
    CopyIn.text(rows, record.importId()).append('\n');
  }

  private static void unitRow(StringBuilder rows, Unit unit) {
    rows.append(Ids.newId("unt")).append('\t');
    rows.append(unit.taskId()).append('\t');
    CopyIn.text(rows, unit.projectId()).append('\t');
    rows.append(unit.replica()).append('\t');
    rows.append(unit.minTier()).append('\t');
    rows.append(unit.status().getLiteral()).append('\t');
    rows.append(unit.readySince()).append('\n');
  }
}
