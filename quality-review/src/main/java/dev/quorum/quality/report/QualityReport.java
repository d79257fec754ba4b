package dev.quorum.quality.report;

import dev.quorum.quality.trust.Trust;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** {@code GET /api/v1/projects/{id}/quality}: how good a project's work is and what it cost. */
@Serdeable
public record QualityReport(
    String projectId,
    String kind,
    Agreement agreement,
    Gold gold,
    Tasks tasks,
    Cost cost,
    List<AnnotatorRow> annotators,
    List<ContestedTask> contested,
    List<BatchRow> batches) {

  /** Agreement over the project's judged tasks; null where there is nothing to measure. */
  @Serdeable
  public record Agreement(
      @Nullable Double krippendorffAlpha,
      String level,
      @Nullable Double fleissKappa,
      @Nullable Double percentAgreement,
      int judgedTasks) {}

  @Serdeable
  public record Gold(int scored, int correct, @Nullable Double accuracy) {}

  @Serdeable
  public record Tasks(
      int resolved,
      int contested,
      int accepted,
      int rejected,
      @Nullable Double judgementsPerResolvedTask) {}

  /** Decimal strings in the project's currency: what was paid out, per accepted label. */
  @Serdeable
  public record Cost(String currency, String spent, @Nullable String perAcceptedLabel) {}

  @Serdeable
  public record AnnotatorRow(
      String annotatorId,
      String name,
      int judgements,
      int goldScored,
      int goldCorrect,
      @Nullable Double goldAccuracy,
      Trust trust,
      String status,
      @Nullable Double agreementWithConsensus,
      List<FlagRow> flags) {}

  @Serdeable
  public record FlagRow(String signal, String detail, JsonNode evidence) {}

  @Serdeable
  public record ContestedTask(String taskId, String externalId, double agreement, int judgements) {}

  @Serdeable
  public record BatchRow(String batchId, String name, @Nullable Double agreement, int resolved) {}
}
