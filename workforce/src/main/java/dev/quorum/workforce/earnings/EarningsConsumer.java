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
import jakarta.inject.Singleton;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** A submitted judgement earns a {@code pending} entry at the project's pay. */
@Singleton
public class EarningsConsumer extends EventConsumer<SubmittedWork> {

  public static final String NAME = "workforce-earnings";

  EarningsConsumer(HandledEvents handled, JsonMapper json) {
    super(NAME, Set.of("annotation.submitted"), SubmittedWork.class, handled, json);
  }

  @Override
  protected void handle(DSLContext dsl, EventEnvelope envelope, SubmittedWork work) {
    PENDING.execute(
        dsl,
        Ids.newId("ern"),
        work.annotatorId(),
        work.assignmentId(),
        work.projectId(),
        work.orgId(),
        work.payAmount(),
        work.payCurrency());
  }

  // One per judgement: rendered once (RenderedQuery).
  private static final RenderedQuery PENDING =
      RenderedQuery.of(
          dsl ->
              dsl.insertInto(EARNING)
                  .set(EARNING.ID, param(EARNING.ID))
                  .set(EARNING.ANNOTATOR_ID, param(EARNING.ANNOTATOR_ID))
                  .set(EARNING.ASSIGNMENT_ID, param(EARNING.ASSIGNMENT_ID))
                  .set(EARNING.PROJECT_ID, param(EARNING.PROJECT_ID))
                  .set(EARNING.ORG_ID, param(EARNING.ORG_ID))
                  .set(EARNING.STATE, DSL.inline(EarningState.pending))
                  .set(EARNING.AMOUNT, param(EARNING.AMOUNT))
                  .set(EARNING.CURRENCY, param(EARNING.CURRENCY))
                  .onConflictDoNothing());

  @KafkaListener(
      groupId = "quorum-workforce-earnings",
      offsetReset = OffsetReset.EARLIEST,
      batch = true,
      offsetStrategy = OffsetStrategy.SYNC)
  static class Listener {
    private final EarningsConsumer consumer;

    Listener(EarningsConsumer consumer) {
      this.consumer = consumer;
    }

    @Topic(Topics.ANNOTATIONS)
    void receive(ConsumerRecords<String, String> records) {
      consumer.acceptAll(EventConsumer.values(records));
    }
  }
}
