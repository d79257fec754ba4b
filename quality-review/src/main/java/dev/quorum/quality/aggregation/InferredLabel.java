package dev.quorum.quality.aggregation;

import java.util.Objects;

/**
 * The label a method settles on for one question, and how sure it is (a share of votes or a
 * posterior probability, in [0, 1]; the method's documentation says which).
 */
public record InferredLabel(String question, String label, double confidence) {

  public InferredLabel {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(label, "label");
  }
}
