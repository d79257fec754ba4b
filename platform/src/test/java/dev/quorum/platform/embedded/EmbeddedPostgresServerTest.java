package dev.quorum.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

  @TempDir Path dataDirectory;

  @Test
  void shouldKeepDataAcrossRestartsWithDurableCommitsAndFlushedBackendWrites() throws SQLException {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory);
        Connection c = connect(server);
        Statement s = c.createStatement()) {
      assertThat(setting(s, "fsync")).isEqualTo("on");
      assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
      assertThat(setting(s, "full_page_writes")).isEqualTo("on");
      assertThat(setting(s, "backend_flush_after")).isEqualTo("256kB");
      s.execute(
          "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('written before the stop')");
    }

    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory);
        Connection c = connect(server);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT note FROM kept")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("written before the stop");
    }
  }

  private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
    return DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
  }

  private static String setting(Statement s, String name) throws SQLException {
    try (ResultSet r = s.executeQuery("SHOW " + name)) {
      r.next();
      return r.getString(1);
    }
  }
}
