package dev.quorum.quality.resolution;

import static dev.quorum.quality.store.jooq.Tables.JUDGEMENT;

import dev.quorum.dispatch.DispatchService;
import dev.quorum.dispatch.events.AnnotationSubmitted;
import dev.quorum.dispatch.project.ProjectSettings;
import dev.quorum.dispatch.project.QualitySettings;
import dev.quorum.platform.events.EventConsumer;
import dev.quorum.platform.events.EventEnvelope;
import dev.quorum.platform.events.HandledEvents;
import dev.quorum.platform.json.Json;
import dev.quorum.quality.review.JudgementVerdicts;
import dev.quorum.quality.review.ReviewQueue;
import dev.quorum.quality.signals.SignalRefresh;
import dev.quorum.quality.trust.TrustService;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Records each submitted judgement, scores gold into trust, lets {@link TaskDecider} decide the
 * task, and refreshes the annotator's signals.
 */
@Singleton
public class SubmissionConsumer extends EventConsumer<AnnotationSubmitted> {

  public static final String NAME = "quality-submissions";

  private final TaskDecider decider;
  private final Json json;
  private final DispatchService dispatch;
  private final TrustService trust;
  private final ReviewQueue reviews;
  private final SignalRefresh signals;
  private final JudgementVerdicts verdicts;

  SubmissionConsumer(
      HandledEvents handled,
      JsonMapper mapper,
      Json json,
      TaskDecider decider,
      DispatchService dispatch,
      TrustService trust,
      ReviewQueue reviews,
      SignalRefresh signals,
      JudgementVerdicts verdicts) {
    super(NAME, Set.of(AnnotationSubmitted.TYPE), AnnotationSubmitted.class, handled, mapper);
    this.decider = decider;
    this.json = json;
    this.dispatch = dispatch;
    this.trust = trust;
    this.reviews = reviews;
    this.signals = signals;
    this.verdicts = verdicts;
  }

  /** Reads each project's settings once per poll: a poll is mostly one project's judgements. */
  @Override
  protected void handleAll(DSLContext dsl, List<Event<AnnotationSubmitted>> events) {
    Map<String, ProjectSettings> projects = new HashMap<>();
    for (Event<AnnotationSubmitted> event : events) {
      record(dsl, event.payload(), projects);
    }
  }

  @Override
  protected void handle(DSLContext dsl, EventEnvelope envelope, AnnotationSubmitted event) {
    record(dsl, event, new HashMap<>());
  }

  private void record(
      DSLContext dsl, AnnotationSubmitted event, Map<String, ProjectSettings> projects) {
    int inserted =
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
            .set(
                JUDGEMENT.SUBMITTED_AT,
                OffsetDateTime.ofInstant(event.submittedAt(), ZoneOffset.UTC))
            .set(JUDGEMENT.GOLD, event.gold())
            .set(JUDGEMENT.GOLD_CORRECT, event.goldCorrect())
            .onConflictDoNothing()
            .execute();
    if (inserted == 0) {
      return;
    }
    ProjectSettings project = projects.computeIfAbsent(event.projectId(), this::settings);
    QualitySettings settings = project.quality();
    var judgement =
        new JudgementVerdicts.Judgement(
            event.assignmentId(), event.annotatorId(), event.projectId(), event.taskId());
    if (event.gold()) {
      // Gold is scored against its answer, not decided by consensus; what cannot be scored
      // automatically (sft) is scored by a reviewer.
      if (event.goldCorrect() != null) {
        trust.score(
            dsl,
            event.projectId(),
            event.orgId(),
            event.annotatorId(),
            event.goldCorrect(),
            settings);
        verdicts.accept(dsl, judgement);
      } else {
        reviews.enqueue(dsl, judgement, event.orgId(), "gold", project.requirements().languages());
      }
    } else {
      decider.decide(
          dsl,
          new TaskDecider.Task(
              event.taskId(),
              event.projectId(),
              event.orgId(),
              event.kind(),
              event.overlapMin(),
              event.overlapMax(),
              event.agreementTarget(),
              project));
    }
    // Paced: refreshes now when due, else within a few seconds (SignalRefresh).
    signals.judged(dsl, event.projectId(), event.annotatorId(), event.kind());
  }

  private ProjectSettings settings(String projectId) {
    return dispatch
        .project(projectId)
        .map(DispatchService.ProjectInfo::settings)
        .orElseThrow(() -> new IllegalStateException("no project " + projectId));
  }
}
