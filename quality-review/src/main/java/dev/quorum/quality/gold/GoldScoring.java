package dev.quorum.quality.gold;

import dev.quorum.dispatch.lease.GoldScorer;
import dev.quorum.dispatch.project.ProjectSettings;
import dev.quorum.dispatch.project.QualitySettings;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gold scoring per kind, as the project's quality settings say: pairwise choice (ties strict or
 * lenient), classification (exact set or overlap), ranking (Kendall tau at or above a threshold),
 * rating (every score within a tolerance). SFT answers are never scored automatically.
 */
@Singleton
public class GoldScoring implements GoldScorer {

  @Override
  public Optional<Boolean> correct(
      String kind, ProjectSettings settings, JsonNode answer, JsonNode expected) {
    QualitySettings quality = settings.quality();
    return switch (kind) {
      case "pairwise" -> Optional.of(pairwise(answer, expected, quality.pairwiseTies()));
      case "classification" ->
          Optional.of(classification(answer, expected, quality.classificationMatch()));
      case "ranking" ->
          Optional.of(kendallTau(order(answer), order(expected)) >= quality.rankingMinTau());
      case "rating" -> Optional.of(rating(answer, expected, quality.ratingTolerance()));
      default -> Optional.empty();
    };
  }

  static boolean pairwise(JsonNode answer, JsonNode expected, String ties) {
    String given = text(answer, "choice");
    String wanted = text(expected, "choice");
    if (ties.equals("lenient") && ("tie".equals(given) || "tie".equals(wanted))) {
      return true;
    }
    return wanted != null && wanted.equals(given);
  }

  static boolean classification(JsonNode answer, JsonNode expected, String match) {
    Set<String> given = labels(answer);
    Set<String> wanted = labels(expected);
    if (match.equals("overlap")) {
      given.retainAll(wanted);
      return !given.isEmpty();
    }
    return given.equals(wanted);
  }

  static boolean rating(JsonNode answer, JsonNode expected, int tolerance) {
    JsonNode wanted = expected.get("scores");
    JsonNode given = answer.get("scores");
    if (wanted == null || given == null) {
      return false;
    }
    for (Map.Entry<String, JsonNode> score : wanted.entries()) {
      JsonNode mine = given.get(score.getKey());
      if (mine == null
          || Math.abs(
                  mine.getNumberValue().doubleValue()
                      - score.getValue().getNumberValue().doubleValue())
              > tolerance) {
        return false;
      }
    }
    return true;
  }

  /**
   * Kendall's tau between two orders of the same items (tau-a over the items both contain): 1 for
   * the same order, -1 for the reverse.
   */
  public static double kendallTau(List<String> first, List<String> second) {
    List<String> common = new ArrayList<>(first);
    common.retainAll(second);
    int n = common.size();
    if (n < 2) {
      return first.equals(second) ? 1 : 0;
    }
    int concordant = 0;
    int discordant = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        // i comes before j in the first order; is it also before j in the second?
        boolean same = second.indexOf(common.get(i)) < second.indexOf(common.get(j));
        if (same) {
          concordant++;
        } else {
          discordant++;
        }
      }
    }
    return (concordant - discordant) / (n * (n - 1) / 2.0);
  }

  private static List<String> order(JsonNode answer) {
    List<String> order = new ArrayList<>();
    JsonNode values = answer.get("order");
    if (values != null) {
      values.values().forEach(v -> order.add(v.getStringValue()));
    }
    return order;
  }

  private static Set<String> labels(JsonNode answer) {
    Set<String> labels = new HashSet<>();
    JsonNode values = answer.get("labels");
    if (values != null) {
      values.values().forEach(v -> labels.add(v.getStringValue()));
    }
    return labels;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isString() ? null : value.getStringValue();
  }
}
