package dev.quorum.platform.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

  static List<String> lines(byte[] input, int maxBytes) throws IOException {
    BoundedLineReader reader = new BoundedLineReader(new ByteArrayInputStream(input), maxBytes);
    List<String> lines = new ArrayList<>();
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lines.add(line);
    }
    return lines;
  }

  static List<String> lines(String input, int maxBytes) throws IOException {
    return lines(input.getBytes(StandardCharsets.UTF_8), maxBytes);
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
    assertThat(lines("y".repeat(10) + "\r\n", 10)).containsExactly("y".repeat(10));
    assertThat(lines("y".repeat(11), 10)).containsExactly(BoundedLineReader.TOO_LONG);
  }

  @Test
  void shouldCountTheLimitInBytesOfUtf8() throws IOException {
    // Five characters of two bytes each: ten bytes.
    assertThat(lines("ééééé", 10)).containsExactly("ééééé");
    assertThat(lines("éééééé", 10)).containsExactly(BoundedLineReader.TOO_LONG);
  }

  @Test
  void shouldDecodeUtf8AndReportALineThatIsNotUtf8() throws IOException {
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    input.writeBytes("café ✓ 😀\n".getBytes(StandardCharsets.UTF_8));
    input.writeBytes(new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'}); // Latin-1 é
    input.writeBytes("next\n".getBytes(StandardCharsets.UTF_8));
    assertThat(lines(input.toByteArray(), 100))
        .containsExactly("café ✓ 😀", BoundedLineReader.NOT_UTF8, "next");
  }

  @Test
  void shouldDropAByteOrderMarkBeforeTheFirstLineOnly() throws IOException {
    assertThat(lines("\uFEFF{\"a\":1}\n\uFEFFb", 100)).containsExactly("{\"a\":1}", "\uFEFFb");
  }
}
