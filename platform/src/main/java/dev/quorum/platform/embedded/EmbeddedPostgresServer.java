package dev.quorum.platform.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server whose binaries come from a Maven Central artifact. With a data directory
 * it keeps its data across restarts; without one it uses a throw-away directory.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts PostgreSQL on a free loopback port.
   *
   * @param dataDirectory where the cluster lives; {@code null} for a temporary one
   */
  public static EmbeddedPostgresServer start(Path dataDirectory) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("max_connections", "300")
              .setServerConfig("timezone", "UTC")
              // Queue tables are vacuumed by row count (dispatch's work units, migration V10);
              // at the default of one look a minute, a busy queue passes that count several times
              // over.
              .setServerConfig("autovacuum_naptime", "10s")
              // Our owner stops it after the application; its own JVM hook would stop it first.
              .setRegisterShutdownHook(false);
      if (dataDirectory != null) {
        // The default mode keeps real data: durable commits, unlike the throw-away test servers.
        builder
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            // Backends (an import's COPY, vacuum) ask the kernel to write their pages out as they
            // go. Left to the kernel, a million-line import leaves ~600 MB dirty in its cache,
            // and the checkpoint's fsync then flushes it at once and stalls every commit behind
            // it (next-task 30-90 ms for a second; BENCHMARKS.md).
            .setServerConfig("backend_flush_after", "256kB");
        Files.createDirectories(dataDirectory);
        stopOrphanedPostmaster(dataDirectory);
        builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
      }
      return new EmbeddedPostgresServer(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  public String user() {
    return "postgres";
  }

  public String password() {
    return "";
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A JVM killed with SIGKILL leaves its postmaster running and the data directory locked; the next
   * start would fail. The directory is ours, so an old postmaster on it is ours too.
   */
  private static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    Optional<ProcessHandle> postmaster =
        lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
    if (postmaster.isPresent() && postmaster.get().isAlive()) {
      LOG.warn(
          "stopping an orphaned PostgreSQL (pid {}) on {}", postmaster.get().pid(), dataDirectory);
      postmaster.get().destroy();
      postmaster.get().onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
    } else {
      Files.deleteIfExists(pidFile);
    }
  }
}
