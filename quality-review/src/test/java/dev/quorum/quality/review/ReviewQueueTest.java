package dev.quorum.quality.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReviewQueueTest {

  @Test
  void shouldAuditLowTrustAndContestedWorkMoreOften() {
    assertThat(ReviewQueue.auditProbability(0.05, false, false)).isEqualTo(0.05);
    assertThat(ReviewQueue.auditProbability(0.05, false, true)).isCloseTo(0.2, within(1e-12));
    assertThat(ReviewQueue.auditProbability(0.05, true, false)).isEqualTo(0.5);
    assertThat(ReviewQueue.auditProbability(0.3, true, true)).isEqualTo(1.0);
    assertThat(ReviewQueue.auditProbability(0.0, false, true)).isZero();
  }

  @Test
  void shouldDrawTheSameForAnAssignmentAndUniformlyAcrossThem() {
    assertThat(ReviewQueue.draw("asg_1")).isEqualTo(ReviewQueue.draw("asg_1"));
    double[] draws =
        IntStream.range(0, 20_000).mapToDouble(i -> ReviewQueue.draw("asg_" + i)).toArray();
    assertThat(java.util.Arrays.stream(draws).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
    assertThat(java.util.Arrays.stream(draws).max().orElseThrow()).isLessThan(1.0);
    long belowFivePercent = java.util.Arrays.stream(draws).filter(d -> d < 0.05).count();
    // 1,000 expected; 5 standard deviations is about 154.
    assertThat(belowFivePercent).isBetween(846L, 1154L);
  }
}
