package dev.quorum.quality.agreement;

/**
 * The squared difference δ²_ck between two values of a coincidence matrix, addressed by their
 * indices because the ordinal metric depends on the frequencies of the values between them rather
 * than on the values themselves.
 */
final class DifferenceFunction {

  private DifferenceFunction() {}

  static double squared(MeasurementLevel level, CoincidenceMatrix matrix, int c, int k) {
    if (c == k) {
      return 0;
    }
    double vc = matrix.value(c);
    double vk = matrix.value(k);
    return switch (level) {
      case NOMINAL -> 1;
      case ORDINAL -> ordinal(matrix, Math.min(c, k), Math.max(c, k));
      case INTERVAL -> (vc - vk) * (vc - vk);
      case RATIO -> {
        // c != k and both are non-negative, so the sum is positive.
        double ratio = (vc - vk) / (vc + vk);
        yield ratio * ratio;
      }
    };
  }

  /**
   * Half of each end rank counts: the distance between adjacent ranks is the mean of their
   * frequencies, so a rare value in between separates ranks less than a common one.
   */
  private static double ordinal(CoincidenceMatrix matrix, int low, int high) {
    double between = 0;
    for (int g = low; g <= high; g++) {
      between += matrix.marginal(g);
    }
    double distance = between - (matrix.marginal(low) + matrix.marginal(high)) / 2;
    return distance * distance;
  }
}
