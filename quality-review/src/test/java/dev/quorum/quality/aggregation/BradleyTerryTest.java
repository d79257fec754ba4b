package dev.quorum.quality.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quorum.quality.aggregation.BradleyTerry.Comparison;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BradleyTerryTest {

  @Test
  void shouldGiveTheObservedShareForTwoItems() {
    List<Comparison> comparisons =
        List.of(
            new Comparison("A", "B", 1),
            new Comparison("A", "B", 1),
            new Comparison("B", "A", 0),
            new Comparison("B", "A", 1));

    BradleyTerry.Fit fit = BradleyTerry.fit(comparisons);

    assertThat(fit.probability("A", "B")).isCloseTo(0.75, within(1e-9));
    assertThat(fit.probability("B", "A")).isCloseTo(0.25, within(1e-9));
    assertThat(fit.scores().get("A") + fit.scores().get("B")).isCloseTo(0, within(1e-12));
    assertThat(fit.regularised()).isFalse();
  }

  @Test
  void shouldFindTheMaximumLikelihoodAndTheTrueOrderOnSimulatedComparisons() {
    Random random = new Random(20261124);
    int items = 30;
    double[] ability = new double[items];
    for (int i = 0; i < items; i++) {
      ability[i] = random.nextGaussian() * 1.5;
    }
    List<Comparison> comparisons = new ArrayList<>();
    int ties = 0;
    for (int c = 0; c < 4000; c++) {
      int left = random.nextInt(items);
      int right = random.nextInt(items - 1);
      right = right >= left ? right + 1 : right;
      double p = 1 / (1 + Math.exp(ability[right] - ability[left]));
      double leftScore;
      if (Math.abs(ability[left] - ability[right]) < 0.3 && random.nextDouble() < 0.3) {
        leftScore = 0.5;
        ties++;
      } else {
        leftScore = random.nextDouble() < p ? 1 : 0;
      }
      comparisons.add(new Comparison(name(left), name(right), leftScore));
    }
    assertThat(ties).as("the data has ties").isGreaterThan(20);

    BradleyTerry.Fit fit = BradleyTerry.fit(comparisons);

    assertThat(fit.regularised()).isFalse();
    assertThat(fit.maxAbsGradient()).isLessThan(1e-6);
    assertThat(maxAbsGradient(comparisons, fit.scores()))
        .as("the log-likelihood gradient, computed here from the scores")
        .isLessThan(1e-6);
    double[] fitted = new double[items];
    for (int i = 0; i < items; i++) {
      fitted[i] = fit.scores().get(name(i));
    }
    assertThat(spearman(ability, fitted)).isGreaterThanOrEqualTo(0.95);
    assertThat(Arrays.stream(fitted).sum()).isCloseTo(0, within(1e-9));
  }

  @Test
  void shouldKeepScoresFiniteWhenAnItemNeverLostOrNeverWon() {
    List<Comparison> comparisons = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      comparisons.add(new Comparison("champion", "B", 1));
      comparisons.add(new Comparison("C", "champion", 0));
      comparisons.add(new Comparison("B", "C", i % 2));
      comparisons.add(new Comparison("loser", "C", 0));
    }

    BradleyTerry.Fit fit = BradleyTerry.fit(comparisons);

    assertThat(fit.regularised()).isTrue();
    assertThat(fit.iterations()).isLessThan(BradleyTerry.MAX_ITERATIONS);
    assertThat(fit.maxAbsGradient()).isLessThan(1e-6);
    assertThat(fit.scores().values()).allSatisfy(s -> assertThat(s).isFinite());
    Map<String, Double> s = fit.scores();
    assertThat(s.get("champion")).isGreaterThan(s.get("B")).isGreaterThan(s.get("loser"));
    assertThat(s.get("champion")).isGreaterThan(s.get("C")).isGreaterThan(s.get("loser"));
    assertThat(fit.probability("champion", "loser")).isGreaterThan(0.99);
  }

  @Test
  void shouldScoreGroupsThatWereNeverComparedWithEachOther() {
    List<Comparison> comparisons =
        List.of(
            new Comparison("A", "B", 1),
            new Comparison("B", "A", 1),
            new Comparison("A", "B", 1),
            new Comparison("X", "Y", 0.5));

    BradleyTerry.Fit fit = BradleyTerry.fit(comparisons);

    assertThat(fit.regularised()).isTrue();
    assertThat(fit.probability("A", "B")).isCloseTo(2.0 / 3, within(0.01));
    assertThat(fit.probability("X", "Y")).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void shouldRejectWhatIsNotAComparison() {
    assertThatThrownBy(() -> new Comparison("A", "A", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Comparison("A", "B", 1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Comparison("A", "B", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> BradleyTerry.fit(List.of(new Comparison("A", "B", 1))).probability("A", "Z"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String name(int item) {
    return "item-" + item;
  }

  /** d logL / d s_i = sum over i's comparisons of (i's score - P(i preferred)). */
  private static double maxAbsGradient(List<Comparison> comparisons, Map<String, Double> scores) {
    Map<String, Double> gradient = new java.util.HashMap<>();
    for (Comparison c : comparisons) {
      double p = 1 / (1 + Math.exp(scores.get(c.right()) - scores.get(c.left())));
      gradient.merge(c.left(), c.leftScore() - p, Double::sum);
      gradient.merge(c.right(), p - c.leftScore(), Double::sum);
    }
    return gradient.values().stream().mapToDouble(Math::abs).max().orElse(0);
  }

  /** Spearman's rank correlation; the values here have no ties. */
  private static double spearman(double[] a, double[] b) {
    double[] ra = ranks(a);
    double[] rb = ranks(b);
    double n = a.length;
    double d2 = 0;
    for (int i = 0; i < a.length; i++) {
      d2 += (ra[i] - rb[i]) * (ra[i] - rb[i]);
    }
    return 1 - 6 * d2 / (n * (n * n - 1));
  }

  private static double[] ranks(double[] values) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
    double[] rank = new double[values.length];
    for (int r = 0; r < order.length; r++) {
      rank[order[r]] = r;
    }
    return rank;
  }
}
