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

/** The default mode's settings; EmbeddedRestartTest shows that its data survive a restart. */
class EmbeddedPostgresServerTest {

  @TempDir Path dataDirectory;

  @Test
  void shouldCommitDurablyAndFlushBackendWritesAsTheyGoWithADataDirectory() throws SQLException {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory);
        Connection c =
            DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
        Statement s = c.createStatement()) {
      assertThat(setting(s, "fsync")).isEqualTo("on");
      assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
      assertThat(setting(s, "full_page_writes")).isEqualTo("on");
      assertThat(setting(s, "backend_flush_after")).isEqualTo("256kB");
    }
  }

  private static String setting(Statement s, String name) throws SQLException {
    try (ResultSet r = s.executeQuery("SHOW " + name)) {
      r.next();
      return r.getString(1);
    }
  }
}
