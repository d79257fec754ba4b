package dev.quorum.server;

import dev.quorum.platform.embedded.EmbeddedKafkaServer;
import dev.quorum.platform.embedded.EmbeddedPostgresServer;
import dev.quorum.server.cli.Cli;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Starts Quorum. Without {@code DATASOURCES_DEFAULT_URL} it runs an embedded PostgreSQL, without
 * {@code KAFKA_BOOTSTRAP_SERVERS} an embedded Kafka, both under {@code QUORUM_DATA_DIR}. With a
 * command as first argument ({@code aggregate}) it runs that command instead and exits.
 */
public final class Quorum {

  private Quorum() {}

  public static void main(String[] args) {
    // Before anything else: an offline command starts no embedded server and no context.
    if (Cli.handles(args)) {
      System.exit(Cli.run(args));
    }
    long started = System.nanoTime();
    Map<String, String> env = System.getenv();
    Path dataDir = Path.of(env.getOrDefault("QUORUM_DATA_DIR", "quorum-data")).toAbsolutePath();
    List<AutoCloseable> embedded = new ArrayList<>();
    Map<String, Object> properties = new HashMap<>();

    if (isBlank(env.get("DATASOURCES_DEFAULT_URL"))) {
      EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"));
      embedded.add(postgres);
      properties.put("datasources.default.url", postgres.jdbcUrl());
      properties.put("datasources.default.username", postgres.user());
      properties.put("datasources.default.password", postgres.password());
    }
    if (isBlank(env.get("KAFKA_BOOTSTRAP_SERVERS"))) {
      EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(dataDir.resolve("kafka"));
      embedded.add(0, kafka);
      properties.put("kafka.bootstrap.servers", kafka.bootstrapServers());
    }
    if (isBlank(env.get("QUORUM_JWT_SECRET"))) {
      properties.put("quorum.jwt.secret", jwtSecret(dataDir));
    }
    List<String> micronautArgs = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("--demo")) {
        properties.put("quorum.demo", "true");
      } else {
        micronautArgs.add(arg);
      }
    }

    ApplicationContext context =
        Micronaut.build(micronautArgs.toArray(String[]::new))
            .mainClass(Quorum.class)
            .properties(properties)
            .start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  awaitStopped(context);
                  closeAll(embedded);
                },
                "quorum-stop"));
    EmbeddedServer server = context.getBean(EmbeddedServer.class);
    System.out.printf(
        "%nQuorum is up at %s (started in %.1f s%s).%nSign in at %s/login%n%n",
        server.getURL(),
        (System.nanoTime() - started) / 1e9,
        embedded.isEmpty() ? "" : ", embedded servers under " + dataDir,
        server.getURL());
  }

  /**
   * The embedded default keeps its JWT signing secret next to its data, so that logins survive a
   * restart; production passes {@code QUORUM_JWT_SECRET}.
   */
  private static String jwtSecret(Path dataDir) {
    Path file = dataDir.resolve("jwt-secret");
    try {
      if (Files.exists(file)) {
        return Files.readString(file).trim();
      }
      Files.createDirectories(dataDir);
      byte[] bytes = new byte[32];
      new SecureRandom().nextBytes(bytes);
      String secret = HexFormat.of().formatHex(bytes);
      Files.writeString(file, secret);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the JWT secret in " + file, e);
    }
  }

  /**
   * Micronaut's own shutdown hook stops the context; the embedded servers may only stop after it,
   * or beans still in use lose their database. The context's stop holds its monitor, so taking the
   * monitor waits for a stop in progress. Stops the context itself if nothing else does.
   */
  private static void awaitStopped(ApplicationContext context) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      synchronized (context) {
        if (!context.isRunning()) {
          return;
        }
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (context.isRunning()) {
      context.close();
    }
  }

  private static void closeAll(List<AutoCloseable> servers) {
    for (AutoCloseable server : servers) {
      try {
        server.close();
      } catch (Exception e) {
        System.err.println("stopping an embedded server failed: " + e);
      }
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
