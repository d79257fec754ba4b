package dev.quorum.platform.events;

import static dev.quorum.platform.store.jooq.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.platform.db.Tx;
import dev.quorum.test.QuorumTest;
import dev.quorum.test.TestKafka;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuorumTest
class OutboxRelayTest {

  @Inject Outbox outbox;
  @Inject Tx tx;
  @Inject JsonMapper json;
  @Inject TestKafka kafka;

  @io.micronaut.serde.annotation.Serdeable
  record Step(String key, int n) {}

  @Test
  void shouldPublishEveryCommittedEventInOrderPerKeyAndMarkItSent() throws Exception {
    String topic = kafka.newTopic("outbox-order", 3);
    List<UUID> ids = new ArrayList<>();
    // Five keys, interleaved, over many small transactions.
    for (int txNo = 0; txNo < 40; txNo++) {
      int base = txNo;
      tx.run(
          dsl -> {
            for (int k = 0; k < 5; k++) {
              ids.add(outbox.append(topic, "step", "key-" + k, 1, new Step("key-" + k, base)));
            }
          });
    }
    List<ConsumerRecord<String, String>> records =
        kafka.readAll(topic, 200, Duration.ofSeconds(60));
    assertThat(records).hasSize(200);
    Map<String, List<Integer>> byKey = new LinkedHashMap<>();
    for (ConsumerRecord<String, String> record : records) {
      EventEnvelope envelope = json.readValue(record.value(), EventEnvelope.class);
      assertThat(envelope.key()).isEqualTo(record.key());
      assertThat(envelope.type()).isEqualTo("step");
      assertThat(envelope.version()).isEqualTo(1);
      assertThat(envelope.occurredAt()).isNotNull();
      Step step = json.readValueFromTree(envelope.payload(), Step.class);
      byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(step.n());
    }
    assertThat(byKey).hasSize(5);
    for (List<Integer> sequence : byKey.values()) {
      assertThat(sequence).as("order within a key").isSorted().hasSize(40);
    }
    Integer unsent =
        tx.read(
            dsl -> dsl.fetchCount(OUTBOX, OUTBOX.EVENT_ID.in(ids).and(OUTBOX.SENT_AT.isNull())));
    assertThat(unsent).isZero();
  }

  @Test
  void shouldDropTheEventWhenTheChangeRollsBack() throws Exception {
    String topic = kafka.newTopic("outbox-rollback", 1);
    assertThatThrownBy(
            () ->
                tx.run(
                    dsl -> {
                      outbox.append(topic, "doomed", "k", 1, new Step("k", 1));
                      throw new IllegalStateException("the change failed");
                    }))
        .hasMessage("the change failed");
    tx.run(dsl -> outbox.append(topic, "kept", "k", 1, new Step("k", 2)));
    List<ConsumerRecord<String, String>> records = kafka.readAll(topic, 1, Duration.ofSeconds(30));
    assertThat(records).hasSize(1);
    assertThat(json.readValue(records.get(0).value(), EventEnvelope.class).type())
        .isEqualTo("kept");
  }
}
