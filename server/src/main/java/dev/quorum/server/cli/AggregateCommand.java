package dev.quorum.server.cli;

import dev.quorum.quality.aggregation.Answer;
import dev.quorum.quality.aggregation.DawidSkene;
import dev.quorum.quality.aggregation.InferredLabel;
import dev.quorum.quality.aggregation.MajorityVote;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aggregate}: one label per question from workers' answers in a CSV file, offline. */
@Command(
    name = "aggregate",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Infers one label per question from workers' answers, offline: starts no server.",
      "Input: CSV with the header question,worker,answer (any column order), one answer a row.",
      "Output: CSV question,label,confidence, sorted by question. Confidence is the winner's share"
          + " of the votes (mv) or its posterior probability (ds), with 6 decimals.",
      "Exit codes: 0 done, 1 unusable input or output, 2 bad arguments."
    })
final class AggregateCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(AggregateCommand.class);

  enum Method {
    MV,
    DS
  }

  @Option(
      names = "--method",
      required = true,
      paramLabel = "mv|ds",
      description = "mv: majority vote, ties broken at random by --seed; ds: Dawid-Skene (EM).")
  Method method;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "answers.csv",
      description = "The answers.")
  Path input;

  @Option(
      names = "--output",
      paramLabel = "labels.csv",
      description = "Where to write the labels (replaced if it exists); standard output if absent.")
  Path output;

  @Option(
      names = "--seed",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "Seed of majority vote's tie-breaks; the same seed gives the same labels. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try {
      long started = System.nanoTime();
      List<Answer> answers = AnswersCsv.read(input);
      List<InferredLabel> labels = infer(answers);
      write(labels);
      LOG.info(
          "{} answers -> {} labels by {} in {} ms",
          answers.size(),
          labels.size(),
          method.name().toLowerCase(Locale.ROOT),
          (System.nanoTime() - started) / 1_000_000);
      return 0;
    } catch (CommandFailure e) {
      spec.commandLine().getErr().println("aggregate: " + e.getMessage());
      return 1;
    }
  }

  private List<InferredLabel> infer(List<Answer> answers) {
    if (method == Method.MV) {
      return new MajorityVote(seed).infer(answers);
    }
    DawidSkene.Result result = new DawidSkene().fit(answers);
    LOG.info(
        "Dawid-Skene: {} iterations, {}",
        result.iterations(),
        result.converged() ? "converged" : "stopped at the iteration limit");
    return result.labels();
  }

  private void write(List<InferredLabel> labels) {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader("question", "label", "confidence")
            .setRecordSeparator('\n')
            .get();
    try {
      if (output == null) {
        Writer out = spec.commandLine().getOut();
        print(format, out, labels);
        out.flush();
      } else {
        try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
          print(format, out, labels);
        }
      }
    } catch (IOException e) {
      throw new CommandFailure(
          (output == null ? "standard output" : output.toString())
              + ": cannot be written ("
              + e
              + ")");
    }
  }

  private static void print(CSVFormat format, Writer out, List<InferredLabel> labels)
      throws IOException {
    CSVPrinter printer = new CSVPrinter(out, format); // not closed: that would close stdout
    for (InferredLabel label : labels) {
      printer.printRecord(
          label.question(), label.label(), String.format(Locale.ROOT, "%.6f", label.confidence()));
    }
    printer.flush();
  }
}
