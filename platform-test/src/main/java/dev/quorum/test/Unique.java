package dev.quorum.test;

import java.util.concurrent.atomic.AtomicLong;

/** Unique names and emails, since test classes share one database. */
public final class Unique {

  private static final AtomicLong COUNTER = new AtomicLong(System.nanoTime() % 1_000_000);

  private Unique() {}

  public static String name(String base) {
    return base + "-" + COUNTER.incrementAndGet();
  }

  public static String email(String base) {
    return base + "-" + COUNTER.incrementAndGet() + "@example.com";
  }
}
