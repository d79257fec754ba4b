package dev.quorum.quality.resolution;

import static dev.quorum.quality.store.jooq.Tables.JUDGEMENT;

import dev.quorum.dispatch.events.AnnotationSubmitted;
import dev.quorum.platform.events.EventConsumer;
import dev.quorum.platform.events.EventEnvelope;
import dev.quorum.platform.events.HandledEvents;
import dev.quorum.platform.json.Json;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.jooq.DSLContext;

/** Records each submitted judgement and lets {@link TaskDecider} decide its task. */
@Singleton
public class SubmissionConsumer extends EventConsumer<AnnotationSubmitted> {

  public static final String NAME = "quality-submissions";

  private final TaskDecider decider;
  private final Json json;

  SubmissionConsumer(HandledEvents handled, JsonMapper mapper, Json json, TaskDecider decider) {
    super(NAME, Set.of(AnnotationSubmitted.TYPE), AnnotationSubmitted.class, handled, mapper);
    this.decider = decider;
    this.json = json;
  }

  @Override
  protected void handle(DSLContext dsl, EventEnvelope envelope, AnnotationSubmitted event) {
    dsl.insertInto(JUDGEMENT)
        .set(JUDGEMENT.ASSIGNMENT_ID, event.assignmentId())
        .set(JUDGEMENT.TASK_ID, event.taskId())
        .set(JUDGEMENT.PROJECT_ID, event.projectId())
        .set(JUDGEMENT.ORG_ID, event.orgId())
        .set(JUDGEMENT.ANNOTATOR_ID, event.annotatorId())
        .set(JUDGEMENT.KIND, event.kind())
        .set(JUDGEMENT.ANSWER, json.jsonb(event.answer()))
        .set(JUDGEMENT.SWAPPED, event.swapped())
        .set(JUDGEMENT.DURATION_MS, event.durationMs())
        .set(JUDGEMENT.SUBMITTED_AT, OffsetDateTime.ofInstant(event.submittedAt(), ZoneOffset.UTC))
        .onConflictDoNothing()
        .execute();
    // Gold tasks are scored against their answer, not decided by consensus.
    if (!event.gold()) {
      decider.decide(
          dsl,
          new TaskDecider.Task(
              event.taskId(),
              event.projectId(),
              event.orgId(),
              event.kind(),
              event.overlapMin(),
              event.overlapMax(),
              event.agreementTarget()));
    }
  }
}
