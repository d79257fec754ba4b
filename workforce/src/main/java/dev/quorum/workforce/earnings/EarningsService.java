package dev.quorum.workforce.earnings;

import static dev.quorum.workforce.store.jooq.Tables.EARNING;

import dev.quorum.platform.db.Tx;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Reads the earnings ledger. */
@Singleton
public class EarningsService {

  private final Tx tx;

  EarningsService(Tx tx) {
    this.tx = tx;
  }

  @Serdeable
  public record Entry(
      String id,
      String assignmentId,
      String projectId,
      String state,
      BigDecimal amount,
      String currency,
      Instant createdAt) {}

  public List<Entry> entries(String annotatorId) {
    return tx
        .read(
            dsl ->
                dsl.selectFrom(EARNING)
                    .where(EARNING.ANNOTATOR_ID.eq(annotatorId))
                    .orderBy(EARNING.CREATED_AT, EARNING.ID)
                    .fetch())
        .stream()
        .map(
            r ->
                new Entry(
                    r.getId(),
                    r.getAssignmentId(),
                    r.getProjectId(),
                    r.getState().getLiteral(),
                    r.getAmount(),
                    r.getCurrency(),
                    r.getCreatedAt().toInstant()))
        .toList();
  }
}
