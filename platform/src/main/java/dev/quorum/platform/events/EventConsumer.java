package dev.quorum.platform.events;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Base for the modules' Kafka listeners: parses the envelope, skips types it does not handle, and
 * applies the effect at most once per event id (see {@link HandledEvents}).
 *
 * @param <P> the payload type
 */
public abstract class EventConsumer<P> {

  private final String name;
  private final Set<String> types;
  private final Class<P> payloadType;
  private final HandledEvents handled;
  private final JsonMapper json;

  protected EventConsumer(
      String name,
      Set<String> types,
      Class<P> payloadType,
      HandledEvents handled,
      JsonMapper json) {
    this.name = name;
    this.types = Set.copyOf(types);
    this.payloadType = payloadType;
    this.handled = handled;
    this.json = json;
  }

  /**
   * Handles one record value.
   *
   * @return whether the effect ran (false for other types and for redeliveries)
   */
  public boolean accept(String recordValue) {
    try {
      EventEnvelope envelope = json.readValue(recordValue, EventEnvelope.class);
      if (!accepts(envelope.type())) {
        return false;
      }
      P payload = json.readValueFromTree(envelope.payload(), payloadType);
      return handled.once(name, envelope.id(), dsl -> handle(dsl, envelope, payload));
    } catch (IOException e) {
      throw new UncheckedIOException("event on " + name + " is not a valid envelope", e);
    }
  }

  /** Whether events of {@code type} concern this consumer. */
  protected boolean accepts(String type) {
    return types.contains(type);
  }

  /** Applies the effect, inside the transaction that also records the event as handled. */
  protected abstract void handle(DSLContext dsl, EventEnvelope envelope, P payload);
}
