package dev.quorum.quality.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairwiseConsensusTest {

  @Test
  void shouldTakeTheMostFrequentChoiceAndItsShare() {
    PairwiseConsensus.Result result = PairwiseConsensus.of(List.of("A", "B", "A"));
    assertThat(result.choice()).isEqualTo("A");
    assertThat(result.agreement()).isEqualTo(2.0 / 3);
    assertThat(PairwiseConsensus.of(List.of("B")).agreement()).isEqualTo(1.0);
  }

  @Test
  void shouldCallAnEvenSplitATie() {
    PairwiseConsensus.Result result = PairwiseConsensus.of(List.of("A", "B"));
    assertThat(result.choice()).isEqualTo("tie");
    assertThat(result.agreement()).isEqualTo(0.5);
  }
}
