package dev.quorum.platform.events;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Named;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates Quorum's topics at start-up if they are missing (brokers need not auto-create). */
@Context
class TopicProvisioner {

  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

  /**
   * An intake record carries a task line of up to 1 MiB and its envelope; a dead letter carries the
   * record again, escaped as a JSON string (up to six characters for a control character). Kafka's
   * default of 1 MiB refused a line just under the import limit.
   */
  private static final String INTAKE_RECORD_BYTES = Integer.toString(Topics.INTAKE_RECORD_BYTES);

  private final Admin admin;
  private final int partitions;
  private final short replicationFactor;

  TopicProvisioner(
      @Named("quorum") Admin admin,
      @Value("${quorum.kafka.partitions:6}") int partitions,
      @Value("${quorum.kafka.replication-factor:1}") short replicationFactor) {
    this.admin = admin;
    this.partitions = partitions;
    this.replicationFactor = replicationFactor;
  }

  @PostConstruct
  void provision() throws InterruptedException, ExecutionException, TimeoutException {
    Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
    List<NewTopic> missing =
        Topics.ALL.stream()
            .filter(t -> !existing.contains(t))
            .map(t -> new NewTopic(t, partitions, replicationFactor).configs(configOf(t)))
            .toList();
    if (!missing.isEmpty()) {
      admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
      LOG.info("created topics {}", missing.stream().map(NewTopic::name).toList());
    }
    // Topics made by an earlier version, or by an operator, get the record size intake needs.
    Map<ConfigResource, Collection<AlterConfigOp>> sizes = new HashMap<>();
    for (String topic : Topics.INTAKE) {
      if (existing.contains(topic)) {
        sizes.put(
            new ConfigResource(ConfigResource.Type.TOPIC, topic),
            List.of(
                new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, INTAKE_RECORD_BYTES),
                    AlterConfigOp.OpType.SET)));
      }
    }
    if (!sizes.isEmpty()) {
      admin.incrementalAlterConfigs(sizes).all().get(60, TimeUnit.SECONDS);
    }
  }

  private static Map<String, String> configOf(String topic) {
    return Topics.INTAKE.contains(topic)
        ? Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, INTAKE_RECORD_BYTES)
        : Map.of();
  }
}
