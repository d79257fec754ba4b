package dev.quorum.quality.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MajorityVoteTest {

  @Test
  void shouldTakeTheMostFrequentLabelWithItsShareSortedByQuestion() {
    List<Answer> answers =
        List.of(
            new Answer("q2", "w1", "cat"),
            new Answer("q1", "w1", "dog"),
            new Answer("q2", "w2", "dog"),
            new Answer("q1", "w2", "dog"),
            new Answer("q2", "w3", "cat"),
            new Answer("q1", "w3", "bird"));

    assertThat(new MajorityVote(1).infer(answers))
        .containsExactly(
            new InferredLabel("q1", "dog", 2.0 / 3), new InferredLabel("q2", "cat", 2.0 / 3));
  }

  @Test
  void shouldBreakTiesTheSameWayForTheSameSeedInAnyOrder() {
    List<Answer> answers = tiedQuestions(200);
    List<Answer> shuffled = new ArrayList<>(answers);
    Collections.shuffle(shuffled, new Random(3));

    List<InferredLabel> first = new MajorityVote(42).infer(answers);

    assertThat(new MajorityVote(42).infer(shuffled)).isEqualTo(first);
    assertThat(first).allSatisfy(l -> assertThat(l.confidence()).isEqualTo(0.5));
    assertThat(first).extracting(InferredLabel::label).contains("A", "B");
    long a = first.stream().filter(l -> l.label().equals("A")).count();
    assertThat(a).as("about half of 200 fair ties, within 5 sigma").isBetween(65L, 135L);
  }

  @Test
  void shouldBreakATieEitherWayDependingOnTheSeed() {
    List<Answer> answers = List.of(new Answer("q", "w1", "A"), new Answer("q", "w2", "B"));
    Set<String> winners = new HashSet<>();
    for (long seed = 0; seed < 64; seed++) {
      winners.add(new MajorityVote(seed).infer(answers).get(0).label());
    }
    assertThat(winners).containsExactlyInAnyOrder("A", "B");
  }

  @Test
  void shouldGiveNothingForNoAnswers() {
    assertThat(new MajorityVote(0).infer(List.of())).isEmpty();
  }

  /** Questions q000…, each with one answer A and one answer B. */
  static List<Answer> tiedQuestions(int count) {
    List<Answer> answers = new ArrayList<>();
    for (int q = 0; q < count; q++) {
      String question = String.format("q%03d", q);
      answers.add(new Answer(question, "w1", "A"));
      answers.add(new Answer(question, "w2", "B"));
    }
    return answers;
  }
}
