package dev.quorum.quality.aggregation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A published truth-inference data set with ground truth, read from {@code
 * shared/data/truth-inference/<name>/} beside the repository. The data stays outside the
 * repository, so it is found by walking up from the working directory (a module directory under
 * Maven, wherever the clone is).
 */
record ReferenceData(String name, List<Answer> answers, Map<String, String> truth) {

  static final String FOLDER = "shared/data/truth-inference";

  static ReferenceData load(String name) {
    Path dir = root().resolve(name);
    List<Answer> answers = new ArrayList<>();
    for (String[] row : rows(dir.resolve("answer.csv"), "question,worker,answer")) {
      answers.add(new Answer(row[0], row[1], row[2]));
    }
    Map<String, String> truth = new HashMap<>();
    for (String[] row : rows(dir.resolve("truth.csv"), "question,truth")) {
      truth.put(row[0], row[1]);
    }
    return new ReferenceData(name, List.copyOf(answers), Map.copyOf(truth));
  }

  /** The share of the questions with a truth row whose inferred label is the truth. */
  double accuracy(List<InferredLabel> labels) {
    long correct = labels.stream().filter(l -> l.label().equals(truth.get(l.question()))).count();
    return (double) correct / truth.size();
  }

  static Path root() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(FOLDER);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "the reference data "
            + FOLDER
            + " was not found in "
            + start
            + " or any directory above it; it lives beside the repository (shared/ next to the"
            + " clone) and is never copied into it");
  }

  /** These files are plain: no quoted fields, no commas inside values. */
  private static List<String[]> rows(Path file, String header) {
    try {
      List<String> lines = Files.readAllLines(file);
      if (lines.isEmpty() || !lines.get(0).strip().equals(header)) {
        throw new IllegalStateException(file + " should start with the header " + header);
      }
      List<String[]> rows = new ArrayList<>(lines.size() - 1);
      for (String line : lines.subList(1, lines.size())) {
        if (!line.isBlank()) {
          rows.add(line.strip().split(",", -1));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
