package dev.quorum.quality.agreement;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Krippendorff's coincidence matrix over the distinct values that occur in pairable units. Each
 * pairable unit contributes one unit of weight in total per value it holds, spread over the pairs
 * it forms ({@code 1 / (m_u - 1)} per ordered pair), so that units coded by many coders do not
 * outweigh units coded by few.
 *
 * <p>Immutable: the arrays never leave this class.
 */
final class CoincidenceMatrix {

  private final double[] values;
  private final double[][] coincidences;
  private final double[] marginals;
  private final double total;

  private CoincidenceMatrix(double[] values, double[][] coincidences) {
    this.values = values;
    this.coincidences = coincidences;
    this.marginals = new double[values.length];
    double sum = 0;
    for (int c = 0; c < values.length; c++) {
      for (int k = 0; k < values.length; k++) {
        marginals[c] += coincidences[c][k];
      }
      sum += marginals[c];
    }
    this.total = sum;
  }

  /** Units with fewer than two values carry no information about agreement and are skipped. */
  static CoincidenceMatrix of(List<double[]> valuesPerUnit) {
    TreeSet<Double> distinct = new TreeSet<>();
    for (double[] unit : valuesPerUnit) {
      if (unit.length >= 2) {
        Arrays.stream(unit).forEach(distinct::add);
      }
    }
    double[] values = distinct.stream().mapToDouble(Double::doubleValue).toArray();
    double[][] coincidences = new double[values.length][values.length];
    for (double[] unit : valuesPerUnit) {
      int m = unit.length;
      if (m < 2) {
        continue;
      }
      int[] indices = Arrays.stream(unit).mapToInt(v -> Arrays.binarySearch(values, v)).toArray();
      double weight = 1.0 / (m - 1);
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < m; j++) {
          if (i != j) {
            coincidences[indices[i]][indices[j]] += weight;
          }
        }
      }
    }
    return new CoincidenceMatrix(values, coincidences);
  }

  int size() {
    return values.length;
  }

  double value(int index) {
    return values[index];
  }

  /** o_ck */
  double coincidence(int c, int k) {
    return coincidences[c][k];
  }

  /** n_c */
  double marginal(int c) {
    return marginals[c];
  }

  /** n, the number of pairable values. */
  double total() {
    return total;
  }
}
