package dev.quorum.workforce.earnings;

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
import org.jooq.Field;

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
        EarningState.pending,
        work.payAmount(),
        work.payCurrency());
  }

  /** The columns an earning is written with, in the order of the binds. */
  static final Field<?>[] COLUMNS = {
    EARNING.ID,
    EARNING.ANNOTATOR_ID,
    EARNING.ASSIGNMENT_ID,
    EARNING.PROJECT_ID,
    EARNING.ORG_ID,
    EARNING.STATE,
    EARNING.AMOUNT,
    EARNING.CURRENCY
  };

  // One per judgement: rendered once (RenderedQuery).
  private static final RenderedQuery PENDING =
      RenderedQuery.of(
          dsl -> RenderedQuery.insertEach(dsl, EARNING, COLUMNS).onConflictDoNothing());

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
