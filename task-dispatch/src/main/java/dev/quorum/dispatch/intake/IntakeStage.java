package dev.quorum.dispatch.intake;

import dev.quorum.dispatch.project.ProjectSettings;
import dev.quorum.platform.id.Ids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

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

  private static final int BUFFER = 1 << 16;

  private IntakeStage() {}

  /** Stages the records, each with a new task id and the unit ids its task will get. */
  static void copy(DSLContext dsl, List<ValidTask> records, Map<String, ProjectSettings> settings) {
    dsl.execute(CREATE);
    dsl.connection(
        connection -> {
          PGCopyOutputStream copy =
              new PGCopyOutputStream(connection.unwrap(PGConnection.class), COPY, BUFFER);
          try {
            StringBuilder rows = new StringBuilder(BUFFER * 2);
            for (ValidTask record : records) {
              row(rows, record, settings.get(record.projectId()));
              if (rows.length() >= BUFFER) {
                copy.write(rows.toString().getBytes(StandardCharsets.UTF_8));
                rows.setLength(0);
              }
            }
            copy.write(rows.toString().getBytes(StandardCharsets.UTF_8));
            copy.endCopy();
          } catch (IOException e) {
            throw new UncheckedIOException("staging intake records failed", e);
          } finally {
            if (copy.isActive()) {
              copy.cancelCopy();
            }
          }
        });
  }

  private static void row(StringBuilder rows, ValidTask record, ProjectSettings project) {
    TaskLine task = record.task();
    boolean gold = task.gold() != null;
    rows.append(Ids.newId("tsk")).append('\t');
    text(rows, record.projectId()).append('\t');
    text(rows, task.externalId()).append('\t');
    text(rows, task.batch()).append('\t');
    rows.append(task.difficulty() == null ? "\\N" : task.difficulty()).append('\t');
    text(rows, record.importId()).append('\t');
    rows.append(gold ? 't' : 'f').append('\t');
    rows.append(project.tierFor(task.difficulty())).append('\t');
    rows.append('{');
    int units = gold ? 0 : project.overlap().min();
    for (int replica = 1; replica <= units; replica++) {
      rows.append(replica == 1 ? "" : ",").append(Ids.newId("unt"));
    }
    rows.append("}\t");
    rows.append(record.acceptedAt() == null ? "\\N" : record.acceptedAt().toString()).append('\t');
    text(rows, record.recordJson()).append('\n');
  }

  /** A field in COPY's text format: backslash escapes, and {@code \N} for null. */
  private static StringBuilder text(StringBuilder rows, String value) {
    if (value == null) {
      return rows.append("\\N");
    }
    if (!needsEscapes(value)) {
      return rows.append(value);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> rows.append("\\\\");
        case '\t' -> rows.append("\\t");
        case '\n' -> rows.append("\\n");
        case '\r' -> rows.append("\\r");
        default -> rows.append(c);
      }
    }
    return rows;
  }

  private static boolean needsEscapes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}
