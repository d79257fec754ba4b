package dev.quorum.quality.aggregation;

import java.util.Objects;

/** One worker's label for one question, as the aggregation methods read it. */
public record Answer(String question, String worker, String label) {

  public Answer {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(worker, "worker");
    Objects.requireNonNull(label, "label");
  }
}
