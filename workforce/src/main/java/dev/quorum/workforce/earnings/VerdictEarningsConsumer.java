package dev.quorum.workforce.earnings;

import static dev.quorum.platform.db.RenderedQuery.param;
import static dev.quorum.workforce.store.jooq.Tables.EARNING;

import dev.quorum.platform.db.RenderedQuery;
import dev.quorum.platform.events.EventConsumer;
import dev.quorum.platform.events.EventEnvelope;
import dev.quorum.platform.events.HandledEvents;
import dev.quorum.platform.events.Topics;
import dev.quorum.platform.id.Ids;
import dev.quorum.workforce.store.jooq.enums.EarningState;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Quality's verdicts move pay: an accepted judgement's pending entry becomes {@code payable}, a
 * rejected one is {@code reversed}. New entries, never updates or deletes; the latest entry of an
 * assignment is its state (an appeal that overturns a reject adds {@code payable} after {@code
 * reversed}).
 */
@Singleton
public class VerdictEarningsConsumer extends EventConsumer<VerdictEarningsConsumer.Verdict> {

  public static final String NAME = "workforce-verdicts";

  VerdictEarningsConsumer(HandledEvents handled, JsonMapper json) {
    super(NAME, Set.of("judgement.accepted", "judgement.rejected"), Verdict.class, handled, json);
  }

  /** The part of quality's verdict events that pay needs. */
  @Serdeable
  public record Verdict(String assignmentId, String annotatorId) {}

  @Override
  protected void handle(DSLContext dsl, EventEnvelope envelope, Verdict verdict) {
    EarningState state =
        envelope.type().equals("judgement.accepted") ? EarningState.payable : EarningState.reversed;
    SETTLE.execute(dsl, Ids.newId("ern"), state, verdict.assignmentId());
  }

  /**
   * The pending entry's amount, now payable or reversed; nothing when there is no pending entry
   * (imported judgements from other tools are never paid). One statement per verdict, rendered once
   * (RenderedQuery). Binds: id, state, assignment.
   */
  private static final RenderedQuery SETTLE =
      RenderedQuery.of(
          dsl ->
              dsl.insertInto(EARNING, EarningsConsumer.COLUMNS)
                  .select(
                      dsl.select(
                              param(EARNING.ID),
                              EARNING.ANNOTATOR_ID,
                              EARNING.ASSIGNMENT_ID,
                              EARNING.PROJECT_ID,
                              EARNING.ORG_ID,
                              param(EARNING.STATE),
                              EARNING.AMOUNT,
                              EARNING.CURRENCY)
                          .from(EARNING)
                          .where(EARNING.ASSIGNMENT_ID.eq(param(EARNING.ASSIGNMENT_ID)))
                          .and(EARNING.STATE.eq(DSL.inline(EarningState.pending))))
                  .onConflictDoNothing());

  @KafkaListener(
      groupId = "quorum-workforce-verdicts",
      offsetReset = OffsetReset.EARLIEST,
      batch = true,
      offsetStrategy = OffsetStrategy.SYNC)
  static class Listener {
    private final VerdictEarningsConsumer consumer;

    Listener(VerdictEarningsConsumer consumer) {
      this.consumer = consumer;
    }

    @Topic(Topics.REVIEWS)
    void receive(ConsumerRecords<String, String> records) {
      consumer.acceptAll(EventConsumer.values(records));
    }
  }
}
