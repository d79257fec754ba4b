package dev.quorum.quality.report;

import static dev.quorum.quality.store.jooq.Tables.FLAG;
import static dev.quorum.quality.store.jooq.Tables.JUDGEMENT;
import static dev.quorum.quality.store.jooq.Tables.TASK_OUTCOME;
import static dev.quorum.quality.store.jooq.Tables.TRUST;

import dev.quorum.dispatch.DispatchService;
import dev.quorum.dispatch.TaskData;
import dev.quorum.dispatch.project.Project;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.json.Json;
import dev.quorum.quality.agreement.ConsensusAgreement;
import dev.quorum.quality.resolution.TaskDecider;
import dev.quorum.quality.store.jooq.enums.JudgementStatus;
import dev.quorum.quality.store.jooq.enums.OutcomeStatus;
import dev.quorum.quality.store.jooq.tables.records.JudgementRecord;
import dev.quorum.quality.store.jooq.tables.records.TaskOutcomeRecord;
import dev.quorum.quality.trust.Trust;
import dev.quorum.workforce.annotator.AnnotatorService;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds a project's quality report from quality's own tables and dispatch's task data. */
@Singleton
public class QualityReportService {

  private static final int CONTESTED_LISTED = 100;

  private final Tx tx;
  private final Json json;
  private final DispatchService dispatch;
  private final AnnotatorService annotators;

  QualityReportService(Tx tx, Json json, DispatchService dispatch, AnnotatorService annotators) {
    this.tx = tx;
    this.json = json;
    this.dispatch = dispatch;
    this.annotators = annotators;
  }

  public QualityReport report(Project project) {
    String kind = project.kind();
    // Outcomes first: a decided task's judgements committed with or before its outcome.
    List<TaskOutcomeRecord> outcomes =
        tx.read(
            dsl ->
                dsl.selectFrom(TASK_OUTCOME)
                    .where(TASK_OUTCOME.PROJECT_ID.eq(project.id()))
                    .fetch());
    List<JudgementRecord> judgements =
        tx.read(
            dsl ->
                dsl.selectFrom(JUDGEMENT)
                    .where(JUDGEMENT.PROJECT_ID.eq(project.id()))
                    .orderBy(JUDGEMENT.TASK_ID, JUDGEMENT.SUBMITTED_AT)
                    .fetch());
    Map<String, Trust> trust = new HashMap<>();
    Map<String, Boolean> paused = new HashMap<>();
    tx.read(dsl -> dsl.selectFrom(TRUST).where(TRUST.PROJECT_ID.eq(project.id())).fetch())
        .forEach(
            t -> {
              trust.put(t.getAnnotatorId(), Trust.of(t.getCorrect(), t.getScored()));
              paused.put(t.getAnnotatorId(), t.getPaused());
            });
    Map<String, List<QualityReport.FlagRow>> flags = new HashMap<>();
    tx.read(
            dsl ->
                dsl.selectFrom(FLAG)
                    .where(FLAG.PROJECT_ID.eq(project.id()))
                    .orderBy(FLAG.SIGNAL)
                    .fetch())
        .forEach(
            f ->
                flags
                    .computeIfAbsent(f.getAnnotatorId(), k -> new ArrayList<>())
                    .add(
                        new QualityReport.FlagRow(
                            f.getSignal(), f.getDetail(), json.tree(f.getEvidence()))));

    // Judgements that count towards agreement: not gold, not rejected.
    Map<String, List<JsonNode>> answersByTask = new LinkedHashMap<>();
    Map<String, List<String>> keysByTask = new LinkedHashMap<>();
    for (JudgementRecord j : judgements) {
      if (j.getGold() || j.getStatus() == JudgementStatus.rejected) {
        continue;
      }
      JsonNode answer = json.tree(j.getAnswer());
      answersByTask.computeIfAbsent(j.getTaskId(), k -> new ArrayList<>()).add(answer);
      keysByTask
          .computeIfAbsent(j.getTaskId(), k -> new ArrayList<>())
          .add(TaskDecider.consensusKey(kind, answer));
    }
    Map<String, String> consensus = new HashMap<>();
    for (TaskOutcomeRecord o : outcomes) {
      String key = TaskDecider.outcomeKey(kind, json.tree(o.getConsensus()));
      if (key != null) {
        consensus.put(o.getTaskId(), key);
      }
    }
    int resolved = count(outcomes, OutcomeStatus.resolved);
    int contested = count(outcomes, OutcomeStatus.contested);
    int accepted = 0;
    int rejected = 0;
    int goldScored = 0;
    int goldCorrect = 0;
    int nonGold = 0;
    for (JudgementRecord j : judgements) {
      accepted += j.getStatus() == JudgementStatus.accepted ? 1 : 0;
      rejected += j.getStatus() == JudgementStatus.rejected ? 1 : 0;
      if (j.getGold() && j.getGoldCorrect() != null) {
        goldScored++;
        goldCorrect += j.getGoldCorrect() ? 1 : 0;
      }
      nonGold += j.getGold() ? 0 : 1;
    }
    var pay = project.settings().pay();
    // Reversed pay (rejected work) is not spent; imported judgements were never paid.
    long paid =
        judgements.stream()
            .filter(j -> j.getStatus() != JudgementStatus.rejected)
            .filter(j -> !j.getAnnotatorId().startsWith("ext:"))
            .count();
    BigDecimal spent = pay.amount().multiply(BigDecimal.valueOf(paid));
    String perLabel =
        resolved == 0
            ? null
            : spent.divide(BigDecimal.valueOf(resolved), 4, RoundingMode.HALF_UP).toPlainString();

    return new QualityReport(
        project.id(),
        kind,
        AgreementMeasures.measure(kind, answersByTask, keysByTask),
        new QualityReport.Gold(
            goldScored, goldCorrect, goldScored == 0 ? null : (double) goldCorrect / goldScored),
        new QualityReport.Tasks(
            resolved,
            contested,
            accepted,
            rejected,
            resolved == 0 ? null : (double) nonGold / resolved),
        new QualityReport.Cost(pay.currency(), spent.toPlainString(), perLabel),
        annotatorRows(kind, judgements, consensus, trust, paused, flags),
        contestedTasks(project.id(), outcomes),
        batchRows(project.id(), kind, answersByTask, keysByTask, outcomes));
  }

