package dev.quorum.server.cli;

import dev.quorum.quality.aggregation.Answer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads {@code question,worker,answer} CSV (RFC 4180, UTF-8, a header line naming the three columns
 * in any order). Every problem is a {@link CommandFailure} that names the file and, for a row, its
 * line, so that the message alone says what to fix.
 */
final class AnswersCsv {

  static final List<String> COLUMNS = List.of("question", "worker", "answer");

  private AnswersCsv() {}

  static List<Answer> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CommandFailure(
          file + ": " + (Files.exists(file) ? "is not a file" : "no such file"));
    }
    try (Reader reader =
            withoutByteOrderMark(Files.newBufferedReader(file, StandardCharsets.UTF_8));
        CSVParser parser = CSVFormat.DEFAULT.parse(reader)) {
      List<Answer> answers = new ArrayList<>();
      int[] column = null;
      for (CSVRecord record : parser) {
        long line = parser.getCurrentLineNumber(); // where the record ends
        if (column == null) {
          column = columns(file, record);
          continue;
        }
        if (record.size() != COLUMNS.size()) {
          throw new CommandFailure(
              String.format(
                  "%s, line %d: %d fields, expected 3 (%s)",
                  file, line, record.size(), String.join(",", COLUMNS)));
        }
        for (int c = 0; c < COLUMNS.size(); c++) {
          if (record.get(column[c]).isBlank()) {
            throw new CommandFailure(file + ", line " + line + ": " + COLUMNS.get(c) + " is empty");
          }
        }
        answers.add(
            new Answer(record.get(column[0]), record.get(column[1]), record.get(column[2])));
      }
      if (column == null) {
        throw new CommandFailure(
            file + ": empty, expected the header " + String.join(",", COLUMNS));
      }
      return answers;
    } catch (NoSuchFileException e) {
      throw new CommandFailure(file + ": no such file");
    } catch (IOException | UncheckedIOException e) {
      throw new CommandFailure(file + ": cannot be read as UTF-8 CSV (" + e.getMessage() + ")");
    }
  }

  /** For each of {@link #COLUMNS}, its position in the header. */
  private static int[] columns(Path file, CSVRecord header) {
    List<String> names = new ArrayList<>();
    header.forEach(name -> names.add(name.strip().toLowerCase(Locale.ROOT)));
    if (names.size() != COLUMNS.size() || !Set.copyOf(names).equals(Set.copyOf(COLUMNS))) {
      throw new CommandFailure(
          file
              + ": the header is \""
              + String.join(",", header.values())
              + "\", expected "
              + String.join(",", COLUMNS));
    }
    int[] column = new int[COLUMNS.size()];
    for (int c = 0; c < column.length; c++) {
      column[c] = names.indexOf(COLUMNS.get(c));
    }
    return column;
  }

  /** Spreadsheets often start UTF-8 CSV with a byte-order mark, which is not part of the header. */
  private static Reader withoutByteOrderMark(BufferedReader reader) throws IOException {
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
    return reader;
  }
}
