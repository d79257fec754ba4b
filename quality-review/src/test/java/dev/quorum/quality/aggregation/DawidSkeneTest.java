package dev.quorum.quality.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DawidSkeneTest {

  /** Five workers of known accuracy label 600 binary questions; three of them are poor. */
  private static final double[] ACCURACY = {0.95, 0.85, 0.6, 0.55, 0.55};

  @Test
  void shouldTrustTheGoodWorkersMoreThanMajorityVoteDoes() {
    Map<String, String> truth = new HashMap<>();
    List<Answer> answers = simulate(truth);

    DawidSkene.Result result = new DawidSkene().fit(answers);
    double ds = accuracy(result.labels(), truth);
    double mv = accuracy(new MajorityVote(1).infer(answers), truth);

    assertThat(ds).isGreaterThan(mv + 0.05);
    assertThat(ds).isGreaterThan(0.9);
    assertThat(result.iterations()).isBetween(1, DawidSkene.MAX_ITERATIONS);
    for (int w = 0; w < ACCURACY.length; w++) {
      assertThat(result.workers().get("w" + w).accuracy())
          .as("estimated accuracy of w%d", w)
          .isCloseTo(ACCURACY[w], within(0.05));
    }
    assertThat(result.priors().values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(1, within(1e-9));
    Map<String, Double> row = result.workers().get("w0").confusion().get("yes");
    assertThat(row.get("yes") + row.get("no")).isCloseTo(1, within(1e-9));
  }

  @Test
  void shouldGiveTheSameLabelsInAnyInputOrderSortedByQuestion() {
    List<Answer> answers = simulate(new HashMap<>());
    List<Answer> shuffled = new ArrayList<>(answers);
    Collections.shuffle(shuffled, new Random(5));

    List<InferredLabel> labels = new DawidSkene().infer(answers);

    assertThat(new DawidSkene().infer(shuffled)).isEqualTo(labels);
    assertThat(labels)
        .hasSize(600)
        .isSortedAccordingTo((a, b) -> a.question().compareTo(b.question()));
    assertThat(labels).allSatisfy(l -> assertThat(l.confidence()).isBetween(0.5, 1.0));
  }

  @Test
  void shouldBeSureOfAUnanimousQuestion() {
    List<Answer> answers = new ArrayList<>(simulate(new HashMap<>()));
    for (int w = 0; w < ACCURACY.length; w++) {
      answers.add(new Answer("unanimous", "w" + w, "no"));
    }

    InferredLabel label =
        new DawidSkene()
            .infer(answers).stream()
                .filter(l -> l.question().equals("unanimous"))
                .findFirst()
                .orElseThrow();

    assertThat(label.label()).isEqualTo("no");
    assertThat(label.confidence()).isGreaterThan(0.99);
  }

  @Test
  void shouldStopBeforeTheLimitOnceNoPosteriorMoves() {
    List<Answer> answers = new ArrayList<>();
    for (int q = 0; q < 50; q++) {
      for (int w = 0; w < 3; w++) {
        answers.add(new Answer("q" + q, "w" + w, q % 3 == 0 ? "yes" : "no"));
      }
    }

    DawidSkene.Result result = new DawidSkene().fit(answers);

    assertThat(result.converged()).isTrue();
    assertThat(result.iterations()).isLessThan(DawidSkene.MAX_ITERATIONS);
    assertThat(result.workers().get("w1").accuracy()).isGreaterThan(0.99);
  }

  private static List<Answer> simulate(Map<String, String> truth) {
    Random random = new Random(11);
    List<Answer> answers = new ArrayList<>();
    for (int q = 0; q < 600; q++) {
      String question = String.format("q%03d", q);
      boolean yes = random.nextDouble() < 0.4;
      truth.put(question, yes ? "yes" : "no");
      for (int w = 0; w < ACCURACY.length; w++) {
        boolean right = random.nextDouble() < ACCURACY[w];
        answers.add(new Answer(question, "w" + w, yes == right ? "yes" : "no"));
      }
    }
    return answers;
  }

  private static double accuracy(List<InferredLabel> labels, Map<String, String> truth) {
    return labels.stream().filter(l -> l.label().equals(truth.get(l.question()))).count()
        / (double) truth.size();
  }
}
