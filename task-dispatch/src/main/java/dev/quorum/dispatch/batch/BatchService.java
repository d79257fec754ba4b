package dev.quorum.dispatch.batch;

import static dev.quorum.dispatch.store.jooq.Tables.BATCH;
import static dev.quorum.dispatch.store.jooq.Tables.TASK;
import static dev.quorum.dispatch.store.jooq.Tables.WORK_UNIT;
import static org.jooq.impl.DSL.count;

import dev.quorum.dispatch.store.jooq.enums.BatchStatus;
import dev.quorum.dispatch.store.jooq.enums.TaskStatus;
import dev.quorum.dispatch.store.jooq.enums.UnitStatus;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.events.Outbox;
import dev.quorum.platform.events.Topics;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Batches inside a project. Pausing holds a batch's ready units back from leasing (status {@code
 * held}); finalizing closes it to new tasks, and once all its tasks are decided it is complete.
 */
@Singleton
public class BatchService {

  private final Tx tx;
  private final Outbox outbox;

  BatchService(Tx tx, Outbox outbox) {
    this.tx = tx;
    this.outbox = outbox;
  }

  @Serdeable
  public record BatchView(
      @Nullable String batch,
      String status,
      int tasks,
      int open,
      int resolved,
      int contested,
      int unitsReady,
      int unitsLeased,
      int unitsSubmitted,
      // Ready units that a pause holds back; they are not in unitsReady.
      int unitsHeld) {}

  @Serdeable
  public record BatchEvent(String projectId, String batch, String status) {}

  public List<BatchView> list(String projectId) {
    return tx.read(
        dsl -> {
          // A finalized batch whose tasks are all decided is shown as completed.
          Map<String, String> statuses =
              dsl.select(BATCH.NAME, BATCH.STATUS, BATCH.COMPLETED_AT)
                  .from(BATCH)
                  .where(BATCH.PROJECT_ID.eq(projectId))
                  .fetchMap(
                      BATCH.NAME, r -> r.value3() != null ? "completed" : r.value2().getLiteral());
          Map<String, int[]> counts = new LinkedHashMap<>();
          dsl.select(TASK.BATCH, TASK.STATUS, count())
              .from(TASK)
              .where(TASK.PROJECT_ID.eq(projectId))
              .and(TASK.IS_GOLD.isFalse())
              .groupBy(TASK.BATCH, TASK.STATUS)
              .orderBy(TASK.BATCH.nullsFirst())
              .forEach(
                  r -> {
                    int[] c = counts.computeIfAbsent(r.value1(), k -> new int[7]);
                    c[r.value2().ordinal()] += r.value3();
                  });
          dsl.select(TASK.BATCH, WORK_UNIT.STATUS, count())
              .from(WORK_UNIT)
              .join(TASK)
              .on(TASK.ID.eq(WORK_UNIT.TASK_ID))
              .where(WORK_UNIT.PROJECT_ID.eq(projectId))
              .groupBy(TASK.BATCH, WORK_UNIT.STATUS)
              .forEach(
                  r -> {
                    int[] c = counts.computeIfAbsent(r.value1(), k -> new int[7]);
                    switch (r.value2()) {
                      case ready -> c[3] += r.value3();
                      case held -> c[6] += r.value3();
                      case leased -> c[4] += r.value3();
                      case submitted -> c[5] += r.value3();
                    }
                  });
          return counts.entrySet().stream()
              .map(
                  e -> {
                    int[] c = e.getValue();
                    int open = c[TaskStatus.open.ordinal()];
                    int resolved = c[TaskStatus.resolved.ordinal()];
                    int contested = c[TaskStatus.contested.ordinal()];
                    String status =
                        e.getKey() == null ? "active" : statuses.getOrDefault(e.getKey(), "active");
                    return new BatchView(
                        e.getKey(),
                        status,
                        open + resolved + contested,
                        open,
                        resolved,
                        contested,
                        c[3],
                        c[4],
                        c[5],
                        c[6]);
                  })
              .toList();
        });
  }

  public void pause(String projectId, String batch) {
    change(projectId, batch, BatchStatus.paused, UnitStatus.ready, UnitStatus.held);
  }

  public void resume(String projectId, String batch) {
    change(projectId, batch, BatchStatus.active, UnitStatus.held, UnitStatus.ready);
  }

  public void finalize(String projectId, String batch) {
    tx.run(
        dsl -> {
          setStatus(dsl, projectId, batch, BatchStatus.finalized);
          completeIfDone(dsl, projectId, batch);
        });
  }

