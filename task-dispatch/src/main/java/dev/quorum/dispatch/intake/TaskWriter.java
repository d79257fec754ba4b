package dev.quorum.dispatch.intake;

import static dev.quorum.dispatch.store.jooq.Tables.BATCH;
import static dev.quorum.dispatch.store.jooq.Tables.PROJECT;
import static dev.quorum.dispatch.store.jooq.Tables.TASK;
import static dev.quorum.dispatch.store.jooq.Tables.TASK_IMPORT;
import static dev.quorum.dispatch.store.jooq.Tables.WORK_UNIT;

import dev.quorum.dispatch.project.ProjectSettings;
import dev.quorum.dispatch.store.jooq.enums.BatchStatus;
import dev.quorum.dispatch.store.jooq.enums.UnitStatus;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.json.Json;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task that passed validation against its project, with its intake record as received and the
 * source text of the task's JSON parts.
 */
record ValidTask(
    String projectId,
    @Nullable String importId,
    TaskLine task,
    @Nullable Instant acceptedAt,
    String recordJson,
    TaskSources sources) {}

/** The source text of a task's data, metadata and gold (null when the task has none). */
record TaskSources(String data, @Nullable String metadata, @Nullable String gold) {}

/**
 * Writes intake records in one transaction per batch: new tasks and their {@code overlap.min}
 * units, each unit asking for the tier its task's difficulty needs, held when its batch is paused.
 * Gold tasks get no units here: they are mixed in at lease time. Idempotent on (project,
 * externalId): a redelivered record inserts nothing.
 *
 * <p>A batch goes by COPY straight into task and work_unit ({@link DirectTaskCopy}). One that holds
 * an external id twice, or whose direct COPY met a taken one (a redelivery, a re-sent record,
 * another writer's race), goes by COPY into a per-connection staging table and from there into task
 * and work_unit in one statement that skips what is taken. Row-by-row binds would cost many times
 * more than the rows.
 */
@Singleton
class TaskWriter {

  private static final Logger LOG = LoggerFactory.getLogger(TaskWriter.class);

  /** A record that passed validation but that the database refused, with its reason. */
  record Refused(ValidTask task, String reason) {}

  private static final String MOVE_STAGED =
      """
      WITH inserted AS (
        INSERT INTO {0} (id, project_id, external_id, batch, difficulty, metadata, data, gold,
                         is_gold, import_id, created_at)
        SELECT id, project_id, external_id, batch, difficulty,
               NULLIF(record -> 'task' -> 'metadata', 'null'), record -> 'task' -> 'data',
               NULLIF(record -> 'task' -> 'gold', 'null'), is_gold, import_id, now()
        FROM pg_temp.intake_stage
        ON CONFLICT (project_id, external_id) DO NOTHING
        RETURNING id, import_id
      ), units AS (
        INSERT INTO {1} (id, task_id, project_id, replica, min_tier, status, ready_since)
        SELECT unit.id, staged.id, staged.project_id, unit.replica, staged.min_tier,
               CASE WHEN batch.status = {3} THEN {4} ELSE {5} END,
               coalesce(staged.accepted_at, now())
        FROM inserted
        JOIN pg_temp.intake_stage staged ON staged.id = inserted.id
        CROSS JOIN LATERAL unnest(staged.unit_ids) WITH ORDINALITY AS unit (id, replica)
        LEFT JOIN {2} batch ON batch.project_id = staged.project_id AND batch.name = staged.batch
      )
      SELECT import_id, count(*) FROM inserted WHERE import_id IS NOT NULL GROUP BY import_id
      """;

  /**
   * Staged records whose external id the project already had from another import: that import wrote
   * it while this one was running. A second statement, so that it sees what the other writer
   * committed while the insert waited for it. A record redelivered to its own import is not one.
   */
  private static final String LATE_DUPLICATES =
      """
      SELECT staged.import_id, count(*) FROM pg_temp.intake_stage staged
      JOIN {0} task ON task.project_id = staged.project_id AND task.external_id = staged.external_id
      WHERE task.id <> staged.id AND staged.import_id IS NOT NULL
        AND task.import_id IS DISTINCT FROM staged.import_id
      GROUP BY staged.import_id
      """;

  private static final int CONFLICT_ATTEMPTS = 5;

  private static final Comparator<List<String>> BATCH_ORDER =
      Comparator.<List<String>, String>comparing(name -> name.get(0))
          .thenComparing(name -> name.get(1));

  private final Tx tx;
  private final Json json;

  TaskWriter(Tx tx, Json json) {
    this.tx = tx;
    this.json = json;
  }

  /**
   * Writes the records. When the database refuses the batch for its data, the batch is split until
   * the refused records are alone, so that one bad record cannot stop the topic.
   *
   * @return the records the database refused
   */
  List<Refused> write(List<ValidTask> records) {
    List<Refused> refused = new ArrayList<>();
    writeOrSplit(records, refused);
    return refused;
  }

  private void writeOrSplit(List<ValidTask> records, List<Refused> refused) {
    if (records.isEmpty()) {
      return;
    }
    try {
      writeRetryingConflicts(records);
    } catch (DataAccessException e) {
      String state = e.sqlState();
      boolean dataError = state.startsWith("22") || state.startsWith("23");
      if (!dataError) {
        throw e;
      }
      if (records.size() == 1) {
        refused.add(new Refused(records.get(0), "the database refused the task: " + reason(e)));
        countFailed(records.get(0).importId());
        return;
      }
      int half = records.size() / 2;
      writeOrSplit(records.subList(0, half), refused);
      writeOrSplit(records.subList(half, records.size()), refused);
    }
  }

