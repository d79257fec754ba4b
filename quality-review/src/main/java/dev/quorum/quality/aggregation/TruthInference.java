package dev.quorum.quality.aggregation;

import java.util.List;

/** Infers each question's true label from the labels workers gave it. */
public interface TruthInference {

  /**
   * One result per question that has at least one answer, sorted by question. Every answer counts,
   * so a worker who answered a question twice is counted twice.
   */
  List<InferredLabel> infer(List<Answer> answers);
}
