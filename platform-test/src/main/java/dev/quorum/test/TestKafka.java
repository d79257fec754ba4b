package dev.quorum.test;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Topics of a test's own and a plain consumer that reads them from the start. */
@Singleton
public class TestKafka {

  private final String bootstrapServers;

  public TestKafka(@Value("${kafka.bootstrap.servers}") String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  public String newTopic(String base, int partitions) throws Exception {
    String name = "quorum.test." + base + "-" + UUID.randomUUID();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      admin
          .createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
      awaitLeaders(admin, name, partitions);
    }
    return name;
  }

  /**
   * The controller acknowledges a new topic before the broker knows its leaders; a test that
   * produces at once would otherwise race the broker's metadata.
   */
  private static void awaitLeaders(Admin admin, String topic, int partitions) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try {
        TopicDescription description =
            admin
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get(10, TimeUnit.SECONDS)
                .get(topic);
        if (description.partitions().size() == partitions
            && description.partitions().stream().allMatch(p -> p.leader() != null)) {
          return;
        }
      } catch (ExecutionException notYetKnown) {
        // the broker has not seen the topic yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("topic " + topic + " has no leaders after 30 s");
  }

  /** Reads until {@code count} records arrived or {@code timeout} passed. */
  public List<ConsumerRecord<String, String>> readAll(String topic, int count, Duration timeout) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                bootstrapServers,
                "group.id",
                "test-reader-" + UUID.randomUUID(),
                "auto.offset.reset",
                "earliest",
                "enable.auto.commit",
                "false"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (records.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      // A moment more, to catch anything published twice.
      consumer.poll(Duration.ofMillis(300)).forEach(records::add);
    }
    return records;
  }
}
