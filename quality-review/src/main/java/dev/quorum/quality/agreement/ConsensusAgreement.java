package dev.quorum.quality.agreement;

import java.util.Map;

/**
 * How often one annotator matches the consensus of a unit: a per-annotator quality signal that,
 * unlike the group statistics, points at who disagrees.
 */
public final class ConsensusAgreement {

  private ConsensusAgreement() {}

  /**
   * @param annotatorLabelByUnit the annotator's label for each unit they labeled
   * @param consensusByUnit the consensus label of each unit that has one; units without consensus
   *     (absent, or mapped to {@code null}) are ignored, since a tie says nothing about the
   *     annotator
   * @return the share of the annotator's units with a consensus where their label equals it, or
   *     {@link Double#NaN} when none of their units has a consensus
   */
  public static double withConsensus(
      Map<String, String> annotatorLabelByUnit, Map<String, String> consensusByUnit) {
    int compared = 0;
    int agreeing = 0;
    for (Map.Entry<String, String> entry : annotatorLabelByUnit.entrySet()) {
      String consensus = consensusByUnit.get(entry.getKey());
      if (consensus == null) {
        continue;
      }
      compared++;
      if (consensus.equals(entry.getValue())) {
        agreeing++;
      }
    }
    return compared == 0 ? Double.NaN : (double) agreeing / compared;
  }
}
