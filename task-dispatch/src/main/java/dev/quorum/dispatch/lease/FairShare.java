package dev.quorum.dispatch.lease;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Priority-weighted fair share between projects: each lease goes to a project with probability
 * proportional to its priority among the projects that have work for this annotator, so over many
 * leases priorities 1 and 3 get about 1:3 of the work, and no project starves.
 */
final class FairShare {

  private FairShare() {}

  static int pick(List<EligibleProject> projects, RandomGenerator random) {
    long total = 0;
    for (EligibleProject p : projects) {
      total += p.priority();
    }
    long ticket = random.nextLong(total);
    for (int i = 0; i < projects.size(); i++) {
      ticket -= projects.get(i).priority();
      if (ticket < 0) {
        return i;
      }
    }
    return projects.size() - 1;
  }
}