  /** Batches that take no new tasks. */
  public Set<String> finalized(String projectId) {
    return new HashSet<>(
        tx.read(
            dsl ->
                dsl.select(BATCH.NAME)
                    .from(BATCH)
                    .where(BATCH.PROJECT_ID.eq(projectId))
                    .and(BATCH.STATUS.eq(BatchStatus.finalized))
                    .fetch(BATCH.NAME)));
  }

  /** Units that became ready in a paused batch go back on hold. Joins the caller's transaction. */
  public static void holdPaused(DSLContext dsl, Collection<String> unitIds) {
    if (unitIds.isEmpty()) {
      return;
    }
    dsl.update(WORK_UNIT)
        .set(WORK_UNIT.STATUS, UnitStatus.held)
        .where(WORK_UNIT.ID.in(unitIds))
        .and(WORK_UNIT.STATUS.eq(UnitStatus.ready))
        .and(
            WORK_UNIT.TASK_ID.in(
                dsl.select(TASK.ID)
                    .from(TASK)
                    .join(BATCH)
                    .on(BATCH.PROJECT_ID.eq(TASK.PROJECT_ID).and(BATCH.NAME.eq(TASK.BATCH)))
                    .where(BATCH.STATUS.eq(BatchStatus.paused))))
        .execute();
  }

  /** After a task was decided: a finalized batch with no open task left is complete. */
  public void taskDecided(DSLContext dsl, String projectId, @Nullable String batch) {
    if (batch != null) {
      completeIfDone(dsl, projectId, batch);
    }
  }

  private void completeIfDone(DSLContext dsl, String projectId, String batch) {
    boolean finalizedAndOpen =
        dsl.fetchExists(
            BATCH,
            BATCH
                .PROJECT_ID
                .eq(projectId)
                .and(BATCH.NAME.eq(batch))
                .and(BATCH.STATUS.eq(BatchStatus.finalized))
                .and(BATCH.COMPLETED_AT.isNull()));
    if (!finalizedAndOpen
        || dsl.fetchExists(
            TASK,
            TASK.PROJECT_ID
                .eq(projectId)
                .and(TASK.BATCH.eq(batch))
                .and(TASK.IS_GOLD.isFalse())
                .and(TASK.STATUS.eq(TaskStatus.open)))) {
      return;
    }
    dsl.update(BATCH)
        .set(BATCH.COMPLETED_AT, OffsetDateTime.now(ZoneOffset.UTC))
        .where(BATCH.PROJECT_ID.eq(projectId))
        .and(BATCH.NAME.eq(batch))
        .execute();
    outbox.append(
        Topics.ASSIGNMENTS,
        "batch.completed",
        projectId,
        new BatchEvent(projectId, batch, "completed"));
  }

  private void change(
      String projectId, String batch, BatchStatus status, UnitStatus from, UnitStatus to) {
    tx.run(
        dsl -> {
          setStatus(dsl, projectId, batch, status);
          dsl.update(WORK_UNIT)
              .set(WORK_UNIT.STATUS, to)
              .where(WORK_UNIT.PROJECT_ID.eq(projectId))
              .and(WORK_UNIT.STATUS.eq(from))
              .and(
                  WORK_UNIT.TASK_ID.in(
                      dsl.select(TASK.ID)
                          .from(TASK)
                          .where(TASK.PROJECT_ID.eq(projectId))
                          .and(TASK.BATCH.eq(batch))))
              .execute();
        });
  }

  private void setStatus(DSLContext dsl, String projectId, String batch, BatchStatus status) {
    BatchStatus current =
        dsl.select(BATCH.STATUS)
            .from(BATCH)
            .where(BATCH.PROJECT_ID.eq(projectId))
            .and(BATCH.NAME.eq(batch))
            .forUpdate()
            .fetchOptional(BATCH.STATUS)
            .orElseThrow(() -> ProblemException.notFound("batch '" + batch + "'"));
    if (current == BatchStatus.finalized && status != BatchStatus.finalized) {
      throw ProblemException.conflict(
          "batch '" + batch + "' is finalized; it cannot be " + status.getLiteral() + " again");
    }
    dsl.update(BATCH)
        .set(BATCH.STATUS, status)
        .where(BATCH.PROJECT_ID.eq(projectId))
        .and(BATCH.NAME.eq(batch))
        .execute();
    outbox.append(
        Topics.ASSIGNMENTS,
        "batch." + status.getLiteral(),
        projectId,
        new BatchEvent(projectId, batch, status.getLiteral()));
  }
}
