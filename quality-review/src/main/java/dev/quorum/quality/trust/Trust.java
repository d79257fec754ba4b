package dev.quorum.quality.trust;

import io.micronaut.serde.annotation.Serdeable;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Trust in one annotator on one project: the Beta(1 + correct, 1 + wrong) posterior over their
 * scored work (gold results and review verdicts) from a uniform prior, with its 95% credible
 * interval, so that ten answers and a thousand with the same share are told apart.
 */
@Serdeable
public record Trust(double mean, double lower, double upper, int scored, int correct) {

  public static Trust of(int correct, int scored) {
    BetaDistribution posterior = BetaDistribution.of(1.0 + correct, 1.0 + scored - correct);
    return new Trust(
        (1.0 + correct) / (2.0 + scored),
        posterior.inverseCumulativeProbability(0.025),
        posterior.inverseCumulativeProbability(0.975),
        scored,
        correct);
  }
}
