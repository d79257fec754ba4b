package dev.quorum.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default mode's promise: stop, start again on the same directory, and nothing is lost. */
@Tag("slow")
class EmbeddedRestartTest {

  @TempDir Path dataDir;

  @Test
  void shouldKeepDatabaseRowsAndKafkaRecordsAcrossARestart() throws Exception {
    try (EmbeddedInfrastructure first = EmbeddedInfrastructure.start(dataDir)) {
      try (Connection c = connect(first)) {
        c.createStatement().execute("create table kept (v text)");
        c.createStatement().execute("insert into kept values ('before restart')");
      }
      String bootstrap = first.kafka().bootstrapServers();
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
        admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
      }
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(
              Map.of("bootstrap.servers", bootstrap, "acks", "all"),
              new StringSerializer(),
              new StringSerializer())) {
        producer.send(new ProducerRecord<>("kept", "k", "record before restart")).get();
      }
    }
    assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid")))
        .as("PostgreSQL stopped cleanly")
        .isFalse();

    try (EmbeddedInfrastructure second = EmbeddedInfrastructure.start(dataDir)) {
      try (Connection c = connect(second);
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select v from kept")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("before restart");
      }
      assertThat(readAll(second.kafka().bootstrapServers(), "kept"))
          .containsExactly("record before restart");
    }
  }

  private static Connection connect(EmbeddedInfrastructure infrastructure) throws Exception {
    return DriverManager.getConnection(
        infrastructure.postgres().jdbcUrl(),
        infrastructure.postgres().user(),
        infrastructure.postgres().password());
  }

  private static List<String> readAll(String bootstrap, String topic) {
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers", bootstrap,
                "group.id", "restart-reader",
                "auto.offset.reset", "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (values.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          values.add(record.value());
        }
      }
    }
    return values;
  }
}
