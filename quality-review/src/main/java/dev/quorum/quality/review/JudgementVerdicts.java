package dev.quorum.quality.review;

import static dev.quorum.quality.store.jooq.Tables.JUDGEMENT;

import dev.quorum.platform.events.Outbox;
import dev.quorum.platform.events.Topics;
import dev.quorum.quality.store.jooq.enums.JudgementStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

/**
 * The end of a judgement's lifecycle: {@code accepted} or {@code rejected}, each with its event on
 * {@code quorum.reviews} (workforce turns them into payable or reversed pay).
 */
@Singleton
public class JudgementVerdicts {

  private final Outbox outbox;

  JudgementVerdicts(Outbox outbox) {
    this.outbox = outbox;
  }

  /** Payload of {@code judgement.accepted} and {@code judgement.rejected}. */
  @Serdeable
  public record JudgementVerdict(
      String assignmentId,
      String annotatorId,
      String projectId,
      String taskId,
      @Nullable String reason) {}

  public void accept(DSLContext dsl, Judgement judgement) {
    set(dsl, judgement, JudgementStatus.accepted, "judgement.accepted", null);
  }

  public void reject(DSLContext dsl, Judgement judgement, String reason) {
    set(dsl, judgement, JudgementStatus.rejected, "judgement.rejected", reason);
  }

  /** The identity of a judgement, enough to move it on. */
  public record Judgement(
      String assignmentId, String annotatorId, String projectId, String taskId) {}

  private void set(
      DSLContext dsl,
      Judgement judgement,
      JudgementStatus status,
      String eventType,
      @Nullable String reason) {
    dsl.update(JUDGEMENT)
        .set(JUDGEMENT.STATUS, status)
        .where(JUDGEMENT.ASSIGNMENT_ID.eq(judgement.assignmentId()))
        .execute();
    outbox.append(
        Topics.REVIEWS,
        eventType,
        judgement.projectId(),
        new JudgementVerdict(
            judgement.assignmentId(),
            judgement.annotatorId(),
            judgement.projectId(),
            judgement.taskId(),
            reason));
  }
}
