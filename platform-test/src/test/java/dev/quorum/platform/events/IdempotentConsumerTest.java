package dev.quorum.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.platform.db.Tx;
import dev.quorum.test.QuorumTest;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@QuorumTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotentConsumerTest {

  static final String TOPIC = "quorum.test.credits";

  @Inject Tx tx;
  @Inject JsonMapper json;
  @Inject CreditConsumer consumer;

  @io.micronaut.context.annotation.Value("${kafka.bootstrap.servers}")
  String bootstrap;

  @Serdeable
  record Credit(String account, int amount) {}

  /** Adds credit to an account; the effect must happen once per event whatever Kafka does. */
  @Singleton
  @Requires(env = "test")
  static class CreditConsumer extends EventConsumer<Credit> {
    CreditConsumer(HandledEvents handled, JsonMapper json) {
      super("test-credits", Set.of("credit.granted"), Credit.class, handled, json);
    }

    @Override
    protected void handle(DSLContext dsl, EventEnvelope envelope, Credit credit) {
      if (credit.amount() < 0) {
        throw new IllegalArgumentException("a credit is never negative");
      }
      dsl.execute(
          "insert into public.consumer_probe values (?, ?) on conflict (account)"
              + " do update set balance = consumer_probe.balance + excluded.balance",
          credit.account(),
          credit.amount());
    }
  }

  @Singleton
  @Requires(env = "test")
  @KafkaListener(
      groupId = "test-credits",
      offsetReset = OffsetReset.EARLIEST,
      offsetStrategy = OffsetStrategy.SYNC)
  static class CreditListener {
    private final CreditConsumer consumer;

    CreditListener(CreditConsumer consumer) {
      this.consumer = consumer;
    }

    @Topic(TOPIC)
    void receive(String value) {
      consumer.accept(value);
    }
  }

  @BeforeAll
  void setUp() throws Exception {
    try (org.apache.kafka.clients.admin.Admin admin =
        org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      if (!admin.listTopics().names().get().contains(TOPIC)) {
        admin
            .createTopics(
                java.util.List.of(new org.apache.kafka.clients.admin.NewTopic(TOPIC, 2, (short) 1)))
            .all()
            .get();
      }
    }
    tx.run(
        dsl ->
            dsl.execute(
                "create table if not exists public.consumer_probe (account text primary key, balance int not null)"));
  }

  @Test
  void shouldApplyARedeliveredEventOnlyOnce() throws Exception {
    String account = "acct-" + UUID.randomUUID();
    EventEnvelope credit = envelope(account, 5);
    EventEnvelope other = envelope(account, 7);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap),
            new StringSerializer(),
            new StringSerializer())) {
      String body = json.writeValueAsString(credit);
      // The same event three times (a relay crash and a consumer rebalance), then another one.
      for (int i = 0; i < 3; i++) {
        producer.send(new ProducerRecord<>(TOPIC, account, body)).get();
      }
      producer.send(new ProducerRecord<>(TOPIC, account, json.writeValueAsString(other))).get();
    }
    Integer balance = awaitBalance(account, 12, Duration.ofSeconds(60));
    assertThat(balance).isEqualTo(12);
    // Delivered straight to the consumer once more: still no change.
    assertThat(consumer.accept(json.writeValueAsString(credit))).isFalse();
    assertThat(balance(account)).isEqualTo(12);
  }

  @Test
  void shouldApplyAPollOnceAndLetNoBadEventHoldBackTheOthers() throws Exception {
    String account = "acct-" + UUID.randomUUID();
    String first = json.writeValueAsString(envelope(account, 2));
    String second = json.writeValueAsString(envelope(account, 3));
    String poison = json.writeValueAsString(envelope(account, -1));
    // The same event twice within one poll counts once.
    assertThat(consumer.acceptAll(List.of(first, second, first))).isEqualTo(2);
    assertThat(balance(account)).isEqualTo(5);
    // A poll with a bad event: the batch fails, each event is retried alone, the good one lands
    // and the bad one's error reaches the listener.
    String third = json.writeValueAsString(envelope(account, 4));
    assertThatThrownBy(() -> consumer.acceptAll(List.of(second, third, poison)))
        .hasMessageContaining("never negative");
    assertThat(balance(account)).isEqualTo(9);
  }

  @Test
  void shouldIgnoreEventTypesItDoesNotHandle() throws Exception {
    EventEnvelope unrelated =
        new EventEnvelope(
            UUID.randomUUID(),
            "credit.audited",
            "k",
            Instant.now(),
            1,
            json.writeValueToTree(new Credit("nobody", 1)));
    assertThat(consumer.accept(json.writeValueAsString(unrelated))).isFalse();
    assertThat(balance("nobody")).isNull();
  }

  private EventEnvelope envelope(String account, int amount) throws Exception {
    return new EventEnvelope(
        UUID.randomUUID(),
        "credit.granted",
        account,
        Instant.now(),
        1,
        json.writeValueToTree(new Credit(account, amount)));
  }

  private Integer awaitBalance(String account, int expected, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Integer balance = balance(account);
    while ((balance == null || balance < expected) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      balance = balance(account);
    }
    // Give a wrongly repeated effect the chance to show up before asserting.
    Thread.sleep(500);
    return balance(account);
  }

  private Integer balance(String account) {
    return tx.read(
        dsl ->
            dsl.fetchOptional(
                    "select balance from public.consumer_probe where account = ?", account)
                .map(r -> r.get(0, Integer.class))
                .orElse(null));
  }
}
