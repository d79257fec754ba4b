package dev.quorum.quality.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class KrippendorffAlphaTest {

  private static final Double N = null;

  /** Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 coders × 12 units. */
  private static final Double[][] KRIPPENDORFF_2011 = {
    {1.0, 2.0, 3.0, 3.0, 2.0, 1.0, 4.0, 1.0, 2.0, N, N, N},
    {1.0, 2.0, 3.0, 3.0, 2.0, 2.0, 4.0, 1.0, 2.0, 5.0, N, 3.0},
    {N, 3.0, 3.0, 3.0, 2.0, 3.0, 4.0, 2.0, 2.0, 5.0, 1.0, N},
    {1.0, 2.0, 3.0, 3.0, 2.0, 4.0, 4.0, 1.0, 2.0, 5.0, 1.0, N},
  };

  /** 3 coders × 15 units with many missing values. */
  private static final Double[][] THREE_CODERS = {
    {N, N, N, N, N, 3.0, 4.0, 1.0, 2.0, 1.0, 1.0, 3.0, 3.0, N, 3.0},
    {1.0, N, 2.0, 1.0, 3.0, 3.0, 4.0, 3.0, N, N, N, N, N, N, N},
    {N, N, 2.0, 1.0, 3.0, 4.0, 4.0, N, 2.0, 1.0, 1.0, 3.0, 3.0, N, 4.0},
  };

  @Test
  void shouldMatchKrippendorffsReferenceAtEveryLevel() {
    assertThat(KrippendorffAlpha.alpha(KRIPPENDORFF_2011, MeasurementLevel.NOMINAL))
        .isCloseTo(0.743, within(0.0005));
    assertThat(KrippendorffAlpha.alpha(KRIPPENDORFF_2011, MeasurementLevel.ORDINAL))
        .isCloseTo(0.815, within(0.0005));
    assertThat(KrippendorffAlpha.alpha(KRIPPENDORFF_2011, MeasurementLevel.INTERVAL))
        .isCloseTo(0.849, within(0.0005));
    assertThat(KrippendorffAlpha.alpha(KRIPPENDORFF_2011, MeasurementLevel.RATIO))
        .isCloseTo(0.797, within(0.0005));
  }

  @Test
  void shouldMatchTheThreeCoderReference() {
    assertThat(KrippendorffAlpha.alpha(THREE_CODERS, MeasurementLevel.NOMINAL))
        .isCloseTo(0.691, within(0.0005));
    assertThat(KrippendorffAlpha.alpha(THREE_CODERS, MeasurementLevel.INTERVAL))
        .isCloseTo(0.811, within(0.0005));
  }

  @Test
  void shouldGiveTheSameValueForValuesPerUnit() {
    // The reference data unit by unit, missing values left out and coders in another order.
    List<List<Double>> units =
        List.of(
            List.of(1.0, 1.0, 1.0),
            List.of(3.0, 2.0, 2.0, 2.0),
            List.of(3.0, 3.0, 3.0, 3.0),
            List.of(3.0, 3.0, 3.0, 3.0),
            List.of(2.0, 2.0, 2.0, 2.0),
            List.of(4.0, 3.0, 2.0, 1.0),
            List.of(4.0, 4.0, 4.0, 4.0),
            List.of(2.0, 1.0, 1.0, 1.0),
            List.of(2.0, 2.0, 2.0, 2.0),
            List.of(5.0, 5.0, 5.0),
            List.of(1.0, 1.0),
            List.of(3.0));
    assertThat(KrippendorffAlpha.alpha(units, MeasurementLevel.NOMINAL))
        .isCloseTo(0.743, within(0.0005));
    assertThat(KrippendorffAlpha.alpha(units, MeasurementLevel.ORDINAL))
        .isCloseTo(0.815, within(0.0005));
  }

  @Test
  void shouldIgnoreUnitsWithASingleValue() {
    List<List<Double>> units = List.of(List.of(1.0, 1.0), List.of(2.0, 2.0));
    List<List<Double>> withLoneValues =
        List.of(List.of(1.0, 1.0), List.of(7.0), List.of(2.0, 2.0), List.of());
    for (MeasurementLevel level : MeasurementLevel.values()) {
      assertThat(KrippendorffAlpha.alpha(units, level)).isEqualTo(1.0);
      assertThat(KrippendorffAlpha.alpha(withLoneValues, level)).isEqualTo(1.0);
    }
  }

  @Test
  void shouldBeUndefinedWithoutExpectedDisagreement() {
    List<List<Double>> oneValue = List.of(List.of(2.0, 2.0), List.of(2.0, 2.0, 2.0), List.of(5.0));
    assertThat(KrippendorffAlpha.alpha(oneValue, MeasurementLevel.NOMINAL)).isNaN();
    assertThat(KrippendorffAlpha.alpha(List.of(List.of(1.0)), MeasurementLevel.INTERVAL)).isNaN();
    assertThat(KrippendorffAlpha.alpha(List.<List<Double>>of(), MeasurementLevel.ORDINAL)).isNaN();
  }

  @Test
  void shouldGoBelowZeroForSystematicDisagreement() {
    List<List<Double>> units = List.of(List.of(1.0, 2.0), List.of(2.0, 1.0));
    // o_12 = o_21 = 2, n_1 = n_2 = 2, n = 4: 1 - 3 * 4 / 8 = -0.5.
    assertThat(KrippendorffAlpha.alpha(units, MeasurementLevel.NOMINAL))
        .isCloseTo(-0.5, within(0.0005));
  }

  @Test
  void shouldRejectNegativeValuesOnARatioScale() {
    List<List<Double>> units = List.of(List.of(-1.0, 1.0));
    assertThatThrownBy(() -> KrippendorffAlpha.alpha(units, MeasurementLevel.RATIO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
