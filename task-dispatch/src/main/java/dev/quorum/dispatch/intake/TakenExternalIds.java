package dev.quorum.dispatch.intake;

import static dev.quorum.dispatch.store.jooq.Tables.TASK;

import java.util.Collection;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Which of a chunk's external ids a project's tasks already have. */
final class TakenExternalIds {

  private TakenExternalIds() {}

  /**
   * Runs in the caller's transaction. The lookup is planned afresh and without table scans: a
   * custom plan sorts the ids and walks the project's external-id index once, where the generic
   * plan PostgreSQL switches to after five runs probes it once per id, several times slower. And
   * while an import is filling a new project, the statistics still say its tasks are few: the
   * planner then chose to scan them all, comparing each with every id of the chunk (seconds per
   * chunk).
   */
  static Set<String> of(DSLContext dsl, String projectId, Collection<String> externalIds) {
    dsl.execute("SET LOCAL plan_cache_mode = force_custom_plan");
    dsl.execute("SET LOCAL enable_seqscan = off");
    try {
      return dsl.select(TASK.EXTERNAL_ID)
          .from(TASK)
          .where(TASK.PROJECT_ID.eq(projectId))
          .and(TASK.EXTERNAL_ID.eq(DSL.any(externalIds.toArray(String[]::new))))
          .fetchSet(TASK.EXTERNAL_ID);
    } finally {
      dsl.execute("SET LOCAL plan_cache_mode TO DEFAULT");
      dsl.execute("SET LOCAL enable_seqscan TO DEFAULT");
    }
  }
}
