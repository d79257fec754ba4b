package dev.quorum.platform.events;

import static dev.quorum.platform.store.jooq.Tables.HANDLED_EVENT;
import static dev.quorum.platform.store.jooq.Tables.OUTBOX;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.selectOne;

import dev.quorum.platform.db.Tx;
import jakarta.inject.Singleton;

/**
 * How far consumers have got: a watermark is the newest outbox position at a moment; a consumer has
 * caught up with it for a key when it handled every event up to there. Exports use this to include
 * all work submitted before they were requested.
 */
@Singleton
public class EventProgress {

  private final Tx tx;

  EventProgress(Tx tx) {
    this.tx = tx;
  }

  public long watermark() {
    return tx.read(
        dsl -> dsl.select(coalesce(max(OUTBOX.SEQ), 0L)).from(OUTBOX).fetchSingle().value1());
  }

  /**
   * Events on {@code topic} for {@code key} up to {@code watermark} that {@code consumer} has not
   * handled.
   */
  public int behind(String consumer, String topic, String key, long watermark) {
    return tx.read(
        dsl ->
            dsl.fetchCount(
                OUTBOX,
                OUTBOX
                    .SEQ
                    .le(watermark)
                    .and(OUTBOX.TOPIC.eq(topic))
                    .and(OUTBOX.EVENT_KEY.eq(key))
                    .andNotExists(
                        selectOne()
                            .from(HANDLED_EVENT)
                            .where(HANDLED_EVENT.CONSUMER.eq(consumer))
                            .and(HANDLED_EVENT.EVENT_ID.eq(OUTBOX.EVENT_ID)))));
  }
}
