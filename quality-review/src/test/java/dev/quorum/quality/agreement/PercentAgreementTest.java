package dev.quorum.quality.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercentAgreementTest {

  @Test
  void shouldPoolAgreeingPairsOverUnits() {
    List<List<String>> units =
        List.of(
            List.of("A", "A", "B"), // 3 pairs, 1 agrees
            List.of("A", "A"), // 1 pair, agrees
            List.of("B", "C"), // 1 pair, disagrees
            List.of("C")); // no pair
    assertThat(PercentAgreement.pairwise(units)).isCloseTo(0.400, within(0.0005));
  }

  @Test
  void shouldCountPairsNotRaters() {
    // 6 pairs, of which the three among the "A"s agree.
    assertThat(PercentAgreement.pairwise(List.of(List.of("A", "A", "A", "B"))))
        .isCloseTo(0.500, within(0.0005));
  }

  @Test
  void shouldBeUndefinedWithoutPairs() {
    assertThat(PercentAgreement.pairwise(List.of(List.of("A"), List.of()))).isNaN();
  }
}
