package dev.quorum.dispatch.project;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * How quality scores gold, trusts annotators, audits and escalates on one project. Dispatch keeps
 * these with the project's other settings; quality-review reads them from the project.
 *
 * @param pairwiseTies {@code strict}: a gold pairwise answer is matched exactly; {@code lenient}: a
 *     tie on either side is never counted wrong
 * @param classificationMatch {@code exact}: the same label set; {@code overlap}: at least one label
 *     in common
 * @param rankingMinTau the Kendall tau with the gold order at or above which a ranking is correct
 * @param ratingTolerance how far each score may be from the gold score and still be correct
 * @param trustMinScored how many scored items (gold and reviews) before trust can pause anyone
 * @param trustThreshold below this trust (posterior mean) an annotator is paused on the project
 * @param auditRate the share of decided work sampled for review (raised for low trust)
 * @param escalationTier the tier that units added for disagreement require, if any
 * @param qualification the qualification test an annotator must pass to work here, if any
 */
@Serdeable
public record QualitySettings(
    String pairwiseTies,
    String classificationMatch,
    double rankingMinTau,
    int ratingTolerance,
    int trustMinScored,
    double trustThreshold,
    double auditRate,
    @Nullable Integer escalationTier,
    @Nullable String qualification) {

  public static final QualitySettings DEFAULTS =
      new QualitySettings("strict", "exact", 0.6, 1, 10, 0.7, 0.05, null, null);
}
