package dev.quorum.quality.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleissKappaTest {

  /** Fleiss (1971)'s example as given on Wikipedia: 10 subjects, 14 raters, categories 1..5. */
  private static final int[][] FLEISS_1971 = {
    {0, 0, 0, 0, 14},
    {0, 2, 6, 4, 2},
    {0, 0, 3, 5, 6},
    {0, 3, 9, 2, 0},
    {2, 2, 8, 1, 1},
    {7, 7, 0, 0, 0},
    {3, 2, 6, 3, 0},
    {2, 5, 3, 2, 2},
    {6, 5, 2, 1, 0},
    {0, 2, 2, 3, 7},
  };

  @Test
  void shouldMatchFleissExample() {
    assertThat(FleissKappa.kappa(labelsFromCounts(FLEISS_1971))).isCloseTo(0.210, within(0.0005));
  }

  @Test
  void shouldBeOneForPerfectAgreement() {
    List<List<String>> units =
        List.of(List.of("cat", "cat", "cat"), List.of("dog", "dog"), List.of("cat", "cat"));
    assertThat(FleissKappa.kappa(units)).isEqualTo(1.0);
  }

  @Test
  void shouldUseEachUnitsOwnNumberOfRaters() {
    List<List<String>> units = List.of(List.of("A", "A", "B"), List.of("A", "A"), List.of("B"));
    // P_1 = 2/6, P_2 = 2/2, P̄ = 2/3; the lone "B" is not counted: p_A = 4/5, p_B = 1/5,
    // P_e = 0.68, kappa = (2/3 - 0.68) / 0.32 = -0.0417.
    assertThat(FleissKappa.kappa(units)).isCloseTo(-0.042, within(0.0005));
  }

  @Test
  void shouldBeUndefinedWithoutChanceDisagreementOrUnits() {
    assertThat(FleissKappa.kappa(List.of(List.of("A", "A"), List.of("A", "A", "A")))).isNaN();
    assertThat(FleissKappa.kappa(List.of(List.of("A"), List.of("B")))).isNaN();
  }

  private static List<List<String>> labelsFromCounts(int[][] countsPerUnit) {
    List<List<String>> units = new ArrayList<>();
    for (int[] counts : countsPerUnit) {
      List<String> labels = new ArrayList<>();
      for (int category = 0; category < counts.length; category++) {
        for (int i = 0; i < counts[category]; i++) {
          labels.add(String.valueOf(category + 1));
        }
      }
      units.add(labels);
    }
    return units;
  }
}
