package dev.quorum.quality.resolution;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Consensus over the judgements of one task, each reduced to a key (the pairwise choice, the label
 * set, the order…): the most frequent key and its share (agreement). An even split between leaders
 * has no winner.
 */
public final class Consensus {

  private Consensus() {}

  /** {@code leader} is {@code null} when the most frequent keys are tied. */
  public record Result(@Nullable String leader, double agreement) {}

  public static Result of(List<String> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no judgements");
    }
    Map<String, Integer> counts = new TreeMap<>();
    keys.forEach(c -> counts.merge(c, 1, Integer::sum));
    int best = counts.values().stream().max(Integer::compare).orElseThrow();
    List<String> leaders =
        counts.entrySet().stream()
            .filter(e -> e.getValue() == best)
            .map(Map.Entry::getKey)
            .toList();
    return new Result(leaders.size() == 1 ? leaders.get(0) : null, (double) best / keys.size());
  }
}
