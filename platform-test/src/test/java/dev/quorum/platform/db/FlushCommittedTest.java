package dev.quorum.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.quorum.test.QuorumServers;
import dev.quorum.test.QuorumTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuorumTest
class FlushCommittedTest {

  @Inject Tx tx;

  /** The WAL writer would otherwise flush an asynchronous commit within 200 ms on its own. */
  @BeforeEach
  void slowTheWalWriter() throws SQLException {
    outsideATransaction(
        "alter system set wal_writer_delay = '10s'",
        "alter system set wal_writer_flush_after = '64MB'",
        "select pg_reload_conf()",
        "create table if not exists public.wal_probe (n int)");
  }

  @AfterEach
  void restoreTheWalWriter() throws SQLException {
    outsideATransaction(
        "alter system reset wal_writer_delay",
        "alter system reset wal_writer_flush_after",
        "select pg_reload_conf()");
  }

  @Test
  void shouldPutACommitThatDidNotWaitForTheDiskOnDiskBeforeReturning() {
    tx.run(
        dsl -> {
          dsl.execute("set local synchronous_commit = off");
          dsl.execute("insert into public.wal_probe values (1)");
        });
    String endOfCommit =
        tx.read(
            dsl -> dsl.fetchValue(DSL.field("pg_current_wal_insert_lsn()::text", String.class)));
    // Some other synchronous commit may have flushed it meanwhile; then there is nothing to tell.
    assumeFalse(flushedBeyond(endOfCommit), "the asynchronous commit is already flushed");

    tx.flushCommitted();

    assertThat(flushedBeyond(endOfCommit)).isTrue();
  }

  private boolean flushedBeyond(String lsn) {
    return tx.read(
        dsl ->
            dsl.fetchValue(
                DSL.field(
                    "pg_current_wal_flush_lsn() >= {0}::pg_lsn", Boolean.class, DSL.val(lsn))));
  }

  /** ALTER SYSTEM refuses to run inside a transaction block. */
  private static void outsideATransaction(String... statements) throws SQLException {
    Map<String, Object> servers = QuorumServers.start();
    try (Connection c =
            DriverManager.getConnection(
                String.valueOf(servers.get("datasources.default.url")),
                String.valueOf(servers.get("datasources.default.username")),
                String.valueOf(servers.get("datasources.default.password")));
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }
}
