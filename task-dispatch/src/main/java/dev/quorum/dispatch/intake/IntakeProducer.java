package dev.quorum.dispatch.intake;

import dev.quorum.platform.events.Topics;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The idempotent producer for the intake topic and its dead-letter topic. An import sends hundreds
 * of thousands of small records to one partition, so batches are large and wait a little to fill.
 */
@Singleton
class IntakeProducer {

  private final KafkaProducer<String, String> producer;

  IntakeProducer(@Value("${kafka.bootstrap.servers}") String bootstrap) {
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG,
                "quorum-intake",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                10,
                ProducerConfig.BATCH_SIZE_CONFIG,
                512 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "lz4",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                Topics.INTAKE_RECORD_BYTES,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
  }

  Future<RecordMetadata> send(String topic, String key, String value) {
    return producer.send(new ProducerRecord<>(topic, key, value));
  }

  void send(String topic, String key, String value, Callback acknowledged) {
    producer.send(new ProducerRecord<>(topic, key, value), acknowledged);
  }

  @PreDestroy
  void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
