package dev.quorum.quality.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsensusAgreementTest {

  @Test
  void shouldCompareOnlyUnitsWithAConsensus() {
    Map<String, String> annotator = Map.of("u1", "A", "u2", "B", "u3", "C", "u4", "A");
    Map<String, String> consensus = new HashMap<>();
    consensus.put("u1", "A");
    consensus.put("u2", "A");
    consensus.put("u3", "C");
    consensus.put("u4", null); // a tie: no consensus
    consensus.put("u5", "B"); // not labeled by this annotator
    assertThat(ConsensusAgreement.withConsensus(annotator, consensus))
        .isCloseTo(0.667, within(0.0005));
  }

  @Test
  void shouldBeUndefinedWithoutAnyConsensus() {
    assertThat(ConsensusAgreement.withConsensus(Map.of("u1", "A"), Map.of("u2", "A"))).isNaN();
  }
}
