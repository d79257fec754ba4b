package dev.quorum.quality.resolution;

import dev.quorum.platform.events.EventConsumer;
import dev.quorum.platform.events.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecords;

@KafkaListener(
    groupId = "quorum-quality",
    offsetReset = OffsetReset.EARLIEST,
    batch = true,
    offsetStrategy = OffsetStrategy.SYNC)
class SubmissionListener {

  private final SubmissionConsumer consumer;

  SubmissionListener(SubmissionConsumer consumer) {
    this.consumer = consumer;
  }

  @Topic(Topics.ANNOTATIONS)
  void receive(ConsumerRecords<String, String> records) {
    consumer.acceptAll(EventConsumer.values(records));
  }
}
