package dev.quorum.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.test.QuorumTest;
import jakarta.inject.Inject;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuorumTest
class TxRetryTest {

  @Inject Tx tx;

  @BeforeEach
  void table() {
    tx.run(
        dsl -> {
          dsl.execute(
              "create table if not exists public.tx_retry_probe (name text primary key, n int not null)");
          dsl.execute("truncate public.tx_retry_probe");
        });
  }

  @Test
  void shouldRetrySerializationFailuresAndCommitOnce() {
    AtomicInteger attempts = new AtomicInteger();
    String result =
        tx.write(
            dsl -> {
              dsl.execute("insert into public.tx_retry_probe values ('a', 1)");
              if (attempts.incrementAndGet() < 3) {
                raise(dsl, "serialization_failure");
              }
              return "done";
            });
    assertThat(result).isEqualTo("done");
    assertThat(attempts).hasValue(3);
    assertThat(count()).as("the failed attempts rolled back, the last one committed").isEqualTo(1);
  }

  @Test
  void shouldRetryDeadlocks() {
    AtomicInteger attempts = new AtomicInteger();
    tx.run(
        dsl -> {
          if (attempts.incrementAndGet() == 1) {
            raise(dsl, "deadlock_detected");
          }
          dsl.execute("insert into public.tx_retry_probe values ('b', 1)");
        });
    assertThat(attempts).hasValue(2);
    assertThat(count()).isEqualTo(1);
  }

  @Test
  void shouldNotRetryOtherErrorsAndRollBack() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                tx.run(
                    dsl -> {
                      attempts.incrementAndGet();
                      dsl.execute("insert into public.tx_retry_probe values ('c', 1)");
                      raise(dsl, "unique_violation");
                    }))
        .hasMessageContaining("probe");
    assertThat(attempts).hasValue(1);
    assertThat(count()).isZero();
  }

  @Test
  void shouldGiveUpAfterTheLastAttempt() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                tx.run(
                    dsl -> {
                      attempts.incrementAndGet();
                      raise(dsl, "serialization_failure");
                    }))
        .hasMessageContaining("probe");
    assertThat(attempts).hasValue(Tx.MAX_ATTEMPTS);
  }

  /** Two SERIALIZABLE transactions that read each other's writes: PostgreSQL aborts one. */
  @Test
  void shouldResolveARealSerializationConflict() throws Exception {
    tx.run(dsl -> dsl.execute("insert into public.tx_retry_probe values ('x', 0), ('y', 0)"));
    CountDownLatch bothRead = new CountDownLatch(2);
    AtomicInteger attempts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> first = pool.submit(() -> writeSkew("x", "y", bothRead, attempts));
      Future<?> second = pool.submit(() -> writeSkew("y", "x", bothRead, attempts));
      first.get(60, TimeUnit.SECONDS);
      second.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertThat(attempts.get()).as("one of the two was retried").isGreaterThan(2);
    Integer total =
        tx.read(
            dsl ->
                dsl.fetchSingle("select sum(n) from public.tx_retry_probe").get(0, Integer.class));
    assertThat(total).as("both increments survived").isEqualTo(2);
  }

  private void writeSkew(
      String mine, String other, CountDownLatch bothRead, AtomicInteger attempts) {
    tx.run(
        dsl -> {
          attempts.incrementAndGet();
          dsl.execute("set transaction isolation level serializable");
          dsl.fetch("select n from public.tx_retry_probe where name = ?", other);
          bothRead.countDown();
          try {
            bothRead.await(2, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          dsl.execute("update public.tx_retry_probe set n = n + 1 where name = ?", mine);
        });
  }

  private int count() {
    return tx.read(
        dsl -> dsl.fetchSingle("select count(*) from public.tx_retry_probe").get(0, Integer.class));
  }

  private static void raise(DSLContext dsl, String condition) {
    dsl.execute(
        "do $$ begin raise exception 'probe %' , '"
            + condition
            + "' using errcode = '"
            + condition
            + "'; end $$");
  }
}
