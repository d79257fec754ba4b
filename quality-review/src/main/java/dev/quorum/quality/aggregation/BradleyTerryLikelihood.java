package dev.quorum.quality.aggregation;

import java.util.Arrays;

/**
 * The log-likelihood of the pairs (plus, when {@code virtualTies > 0}, each item's virtual tie
 * against a reference of score 0), its gradient, and Newton steps.
 */
final class BradleyTerryLikelihood {
  private final PairCounts pairs;
  private final double virtualTies;
  private final double[] wins;

  /** Per pair: count x p x (1 - p) at the current scores, the weights of the Hessian. */
  private final double[] weight;

  /** Per item: the same for its virtual tie (0 without virtual ties). */
  private final double[] tieWeight;

  BradleyTerryLikelihood(PairCounts pairs, double virtualTies) {
    this.pairs = pairs;
    this.virtualTies = virtualTies;
    this.wins = new double[pairs.items.length];
    this.weight = new double[pairs.size()];
    this.tieWeight = new double[pairs.items.length];
    for (int p = 0; p < pairs.size(); p++) {
      wins[pairs.first[p]] += pairs.firstWins[p];
      wins[pairs.second[p]] += pairs.count[p] - pairs.firstWins[p];
    }
  }

  double value(double[] score) {
    double value = 0;
    for (int p = 0; p < pairs.size(); p++) {
      double d = score[pairs.first[p]] - score[pairs.second[p]];
      double firstWins = pairs.firstWins[p];
      value += firstWins * logSigmoid(d) + (pairs.count[p] - firstWins) * logSigmoid(-d);
    }
    for (double s : score) {
      value += virtualTies / 2 * (logSigmoid(s) + logSigmoid(-s));
    }
    return value;
  }

  /**
   * Fills {@code gradient} (wins minus expected wins) and {@code curvature} (minus the Hessian's
   * diagonal), and the pair weights for {@link #newtonStep}; returns the largest |gradient|.
   */
  double gradient(double[] score, double[] gradient, double[] curvature) {
    int n = score.length;
    for (int i = 0; i < n; i++) {
      double p = sigmoid(score[i]);
      gradient[i] = wins[i] + virtualTies / 2 - virtualTies * p;
      tieWeight[i] = virtualTies * p * (1 - p);
      curvature[i] = tieWeight[i];
    }
    for (int p = 0; p < pairs.size(); p++) {
      int i = pairs.first[p];
      int j = pairs.second[p];
      double pi = sigmoid(score[i] - score[j]);
      double expected = pairs.count[p] * pi;
      gradient[i] -= expected;
      gradient[j] -= pairs.count[p] - expected;
      weight[p] = expected * (1 - pi);
      curvature[i] += weight[p];
      curvature[j] += weight[p];
    }
    double max = 0;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, Math.abs(gradient[i]));
    }
    return max;
  }

  /**
   * Solves (minus Hessian) x step = gradient by conjugate gradients with the diagonal as
   * preconditioner. Minus the Hessian is positive semi-definite (a Laplacian, plus a diagonal with
   * the virtual ties); without the virtual ties it is singular along a common shift, which the
   * centred gradient has no part of.
   */
  void newtonStep(double[] gradient, double[] curvature, double[] step) {
    int n = gradient.length;
    double[] residual = gradient.clone();
    double[] preconditioned = new double[n];
    double[] direction = new double[n];
    double[] product = new double[n];
    Arrays.fill(step, 0);
    for (int i = 0; i < n; i++) {
      preconditioned[i] = precondition(residual[i], curvature[i]);
    }
    System.arraycopy(preconditioned, 0, direction, 0, n);
    double rho = dot(residual, preconditioned);
    double target = 1e-20 * dot(gradient, gradient);
    for (int k = 0; k < n && dot(residual, residual) > target; k++) {
      multiply(direction, product);
      double alpha = rho / dot(direction, product);
      for (int i = 0; i < n; i++) {
        step[i] += alpha * direction[i];
        residual[i] -= alpha * product[i];
        preconditioned[i] = precondition(residual[i], curvature[i]);
      }
      double next = dot(residual, preconditioned);
      for (int i = 0; i < n; i++) {
        direction[i] = preconditioned[i] + next / rho * direction[i];
      }
      rho = next;
    }
  }

  /**
   * An item whose every comparison is already certain (p rounds to 0 or 1) has no curvature; leave
   * its residual as it is rather than divide by zero.
   */
  private static double precondition(double residual, double curvature) {
    return curvature > 0 ? residual / curvature : residual;
  }

  /** product = (minus Hessian) x vector, from the weights of the last {@link #gradient}. */
  private void multiply(double[] vector, double[] product) {
    Arrays.fill(product, 0);
    for (int p = 0; p < pairs.size(); p++) {
      int i = pairs.first[p];
      int j = pairs.second[p];
      double flow = weight[p] * (vector[i] - vector[j]);
      product[i] += flow;
      product[j] -= flow;
    }
    for (int i = 0; i < vector.length; i++) {
      product[i] += tieWeight[i] * vector[i];
    }
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** log(sigmoid(x)) without overflow for large |x|. */
  static double logSigmoid(double x) {
    return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
  }

  static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
