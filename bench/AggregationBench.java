import dev.quorum.quality.aggregation.Answer;
import dev.quorum.quality.aggregation.DawidSkene;
import dev.quorum.quality.aggregation.InferredLabel;
import dev.quorum.quality.aggregation.MajorityVote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Wall time of truth inference on the published data sets (single-file program, JDK 17, with
 * Quorum's quality-review classes on the class path; see bench/aggregation.sh).
 *
 * <pre>
 * java -cp server/target/quorum.jar bench/AggregationBench.java [--warmup 5] [--runs 15] [--data DIR]
 * </pre>
 *
 * <p>For each data set the answers are read once into memory; then Dawid-Skene's {@code infer}
 * (indexing the strings, EM, the labels) runs {@code --warmup} times untimed, so that the JIT has
 * compiled it, and {@code --runs} times timed. Majority vote is timed the same way, for scale.
 * Prints a Markdown table with the median, min and max of each, and the accuracy as a check that
 * the timed code is the code the tests check.
 */
public class AggregationBench {

  static final String[] SETS = {"d_product", "s_rel"};

  /** Where each run's result goes, so that the JIT cannot drop the work as unused. */
  static volatile long sink;

  public static void main(String[] args) throws IOException {
    int warmup = 5;
    int runs = 15;
    Path data = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--data" -> data = Path.of(args[++i]);
        default -> {
          System.err.println(
              "usage: java -cp CLASSES bench/AggregationBench.java [--warmup N] [--runs N] [--data DIR]");
          System.exit(2);
        }
      }
    }
    if (runs < 1) {
      throw new IllegalArgumentException("--runs must be at least 1");
    }
    if (data == null) {
      data = findData();
    }

    System.out.printf(
        "| data set | answers | questions | method | iterations | accuracy | median | min | max |%n");
    System.out.printf("|---|---:|---:|---|---:|---:|---:|---:|---:|%n");
    for (String set : SETS) {
      List<Answer> answers = readAnswers(data.resolve(set).resolve("answer.csv"));
      Map<String, String> truth = readTruth(data.resolve(set).resolve("truth.csv"));
      DawidSkene.Result fit = new DawidSkene().fit(answers);
      double[] ds = time(() -> new DawidSkene().infer(answers), warmup, runs);
      row(set, answers, fit.labels(), truth, "Dawid-Skene", fit.iterations() + "", ds);
      List<InferredLabel> mvLabels = new MajorityVote(0).infer(answers);
      double[] mv = time(() -> new MajorityVote(0).infer(answers), warmup, runs);
      row(set, answers, mvLabels, truth, "majority vote", "", mv);
    }
    System.out.printf(
        "%n%d warm-up and %d timed runs each, times in ms, one JVM (%s %s).%n",
        warmup, runs, System.getProperty("java.vm.name"), System.getProperty("java.version"));
  }

  interface Run {
    List<InferredLabel> run();
  }

  /** Sorted wall times in ms of the timed runs. */
  static double[] time(Run run, int warmup, int runs) {
    for (int i = 0; i < warmup; i++) {
      sink += run.run().size();
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      sink += run.run().size();
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    return ms;
  }

  static void row(
      String set,
      List<Answer> answers,
      List<InferredLabel> labels,
      Map<String, String> truth,
      String method,
      String iterations,
      double[] ms) {
    long correct = labels.stream().filter(l -> l.label().equals(truth.get(l.question()))).count();
    double median =
        ms.length % 2 == 1 ? ms[ms.length / 2] : (ms[ms.length / 2 - 1] + ms[ms.length / 2]) / 2;
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %d | %s | %s | %.2f %% | %.1f | %.1f | %.1f |%n",
        set,
        answers.size(),
        labels.size(),
        method,
        iterations,
        100.0 * correct / truth.size(),
        median,
        ms[0],
        ms[ms.length - 1]);
  }

  static Path findData() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/data/truth-inference");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared/data/truth-inference not found here or above; pass --data DIR");
  }

  /** The published files are plain CSV: no quotes, no commas inside values. */
  static List<Answer> readAnswers(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<Answer> answers = new ArrayList<>(lines.size());
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      answers.add(new Answer(f[0], f[1], f[2]));
    }
    return answers;
  }

  static Map<String, String> readTruth(Path file) throws IOException {
    Map<String, String> truth = new HashMap<>();
    List<String> lines = Files.readAllLines(file);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      truth.put(f[0], f[1]);
    }
    return truth;
  }
}
