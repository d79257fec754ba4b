package dev.quorum.quality.signals;

import io.micronaut.core.annotation.Nullable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.BinomialTest;

/** The tests behind the flags, on one annotator's judgements in one project. */
public final class Signals {

  /** Fewer judgements than this tell nothing about a habit. */
  static final int MIN_JUDGEMENTS = 20;

  static final int MIN_PROJECT_DURATIONS = 20;
  static final double POSITION_BIAS_P = 0.001;
  static final double TOO_FAST_SHARE = 0.3;
  static final double STRAIGHT_LINE_SHARE = 0.9;
  static final int MIN_DECIDED_TASKS = 10;
  static final double LOW_AGREEMENT = 0.5;

  private Signals() {}

  /**
   * One judgement as the signals see it.
   *
   * @param key what consensus compares (the choice, the label set…)
   * @param side {@code left} or {@code right} for a pairwise choice as shown; null for ties
   */
  public record Judged(
      String taskId, String key, @Nullable String side, @Nullable Long durationMs) {}

  /** A raised flag: which signal, a sentence for people, and the numbers behind it. */
  public record Flag(String signal, String detail, Map<String, Object> evidence) {}

  public static List<Flag> evaluate(
      String kind,
      List<Judged> judged,
      @Nullable Double projectFifthPercentileMs,
      Map<String, String> consensusByTask) {
    var flags = new java.util.ArrayList<Flag>();
    if (kind.equals("pairwise")) {
      positionBias(judged).ifPresent(flags::add);
    }
    tooFast(judged, projectFifthPercentileMs).ifPresent(flags::add);
    if (!kind.equals("sft")) {
      straightLining(judged).ifPresent(flags::add);
      lowAgreement(judged, consensusByTask).ifPresent(flags::add);
    }
    return flags;
  }

  /**
   * The share of left choices against the randomised order: with sides shuffled per assignment, a
   * fair annotator picks left about half of the time; a two-sided binomial test says how unlikely
   * their count is.
   */
  static java.util.Optional<Flag> positionBias(List<Judged> judged) {
    int left = 0;
    int right = 0;
    for (Judged j : judged) {
      if ("left".equals(j.side())) {
        left++;
      } else if ("right".equals(j.side())) {
        right++;
      }
    }
    int n = left + right;
    if (n < MIN_JUDGEMENTS) {
      return java.util.Optional.empty();
    }
    double p =
        BinomialTest.withDefaults()
            .with(AlternativeHypothesis.TWO_SIDED)
            .test(n, left, 0.5)
            .getPValue();
    if (p >= POSITION_BIAS_P) {
      return java.util.Optional.empty();
    }
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("left", left);
    evidence.put("right", right);
    evidence.put("leftShare", (double) left / n);
    evidence.put("pValue", p);
    return java.util.Optional.of(
        new Flag(
            "position-bias",
            String.format(
                Locale.ROOT,
                "chose the left response %d of %d times although the sides are shuffled"
                    + " (binomial test p = %.2g)",
                left,
                n,
                p),
            evidence));
  }

  static java.util.Optional<Flag> tooFast(List<Judged> judged, @Nullable Double p5) {
    if (p5 == null) {
      return java.util.Optional.empty();
    }
    int timed = 0;
    int below = 0;
    for (Judged j : judged) {
      if (j.durationMs() != null) {
        timed++;
        if (j.durationMs() < p5) {
          below++;
        }
      }
    }
    if (timed < MIN_JUDGEMENTS || (double) below / timed < TOO_FAST_SHARE) {
      return java.util.Optional.empty();
    }
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("fifthPercentileMs", p5);
    evidence.put("below", below);
    evidence.put("timed", timed);
    evidence.put("share", (double) below / timed);
    return java.util.Optional.of(
        new Flag(
            "too-fast",
            String.format(
                Locale.ROOT,
                "%d of %d answers took less than the project's 5th percentile (%.0f ms)",
                below,
                timed,
                p5),
            evidence));
  }

  static java.util.Optional<Flag> straightLining(List<Judged> judged) {
    if (judged.size() < MIN_JUDGEMENTS) {
      return java.util.Optional.empty();
    }
    Map<String, Integer> counts = new HashMap<>();
    judged.forEach(j -> counts.merge(j.key(), 1, Integer::sum));
    var top = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
    double share = (double) top.getValue() / judged.size();
    if (share < STRAIGHT_LINE_SHARE) {
      return java.util.Optional.empty();
    }
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("answer", top.getKey());
    evidence.put("count", top.getValue());
    evidence.put("judgements", judged.size());
    evidence.put("share", share);
    return java.util.Optional.of(
        new Flag(
            "straight-lining",
            String.format(
                Locale.ROOT,
                "gave the same answer to %d of %d tasks (%.0f%%)",
                top.getValue(),
                judged.size(),
                share * 100),
            evidence));
  }

  static java.util.Optional<Flag> lowAgreement(
      List<Judged> judged, Map<String, String> consensusByTask) {
    int compared = 0;
    int agreed = 0;
    for (Judged j : judged) {
      String consensus = consensusByTask.get(j.taskId());
      if (consensus != null) {
        compared++;
        if (consensus.equals(j.key())) {
          agreed++;
        }
      }
    }
    if (compared < MIN_DECIDED_TASKS || (double) agreed / compared >= LOW_AGREEMENT) {
      return java.util.Optional.empty();
    }
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("agreed", agreed);
    evidence.put("decidedTasks", compared);
    evidence.put("agreement", (double) agreed / compared);
    return java.util.Optional.of(
        new Flag(
            "low-agreement",
            String.format(
                Locale.ROOT,
                "agreed with the consensus on %d of %d decided tasks",
                agreed,
                compared),
            evidence));
  }
}
