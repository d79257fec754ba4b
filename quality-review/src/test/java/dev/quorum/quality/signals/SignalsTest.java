package dev.quorum.quality.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SignalsTest {

  private static List<Signals.Flag> flags(
      String kind, List<Signals.Judged> judged, Double p5, Map<String, String> consensus) {
    return Signals.evaluate(kind, judged, p5, consensus);
  }

  private static List<String> names(List<Signals.Flag> flags) {
    return flags.stream().map(Signals.Flag::signal).toList();
  }

  @Test
  void shouldFlagALeftHeavyAnnotatorButNotAFairOne() {
    Random random = new Random(7);
    List<Signals.Judged> biased = new ArrayList<>();
    List<Signals.Judged> fair = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      // 52 of 60 on the left: p ~ 1e-9.
      biased.add(
          new Signals.Judged("t" + i, i % 2 == 0 ? "A" : "B", i < 52 ? "left" : "right", null));
      fair.add(
          new Signals.Judged(
              "t" + i, i % 2 == 0 ? "A" : "B", random.nextBoolean() ? "left" : "right", null));
    }
    List<Signals.Flag> raised = flags("pairwise", biased, null, Map.of());
    assertThat(names(raised)).containsExactly("position-bias");
    assertThat(raised.get(0).evidence()).containsEntry("left", 52).containsEntry("right", 8);
    assertThat((Double) raised.get(0).evidence().get("pValue")).isLessThan(1e-6);
    assertThat(names(flags("pairwise", fair, null, Map.of()))).isEmpty();
    // Below the minimum number of judgements nothing is concluded.
    assertThat(names(flags("pairwise", biased.subList(0, 10), null, Map.of()))).isEmpty();
  }

  @Test
  void shouldFlagAnswersFasterThanTheProjectsFifthPercentile() {
    List<Signals.Judged> fast = new ArrayList<>();
    List<Signals.Judged> careful = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      fast.add(new Signals.Judged("t" + i, "k" + i, null, i < 20 ? 400L : 9000L));
      careful.add(new Signals.Judged("t" + i, "k" + i, null, i < 3 ? 400L : 9000L));
    }
    List<Signals.Flag> raised = flags("classification", fast, 1500.0, Map.of());
    assertThat(names(raised)).containsExactly("too-fast");
    assertThat(raised.get(0).evidence()).containsEntry("below", 20).containsEntry("timed", 30);
    assertThat(names(flags("classification", careful, 1500.0, Map.of()))).isEmpty();
    assertThat(names(flags("classification", fast, null, Map.of()))).isEmpty();
  }

  @Test
  void shouldFlagStraightLining() {
    List<Signals.Judged> same = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      same.add(new Signals.Judged("t" + i, i == 0 ? "[\"b\"]" : "[\"a\"]", null, null));
    }
    List<Signals.Flag> raised = flags("classification", same, null, Map.of());
    assertThat(names(raised)).containsExactly("straight-lining");
    assertThat(raised.get(0).evidence()).containsEntry("count", 24).containsEntry("judgements", 25);
    // SFT answers are never compared.
    assertThat(names(flags("sft", same, null, Map.of()))).isEmpty();
  }

  @Test
  void shouldFlagLowAgreementWithConsensus() {
    List<Signals.Judged> judged = new ArrayList<>();
    Map<String, String> consensus = new HashMap<>();
    for (int i = 0; i < 12; i++) {
      judged.add(new Signals.Judged("t" + i, i % 3 == 0 ? "x" + i : "y" + i, null, null));
      consensus.put("t" + i, "x" + i);
    }
    List<Signals.Flag> raised = flags("classification", judged, null, consensus);
    assertThat(names(raised)).containsExactly("low-agreement");
    assertThat(raised.get(0).evidence())
        .containsEntry("agreed", 4)
        .containsEntry("decidedTasks", 12);
    // With fewer decided tasks than the minimum, no flag.
    assertThat(names(flags("classification", judged.subList(0, 5), null, consensus))).isEmpty();
  }
}