  private List<QualityReport.AnnotatorRow> annotatorRows(
      String kind,
      List<JudgementRecord> judgements,
      Map<String, String> consensus,
      Map<String, Trust> trust,
      Map<String, Boolean> paused,
      Map<String, List<QualityReport.FlagRow>> flags) {
    Map<String, List<JudgementRecord>> byAnnotator = new TreeMap<>();
    judgements.forEach(
        j -> byAnnotator.computeIfAbsent(j.getAnnotatorId(), k -> new ArrayList<>()).add(j));
    Map<String, String> names = annotators.names(byAnnotator.keySet());
    List<QualityReport.AnnotatorRow> rows = new ArrayList<>();
    byAnnotator.forEach(
        (annotatorId, own) -> {
          int scored = 0;
          int correct = 0;
          Map<String, String> labels = new HashMap<>();
          for (JudgementRecord j : own) {
            if (j.getGold() && j.getGoldCorrect() != null) {
              scored++;
              correct += j.getGoldCorrect() ? 1 : 0;
            } else if (!j.getGold()) {
              labels.put(j.getTaskId(), TaskDecider.consensusKey(kind, json.tree(j.getAnswer())));
            }
          }
          double withConsensus =
              kind.equals("sft") ? Double.NaN : ConsensusAgreement.withConsensus(labels, consensus);
          rows.add(
              new QualityReport.AnnotatorRow(
                  annotatorId,
                  names.getOrDefault(annotatorId, annotatorId),
                  own.size(),
                  scored,
                  correct,
                  scored == 0 ? null : (double) correct / scored,
                  trust.getOrDefault(annotatorId, Trust.of(0, 0)),
                  paused.getOrDefault(annotatorId, false) ? "paused" : "active",
                  AgreementMeasures.finite(withConsensus),
                  flags.getOrDefault(annotatorId, List.of())));
        });
    return rows;
  }

  private List<QualityReport.ContestedTask> contestedTasks(
      String projectId, List<TaskOutcomeRecord> outcomes) {
    List<TaskOutcomeRecord> contested =
        outcomes.stream()
            .filter(o -> o.getStatus() == OutcomeStatus.contested)
            .limit(CONTESTED_LISTED)
            .toList();
    Map<String, TaskData> tasks =
        dispatch.tasks(projectId, contested.stream().map(TaskOutcomeRecord::getTaskId).toList());
    return contested.stream()
        .map(
            o ->
                new QualityReport.ContestedTask(
                    o.getTaskId(),
                    tasks.containsKey(o.getTaskId())
                        ? tasks.get(o.getTaskId()).externalId()
                        : o.getTaskId(),
                    o.getAgreement(),
                    o.getJudgements()))
        .toList();
  }

  private List<QualityReport.BatchRow> batchRows(
      String projectId,
      String kind,
      Map<String, List<JsonNode>> answersByTask,
      Map<String, List<String>> keysByTask,
      List<TaskOutcomeRecord> outcomes) {
    Map<String, TaskData> tasks = dispatch.tasks(projectId, answersByTask.keySet());
    Map<String, Map<String, List<JsonNode>>> answersByBatch = new TreeMap<>();
    Map<String, Map<String, List<String>>> keysByBatch = new TreeMap<>();
    answersByTask.forEach(
        (taskId, answers) -> {
          TaskData task = tasks.get(taskId);
          if (task == null || task.batch() == null) {
            return;
          }
          answersByBatch
              .computeIfAbsent(task.batch(), b -> new LinkedHashMap<>())
              .put(taskId, answers);
          keysByBatch
              .computeIfAbsent(task.batch(), b -> new LinkedHashMap<>())
              .put(taskId, keysByTask.get(taskId));
        });
    Map<String, Integer> resolvedByBatch = new HashMap<>();
    for (TaskOutcomeRecord o : outcomes) {
      TaskData task = tasks.get(o.getTaskId());
      if (o.getStatus() == OutcomeStatus.resolved && task != null && task.batch() != null) {
        resolvedByBatch.merge(task.batch(), 1, Integer::sum);
      }
    }
    List<QualityReport.BatchRow> rows = new ArrayList<>();
    answersByBatch.forEach(
        (batch, answers) ->
            rows.add(
                new QualityReport.BatchRow(
                    batch,
                    batch,
                    AgreementMeasures.measure(kind, answers, keysByBatch.get(batch))
                        .krippendorffAlpha(),
                    resolvedByBatch.getOrDefault(batch, 0))));
    return rows;
  }

  private static int count(List<TaskOutcomeRecord> outcomes, OutcomeStatus status) {
    return (int) outcomes.stream().filter(o -> o.getStatus() == status).count();
  }
}
