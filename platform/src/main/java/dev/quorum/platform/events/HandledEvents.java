package dev.quorum.platform.events;

import static dev.quorum.platform.store.jooq.Tables.HANDLED_EVENT;

import dev.quorum.platform.db.Tx;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/**
 * Makes event handling idempotent: the effect and the record that it happened commit in one
 * transaction, so a redelivered event finds its record and changes nothing.
 */
@Singleton
public class HandledEvents {

  private final Tx tx;

  public HandledEvents(Tx tx) {
    this.tx = tx;
  }

  /**
   * Runs {@code effect} unless {@code consumer} already handled {@code eventId}.
   *
   * @return whether the effect ran
   */
  public boolean once(String consumer, UUID eventId, Consumer<DSLContext> effect) {
    return tx.write(
        dsl -> {
          int claimed =
              dsl.insertInto(HANDLED_EVENT)
                  .set(HANDLED_EVENT.CONSUMER, consumer)
                  .set(HANDLED_EVENT.EVENT_ID, eventId)
                  .onConflictDoNothing()
                  .execute();
          if (claimed == 0) {
            return false;
          }
          effect.accept(dsl);
          return true;
        });
  }
}
