package dev.quorum.platform.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default mode's servers: PostgreSQL and Kafka under one data directory. {@link #properties()}
 * is what the application context needs to reach them.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

  private final EmbeddedPostgresServer postgres;
  private final EmbeddedKafkaServer kafka;

  private EmbeddedInfrastructure(EmbeddedPostgresServer postgres, EmbeddedKafkaServer kafka) {
    this.postgres = postgres;
    this.kafka = kafka;
  }

  /**
   * @param dataDirectory parent of {@code postgres/} and {@code kafka/}; {@code null} for
   *     throw-away servers (tests)
   */
  public static EmbeddedInfrastructure start(Path dataDirectory) {
    EmbeddedPostgresServer postgres =
        EmbeddedPostgresServer.start(
            dataDirectory == null ? null : dataDirectory.resolve("postgres"));
    try {
      EmbeddedKafkaServer kafka =
          EmbeddedKafkaServer.start(dataDirectory == null ? null : dataDirectory.resolve("kafka"));
      return new EmbeddedInfrastructure(postgres, kafka);
    } catch (RuntimeException e) {
      postgres.close();
      throw e;
    }
  }

  public EmbeddedPostgresServer postgres() {
    return postgres;
  }

  public EmbeddedKafkaServer kafka() {
    return kafka;
  }

  public Map<String, Object> properties() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("datasources.default.url", postgres.jdbcUrl());
    p.put("datasources.default.username", postgres.user());
    p.put("datasources.default.password", postgres.password());
    p.put("kafka.bootstrap.servers", kafka.bootstrapServers());
    return p;
  }

  /** Kafka first: it may still flush to its log while PostgreSQL shuts down independently. */
  @Override
  public void close() {
    try {
      kafka.close();
    } finally {
      postgres.close();
    }
  }
}
