package dev.quorum.dispatch.webhook;

import static dev.quorum.dispatch.store.jooq.Tables.WEBHOOK;
import static dev.quorum.dispatch.store.jooq.Tables.WEBHOOK_DELIVERY;

import dev.quorum.platform.events.EventConsumer;
import dev.quorum.platform.events.EventEnvelope;
import dev.quorum.platform.events.HandledEvents;
import dev.quorum.platform.events.Topics;
import dev.quorum.platform.id.Ids;
import dev.quorum.platform.json.Json;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jooq.DSLContext;

/**
 * Turns project events into pending deliveries for the project's webhooks that asked for them. One
 * delivery per webhook and event, whatever Kafka redelivers: the delivery's unique key sees to it,
 * without a claim per event.
 */
@Singleton
class WebhookFanOut extends EventConsumer<JsonNode> {

  private final Json json;

  WebhookFanOut(HandledEvents handled, JsonMapper mapper, Json json) {
    super("dispatch-webhooks", Set.of(), JsonNode.class, handled, mapper);
    this.json = json;
  }

  @Override
  protected boolean accepts(String type) {
    return WebhookService.EVENTS.contains(type);
  }

  /** Deliveries are unique per webhook and event, so a redelivered event inserts nothing. */
  @Override
  protected boolean claimsEvents() {
    return false;
  }

  /** One look-up of the batch's webhooks: most projects have none, and most events match none. */
  @Override
  protected void handleAll(DSLContext dsl, List<Event<JsonNode>> events) {
    Map<String, List<Hook>> hooksOfProject = new HashMap<>();
    dsl.select(WEBHOOK.ID, WEBHOOK.PROJECT_ID, WEBHOOK.EVENTS)
        .from(WEBHOOK)
        .where(
            WEBHOOK.PROJECT_ID.in(events.stream().map(e -> e.envelope().key()).distinct().toList()))
        .and(WEBHOOK.ACTIVE.isTrue())
        .forEach(
            r ->
                hooksOfProject
                    .computeIfAbsent(r.value2(), p -> new ArrayList<>())
                    .add(new Hook(r.value1(), Set.of(r.value3()))));
    if (hooksOfProject.isEmpty()) {
      return;
    }
    for (Event<JsonNode> event : events) {
      EventEnvelope envelope = event.envelope();
      for (Hook hook : hooksOfProject.getOrDefault(envelope.key(), List.of())) {
        if (hook.events().contains(envelope.type())) {
          deliver(dsl, hook.id(), envelope);
        }
      }
    }
  }

  @Override
  protected void handle(DSLContext dsl, EventEnvelope envelope, JsonNode payload) {
    handleAll(dsl, List.of(new Event<>(envelope, payload)));
  }

  private record Hook(String id, Set<String> events) {}

  private void deliver(DSLContext dsl, String webhookId, EventEnvelope envelope) {
    dsl.insertInto(WEBHOOK_DELIVERY)
        .set(WEBHOOK_DELIVERY.ID, Ids.newId("dlv"))
        .set(WEBHOOK_DELIVERY.WEBHOOK_ID, webhookId)
        .set(WEBHOOK_DELIVERY.EVENT_ID, envelope.id())
        .set(WEBHOOK_DELIVERY.EVENT_TYPE, envelope.type())
        .set(WEBHOOK_DELIVERY.BODY, json.write(envelope))
        .onConflictDoNothing()
        .execute();
  }

  @KafkaListener(
      groupId = "quorum-dispatch-webhooks",
      offsetReset = OffsetReset.EARLIEST,
      batch = true,
      offsetStrategy = OffsetStrategy.SYNC)
  static class Listener {
    private final WebhookFanOut fanOut;

    Listener(WebhookFanOut fanOut) {
      this.fanOut = fanOut;
    }

    @Topic({Topics.ASSIGNMENTS, Topics.ANNOTATIONS, Topics.QUALITY})
    void receive(ConsumerRecords<String, String> records) {
      fanOut.acceptAll(EventConsumer.values(records));
    }
  }
}
