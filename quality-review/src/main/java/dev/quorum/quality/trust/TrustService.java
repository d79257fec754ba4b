package dev.quorum.quality.trust;

import static dev.quorum.quality.store.jooq.Tables.TRUST;

import dev.quorum.dispatch.project.QualitySettings;
import dev.quorum.platform.events.Outbox;
import dev.quorum.platform.events.Topics;
import dev.quorum.quality.store.jooq.tables.records.TrustRecord;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Keeps trust per annotator and project and acts on it: once the project's minimum number of items
 * is scored, trust below the threshold pauses the annotator there (event {@code annotator.paused},
 * which workforce keeps and dispatch honours); trust back at the threshold (an appeal won) resumes.
 */
@Singleton
public class TrustService {

  private final Outbox outbox;

  TrustService(Outbox outbox) {
    this.outbox = outbox;
  }

  /** Event payload of {@code annotator.paused} and {@code annotator.resumed}. */
  @Serdeable
  public record PauseChanged(
      String annotatorId, String projectId, @Nullable String reason, Trust trust) {}

  /** Adds one scored item; joins the caller's transaction. */
  public Trust score(
      DSLContext dsl,
      String projectId,
      String orgId,
      String annotatorId,
      boolean correct,
      QualitySettings settings) {
    return change(dsl, projectId, orgId, annotatorId, 1, correct ? 1 : 0, settings);
  }

  /**
   * Turns an earlier failure into a success (a reject overturned on appeal); joins the caller's
   * transaction.
   */
  public Trust overturnFailure(
      DSLContext dsl,
      String projectId,
      String orgId,
      String annotatorId,
      QualitySettings settings) {
    return change(dsl, projectId, orgId, annotatorId, 0, 1, settings);
  }

  public Optional<Trust> trust(DSLContext dsl, String projectId, String annotatorId) {
    return dsl.selectFrom(TRUST)
        .where(TRUST.PROJECT_ID.eq(projectId))
        .and(TRUST.ANNOTATOR_ID.eq(annotatorId))
        .fetchOptional(r -> Trust.of(r.getCorrect(), r.getScored()));
  }

  /** Whether the annotator's trust here is low enough that their work deserves more audits. */
  public static boolean isLow(@Nullable Trust trust, QualitySettings settings) {
    return trust != null && trust.scored() > 0 && trust.mean() < settings.trustThreshold() + 0.1;
  }

  private Trust change(
      DSLContext dsl,
      String projectId,
      String orgId,
      String annotatorId,
      int scoredDelta,
      int correctDelta,
      QualitySettings settings) {
    dsl.insertInto(TRUST)
        .set(TRUST.PROJECT_ID, projectId)
        .set(TRUST.ANNOTATOR_ID, annotatorId)
        .set(TRUST.ORG_ID, orgId)
        .onConflictDoNothing()
        .execute();
    TrustRecord row =
        dsl.selectFrom(TRUST)
            .where(TRUST.PROJECT_ID.eq(projectId))
            .and(TRUST.ANNOTATOR_ID.eq(annotatorId))
            .forUpdate()
            .fetchSingle();
    row.setScored(row.getScored() + scoredDelta);
    row.setCorrect(Math.min(row.getScored(), row.getCorrect() + correctDelta));
    row.setUpdatedAt(OffsetDateTime.now(ZoneOffset.UTC));
    Trust trust = Trust.of(row.getCorrect(), row.getScored());
    boolean low =
        trust.scored() >= settings.trustMinScored() && trust.mean() < settings.trustThreshold();
    if (low && !row.getPaused()) {
      String reason = reason(trust, settings);
      row.setPaused(true);
      row.setPausedReason(reason);
      outbox.append(
          Topics.QUALITY,
          "annotator.paused",
          projectId,
          new PauseChanged(annotatorId, projectId, reason, trust));
    } else if (!low && row.getPaused()) {
      row.setPaused(false);
      row.setPausedReason(null);
      outbox.append(
          Topics.QUALITY,
          "annotator.resumed",
          projectId,
          new PauseChanged(annotatorId, projectId, null, trust));
    }
    row.store();
    return trust;
  }

  private static String reason(Trust trust, QualitySettings settings) {
    return String.format(
        Locale.ROOT,
        "%d of your %d checked answers on this project were right (trust %.0f%%); the project"
            + " needs %.0f%%. Review the instructions and the feedback on your gold answers;"
            + " a reviewer can lift the pause when an appeal succeeds.",
        trust.correct(),
        trust.scored(),
        trust.mean() * 100,
        settings.trustThreshold() * 100);
  }
}
