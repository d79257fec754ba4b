package dev.quorum.dispatch.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BiConsumer;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/** A {@code COPY … FROM STDIN} in text format, fed row by row from Java. */
final class CopyIn {

  private static final int BUFFER = 1 << 16;

  private CopyIn() {}

  /** Runs the COPY statement with one row per item, as {@code row} writes it. */
  static <T> void copy(
      DSLContext dsl, String copyStatement, List<T> items, BiConsumer<StringBuilder, T> row) {
    dsl.connection(
        connection -> {
          PGCopyOutputStream copy =
              new PGCopyOutputStream(connection.unwrap(PGConnection.class), copyStatement, BUFFER);
          try {
            StringBuilder rows = new StringBuilder(BUFFER * 2);
            for (T item : items) {
              row.accept(rows, item);
              if (rows.length() >= BUFFER) {
                copy.write(rows.toString().getBytes(StandardCharsets.UTF_8));
                rows.setLength(0);
              }
            }
            copy.write(rows.toString().getBytes(StandardCharsets.UTF_8));
            copy.endCopy();
          } catch (IOException e) {
            // PostgreSQL's refusal (a data error, a unique violation) arrives as the cause:
            // rethrown as itself, jOOQ keeps its SQL state for the caller to act on.
            if (e.getCause() instanceof SQLException refusal) {
              throw refusal;
            }
            throw new UncheckedIOException("COPY of intake records failed", e);
          } finally {
            if (copy.isActive()) {
              copy.cancelCopy();
            }
          }
        });
  }

  /** A field in COPY's text format: backslash escapes, and {@code \N} for null. */
  static StringBuilder text(StringBuilder rows, String value) {
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

  /** String.indexOf is vectorised: four scans beat one loop over the characters. */
  private static boolean needsEscapes(String value) {
    return value.indexOf('\\') >= 0
        || value.indexOf('\t') >= 0
        || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0;
  }
}
