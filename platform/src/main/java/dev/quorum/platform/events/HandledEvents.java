package dev.quorum.platform.events;

import static dev.quorum.platform.store.jooq.Tables.HANDLED_EVENT;

import dev.quorum.platform.db.Tx;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
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
   * Claims the events that {@code consumer} has not handled yet and runs {@code effect} with their
   * ids, in one transaction.
   *
   * @return what the effect returned
   */
  public <T> T once(
      String consumer, Collection<UUID> eventIds, BiFunction<DSLContext, Set<UUID>, T> effect) {
    return tx.write(
        dsl -> {
          var claim = dsl.insertInto(HANDLED_EVENT, HANDLED_EVENT.CONSUMER, HANDLED_EVENT.EVENT_ID);
          for (UUID id : eventIds) {
            claim = claim.values(consumer, id);
          }
          Set<UUID> claimed =
              new HashSet<>(
                  claim
                      .onConflictDoNothing()
                      .returningResult(HANDLED_EVENT.EVENT_ID)
                      .fetch(HANDLED_EVENT.EVENT_ID));
          return effect.apply(dsl, claimed);
        });
  }
}
