package dev.quorum.platform.events;

import static dev.quorum.platform.store.jooq.Tables.HANDLED_EVENT;

import dev.quorum.platform.db.Tx;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
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
   * Runs {@code effect} in one transaction without claiming anything, for consumers whose effect is
   * already idempotent through a unique key of its own: a claim per event would cost a write and an
   * index entry for nothing.
   */
  public <T> T unclaimed(Function<DSLContext, T> effect) {
    return tx.write(effect);
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
