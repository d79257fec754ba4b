package dev.quorum.quality.review;

import static dev.quorum.quality.store.jooq.Tables.JUDGEMENT;
import static dev.quorum.quality.store.jooq.Tables.REVIEW_ITEM;

import dev.quorum.dispatch.project.ProjectSettings;
import dev.quorum.dispatch.project.QualitySettings;
import dev.quorum.platform.id.Ids;
import dev.quorum.platform.json.Sha256;
import dev.quorum.quality.store.jooq.enums.JudgementStatus;
import dev.quorum.quality.trust.TrustService;
import jakarta.inject.Singleton;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Audit sampling. When a task is decided, each of its judgements is sampled for review at the
 * project's audit rate, four times as often for annotators of low trust and at least half of the
 * time on contested tasks; the rest are accepted at once. The draw is a hash of the assignment id,
 * so a redelivered event draws the same.
 */
@Singleton
public class ReviewQueue {

  /** Appeals first, then contested work, low trust, unscorable gold, plain samples. */
  static int rank(String reason) {
    return switch (reason) {
      case "appeal" -> 0;
      case "contested" -> 1;
      case "low-trust" -> 2;
      case "gold" -> 3;
      default -> 4;
    };
  }

  private final TrustService trust;
  private final JudgementVerdicts verdicts;

  ReviewQueue(TrustService trust, JudgementVerdicts verdicts) {
    this.trust = trust;
    this.verdicts = verdicts;
  }

  /** Samples or accepts the judgements of a task just decided; joins the caller's transaction. */
  public void afterDecision(
      DSLContext dsl, String taskId, String orgId, boolean contested, ProjectSettings project) {
    QualitySettings settings = project.quality();
    var judgements =
        dsl.selectFrom(JUDGEMENT)
            .where(JUDGEMENT.TASK_ID.eq(taskId))
            .and(JUDGEMENT.STATUS.in(JudgementStatus.resolved, JudgementStatus.contested))
            // Judgements already waiting for a reviewer (a task decided again) keep their item.
            // Every appeal has an original item, so looking for that one is enough, and it is
            // what review_item_once indexes. Without the predicate every decision hashed the whole
            // review table (0.3-0.7 ms per decided task in a benchmark probe, and growing).
            .andNotExists(
                DSL.selectOne()
                    .from(REVIEW_ITEM)
                    .where(REVIEW_ITEM.ASSIGNMENT_ID.eq(JUDGEMENT.ASSIGNMENT_ID))
                    .and(REVIEW_ITEM.APPEAL_OF.isNull()))
            .fetch();
    for (var j : judgements) {
      var judgement =
          new JudgementVerdicts.Judgement(
              j.getAssignmentId(), j.getAnnotatorId(), j.getProjectId(), j.getTaskId());
      if (j.getAnnotatorId().startsWith("ext:")) {
        // Imported from another tool: nobody here to audit, pay or appeal.
        continue;
      }
      boolean low =
          TrustService.isLow(
              trust.trust(dsl, j.getProjectId(), j.getAnnotatorId()).orElse(null), settings);
      String reason = contested ? "contested" : low ? "low-trust" : "sample";
      if (draw(j.getAssignmentId()) < auditProbability(settings.auditRate(), contested, low)) {
        enqueue(dsl, judgement, orgId, reason, project.requirements().languages());
      } else {
        verdicts.accept(dsl, judgement);
      }
    }
  }

  /**
   * The chance that a decided judgement is reviewed: the project's rate, four times that for an
   * annotator of low trust, and at least one in two on a contested task.
   */
  static double auditProbability(double rate, boolean contested, boolean lowTrust) {
    if (contested) {
      return Math.min(1, Math.max(0.5, 4 * rate));
    }
    return lowTrust ? Math.min(1, 4 * rate) : rate;
  }

  /** Queues one judgement (idempotent: one audit item per judgement). */
  public void enqueue(
      DSLContext dsl,
      JudgementVerdicts.Judgement judgement,
      String orgId,
      String reason,
      List<String> languages) {
    dsl.insertInto(REVIEW_ITEM)
        .set(REVIEW_ITEM.ID, Ids.newId("rvw"))
        .set(REVIEW_ITEM.ASSIGNMENT_ID, judgement.assignmentId())
        .set(REVIEW_ITEM.TASK_ID, judgement.taskId())
        .set(REVIEW_ITEM.PROJECT_ID, judgement.projectId())
        .set(REVIEW_ITEM.ORG_ID, orgId)
        .set(REVIEW_ITEM.ANNOTATOR_ID, judgement.annotatorId())
        .set(REVIEW_ITEM.REASON, reason)
        .set(REVIEW_ITEM.RANK, rank(reason))
        .set(REVIEW_ITEM.LANGUAGES, languages.toArray(String[]::new))
        .onConflictDoNothing()
        .execute();
  }

  /** A uniform draw in [0, 1) fixed by the assignment id. */
  static double draw(String assignmentId) {
    String hex = Sha256.hex(assignmentId).substring(0, 13);
    return Long.parseLong(hex, 16) / (double) (1L << 52);
  }
}
