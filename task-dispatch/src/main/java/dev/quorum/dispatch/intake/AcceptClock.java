package dev.quorum.dispatch.intake;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When the import endpoint accepted a line: microseconds that only go forward in this process, so
 * the lines of one import get strictly increasing times in line order. Units are offered oldest
 * first by this time, which keeps an import's line order however many writers share its records.
 */
final class AcceptClock {

  private static long lastMicros;

  private AcceptClock() {}

  static synchronized Instant next() {
    long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    lastMicros = Math.max(now, lastMicros + 1);
    return Instant.EPOCH.plus(lastMicros, ChronoUnit.MICROS);
  }
}
