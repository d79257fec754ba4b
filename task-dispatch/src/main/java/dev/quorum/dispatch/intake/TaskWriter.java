package dev.quorum.dispatch.intake;

import static dev.quorum.dispatch.store.jooq.Tables.BATCH;
import static dev.quorum.dispatch.store.jooq.Tables.PROJECT;
import static dev.quorum.dispatch.store.jooq.Tables.TASK;
import static dev.quorum.dispatch.store.jooq.Tables.TASK_IMPORT;
import static dev.quorum.dispatch.store.jooq.Tables.WORK_UNIT;

import dev.quorum.dispatch.batch.BatchService;
import dev.quorum.dispatch.project.ProjectSettings;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.id.Ids;
import dev.quorum.platform.json.Json;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Record3;
import org.jooq.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A task that passed validation against its project, ready to be written. */
record ValidTask(
    String projectId, @io.micronaut.core.annotation.Nullable String importId, TaskLine task) {}

/**
 * Writes intake records in one transaction per batch: new tasks and their {@code overlap.min}
 * units, each unit asking for the tier its task's difficulty needs. Gold tasks get no units here:
 * they are mixed in at lease time. Idempotent on (project, externalId): a redelivered record
 * inserts nothing.
 */
@Singleton
class TaskWriter {

  private static final Logger LOG = LoggerFactory.getLogger(TaskWriter.class);

  private final Tx tx;
  private final Json json;

  TaskWriter(Tx tx, Json json) {
    this.tx = tx;
    this.json = json;
  }

  /**
   * @return how many tasks were new
   */
  int write(Collection<ValidTask> records) {
    if (records.isEmpty()) {
      return 0;
    }
    return tx.write(
        dsl -> {
          Map<String, ProjectSettings> settings = new HashMap<>();
          dsl.select(PROJECT.ID, PROJECT.SETTINGS)
              .from(PROJECT)
              .where(PROJECT.ID.in(records.stream().map(ValidTask::projectId).distinct().toList()))
              .forEach(r -> settings.put(r.value1(), json.read(r.value2(), ProjectSettings.class)));
          OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
          var insert =
              dsl.insertInto(
                  TASK,
                  TASK.ID,
                  TASK.PROJECT_ID,
                  TASK.EXTERNAL_ID,
                  TASK.BATCH,
                  TASK.DIFFICULTY,
                  TASK.METADATA,
                  TASK.DATA,
                  TASK.GOLD,
                  TASK.IS_GOLD,
                  TASK.IMPORT_ID,
                  TASK.CREATED_AT);
          Map<String, ValidTask> recordOfTask = new HashMap<>();
          var batches = dsl.insertInto(BATCH, BATCH.PROJECT_ID, BATCH.NAME);
          boolean anyBatch = false;
          for (ValidTask record : records) {
            if (!settings.containsKey(record.projectId())) {
              LOG.warn("intake record for unknown project {} dropped", record.projectId());
              continue;
            }
            TaskLine task = record.task();
            String id = Ids.newId("tsk");
            recordOfTask.put(id, record);
            insert =
                insert.values(
                    id,
                    record.projectId(),
                    task.externalId(),
                    task.batch(),
                    task.difficulty(),
                    task.metadata() == null ? null : json.jsonb(task.metadata()),
                    json.jsonb(task.data()),
                    task.gold() == null ? null : json.jsonb(task.gold()),
                    task.gold() != null,
                    record.importId(),
                    now);
            if (task.batch() != null) {
              batches = batches.values(record.projectId(), task.batch());
              anyBatch = true;
            }
          }
          if (recordOfTask.isEmpty()) {
            return 0;
          }
          if (anyBatch) {
            batches.onConflictDoNothing().execute();
          }
          Result<Record3<String, String, Boolean>> inserted =
              insert
                  .onConflict(TASK.PROJECT_ID, TASK.EXTERNAL_ID)
                  .doNothing()
                  .returningResult(TASK.ID, TASK.PROJECT_ID, TASK.IS_GOLD)
                  .fetch();
          var units =
              dsl.insertInto(
                  WORK_UNIT,
                  WORK_UNIT.ID,
                  WORK_UNIT.TASK_ID,
                  WORK_UNIT.PROJECT_ID,
                  WORK_UNIT.REPLICA,
                  WORK_UNIT.MIN_TIER,
                  WORK_UNIT.READY_SINCE);
          List<String> unitIds = new ArrayList<>();
          Map<String, Integer> writtenPerImport = new HashMap<>();
          for (Record3<String, String, Boolean> task : inserted) {
            ValidTask record = recordOfTask.get(task.value1());
            if (record.importId() != null) {
              writtenPerImport.merge(record.importId(), 1, Integer::sum);
            }
            if (task.value3()) {
              continue;
            }
            ProjectSettings project = settings.get(task.value2());
            int tier = project.tierFor(record.task().difficulty());
            for (int replica = 1; replica <= project.overlap().min(); replica++) {
              String unitId = Ids.newId("unt");
              unitIds.add(unitId);
              units = units.values(unitId, task.value1(), task.value2(), replica, tier, now);
            }
          }
          if (!unitIds.isEmpty()) {
            units.execute();
            BatchService.holdPaused(dsl, unitIds);
          }
          writtenPerImport.forEach(
              (importId, count) ->
                  dsl.update(TASK_IMPORT)
                      .set(TASK_IMPORT.WRITTEN, TASK_IMPORT.WRITTEN.plus(count))
                      .where(TASK_IMPORT.ID.eq(importId))
                      .execute());
          return inserted.size();
        });
  }
}
