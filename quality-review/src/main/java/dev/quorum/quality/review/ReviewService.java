package dev.quorum.quality.review;

import static dev.quorum.quality.store.jooq.Tables.JUDGEMENT;
import static dev.quorum.quality.store.jooq.Tables.REVIEW_ITEM;
import static dev.quorum.quality.store.jooq.Tables.TASK_OUTCOME;

import dev.quorum.dispatch.DispatchService;
import dev.quorum.dispatch.kind.TaskKind;
import dev.quorum.dispatch.project.ProjectSettings;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.events.Outbox;
import dev.quorum.platform.events.Topics;
import dev.quorum.platform.json.Json;
import dev.quorum.quality.resolution.TaskDecider;
import dev.quorum.quality.store.jooq.enums.OutcomeStatus;
import dev.quorum.quality.store.jooq.tables.records.JudgementRecord;
import dev.quorum.quality.store.jooq.tables.records.ReviewItemRecord;
import dev.quorum.quality.trust.TrustService;
import dev.quorum.workforce.annotator.AnnotatorService;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The review queue from the reviewer's side: claim the next item (never one's own work, never an
 * appeal of one's own verdict), then accept, reject (the task reopens for someone else and the pay
 * is reversed) or correct (the correction becomes the task's reference answer).
 */
@Singleton
public class ReviewService {

  /** How long a claimed item stays with its reviewer before others may take it. */
  private static final int CLAIM_MINUTES = 30;

  private final Tx tx;
  private final Json json;
  private final DispatchService dispatch;
  private final JudgementVerdicts verdicts;
  private final TrustService trust;
  private final ReviewViews views;
  private final Outbox outbox;
  private final java.util.function.Function<String, List<String>> languages;

  ReviewService(
      Tx tx,
      Json json,
      DispatchService dispatch,
      JudgementVerdicts verdicts,
      TrustService trust,
      ReviewViews views,
      Outbox outbox,
      AnnotatorService annotators) {
    this.tx = tx;
    this.json = json;
    this.dispatch = dispatch;
    this.verdicts = verdicts;
    this.trust = trust;
    this.views = views;
    this.outbox = outbox;
    this.languages = reviewerId -> annotators.workProfile(reviewerId).languages();
  }

  /** Event payload: a reviewer's correction became a task's reference answer. */
  @Serdeable
  public record TaskCorrected(String taskId, String projectId, JsonNode reference) {}

  /** The reviewer's current item, or the next one in the queue claimed for them. */
  public Optional<ReviewItemView> next(String reviewerId) {
    return tx.write(
        dsl -> {
          OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
          ReviewItemRecord item =
              dsl.selectFrom(REVIEW_ITEM)
                  .where(REVIEW_ITEM.REVIEWER_ID.eq(reviewerId))
                  .and(REVIEW_ITEM.STATUS.eq("claimed"))
                  .and(REVIEW_ITEM.CLAIMED_UNTIL.gt(now))
                  .orderBy(REVIEW_ITEM.RANK, REVIEW_ITEM.CREATED_AT)
                  .limit(1)
                  .fetchOne();
          if (item == null) {
            item = claim(dsl, reviewerId, languages.apply(reviewerId), now);
          }
          if (item == null) {
            return Optional.<ReviewItemView>empty();
          }
          dispatch.exclude(reviewerId, item.getTaskId(), "reviewed");
          return Optional.of(views.view(dsl, item));
        });
  }

  private static ReviewItemRecord claim(
      DSLContext dsl, String reviewerId, List<String> spoken, OffsetDateTime now) {
    var candidate =
        DSL.select(REVIEW_ITEM.ID)
            .from(REVIEW_ITEM)
            .where(
                REVIEW_ITEM
                    .STATUS
                    .eq("open")
                    .or(REVIEW_ITEM.STATUS.eq("claimed").and(REVIEW_ITEM.CLAIMED_UNTIL.le(now))))
            .and(REVIEW_ITEM.ANNOTATOR_ID.ne(reviewerId))
            // Only work in a language the reviewer speaks (as dispatch routes annotators).
            .and(
                DSL.condition(
                    "cardinality({0}) = 0 or exists (select 1 from unnest({0}) r,"
                        + " unnest({1}::text[]) s where s = r or s like r || '-%')",
                    REVIEW_ITEM.LANGUAGES, DSL.val(spoken.toArray(String[]::new))))
            .and(
                REVIEW_ITEM
                    .EXCLUDED_REVIEWER
                    .isNull()
                    .or(REVIEW_ITEM.EXCLUDED_REVIEWER.ne(reviewerId)))
            // Never one's own work: not even another judgement of a task the reviewer annotated.
            .andNotExists(
                DSL.selectOne()
                    .from(JUDGEMENT)
                    .where(JUDGEMENT.TASK_ID.eq(REVIEW_ITEM.TASK_ID))
                    .and(JUDGEMENT.ANNOTATOR_ID.eq(reviewerId)))
            .orderBy(REVIEW_ITEM.RANK, REVIEW_ITEM.CREATED_AT)
            .limit(1)
            .forUpdate()
            .skipLocked();
    return dsl.update(REVIEW_ITEM)
        .set(REVIEW_ITEM.STATUS, "claimed")
        .set(REVIEW_ITEM.REVIEWER_ID, reviewerId)
        .set(REVIEW_ITEM.CLAIMED_UNTIL, now.plusMinutes(CLAIM_MINUTES))
        .where(REVIEW_ITEM.ID.eq(candidate))
        .returning()
        .fetchOne();
  }

  public VerdictRequest.Result verdict(String reviewerId, String reviewId, VerdictRequest request) {
    String verdict = request.verdict();
    if (verdict == null
        || !(verdict.equals("accept") || verdict.equals("reject") || verdict.equals("correct"))) {
      throw ProblemException.invalidField("verdict", "is accept, reject or correct");
    }
    String reason = request.reason() == null ? null : request.reason().trim();
    if (verdict.equals("reject") && (reason == null || reason.isEmpty())) {
      throw ProblemException.invalidField(
          "reason", "a reject needs a reason the annotator can learn from");
    }
    return tx.write(
        dsl -> {
          ReviewItemRecord item =
              dsl.selectFrom(REVIEW_ITEM)
                  .where(REVIEW_ITEM.ID.eq(reviewId))
                  .and(REVIEW_ITEM.REVIEWER_ID.eq(reviewerId))
                  .forUpdate()
                  .fetchOptional()
                  .orElseThrow(
                      () ->
                          ProblemException.notFound(
                              "review "
                                  + reviewId
                                  + " (take items with POST /api/v1/review/next)"));
          if (item.getStatus().equals("done")) {
            if (verdict.equals(item.getVerdict())) {
              return new VerdictRequest.Result(reviewId, verdict, statusAfter(item));
            }
            throw ProblemException.conflict(
                "review " + reviewId + " already has the verdict " + item.getVerdict());
          }
          JudgementRecord judgement =
              dsl.selectFrom(JUDGEMENT)
                  .where(JUDGEMENT.ASSIGNMENT_ID.eq(item.getAssignmentId()))
                  .forUpdate()
                  .fetchSingle();
          var project =
              dispatch
                  .project(item.getProjectId())
                  .orElseThrow(() -> ProblemException.notFound("project " + item.getProjectId()));
          item.setStatus("done");
          item.setVerdict(verdict);
          item.setVerdictReason(reason);
          item.setDecidedAt(OffsetDateTime.now(ZoneOffset.UTC));
          if (item.getAppealOf() != null) {
            decideAppeal(dsl, item, judgement, project.settings(), verdict);
          } else {
            decideAudit(dsl, item, judgement, project, verdict, reason, request.correction());
          }
          item.store();
          return new VerdictRequest.Result(reviewId, verdict, statusAfter(item));
        });
  }

  private void decideAudit(
      DSLContext dsl,
      ReviewItemRecord item,
      JudgementRecord judgement,
      DispatchService.ProjectInfo project,
      String verdict,
      String reason,
      JsonNode correction) {
    var ref =
        new JudgementVerdicts.Judgement(
            judgement.getAssignmentId(),
            judgement.getAnnotatorId(),
            judgement.getProjectId(),
            judgement.getTaskId());
    var quality = project.settings().quality();
    switch (verdict) {
      case "accept" -> {
        verdicts.accept(dsl, ref);
        trust.score(
            dsl, item.getProjectId(), item.getOrgId(), item.getAnnotatorId(), true, quality);
      }
      case "reject" -> {
        verdicts.reject(dsl, ref, reason);
        trust.score(
            dsl, item.getProjectId(), item.getOrgId(), item.getAnnotatorId(), false, quality);
        if (!judgement.getGold()) {
          // The task needs a good judgement in place of this one: decided again when it is in.
          dsl.deleteFrom(TASK_OUTCOME).where(TASK_OUTCOME.TASK_ID.eq(item.getTaskId())).execute();
          dispatch.reopen(item.getTaskId());
        }
      }
      default -> {
        JsonNode reference = validCorrection(project, correction);
        item.setCorrection(json.jsonb(reference));
        boolean matches =
            TaskDecider.consensusKey(project.kind(), reference)
                .equals(TaskDecider.consensusKey(project.kind(), json.tree(judgement.getAnswer())));
        if (matches) {
          verdicts.accept(dsl, ref);
        } else {
          verdicts.reject(dsl, ref, "a reviewer corrected the answer");
        }
        trust.score(
            dsl, item.getProjectId(), item.getOrgId(), item.getAnnotatorId(), matches, quality);
        if (!judgement.getGold()) {
          setReference(dsl, item, project, reference);
        }
      }
    }
  }

  private void decideAppeal(
      DSLContext dsl,
      ReviewItemRecord item,
      JudgementRecord judgement,
      ProjectSettings settings,
      String verdict) {
    if (verdict.equals("correct")) {
      throw ProblemException.invalidField(
          "verdict", "an appeal is accepted (overturn the reject) or rejected (uphold it)");
    }
    if (verdict.equals("accept")) {
      verdicts.accept(
          dsl,
          new JudgementVerdicts.Judgement(
              judgement.getAssignmentId(),
              judgement.getAnnotatorId(),
              judgement.getProjectId(),
              judgement.getTaskId()));
      trust.overturnFailure(
          dsl, item.getProjectId(), item.getOrgId(), item.getAnnotatorId(), settings.quality());
    }
  }

  private JsonNode validCorrection(DispatchService.ProjectInfo project, JsonNode correction) {
    if (correction == null || correction.isNull()) {
      throw ProblemException.invalidField(
          "correction", "a correction carries the right answer, shaped like the kind's answer");
    }
    // The reviewer sees the customer's order, so the correction needs no mapping back.
    return TaskKind.of(project.kind()).validateAnswer(correction, project.settings());
  }

  private void setReference(
      DSLContext dsl,
      ReviewItemRecord item,
      DispatchService.ProjectInfo project,
      JsonNode reference) {
    Map<String, Object> consensus =
        project.kind().equals("pairwise")
            ? Map.of("choice", reference.get("choice").getStringValue(), "reference", true)
            : Map.of("answer", reference, "reference", true);
    int updated =
        dsl.update(TASK_OUTCOME)
            .set(TASK_OUTCOME.CONSENSUS, json.jsonb(consensus))
            .set(TASK_OUTCOME.STATUS, OutcomeStatus.resolved)
            .where(TASK_OUTCOME.TASK_ID.eq(item.getTaskId()))
            .execute();
    if (updated > 0) {
      outbox.append(
          Topics.QUALITY,
          "task.corrected",
          item.getProjectId(),
          new TaskCorrected(item.getTaskId(), item.getProjectId(), reference));
    }
  }

  private static String statusAfter(ReviewItemRecord item) {
    if (item.getAppealOf() != null) {
      return item.getVerdict().equals("accept") ? "overturned" : "upheld";
    }
    return switch (item.getVerdict()) {
      case "accept" -> "accepted";
      case "reject" -> "rejected";
      default -> "corrected";
    };
  }
}
