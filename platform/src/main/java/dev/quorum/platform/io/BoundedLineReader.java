package dev.quorum.platform.io;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most {@code maxChars}; a longer line is skipped to its end and reported as
 * {@link #TOO_LONG}, so one huge line cannot exhaust memory.
 */
public final class BoundedLineReader {

  public static final String TOO_LONG = "\u0000too-long";

  private final Reader reader;
  private final int maxChars;
  private final char[] buffer = new char[64 * 1024];
  private int position;
  private int limit;

  public BoundedLineReader(Reader reader, int maxChars) {
    this.reader = reader;
    this.maxChars = maxChars;
  }

  /** The next line without its terminator, {@link #TOO_LONG}, or {@code null} at the end. */
  public String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    boolean tooLong = false;
    boolean sawAny = false;
    while (true) {
      if (position == limit) {
        limit = reader.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return sawAny ? finish(line, tooLong) : null;
        }
      }
      sawAny = true;
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      if (!tooLong) {
        int length = position - start;
        if (line.length() + length > maxChars) {
          tooLong = true;
          line.setLength(0);
        } else {
          line.append(buffer, start, length);
        }
      }
      if (position < limit) {
        position++; // the newline
        return finish(line, tooLong);
      }
    }
  }

  private static String finish(StringBuilder line, boolean tooLong) {
    if (tooLong) {
      return TOO_LONG;
    }
    int end = line.length();
    if (end > 0 && line.charAt(end - 1) == '\r') {
      line.setLength(end - 1);
    }
    return line.toString();
  }
}
