package dev.quorum.quality.resolution;

import dev.quorum.quality.aggregation.BradleyTerry;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bradley-Terry over a task's judgements, kept with its outcome: for a pairwise task the
 * probability that the customer's A is preferred (ties half a win each); for a ranking task a score
 * per response and the order they give, which no single judgement may match exactly.
 */
final class Preferences {

  private Preferences() {}

  /** What to add to the outcome's consensus document; empty for other kinds. */
  static Map<String, Object> of(String kind, List<JsonNode> answers) {
    List<BradleyTerry.Comparison> comparisons = new ArrayList<>();
    switch (kind) {
      case "pairwise" -> answers.forEach(a -> comparisons.add(pairwise(a)));
      case "ranking" -> answers.forEach(a -> comparisons.addAll(ranking(a)));
      default -> {
        return Map.of();
      }
    }
    if (comparisons.isEmpty()) {
      return Map.of();
    }
    BradleyTerry.Fit fit = BradleyTerry.fit(comparisons);
    Map<String, Object> document = new LinkedHashMap<>();
    if (kind.equals("pairwise")) {
      document.put("preferenceA", fit.probability("A", "B"));
      return document;
    }
    List<String> order = new ArrayList<>(fit.scores().keySet());
    order.sort(Comparator.comparing((String id) -> fit.scores().get(id)).reversed());
    document.put("scores", fit.scores());
    document.put("order", order);
    return document;
  }

  private static BradleyTerry.Comparison pairwise(JsonNode answer) {
    String choice = answer.get("choice").getStringValue();
    double scoreA = choice.equals("A") ? 1 : choice.equals("B") ? 0 : 0.5;
    return new BradleyTerry.Comparison("A", "B", scoreA);
  }

  /** Every pair of a full order: the one ranked higher wins. */
  private static List<BradleyTerry.Comparison> ranking(JsonNode answer) {
    List<String> order = new ArrayList<>();
    answer.get("order").values().forEach(v -> order.add(v.getStringValue()));
    List<BradleyTerry.Comparison> comparisons = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      for (int j = i + 1; j < order.size(); j++) {
        comparisons.add(new BradleyTerry.Comparison(order.get(i), order.get(j), 1));
      }
    }
    return comparisons;
  }
}
