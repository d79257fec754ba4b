package dev.quorum.platform.id;

import java.security.SecureRandom;

/**
 * Opaque, prefixed, time-ordered ids ({@code org_01JD…}): 48 bits of milliseconds and 80 random
 * bits in Crockford base32, so that ids sort by creation and index well.
 */
public final class Ids {

  private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private static final long MASK_40 = (1L << 40) - 1;

  private Ids() {}

  private static long lastTime;
  private static long lastHi;
  private static long lastLo;

  /**
   * A new id. Within one millisecond the random part counts up, so ids made one after the other
   * sort in the order they were made (tasks of one import keep their line order).
   */
  public static String newId(String prefix) {
    long time;
    long hi;
    long lo;
    synchronized (Ids.class) {
      time = Math.max(System.currentTimeMillis(), lastTime);
      if (time == lastTime) {
        lo = (lastLo + 1) & MASK_40;
        hi = lo == 0 ? (lastHi + 1) & MASK_40 : lastHi;
      } else {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        hi = 0;
        for (int i = 0; i < 5; i++) {
          hi = (hi << 8) | (random[i] & 0xff);
        }
        lo = 0;
        for (int i = 5; i < 10; i++) {
          lo = (lo << 8) | (random[i] & 0xff);
        }
        // Leave room to count up within the millisecond.
        hi &= MASK_40 >>> 1;
      }
      lastTime = time;
      lastHi = hi;
      lastLo = lo;
    }
    char[] out = new char[26];
    for (int i = 9; i >= 0; i--) {
      out[i] = ALPHABET[(int) (time & 31)];
      time >>>= 5;
    }
    for (int i = 17; i >= 10; i--) {
      out[i] = ALPHABET[(int) (hi & 31)];
      hi >>>= 5;
    }
    for (int i = 25; i >= 18; i--) {
      out[i] = ALPHABET[(int) (lo & 31)];
      lo >>>= 5;
    }
    return prefix + "_" + new String(out);
  }
}
