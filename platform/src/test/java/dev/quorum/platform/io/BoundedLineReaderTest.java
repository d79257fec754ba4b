package dev.quorum.platform.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

  static List<String> lines(String input, int max) throws IOException {
    BoundedLineReader reader = new BoundedLineReader(new StringReader(input), max);
    List<String> lines = new ArrayList<>();
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lines.add(line);
    }
    return lines;
  }

  @Test
  void shouldSplitOnNewlinesAndDropCarriageReturns() throws IOException {
    assertThat(lines("a\r\nbb\n\nccc", 10)).containsExactly("a", "bb", "", "ccc");
    assertThat(lines("a\n", 10)).containsExactly("a");
    assertThat(lines("", 10)).isEmpty();
  }

  @Test
  void shouldReportTooLongLinesWithoutLosingTheNextOnes() throws IOException {
    String longLine = "x".repeat(200_000);
    assertThat(lines("ok\n" + longLine + "\nafter", 100_000))
        .containsExactly("ok", BoundedLineReader.TOO_LONG, "after");
    assertThat(lines("y".repeat(10), 10)).containsExactly("y".repeat(10));
  }
}
