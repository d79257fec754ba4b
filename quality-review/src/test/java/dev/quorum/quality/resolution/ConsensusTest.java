package dev.quorum.quality.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsensusTest {

  @Test
  void shouldTakeTheMostFrequentKeyAndItsShare() {
    Consensus.Result result = Consensus.of(List.of("A", "B", "A"));
    assertThat(result.leader()).isEqualTo("A");
    assertThat(result.agreement()).isEqualTo(2.0 / 3);
    assertThat(Consensus.of(List.of("B")).agreement()).isEqualTo(1.0);
  }

  @Test
  void shouldHaveNoLeaderForAnEvenSplit() {
    Consensus.Result result = Consensus.of(List.of("A", "B"));
    assertThat(result.leader()).isNull();
    assertThat(result.agreement()).isEqualTo(0.5);
  }
}
