package dev.quorum.dispatch.intake;

import dev.quorum.dispatch.project.ProjectSettings;
import dev.quorum.platform.id.Ids;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * The staging table intake COPYs a batch into. It is a temporary table kept by each pooled
 * connection and emptied at every commit: creating one per batch would churn the catalog. It holds
 * the record's JSON as received, so that PostgreSQL parses each document once and Java writes none.
 * Its key makes joining it to the inserted tasks cheap whatever plan PostgreSQL cached for it.
 */
final class IntakeStage {

  private static final String CREATE =
      """
      CREATE TEMP TABLE IF NOT EXISTS intake_stage (
        id text PRIMARY KEY, project_id text, external_id text, batch text, difficulty integer,
        import_id text, is_gold boolean, min_tier integer, unit_ids text[], accepted_at timestamptz,
        record jsonb
      ) ON COMMIT DELETE ROWS
      """;

  private static final String COPY =
      "COPY pg_temp.intake_stage (id, project_id, external_id, batch, difficulty, import_id,"
          + " is_gold, min_tier, unit_ids, accepted_at, record) FROM STDIN";

  private IntakeStage() {}

  /** Stages the records, each with a new task id and the unit ids its task will get. */
  static void copy(DSLContext dsl, List<ValidTask> records, Map<String, ProjectSettings> settings) {
    dsl.execute(CREATE);
    CopyIn.copy(
        dsl, COPY, records, (rows, record) -> row(rows, record, settings.get(record.projectId())));
  }

  private static void row(StringBuilder rows, ValidTask record, ProjectSettings project) {
    TaskLine task = record.task();
    boolean gold = task.gold() != null;
    rows.append(Ids.newId("tsk")).append('\t');
    CopyIn.text(rows, record.projectId()).append('\t');
    CopyIn.text(rows, task.externalId()).append('\t');
    CopyIn.text(rows, task.batch()).append('\t');
    rows.append(task.difficulty() == null ? "\\N" : task.difficulty()).append('\t');
    CopyIn.text(rows, record.importId()).append('\t');
    rows.append(gold ? 't' : 'f').append('\t');
    rows.append(project.tierFor(task.difficulty())).append('\t');
    rows.append('{');
    int units = gold ? 0 : project.overlap().min();
    for (int replica = 1; replica <= units; replica++) {
      rows.append(replica == 1 ? "" : ",").append(Ids.newId("unt"));
    }
    rows.append("}\t");
    rows.append(record.acceptedAt() == null ? "\\N" : record.acceptedAt().toString()).append('\t');
    CopyIn.text(rows, record.recordJson()).append('\n');
  }
}
