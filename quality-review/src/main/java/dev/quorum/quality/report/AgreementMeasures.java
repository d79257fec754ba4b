package dev.quorum.quality.report;

import dev.quorum.quality.agreement.FleissKappa;
import dev.quorum.quality.agreement.KrippendorffAlpha;
import dev.quorum.quality.agreement.MeasurementLevel;
import dev.quorum.quality.agreement.PercentAgreement;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Agreement over a set of tasks, measured at the level the kind's answers have: pairwise choices
 * are ordered (A, tie, B), ratings are interval scores (the mean over criteria), labels and orders
 * are nominal.
 */
final class AgreementMeasures {

  private AgreementMeasures() {}

  static MeasurementLevel level(String kind) {
    return switch (kind) {
      case "pairwise" -> MeasurementLevel.ORDINAL;
      case "rating" -> MeasurementLevel.INTERVAL;
      default -> MeasurementLevel.NOMINAL;
    };
  }

  /**
   * @param answersByTask each task's judgements (answer documents, customer terms)
   * @param keysByTask the same judgements reduced to consensus keys
   */
  static QualityReport.Agreement measure(
      String kind,
      Map<String, List<JsonNode>> answersByTask,
      Map<String, List<String>> keysByTask) {
    if (kind.equals("sft")) {
      // Written responses are not compared.
      return new QualityReport.Agreement(null, "nominal", null, null, 0);
    }
    MeasurementLevel level = level(kind);
    List<List<Double>> values = new ArrayList<>();
    List<List<String>> labels = new ArrayList<>();
    Map<String, Double> nominalCodes = new java.util.HashMap<>();
    answersByTask.forEach(
        (task, answers) -> {
          if (answers.size() < 2) {
            return;
          }
          List<Double> unit = new ArrayList<>();
          for (int i = 0; i < answers.size(); i++) {
            String key = keysByTask.get(task).get(i);
            unit.add(
                switch (level) {
                  case ORDINAL -> pairwiseRank(key);
                  case INTERVAL -> meanScore(answers.get(i));
                  default -> nominalCodes.computeIfAbsent(key, k -> (double) nominalCodes.size());
                });
          }
          values.add(unit);
          labels.add(keysByTask.get(task));
        });
    if (values.isEmpty()) {
      return new QualityReport.Agreement(null, name(level), null, null, 0);
    }
    return new QualityReport.Agreement(
        finite(KrippendorffAlpha.alpha(values, level)),
        name(level),
        finite(FleissKappa.kappa(labels)),
        finite(PercentAgreement.pairwise(labels)),
        values.size());
  }

  private static double pairwiseRank(String choice) {
    return switch (choice) {
      case "A" -> 1;
      case "tie" -> 2;
      default -> 3;
    };
  }

  private static Double meanScore(JsonNode answer) {
    JsonNode scores = answer.get("scores");
    double sum = 0;
    int n = 0;
    if (scores != null) {
      for (JsonNode score : scores.values()) {
        sum += score.getNumberValue().doubleValue();
        n++;
      }
    }
    return n == 0 ? null : sum / n;
  }

  private static String name(MeasurementLevel level) {
    return level.name().toLowerCase(java.util.Locale.ROOT);
  }

  static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
