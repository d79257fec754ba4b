package dev.quorum.quality.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Krippendorff's alpha, computed through the coincidence matrix as described in Krippendorff
 * (2011), "Computing Krippendorff's Alpha-Reliability". It tolerates any number of coders and
 * missing values, which is why it suits crowd labeling where each unit sees a different subset of
 * annotators.
 *
 * <p>The result is {@link Double#NaN} when the expected disagreement is zero, that is when the
 * pairable units hold fewer than two distinct values (or there are no pairable units): the data
 * cannot then distinguish reliable from unreliable coding, and neither 0 nor 1 would be honest.
 */
public final class KrippendorffAlpha {

  private KrippendorffAlpha() {}

  /**
   * @param valuesPerUnit for each unit, the values its coders gave; a missing value is simply
   *     absent (a {@code null} element is also read as missing). Units with fewer than two values
   *     are not pairable and are ignored.
   * @throws IllegalArgumentException for a non-finite value, or a negative one at the ratio level
   */
  public static double alpha(List<? extends List<Double>> valuesPerUnit, MeasurementLevel level) {
    Objects.requireNonNull(level, "level");
    List<double[]> units = new ArrayList<>(valuesPerUnit.size());
    for (List<Double> unit : valuesPerUnit) {
      units.add(
          unit.stream().filter(Objects::nonNull).mapToDouble(v -> checked(v, level)).toArray());
    }
    return alpha(CoincidenceMatrix.of(units), level);
  }

  /**
   * @param codersByUnits one row per coder, one column per unit; {@code null} is a missing value.
   *     Rows shorter than the longest one are padded with missing values.
   */
  public static double alpha(Double[][] codersByUnits, MeasurementLevel level) {
    int unitCount = 0;
    for (Double[] coder : codersByUnits) {
      unitCount = Math.max(unitCount, coder.length);
    }
    List<List<Double>> valuesPerUnit = new ArrayList<>(unitCount);
    for (int unit = 0; unit < unitCount; unit++) {
      List<Double> values = new ArrayList<>();
      for (Double[] coder : codersByUnits) {
        if (unit < coder.length && coder[unit] != null) {
          values.add(coder[unit]);
        }
      }
      valuesPerUnit.add(values);
    }
    return alpha(valuesPerUnit, level);
  }

  private static double alpha(CoincidenceMatrix matrix, MeasurementLevel level) {
    double observed = 0;
    double expected = 0;
    for (int c = 0; c < matrix.size(); c++) {
      for (int k = 0; k < matrix.size(); k++) {
        double delta = DifferenceFunction.squared(level, matrix, c, k);
        observed += matrix.coincidence(c, k) * delta;
        expected += matrix.marginal(c) * matrix.marginal(k) * delta;
      }
    }
    if (expected == 0) {
      return Double.NaN;
    }
    return 1 - (matrix.total() - 1) * observed / expected;
  }

  private static double checked(double value, MeasurementLevel level) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite value: " + value);
    }
    // The ratio metric divides by c + k, which only makes sense on a scale with a true zero.
    if (level == MeasurementLevel.RATIO && value < 0) {
      throw new IllegalArgumentException("negative value on a ratio scale: " + value);
    }
    // -0.0 and 0.0 would otherwise count as two distinct values of the matrix.
    return value + 0.0;
  }
}
