package dev.quorum.quality.aggregation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Bradley-Terry strengths from pairwise comparisons: item {@code i} is preferred over {@code j}
 * with probability {@code 1 / (1 + exp(s_j - s_i))}, and the scores {@code s} maximise the
 * likelihood of the comparisons. A tie counts as half a win for each side.
 *
 * <p>Fitted by Newton's method with a backtracking line search, the Newton step solved by conjugate
 * gradients preconditioned with the Hessian's diagonal. The Hessian is a weighted graph Laplacian,
 * so a product with it is one pass over the distinct pairs and no matrix is ever built: the cost
 * grows with the pairs, not with the square of the items. Hunter's (2004) MM algorithm was tried
 * first and dropped: it needs a thousand iterations where Newton needs ten, and tens of thousands
 * once an item has almost only wins. The fit stops when every component of the log-likelihood
 * gradient is within {@value #TOLERANCE}.
 *
 * <p>The maximum-likelihood estimate exists only when every item, split from the rest in any way,
 * has won against the other side and lost against it: the graph "i won (or tied) against j" is
 * strongly connected. Otherwise (an item that never lost, never won, or groups never compared) the
 * likelihood keeps growing as scores run off to infinity. Only then, each item also gets {@value
 * #VIRTUAL_TIES} of a virtual tie against a fixed reference item of score 0: scores stay finite and
 * the order of the data is kept, and data whose MLE exists is fitted without any such term.
 */
public final class BradleyTerry {

  /** Weight of each item's virtual tie against the reference, used only without an MLE. */
  static final double VIRTUAL_TIES = 0.01;

  static final double TOLERANCE = 1e-9;
  static final int MAX_ITERATIONS = 200;

  private BradleyTerry() {}

  /** {@code leftScore}: 1 when left won, 0 when right won, 0.5 for a tie (or any share between). */
  public record Comparison(String left, String right, double leftScore) {

    public Comparison {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
      if (left.equals(right)) {
        throw new IllegalArgumentException("an item compared with itself: " + left);
      }
      if (!(leftScore >= 0 && leftScore <= 1)) {
        throw new IllegalArgumentException("leftScore must be within [0, 1]: " + leftScore);
      }
    }
  }

  /**
   * The fitted log-strengths, centred on mean 0. {@code maxAbsGradient} is the largest component of
   * the gradient of the maximised log-likelihood (with the virtual ties when {@code regularised})
   * at these scores; {@code iterations} counts Newton steps.
   */
  public record Fit(
      Map<String, Double> scores, double maxAbsGradient, int iterations, boolean regularised) {

    public Fit {
      scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }

    /** P(a is preferred over b). */
    public double probability(String a, String b) {
      return 1 / (1 + Math.exp(score(b) - score(a)));
    }

    private double score(String item) {
      Double score = scores.get(item);
      if (score == null) {
        throw new IllegalArgumentException("not among the compared items: " + item);
      }
      return score;
    }
  }

  public static Fit fit(List<Comparison> comparisons) {
    PairCounts pairs = PairCounts.of(comparisons);
    int n = pairs.items.length;
    boolean regularised = n > 1 && !pairs.stronglyConnected();
    BradleyTerryLikelihood likelihood =
        new BradleyTerryLikelihood(pairs, regularised ? VIRTUAL_TIES : 0);
    double[] score = new double[n];
    double[] gradient = new double[n];
    double[] curvature = new double[n];
    double[] step = new double[n];
    double[] trial = new double[n];
    double value = likelihood.value(score);
    double largest = likelihood.gradient(score, gradient, curvature);
    int iterations = 0;
    while (largest > TOLERANCE && iterations < MAX_ITERATIONS) {
      iterations++;
      if (!regularised) {
        centre(gradient); // the likelihood ignores a common shift: keep the step out of it
      }
      likelihood.newtonStep(gradient, curvature, step);
      double slope = BradleyTerryLikelihood.dot(gradient, step);
      double t = 1;
      double next = likelihood.value(move(score, step, t, trial));
      while (next < value + 1e-4 * t * slope && t > 1e-12) {
        t /= 2;
        next = likelihood.value(move(score, step, t, trial));
      }
      if (next <= value) {
        break; // no step increases the likelihood any more: as close as doubles get
      }
      System.arraycopy(trial, 0, score, 0, n);
      value = next;
      largest = likelihood.gradient(score, gradient, curvature);
    }

    centre(score);
    Map<String, Double> scores = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      scores.put(pairs.items[i], score[i]);
    }
    return new Fit(scores, largest, iterations, regularised);
  }

  /** trial = score + t x step. */
  private static double[] move(double[] score, double[] step, double t, double[] trial) {
    for (int i = 0; i < score.length; i++) {
      trial[i] = score[i] + t * step[i];
    }
    return trial;
  }

  private static void centre(double[] values) {
    double mean = 0;
    for (double v : values) {
      mean += v / values.length;
    }
    for (int i = 0; i < values.length; i++) {
      values[i] -= mean;
    }
  }
}
