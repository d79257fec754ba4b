package dev.quorum.quality.agreement;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** How many raters of one unit chose each label: the n_ij of one row of Fleiss' table. */
record LabelCounts(Map<String, Integer> byLabel, int ratings) {

  LabelCounts {
    byLabel = Map.copyOf(byLabel);
  }

  /** A rating without a label is a caller error, not a missing value: it would skew n_i. */
  static LabelCounts of(Collection<String> labels) {
    Map<String, Integer> counts = new HashMap<>();
    for (String label : labels) {
      counts.merge(Objects.requireNonNull(label, "label"), 1, Integer::sum);
    }
    return new LabelCounts(counts, labels.size());
  }

  /** Units with a single rating form no pair and say nothing about agreement. */
  boolean pairable() {
    return ratings >= 2;
  }

  /** Ordered pairs of distinct raters that chose the same label: sum over j of n_ij (n_ij - 1). */
  long agreeingOrderedPairs() {
    long pairs = 0;
    for (int count : byLabel.values()) {
      pairs += (long) count * (count - 1);
    }
    return pairs;
  }

  long orderedPairs() {
    return (long) ratings * (ratings - 1);
  }
}
