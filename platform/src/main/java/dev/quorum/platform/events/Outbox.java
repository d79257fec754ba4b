package dev.quorum.platform.events;

import static dev.quorum.platform.store.jooq.Tables.OUTBOX;

import dev.quorum.platform.db.RenderedQuery;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.json.Json;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.JSONB;

/**
 * Records an event in the caller's transaction; {@link OutboxRelay} publishes it after commit. A
 * change and its event therefore commit or roll back together.
 */
@Singleton
public class Outbox {

  private final Tx tx;
  private final Json json;
  private final Clock clock;

  public Outbox(Tx tx, Json json, Clock clock) {
    this.tx = tx;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Appends an event; joins the caller's transaction when there is one.
   *
   * @return the event id
   */
  public UUID append(String topic, String type, String key, Object payload) {
    return append(topic, type, key, 1, payload);
  }

  public UUID append(String topic, String type, String key, int version, Object payload) {
    UUID id = UUID.randomUUID();
    JSONB body = json.jsonb(payload);
    OffsetDateTime occurredAt = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    tx.run(dsl -> INSERT.execute(dsl, id, topic, key, type, version, occurredAt, body));
    return id;
  }

  // Every state change appends one, on the hottest paths too: rendered once.
  private static final RenderedQuery INSERT =
      RenderedQuery.of(
          dsl ->
              RenderedQuery.insertEach(
                  dsl,
                  OUTBOX,
                  OUTBOX.EVENT_ID,
                  OUTBOX.TOPIC,
                  OUTBOX.EVENT_KEY,
                  OUTBOX.EVENT_TYPE,
                  OUTBOX.VERSION,
                  OUTBOX.OCCURRED_AT,
                  OUTBOX.PAYLOAD));
}
