package dev.quorum.quality.agreement;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fleiss' kappa (Fleiss 1971) for categorical labels from many raters.
 *
 * <p>Fleiss defined it for a fixed number of raters n per unit. Crowd labeling rarely has that, so
 * this uses the usual generalisation to a varying n_i: each unit's agreement is {@code P_i = sum_j
 * n_ij (n_ij - 1) / (n_i (n_i - 1))} with its own n_i, {@code P̄} is their unweighted mean, and the
 * category shares {@code p_j} are taken over all ratings of the counted units. With a constant n it
 * is exactly Fleiss' statistic. Units with fewer than two ratings are ignored altogether.
 *
 * <p>The result is {@link Double#NaN} when there is no counted unit, or when all ratings fall in a
 * single category (the chance agreement is then 1 and kappa is undefined).
 */
public final class FleissKappa {

  private FleissKappa() {}

  /**
   * @param labelsPerUnit for each unit, the label each of its raters gave, one element per rater
   *     (pass a list, not a set: repeated labels are the agreement)
   */
  public static double kappa(List<? extends Collection<String>> labelsPerUnit) {
    double agreementSum = 0;
    int units = 0;
    long ratings = 0;
    Map<String, Long> ratingsByLabel = new HashMap<>();
    for (Collection<String> labels : labelsPerUnit) {
      LabelCounts counts = LabelCounts.of(labels);
      if (!counts.pairable()) {
        continue;
      }
      agreementSum += (double) counts.agreeingOrderedPairs() / counts.orderedPairs();
      units++;
      ratings += counts.ratings();
      counts.byLabel().forEach((label, n) -> ratingsByLabel.merge(label, (long) n, Long::sum));
    }
    if (units == 0) {
      return Double.NaN;
    }
    double observed = agreementSum / units;
    double chance = 0;
    for (long n : ratingsByLabel.values()) {
      double share = (double) n / ratings;
      chance += share * share;
    }
    if (chance >= 1) {
      return Double.NaN;
    }
    return (observed - chance) / (1 - chance);
  }
}
