package dev.quorum.quality.review;

import static dev.quorum.quality.store.jooq.Tables.JUDGEMENT;
import static dev.quorum.quality.store.jooq.Tables.REVIEW_ITEM;
import static dev.quorum.quality.store.jooq.Tables.TASK_OUTCOME;

import dev.quorum.dispatch.DispatchService;
import dev.quorum.dispatch.TaskData;
import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.json.Json;
import dev.quorum.quality.store.jooq.tables.records.JudgementRecord;
import dev.quorum.quality.store.jooq.tables.records.ReviewItemRecord;
import jakarta.inject.Singleton;
import java.util.List;
import org.jooq.DSLContext;

/** Builds what a reviewer sees of an item, in the customer's order. */
@Singleton
class ReviewViews {

  private final DispatchService dispatch;
  private final Json json;

  ReviewViews(DispatchService dispatch, Json json) {
    this.dispatch = dispatch;
    this.json = json;
  }

  ReviewItemView view(DSLContext dsl, ReviewItemRecord item) {
    var project =
        dispatch
            .project(item.getProjectId())
            .orElseThrow(() -> ProblemException.notFound("project " + item.getProjectId()));
    TaskData task =
        dispatch
            .task(item.getProjectId(), item.getTaskId())
            .orElseThrow(() -> ProblemException.notFound("task " + item.getTaskId()));
    JudgementRecord judgement =
        dsl.selectFrom(JUDGEMENT)
            .where(JUDGEMENT.ASSIGNMENT_ID.eq(item.getAssignmentId()))
            .fetchSingle();
    List<ReviewItemView.OtherAnswer> others =
        dsl.select(JUDGEMENT.ANSWER)
            .from(JUDGEMENT)
            .where(JUDGEMENT.TASK_ID.eq(item.getTaskId()))
            .and(JUDGEMENT.ASSIGNMENT_ID.ne(item.getAssignmentId()))
            .orderBy(JUDGEMENT.SUBMITTED_AT)
            .fetch(r -> new ReviewItemView.OtherAnswer(json.tree(r.value1())));
    var outcome =
        dsl.selectFrom(TASK_OUTCOME).where(TASK_OUTCOME.TASK_ID.eq(item.getTaskId())).fetchOne();
    ReviewItemView.AppealPart appeal = null;
    if (item.getAppealOf() != null) {
      String previousReason =
          dsl.select(REVIEW_ITEM.VERDICT_REASON)
              .from(REVIEW_ITEM)
              .where(REVIEW_ITEM.ID.eq(item.getAppealOf()))
              .fetchOne(REVIEW_ITEM.VERDICT_REASON);
      appeal = new ReviewItemView.AppealPart(item.getAppealComment(), previousReason);
    }
    var settings = project.settings();
    return new ReviewItemView(
        item.getId(),
        item.getReason(),
        new ReviewItemView.ProjectPart(
            project.id(),
            project.name(),
            project.kind(),
            project.instructions(),
            settings.labels().isEmpty() ? null : settings.labels(),
            settings.multiLabel(),
            settings.scale() == null
                ? null
                : new ReviewItemView.Scale(settings.scale().min(), settings.scale().max()),
            settings.criteria().isEmpty() ? null : settings.criteria()),
        new ReviewItemView.TaskPart(task.id(), task.externalId(), task.data()),
        new ReviewItemView.JudgementPart(
            judgement.getAssignmentId(),
            json.tree(judgement.getAnswer()),
            judgement.getDurationMs()),
        others,
        outcome == null ? null : json.tree(outcome.getConsensus()),
        outcome == null ? null : outcome.getAgreement(),
        outcome == null ? null : outcome.getStatus().getLiteral(),
        appeal);
  }
}
