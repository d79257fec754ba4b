package dev.quorum.dispatch.intake;

import dev.quorum.platform.events.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Consumes the intake topic in batches; offsets are committed after the batch is written. */
@KafkaListener(
    groupId = "quorum-dispatch-intake",
    batch = true,
    offsetReset = OffsetReset.EARLIEST,
    offsetStrategy = OffsetStrategy.SYNC,
    properties = @Property(name = ConsumerConfig.MAX_POLL_RECORDS_CONFIG, value = "2000"))
class IntakeListener {

  private static final Logger LOG = LoggerFactory.getLogger(IntakeListener.class);

  private final TaskWriter writer;
  private final JsonMapper json;

  IntakeListener(TaskWriter writer, JsonMapper json) {
    this.writer = writer;
    this.json = json;
  }

  @Topic(Topics.TASK_INTAKE)
  void receive(List<ConsumerRecord<String, String>> records) {
    List<IntakeRecord> tasks = new ArrayList<>(records.size());
    for (ConsumerRecord<String, String> record : records) {
      try {
        tasks.add(json.readValue(record.value(), IntakeRecord.class));
      } catch (IOException | RuntimeException e) {
        LOG.warn(
            "intake record at {}-{}@{} is not a task record, skipped: {}",
            record.topic(),
            record.partition(),
            record.offset(),
            e.getMessage());
      }
    }
    writer.write(tasks);
  }
}
