package dev.quorum.platform.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines of at most {@code maxBytes} from a byte stream. A longer line is skipped to its
 * end and reported as {@link #TOO_LONG}, so one huge line cannot exhaust memory; a line that is not
 * valid UTF-8 is reported as {@link #NOT_UTF8} rather than decoded with replacement characters,
 * which would change the customer's text without a word. A byte-order mark before the first line is
 * dropped, and so is a carriage return before the newline.
 */
public final class BoundedLineReader {

  public static final String TOO_LONG = "\u0000too-long";
  public static final String NOT_UTF8 = "\u0000not-utf8";

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final InputStream in;
  private final int maxBytes;
  private final byte[] buffer = new byte[64 * 1024];
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] line = new byte[8 * 1024];
  private int position;
  private int limit;
  private boolean first = true;

  public BoundedLineReader(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /**
   * The next line without its terminator, {@link #TOO_LONG}, {@link #NOT_UTF8}, or {@code null} at
   * the end.
   */
  public String readLine() throws IOException {
    int length = 0;
    boolean tooLong = false;
    boolean sawAny = false;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return sawAny ? finish(length, tooLong) : null;
        }
      }
      sawAny = true;
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      if (!tooLong) {
        int more = position - start;
        // A few bytes more than the limit are kept: a byte-order mark and CRLF's carriage return
        // do not count.
        if (length + more > maxBytes + BOM.length + 1) {
          tooLong = true;
        } else {
          if (length + more > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + more));
          }
          System.arraycopy(buffer, start, line, length, more);
          length += more;
        }
      }
      if (position < limit) {
        position++; // the newline
        return finish(length, tooLong);
      }
    }
  }

  private String finish(int length, boolean tooLong) {
    int from = 0;
    if (first) {
      first = false;
      if (length >= BOM.length && Arrays.equals(line, 0, BOM.length, BOM, 0, BOM.length)) {
        from = BOM.length;
      }
    }
    if (length > from && line[length - 1] == '\r') {
      length--;
    }
    if (tooLong || length - from > maxBytes) {
      return TOO_LONG;
    }
    if (isAscii(from, length)) {
      return new String(line, from, length - from, StandardCharsets.ISO_8859_1);
    }
    try {
      return utf8.decode(ByteBuffer.wrap(line, from, length - from)).toString();
    } catch (CharacterCodingException e) {
      return NOT_UTF8;
    }
  }

  private boolean isAscii(int from, int to) {
    for (int i = from; i < to; i++) {
      if (line[i] < 0) {
        return false;
      }
    }
    return true;
  }
}
