package dev.quorum.platform.events;

import static dev.quorum.platform.store.jooq.Tables.OUTBOX;

import dev.quorum.platform.db.Tx;
import dev.quorum.platform.json.Json;
import dev.quorum.platform.store.jooq.tables.records.OutboxRecord;
import dev.quorum.platform.worker.PollingWorker;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.impl.DSL;

/**
 * Publishes outbox rows to Kafka in commit order and marks them sent. One relay at a time holds a
 * PostgreSQL advisory lock, so that with several server instances the order per key still holds.
 * Delivery is at least once (a crash between send and mark re-sends); consumers are idempotent.
 */
@Singleton
@Requires(property = "quorum.outbox.relay.enabled", notEquals = "false")
public class OutboxRelay extends PollingWorker {

  /** Arbitrary, fixed: the advisory lock id that elects the active relay. */
  private static final long RELAY_LOCK = 0x51_0000_0001L;

  private static final int BATCH = 500;

  private final Tx tx;
  private final Producer<String, String> producer;
  private final Json json;

  public OutboxRelay(
      Tx tx,
      @Value("${kafka.bootstrap.servers}") String bootstrapServers,
      Json json,
      @Value("${quorum.outbox.relay.idle-ms:50}") long idleMillis) {
    super("outbox-relay", idleMillis);
    this.tx = tx;
    this.producer = idempotentProducer(bootstrapServers);
    this.json = json;
  }

  /** Idempotent, acks=all: a retried send never duplicates or reorders within a partition. */
  private static Producer<String, String> idempotentProducer(String bootstrapServers) {
    return new KafkaProducer<>(
        Map.ofEntries(
            Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
            Map.entry(ProducerConfig.CLIENT_ID_CONFIG, "quorum-outbox-relay"),
            Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
            Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
            Map.entry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5),
            Map.entry(ProducerConfig.LINGER_MS_CONFIG, 2),
            // A send that cannot complete fails within the relay's wait, so the batch is retried
            // rather than holding the relay (and every event behind it) for the default 2 min.
            Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
            Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000),
            Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 25_000),
            Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class),
            Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
  }

  @Override
  protected boolean runOnce() {
    return relayOnce() == BATCH;
  }

  @Override
  protected void stopped() {
    producer.close(Duration.ofSeconds(5));
  }

  /**
   * Publishes one batch.
   *
   * @return how many events were published
   */
  public int relayOnce() {
    return tx.write(
        dsl -> {
          Boolean leader =
              dsl.select(DSL.field("pg_try_advisory_xact_lock({0})", Boolean.class, RELAY_LOCK))
                  .fetchOne(0, Boolean.class);
          if (!Boolean.TRUE.equals(leader)) {
            return 0;
          }
          List<OutboxRecord> batch =
              dsl.selectFrom(OUTBOX)
                  .where(OUTBOX.SENT_AT.isNull())
                  .orderBy(OUTBOX.SEQ)
                  .limit(BATCH)
                  .fetch();
          if (batch.isEmpty()) {
            return 0;
          }
          // A next-task's lease commits without waiting for its WAL flush, and its event must not
          // leave before a crash can no longer undo the lease.
          tx.flushCommitted();
          List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
          for (OutboxRecord row : batch) {
            acks.add(producer.send(toRecord(row)));
          }
          for (Future<RecordMetadata> ack : acks) {
            await(ack);
          }
          dsl.update(OUTBOX)
              .set(OUTBOX.SENT_AT, OffsetDateTime.now(ZoneOffset.UTC))
              .where(OUTBOX.SEQ.in(batch.stream().map(OutboxRecord::getSeq).toList()))
              .execute();
          return batch.size();
        });
  }

  private ProducerRecord<String, String> toRecord(OutboxRecord row) {
    EventEnvelope envelope =
        new EventEnvelope(
            row.getEventId(),
            row.getEventType(),
            row.getEventKey(),
            row.getOccurredAt().toInstant(),
            row.getVersion(),
            json.tree(row.getPayload()));
    ProducerRecord<String, String> record =
        new ProducerRecord<>(row.getTopic(), row.getEventKey(), json.write(envelope));
    record.headers().add("event-type", row.getEventType().getBytes(StandardCharsets.UTF_8));
    return record;
  }

  private static void await(Future<RecordMetadata> ack) {
    try {
      ack.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing the outbox", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not acknowledge an outbox event", e);
    }
  }
}
