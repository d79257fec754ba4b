package dev.quorum.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The aggregate command run in-process, as {@code Quorum.main} runs it: no server, no context. */
class AggregateCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Cli.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private Path answers(String content) throws IOException {
    return Files.writeString(dir.resolve("answers.csv"), content, StandardCharsets.UTF_8);
  }

  @Test
  void shouldWriteMajorityVoteLabelsToTheOutputFile() throws IOException {
    Path input =
        answers(
            """
            question,worker,answer
            q2,w1,cat
            q1,w1,dog
            q2,w2,"cat, tabby"
            q1,w2,dog
            q2,w3,"cat, tabby"
            q1,w3,bird
            """);
    Path output = dir.resolve("labels.csv");

    int code =
        run(
            "aggregate",
            "--method",
            "mv",
            "--input",
            input.toString(),
            "--output",
            output.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.readString(output))
        .isEqualTo(
            """
            question,label,confidence
            q1,dog,0.666667
            q2,"cat, tabby",0.666667
            """);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void shouldWriteDawidSkeneLabelsToStandardOutput() throws IOException {
    StringBuilder csv = new StringBuilder("worker,question,answer\n"); // any column order
    for (int q = 0; q < 20; q++) {
      String truth = q % 4 == 0 ? "yes" : "no";
      String wrong = truth.equals("yes") ? "no" : "yes";
      csv.append("good,q").append(q).append(',').append(truth).append('\n');
      csv.append("fair,q").append(q).append(',').append(q % 5 == 0 ? wrong : truth).append('\n');
      csv.append("poor,q").append(q).append(',').append(q % 2 == 0 ? wrong : truth).append('\n');
    }
    Path input = answers(csv.toString());

    int code = run("aggregate", "--method", "DS", "--input", input.toString());

    assertThat(code).as(err.toString()).isZero();
    String[] lines = out.toString().split("\n");
    assertThat(lines).hasSize(21);
    assertThat(lines[0]).isEqualTo("question,label,confidence");
    assertThat(lines[1]).startsWith("q0,yes,");
    assertThat(lines[2]).startsWith("q1,no,");
    assertThat(lines)
        .filteredOn(l -> l.startsWith("q10,"))
        .singleElement()
        .asString()
        .startsWith("q10,no,");
  }

  @Test
  void shouldSayWhichFileIsMissing() {
    Path missing = dir.resolve("nowhere.csv");

    int code = run("aggregate", "--method", "mv", "--input", missing.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains(missing.toString()).contains("no such file");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void shouldNameTheExpectedHeader() throws IOException {
    Path input = answers("task,annotator,label\nq1,w1,A\n");

    int code = run("aggregate", "--method", "mv", "--input", input.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .contains("task,annotator,label")
        .contains("expected question,worker,answer");
  }

  @Test
  void shouldNameTheLineOfABadRow() throws IOException {
    Path input = answers("question,worker,answer\nq1,w1,A\nq2,w2\n");

    int code = run("aggregate", "--method", "mv", "--input", input.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("line 3").contains("2 fields");
  }

  @Test
  void shouldRefuseAnUnknownMethod() throws IOException {
    Path input = answers("question,worker,answer\nq1,w1,A\n");

    int code = run("aggregate", "--method", "glad", "--input", input.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--method").contains("glad").contains("MV, DS");
  }

  @Test
  void shouldAcceptAByteOrderMarkAndGiveOnlyTheHeaderForNoAnswers() throws IOException {
    Path input = answers("\uFEFFquestion,worker,answer\n");

    int code = run("aggregate", "--method", "ds", "--input", input.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("question,label,confidence\n");
  }

  @Test
  void shouldExplainItselfWithHelp() {
    int code = run("aggregate", "--help");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("Usage: java -jar quorum.jar aggregate")
        .contains("--method=mv|ds")
        .contains("--output=labels.csv")
        .contains("question,worker,answer");
  }

  @Test
  void shouldHandleOnlyItsOwnCommands() {
    assertThat(Cli.handles(new String[] {"aggregate", "--help"})).isTrue();
    assertThat(Cli.handles(new String[] {"--demo"})).isFalse();
    assertThat(Cli.handles(new String[] {})).isFalse();
  }
}
