package dev.quorum.quality.aggregation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The most frequent label of each question; its confidence is the winner's share of the votes.
 *
 * <p>A tie is broken at random rather than by name, so that no label is favoured across many tied
 * questions (the published majority-vote accuracies assume uniform tie-breaking). The choice is
 * still reproducible: the tied labels are taken in sorted order and one is drawn with a generator
 * seeded from the seed and the question, so the same seed and answers give the same labels in any
 * input order, while other seeds and other questions fall either way.
 */
public final class MajorityVote implements TruthInference {

  /** Spreads (seed, question) pairs over the generator's seeds; the golden-ratio constant. */
  private static final long MIX = 0x9E3779B97F4A7C15L;

  private final long seed;

  public MajorityVote(long seed) {
    this.seed = seed;
  }

  @Override
  public List<InferredLabel> infer(List<Answer> answers) {
    AnswerIndex index = AnswerIndex.of(answers);
    int[] counts = new int[index.labels.length];
    int[] tied = new int[index.labels.length];
    List<InferredLabel> result = new ArrayList<>(index.questionCount());
    for (int q = 0; q < index.questionCount(); q++) {
      int from = index.start[q];
      int to = index.start[q + 1];
      for (int a = from; a < to; a++) {
        counts[index.label[a]]++;
      }
      int best = 0;
      int ties = 0;
      for (int l = 0; l < counts.length; l++) {
        if (counts[l] > best) {
          best = counts[l];
          ties = 0;
        }
        if (counts[l] == best && best > 0) {
          tied[ties++] = l; // label ids ascend with the names: the candidates come out sorted
        }
      }
      int winner = ties == 1 ? tied[0] : tied[pick(index.questions[q], ties)];
      result.add(
          new InferredLabel(index.questions[q], index.labels[winner], (double) best / (to - from)));
      for (int a = from; a < to; a++) {
        counts[index.label[a]] = 0;
      }
    }
    return List.copyOf(result);
  }

  /**
   * SplittableRandom rather than Random: Random's first draws are correlated for nearby seeds, and
   * neighbouring seeds are what callers pass.
   */
  private int pick(String question, int candidates) {
    return new SplittableRandom(seed * MIX + question.hashCode()).nextInt(candidates);
  }
}
