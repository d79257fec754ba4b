package dev.quorum.test;

import dev.quorum.platform.embedded.EmbeddedInfrastructure;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Starts PostgreSQL and Kafka once per JVM and publishes their addresses as system properties,
 * which the Micronaut test context reads. Registered before Micronaut's own extension by {@link
 * QuorumTest}.
 */
public final class QuorumServers implements BeforeAllCallback {

  private static final Logger LOG = LoggerFactory.getLogger(QuorumServers.class);
  private static Map<String, Object> properties;

  @Override
  public void beforeAll(ExtensionContext context) {
    start().forEach((k, v) -> System.setProperty(k, String.valueOf(v)));
  }

  /** The servers' connection properties, starting them on first use. */
  public static synchronized Map<String, Object> start() {
    if (properties == null) {
      properties = DockerClientFactory.instance().isDockerAvailable() ? containers() : embedded();
    }
    return properties;
  }

  private static Map<String, Object> embedded() {
    LOG.info("no Docker engine: using the embedded PostgreSQL and Kafka");
    EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(null);
    Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::close, "test-servers-stop"));
    return infrastructure.properties();
  }

  @SuppressWarnings("resource")
  private static Map<String, Object> containers() {
    LOG.info("Docker engine found: using Testcontainers");
    PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:17-alpine");
    KafkaContainer kafka = new KafkaContainer("apache/kafka-native:4.1.0");
    postgres.start();
    kafka.start();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("datasources.default.url", postgres.getJdbcUrl());
    p.put("datasources.default.username", postgres.getUsername());
    p.put("datasources.default.password", postgres.getPassword());
    p.put("kafka.bootstrap.servers", kafka.getBootstrapServers());
    return p;
  }
}