  /**
   * Writes the batch, again when PostgreSQL ended it for a deadlock or a serialization failure:
   * writers sharing an import can still meet on one task (the same external id in two records) or
   * on a batch, and the rolled-back batch is written whole by the next attempt.
   */
  private void writeRetryingConflicts(List<ValidTask> records) {
    boolean direct = true;
    for (int attempt = 1; ; attempt++) {
      try {
        boolean copyDirectly = direct;
        tx.run(dsl -> writeBatch(dsl, records, copyDirectly));
        return;
      } catch (DataAccessException e) {
        if (direct && DirectTaskCopy.TAKEN.equals(e.sqlState())) {
          LOG.info("an external id of the batch is taken already, staging the batch");
          direct = false;
          continue;
        }
        boolean conflict = "40P01".equals(e.sqlState()) || "40001".equals(e.sqlState());
        if (!conflict || attempt == CONFLICT_ATTEMPTS) {
          throw e;
        }
        LOG.info("intake batch met another writer ({}), writing it again", e.sqlState());
      }
    }
  }

  /** A refused record of an import still counts towards its end, as failed. */
  private void countFailed(@io.micronaut.core.annotation.Nullable String importId) {
    if (importId != null) {
      tx.run(
          dsl ->
              dsl.update(TASK_IMPORT)
                  .set(TASK_IMPORT.FAILED, TASK_IMPORT.FAILED.plus(1))
                  .where(TASK_IMPORT.ID.eq(importId))
                  .execute());
    }
  }

  private void writeBatch(DSLContext dsl, List<ValidTask> records, boolean direct) {
    Map<String, ProjectSettings> settings = new HashMap<>();
    dsl.select(PROJECT.ID, PROJECT.SETTINGS)
        .from(PROJECT)
        .where(PROJECT.ID.in(records.stream().map(ValidTask::projectId).distinct().toList()))
        .forEach(r -> settings.put(r.value1(), json.read(r.value2(), ProjectSettings.class)));
    List<ValidTask> known = new ArrayList<>(records.size());
    // Sorted, so that writers inserting the same batches concurrently lock them in one order.
    Set<List<String>> batchNames = new TreeSet<>(BATCH_ORDER);
    for (ValidTask record : records) {
      if (!settings.containsKey(record.projectId())) {
        LOG.warn("intake record for unknown project {} dropped", record.projectId());
        continue;
      }
      known.add(record);
      if (record.task().batch() != null) {
        batchNames.add(List.of(record.projectId(), record.task().batch()));
      }
    }
    if (known.isEmpty()) {
      return;
    }
    if (!batchNames.isEmpty()) {
      var insert = dsl.insertInto(BATCH, BATCH.PROJECT_ID, BATCH.NAME);
      for (List<String> name : batchNames) {
        insert = insert.values(name.get(0), name.get(1));
      }
      insert.onConflictDoNothing().execute();
    }
    Set<List<String>> paused = lockBatches(dsl, batchNames);
    Map<String, Integer> staged = new TreeMap<>();
    for (ValidTask record : known) {
      if (record.importId() != null) {
        staged.merge(record.importId(), 1, Integer::sum);
      }
    }
    Map<String, Integer> written;
    if (direct && DirectTaskCopy.distinctExternalIds(known)) {
      DirectTaskCopy.copy(dsl, known, settings, paused);
      written = staged;
    } else {
      IntakeStage.copy(dsl, known, settings);
      written =
          dsl.resultQuery(
                  MOVE_STAGED,
                  TASK,
                  WORK_UNIT,
                  BATCH,
                  DSL.inline(BatchStatus.paused),
                  DSL.inline(UnitStatus.held),
                  DSL.inline(UnitStatus.ready))
              .fetchMap(r -> r.get(0, String.class), r -> r.get(1, Integer.class));
    }
    boolean conflicts =
        staged.entrySet().stream()
            .anyMatch(e -> written.getOrDefault(e.getKey(), 0) < e.getValue());
    Map<String, Integer> late =
        conflicts
            ? dsl.resultQuery(LATE_DUPLICATES, TASK)
                .fetchMap(r -> r.get(0, String.class), r -> r.get(1, Integer.class))
            : Map.of();
    // One import's records are written by several writers at once: its progress row is updated
    // last and imports in id order, so two writers never wait for each other in a circle.
    for (String importId : staged.keySet()) {
      dsl.update(TASK_IMPORT)
          .set(TASK_IMPORT.WRITTEN, TASK_IMPORT.WRITTEN.plus(written.getOrDefault(importId, 0)))
          .set(
              TASK_IMPORT.LATE_DUPLICATES,
              TASK_IMPORT.LATE_DUPLICATES.plus(late.getOrDefault(importId, 0)))
          .where(TASK_IMPORT.ID.eq(importId))
          .execute();
    }
  }

  /**
   * Locks the batches the records name until the batch is written, so that a pause waits for it and
   * then holds its units too, and returns those that are paused.
   */
  private static Set<List<String>> lockBatches(DSLContext dsl, Set<List<String>> batchNames) {
    Set<List<String>> paused = new HashSet<>();
    if (batchNames.isEmpty()) {
      return paused;
    }
    dsl.select(BATCH.PROJECT_ID, BATCH.NAME, BATCH.STATUS)
        .from(BATCH)
        .where(
            DSL.row(BATCH.PROJECT_ID, BATCH.NAME)
                .in(batchNames.stream().map(name -> DSL.row(name.get(0), name.get(1))).toList()))
        .orderBy(BATCH.PROJECT_ID, BATCH.NAME)
        .forShare()
        .forEach(
            batch -> {
              if (batch.value3() == BatchStatus.paused) {
                paused.add(List.of(batch.value1(), batch.value2()));
              }
            });
    return paused;
  }

  private static String reason(DataAccessException e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    int cut = message.indexOf('\n');
    return cut > 0 ? message.substring(0, cut) : message;
  }
}
