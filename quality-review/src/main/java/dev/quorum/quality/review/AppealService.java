package dev.quorum.quality.review;

import static dev.quorum.quality.store.jooq.Tables.REVIEW_ITEM;
import static dev.quorum.quality.store.jooq.Tables.TRUST;

import dev.quorum.dispatch.DispatchService;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.id.Ids;
import dev.quorum.platform.json.JsonText;
import dev.quorum.quality.store.jooq.tables.records.ReviewItemRecord;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The annotator's side of review: what was rejected and why, where they are paused, and one appeal
 * per reject, which goes to a reviewer other than the one who rejected.
 */
@Singleton
public class AppealService {

  private static final int PREVIEW_CHARS = 160;

  private final Tx tx;
  private final DispatchService dispatch;

  AppealService(Tx tx, DispatchService dispatch) {
    this.tx = tx;
    this.dispatch = dispatch;
  }

  @Serdeable
  public record AppealRequest(@Nullable String comment) {}

  @Serdeable
  public record Appealed(String appealId, String status) {}

  @Serdeable
  public record Feedback(List<Rejection> rejections, List<Pause> pauses) {}

  @Serdeable
  public record Rejection(
      String reviewId,
      String projectName,
      String taskPreview,
      String reason,
      Instant reviewedAt,
      boolean appealable,
      @Nullable AppealState appeal) {}

  @Serdeable
  public record AppealState(String status, String comment) {}

  @Serdeable
  public record Pause(String projectId, String projectName, String reason, Instant since) {}

  public Appealed appeal(String annotatorId, String reviewId, AppealRequest request) {
    String comment = request.comment() == null ? "" : request.comment().trim();
    if (comment.isEmpty()) {
      throw ProblemException.invalidField(
          "comment", "say why the reject was wrong; the next reviewer reads it");
    }
    if (comment.length() > 4000) {
      throw ProblemException.invalidField("comment", "at most 4000 characters");
    }
    return tx.write(
        dsl -> {
          ReviewItemRecord rejected =
              dsl.selectFrom(REVIEW_ITEM)
                  .where(REVIEW_ITEM.ID.eq(reviewId))
                  .and(REVIEW_ITEM.ANNOTATOR_ID.eq(annotatorId))
                  .and(REVIEW_ITEM.APPEAL_OF.isNull())
                  .forUpdate()
                  .fetchOptional()
                  .orElseThrow(() -> ProblemException.notFound("review " + reviewId));
          if (!"reject".equals(rejected.getVerdict())) {
            throw ProblemException.conflict(
                "only a rejected judgement can be appealed; review " + reviewId + " is not one");
          }
          if (dsl.fetchExists(REVIEW_ITEM, REVIEW_ITEM.APPEAL_OF.eq(reviewId))) {
            throw ProblemException.conflict("review " + reviewId + " was already appealed once");
          }
          String id = Ids.newId("rvw");
          dsl.insertInto(REVIEW_ITEM)
              .set(REVIEW_ITEM.ID, id)
              .set(REVIEW_ITEM.ASSIGNMENT_ID, rejected.getAssignmentId())
              .set(REVIEW_ITEM.TASK_ID, rejected.getTaskId())
              .set(REVIEW_ITEM.PROJECT_ID, rejected.getProjectId())
              .set(REVIEW_ITEM.ORG_ID, rejected.getOrgId())
              .set(REVIEW_ITEM.ANNOTATOR_ID, annotatorId)
              .set(REVIEW_ITEM.REASON, "appeal")
              .set(REVIEW_ITEM.RANK, ReviewQueue.rank("appeal"))
              .set(REVIEW_ITEM.APPEAL_OF, reviewId)
              .set(REVIEW_ITEM.APPEAL_COMMENT, comment)
              .set(REVIEW_ITEM.EXCLUDED_REVIEWER, rejected.getReviewerId())
              .execute();
          return new Appealed(id, "pending");
        });
  }

  public Feedback feedback(String annotatorId) {
    return tx.read(
        dsl -> {
          Map<String, ReviewItemRecord> appeals = new HashMap<>();
          dsl.selectFrom(REVIEW_ITEM)
              .where(REVIEW_ITEM.ANNOTATOR_ID.eq(annotatorId))
              .and(REVIEW_ITEM.APPEAL_OF.isNotNull())
              .forEach(a -> appeals.put(a.getAppealOf(), a));
          Map<String, String> names = new HashMap<>();
          List<Rejection> rejections = new ArrayList<>();
          for (ReviewItemRecord r :
              dsl.selectFrom(REVIEW_ITEM)
                  .where(REVIEW_ITEM.ANNOTATOR_ID.eq(annotatorId))
                  .and(REVIEW_ITEM.APPEAL_OF.isNull())
                  .and(REVIEW_ITEM.VERDICT.eq("reject"))
                  .orderBy(REVIEW_ITEM.DECIDED_AT.desc())
                  .limit(200)
                  .fetch()) {
            ReviewItemRecord appeal = appeals.get(r.getId());
            rejections.add(
                new Rejection(
                    r.getId(),
                    names.computeIfAbsent(r.getProjectId(), this::projectName),
                    preview(r.getProjectId(), r.getTaskId()),
                    r.getVerdictReason(),
                    r.getDecidedAt().toInstant(),
                    appeal == null,
                    appeal == null
                        ? null
                        : new AppealState(appealStatus(appeal), appeal.getAppealComment())));
          }
          List<Pause> pauses =
              dsl.selectFrom(TRUST)
                  .where(TRUST.ANNOTATOR_ID.eq(annotatorId))
                  .and(TRUST.PAUSED.isTrue())
                  .fetch(
                      t ->
                          new Pause(
                              t.getProjectId(),
                              names.computeIfAbsent(t.getProjectId(), this::projectName),
                              t.getPausedReason(),
                              t.getUpdatedAt().toInstant()));
          return new Feedback(rejections, pauses);
        });
  }

  private static String appealStatus(ReviewItemRecord appeal) {
    if (!"done".equals(appeal.getStatus())) {
      return "pending";
    }
    return "accept".equals(appeal.getVerdict()) ? "overturned" : "upheld";
  }

  private String projectName(String projectId) {
    return dispatch.project(projectId).map(DispatchService.ProjectInfo::name).orElse(projectId);
  }

  /** The first words of the task, as plain text, so the annotator knows which one it was. */
  private String preview(String projectId, String taskId) {
    return dispatch
        .task(projectId, taskId)
        .map(
            t -> {
              var data = t.data();
              var field = data.get("prompt") != null ? data.get("prompt") : data.get("text");
              String text =
                  field == null
                      ? ""
                      : field.isString() ? field.getStringValue() : JsonText.of(field);
              return text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) + "…" : text;
            })
        .orElse("");
  }
}
