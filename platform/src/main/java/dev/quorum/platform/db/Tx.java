package dev.quorum.platform.db;

import static dev.quorum.platform.store.jooq.Tables.WAL_FLUSH;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way into the database: runs work in a transaction and retries it when PostgreSQL reports
 * a serialization failure (40001) or a deadlock (40P01), with jittered backoff. Work that is
 * already inside a transaction joins it and is not retried on its own: the outermost call owns the
 * retry, because only it can replay the whole unit.
 */
@Singleton
public class Tx {

  static final int MAX_ATTEMPTS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(Tx.class);

  private final DSLContext dsl;
  private final TransactionOperations<Connection> transactions;

  public Tx(DSLContext dsl, TransactionOperations<Connection> transactions) {
    this.dsl = dsl;
    this.transactions = transactions;
  }

  /** Runs {@code work} in a read-write transaction and returns its result. */
  public <T> T write(Function<DSLContext, T> work) {
    return run(TransactionDefinition.DEFAULT, work);
  }

  /** Runs {@code work} in a read-only transaction. */
  public <T> T read(Function<DSLContext, T> work) {
    return run(TransactionDefinition.READ_ONLY, work);
  }

  /** Runs {@code work} in a write transaction, for work with no result. */
  public void run(java.util.function.Consumer<DSLContext> work) {
    write(
        d -> {
          work.accept(d);
          return null;
        });
  }

  /**
   * Returns once every transaction committed so far is on disk, also those that committed without
   * waiting for their WAL flush ({@code synchronous_commit = off}). It commits a write of its own,
   * outside any transaction of the caller, with a synchronous commit: PostgreSQL writes the WAL in
   * commit order, so flushing up to that commit flushes every one before it.
   */
  public void flushCommitted() {
    transactions.execute(
        TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW),
        status -> {
          dsl.execute("set local synchronous_commit = on");
          return dsl.update(WAL_FLUSH)
              .set(WAL_FLUSH.FLUSHED_AT, DSL.currentOffsetDateTime())
              .execute();
        });
  }

  /** The context for code that is known to run inside a transaction opened by this class. */
  public DSLContext dsl() {
    return dsl;
  }

  private <T> T run(TransactionDefinition definition, Function<DSLContext, T> work) {
    if (transactions.findTransactionStatus().isPresent()) {
      return work.apply(dsl);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return transactions.execute(definition, status -> work.apply(dsl));
      } catch (RuntimeException e) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(e)) {
          throw e;
        }
        long backoff = ThreadLocalRandom.current().nextLong(5L << attempt, 20L << attempt);
        LOG.debug("transaction conflict (attempt {}), retrying in {} ms", attempt, backoff);
        sleep(backoff);
      }
    }
  }

  static boolean isRetryable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if ("40001".equals(state) || "40P01".equals(state)) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while backing off a transaction retry");
    }
  }
}
