package dev.quorum.quality.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrustTest {

  @Test
  void shouldBeTheBetaPosteriorMeanWithItsCredibleInterval() {
    Trust none = Trust.of(0, 0);
    assertThat(none.mean()).isEqualTo(0.5);
    // Uniform prior: the 95% interval is [0.025, 0.975].
    assertThat(none.lower()).isCloseTo(0.025, within(1e-9));
    assertThat(none.upper()).isCloseTo(0.975, within(1e-9));
    Trust some = Trust.of(8, 10);
    assertThat(some.mean()).isCloseTo(0.75, within(1e-12));
    // Beta(9, 3): 2.5% and 97.5% quantiles.
    assertThat(some.lower()).isCloseTo(0.4822, within(1e-3));
    assertThat(some.upper()).isCloseTo(0.9398, within(1e-3));
  }

  @Test
  void shouldNarrowWithMoreEvidenceAtTheSameShare() {
    Trust few = Trust.of(8, 10);
    Trust many = Trust.of(800, 1000);
    assertThat(many.upper() - many.lower()).isLessThan((few.upper() - few.lower()) / 5);
    assertThat(many.mean()).isCloseTo(0.8, within(1e-3));
  }
}
