package dev.quorum.platform.events;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base for the modules' Kafka listeners: parses the envelope, skips types it does not handle, and
 * applies the effect at most once per event id (see {@link HandledEvents}).
 *
 * <p>Listeners hand over whole polls ({@link #acceptAll}): one transaction for a batch of events
 * costs far less than one per event, which is what keeps the consumers level with the annotators.
 *
 * @param <P> the payload type
 */
public abstract class EventConsumer<P> {

  private static final Logger LOG = LoggerFactory.getLogger(EventConsumer.class);

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

  /** An event this consumer handles, parsed. */
  public record Event<P>(EventEnvelope envelope, P payload) {}

  /**
   * Handles one record value.
   *
   * @return whether the effect ran (false for other types and for redeliveries)
   */
  public boolean accept(String recordValue) {
    return acceptAll(List.of(recordValue)) == 1;
  }

  /**
   * Handles the record values of one poll, in order, in one transaction. When that transaction
   * fails, each event is tried again in a transaction of its own, so that one bad event cannot hold
   * back the others and the error names the event that caused it.
   *
   * @return how many effects ran
   */
  public int acceptAll(List<String> recordValues) {
    List<Event<P>> events = new ArrayList<>(recordValues.size());
    for (String value : recordValues) {
      Event<P> event = parse(value);
      if (event != null) {
        events.add(event);
      }
    }
    if (events.isEmpty()) {
      return 0;
    }
    try {
      return handleOnce(events);
    } catch (RuntimeException batchFailed) {
      if (events.size() == 1) {
        throw batchFailed;
      }
      LOG.warn(
          "{}: a batch of {} events failed ({}); handling them one at a time",
          name,
          events.size(),
          batchFailed.toString());
      int ran = 0;
      for (Event<P> event : events) {
        ran += handleOnce(List.of(event));
      }
      return ran;
    }
  }

  /**
   * The values of a poll. Listeners take {@link ConsumerRecords} rather than a {@code List}: for a
   * list the framework binds every record on its own (a tenth of the intake listener's time).
   */
  public static List<String> values(ConsumerRecords<String, String> records) {
    List<String> values = new ArrayList<>(records.count());
    records.forEach(r -> values.add(r.value()));
    return values;
  }

  private int handleOnce(List<Event<P>> events) {
    if (!claimsEvents()) {
      return handled.unclaimed(
          dsl -> {
            handleAll(dsl, events);
            return events.size();
          });
    }
    return handled.once(
        name,
        events.stream().map(e -> e.envelope().id()).toList(),
        (dsl, claimed) -> {
          List<Event<P>> fresh = new ArrayList<>(claimed.size());
          for (Event<P> event : events) {
            if (claimed.remove(event.envelope().id())) {
              fresh.add(event);
            }
          }
          if (!fresh.isEmpty()) {
            handleAll(dsl, fresh);
          }
          return fresh.size();
        });
  }

  private Event<P> parse(String recordValue) {
    try {
      EventEnvelope envelope = json.readValue(recordValue, EventEnvelope.class);
      if (!accepts(envelope.type())) {
        return null;
      }
      return new Event<>(envelope, json.readValueFromTree(envelope.payload(), payloadType));
    } catch (IOException e) {
      throw new UncheckedIOException("event on " + name + " is not a valid envelope", e);
    }
  }

  /**
   * Whether each event is recorded as handled before its effect runs. A consumer may answer false
   * only when its effect is idempotent by itself (a unique key that makes a replay change nothing).
   */
  protected boolean claimsEvents() {
    return true;
  }

  /** Whether events of {@code type} concern this consumer. */
  protected boolean accepts(String type) {
    return types.contains(type);
  }

  /**
   * Applies the effects of events not handled before, in their order, inside the transaction that
   * records them as handled. Consumers that can share work across a batch override this.
   */
  protected void handleAll(DSLContext dsl, List<Event<P>> events) {
    for (Event<P> event : events) {
      handle(dsl, event.envelope(), event.payload());
    }
  }

  /** Applies the effect of one event. */
  protected abstract void handle(DSLContext dsl, EventEnvelope envelope, P payload);
}
