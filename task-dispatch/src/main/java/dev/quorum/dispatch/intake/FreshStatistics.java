package dev.quorum.dispatch.intake;

import dev.quorum.platform.db.Tx;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the planner's statistics of tasks and units current while imports add rows faster than
 * autovacuum looks (once a minute by default). With stale statistics PostgreSQL believes a freshly
 * imported project has almost no ready units, and plans the next-task probe as a sort of all of
 * them (20 ms with 32k) instead of one step into the ready-unit index.
 *
 * <p>The tables are analysed whenever the rows written since the last time reach what the unit
 * table held then (at least 1,000), so each analysis finds the table about twice as large: four or
 * five times over a million-line import, each a fraction of a second, as PostgreSQL's documentation
 * advises after bulk loads. A project that grew by less than that is estimated within a factor of
 * two, which is all the next-task probe needs to be planned as an index step.
 */
@Singleton
class FreshStatistics {

  private static final Logger LOG = LoggerFactory.getLogger(FreshStatistics.class);
  private static final long MIN_ROWS = 1_000;

  private final Tx tx;
  private final AtomicLong writtenSince = new AtomicLong();
  private volatile long unitsAtLastAnalyze;

  FreshStatistics(Tx tx) {
    this.tx = tx;
  }

  /** Counts {@code tasks} just written, and analyses the tables when they have grown enough. */
  void written(int tasks) {
    if (writtenSince.addAndGet(tasks) < due()) {
      return;
    }
    synchronized (this) {
      if (writtenSince.get() < due()) {
        return;
      }
      writtenSince.set(0);
      try {
        tx.run(dsl -> dsl.execute("analyze dispatch.task, dispatch.work_unit"));
        unitsAtLastAnalyze =
            tx.read(
                dsl ->
                    dsl.resultQuery(
                            "select greatest(reltuples, 0)::bigint from pg_class"
                                + " where oid = 'dispatch.work_unit'::regclass")
                        .fetchOne(0, Long.class));
      } catch (DataAccessException e) {
        // Statistics are an optimisation: the tasks are written, and autovacuum will analyse.
        LOG.warn("could not analyse tasks and units after an import: {}", e.toString());
      }
    }
  }

  private long due() {
    return Math.max(MIN_ROWS, unitsAtLastAnalyze);
  }
}
