package dev.quorum.workforce.annotator;

import dev.quorum.platform.events.EventConsumer;
import dev.quorum.platform.events.EventEnvelope;
import dev.quorum.platform.events.HandledEvents;
import dev.quorum.platform.events.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jooq.DSLContext;

/**
 * Quality's {@code annotator.paused} / {@code annotator.resumed}: the pause on a project is kept
 * here, where dispatch reads it with the rest of the work profile.
 */
@Singleton
public class PauseConsumer extends EventConsumer<PauseConsumer.PauseEvent> {

  public static final String NAME = "workforce-pauses";

  private final GrantService grants;

  PauseConsumer(HandledEvents handled, JsonMapper json, GrantService grants) {
    super(NAME, Set.of("annotator.paused", "annotator.resumed"), PauseEvent.class, handled, json);
    this.grants = grants;
  }

  /** The part of quality's payload that workforce reads. */
  @Serdeable
  public record PauseEvent(String annotatorId, String projectId, @Nullable String reason) {}

  @Override
  protected void handle(DSLContext dsl, EventEnvelope envelope, PauseEvent event) {
    if (envelope.type().equals("annotator.paused")) {
      grants.pause(
          dsl,
          event.annotatorId(),
          event.projectId(),
          event.reason() == null ? "paused by quality review" : event.reason());
    } else {
      grants.resume(dsl, event.annotatorId(), event.projectId());
    }
  }

  @KafkaListener(
      groupId = "quorum-workforce-pauses",
      offsetReset = OffsetReset.EARLIEST,
      batch = true,
      offsetStrategy = OffsetStrategy.SYNC)
  static class Listener {
    private final PauseConsumer consumer;

    Listener(PauseConsumer consumer) {
      this.consumer = consumer;
    }

    @Topic(Topics.QUALITY)
    void receive(ConsumerRecords<String, String> records) {
      consumer.acceptAll(EventConsumer.values(records));
    }
  }
}
