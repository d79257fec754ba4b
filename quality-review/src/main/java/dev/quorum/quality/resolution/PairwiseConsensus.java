package dev.quorum.quality.resolution;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Consensus over the pairwise judgements of one task: the share of the most frequent choice
 * (agreement) and that choice; an even split has no winner and counts as a tie.
 */
public final class PairwiseConsensus {

  private PairwiseConsensus() {}

  public record Result(String choice, double agreement) {}

  public static Result of(List<String> choices) {
    if (choices.isEmpty()) {
      throw new IllegalArgumentException("no judgements");
    }
    Map<String, Integer> counts = new TreeMap<>();
    choices.forEach(c -> counts.merge(c, 1, Integer::sum));
    int best = counts.values().stream().max(Integer::compare).orElseThrow();
    List<String> leaders =
        counts.entrySet().stream()
            .filter(e -> e.getValue() == best)
            .map(Map.Entry::getKey)
            .toList();
    String choice = leaders.size() == 1 ? leaders.get(0) : "tie";
    return new Result(choice, (double) best / choices.size());
  }
}
