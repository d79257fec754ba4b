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
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Turns project events into pending deliveries for the project's webhooks that asked for them. One
 * delivery per webhook and event, whatever Kafka redelivers.
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

  @Override
  protected void handle(DSLContext dsl, EventEnvelope envelope, JsonNode payload) {
    String body = json.write(envelope);
    for (String webhookId :
        dsl.select(WEBHOOK.ID)
            .from(WEBHOOK)
            .where(WEBHOOK.PROJECT_ID.eq(envelope.key()))
            .and(WEBHOOK.ACTIVE.isTrue())
            .and(DSL.condition("{0} = any({1})", DSL.val(envelope.type()), WEBHOOK.EVENTS))
            .fetch(WEBHOOK.ID)) {
      dsl.insertInto(WEBHOOK_DELIVERY)
          .set(WEBHOOK_DELIVERY.ID, Ids.newId("dlv"))
          .set(WEBHOOK_DELIVERY.WEBHOOK_ID, webhookId)
          .set(WEBHOOK_DELIVERY.EVENT_ID, envelope.id())
          .set(WEBHOOK_DELIVERY.EVENT_TYPE, envelope.type())
          .set(WEBHOOK_DELIVERY.BODY, body)
          .onConflictDoNothing()
          .execute();
    }
  }

  @KafkaListener(
      groupId = "quorum-dispatch-webhooks",
      offsetReset = OffsetReset.EARLIEST,
      offsetStrategy = OffsetStrategy.SYNC)
  static class Listener {
    private final WebhookFanOut fanOut;

    Listener(WebhookFanOut fanOut) {
      this.fanOut = fanOut;
    }

    @Topic({Topics.ASSIGNMENTS, Topics.ANNOTATIONS, Topics.QUALITY})
    void receive(String event) {
      fanOut.accept(event);
    }
  }
}
