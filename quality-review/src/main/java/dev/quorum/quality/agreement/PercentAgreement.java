package dev.quorum.quality.agreement;

import java.util.Collection;
import java.util.List;

/**
 * Raw agreement without chance correction, as a companion to the kappa and alpha figures: easy to
 * explain to annotators, but inflated when one label dominates.
 */
public final class PercentAgreement {

  private PercentAgreement() {}

  /**
   * The share of agreeing rater pairs among all rater pairs formed within units. Pairs are pooled
   * over units, so a unit with many raters weighs more than one with two. Units with fewer than two
   * ratings form no pair and are ignored.
   *
   * @param labelsPerUnit for each unit, the label each of its raters gave, one element per rater
   * @return {@link Double#NaN} when no unit forms a pair
   */
  public static double pairwise(List<? extends Collection<String>> labelsPerUnit) {
    long agreeing = 0;
    long pairs = 0;
    for (Collection<String> labels : labelsPerUnit) {
      LabelCounts counts = LabelCounts.of(labels);
      // Ordered pairs count each pair twice on both sides of the ratio, which cancels.
      agreeing += counts.agreeingOrderedPairs();
      pairs += counts.orderedPairs();
    }
    return pairs == 0 ? Double.NaN : (double) agreeing / pairs;
  }
}
