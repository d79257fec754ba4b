package dev.quorum.dispatch.intake;

import static dev.quorum.dispatch.store.jooq.Tables.PROJECT;
import static dev.quorum.dispatch.store.jooq.Tables.TASK;
import static dev.quorum.dispatch.store.jooq.Tables.TASK_IMPORT;
import static dev.quorum.dispatch.store.jooq.Tables.WORK_UNIT;

import dev.quorum.platform.db.Tx;
import dev.quorum.platform.id.Ids;
import dev.quorum.platform.json.Json;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jooq.Record2;
import org.jooq.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes intake records in one transaction per batch: new tasks and their {@code overlap.min}
 * units. Idempotent on (project, externalId): a redelivered record inserts nothing.
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
  int write(Collection<IntakeRecord> records) {
    if (records.isEmpty()) {
      return 0;
    }
    return tx.write(
        dsl -> {
          Map<String, Integer> overlap =
              dsl.select(PROJECT.ID, PROJECT.OVERLAP_MIN)
                  .from(PROJECT)
                  .where(
                      PROJECT.ID.in(
                          records.stream().map(IntakeRecord::projectId).distinct().toList()))
                  .fetchMap(PROJECT.ID, PROJECT.OVERLAP_MIN);
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
                  TASK.IMPORT_ID,
                  TASK.CREATED_AT);
          Map<String, String> importOfTask = new HashMap<>();
          int candidates = 0;
          for (IntakeRecord record : records) {
            if (!overlap.containsKey(record.projectId())) {
              LOG.warn("intake record for unknown project {} dropped", record.projectId());
              continue;
            }
            TaskLine task = record.task();
            String id = Ids.newId("tsk");
            importOfTask.put(id, record.importId());
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
                    record.importId(),
                    now);
            candidates++;
          }
          if (candidates == 0) {
            return 0;
          }
          Result<Record2<String, String>> inserted =
              insert
                  .onConflict(TASK.PROJECT_ID, TASK.EXTERNAL_ID)
                  .doNothing()
                  .returningResult(TASK.ID, TASK.PROJECT_ID)
                  .fetch();
          var units =
              dsl.insertInto(
                  WORK_UNIT,
                  WORK_UNIT.ID,
                  WORK_UNIT.TASK_ID,
                  WORK_UNIT.PROJECT_ID,
                  WORK_UNIT.REPLICA,
                  WORK_UNIT.READY_SINCE);
          Map<String, Integer> writtenPerImport = new HashMap<>();
          for (Record2<String, String> task : inserted) {
            for (int replica = 1; replica <= overlap.get(task.value2()); replica++) {
              units = units.values(Ids.newId("unt"), task.value1(), task.value2(), replica, now);
            }
            writtenPerImport.merge(importOfTask.get(task.value1()), 1, Integer::sum);
          }
          if (!inserted.isEmpty()) {
            units.execute();
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
