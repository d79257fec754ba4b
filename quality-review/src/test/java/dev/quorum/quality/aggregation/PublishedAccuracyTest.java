package dev.quorum.quality.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The methods against the accuracies published for the same data (Zheng et al., PVLDB 10(5), 2017,
 * Table 6). Majority vote, whose published figure is the expected accuracy under random
 * tie-breaking, must land within one point of it for one seeded draw.
 *
 * <p>Dawid-Skene must reach the paper's figure on each set. The smoothing is applied to each
 * confusion row after it is estimated from the soft counts (0.01 added to every entry, then
 * normalised again); adding 0.01 to the raw soft counts instead ends at 61.01 % on S_Rel, below the
 * published 61.30 %, because EM has not settled there after 100 iterations.
 */
class PublishedAccuracyTest {

  @ParameterizedTest(name = "{0}: Dawid-Skene reaches the published {1} %")
  @CsvSource({"d_product, 93.66", "d_possent, 96.00", "s_rel, 61.30"})
  void dawidSkeneShouldReachThePublishedAccuracy(String name, double published) {
    ReferenceData data = ReferenceData.load(name);

    DawidSkene.Result result = new DawidSkene().fit(data.answers());

    double accuracy = 100 * data.accuracy(result.labels());
    System.out.printf(
        "%s: Dawid-Skene %.2f %% (published %.2f %%), %d iterations%n",
        name, accuracy, published, result.iterations());
    assertThat(accuracy).isGreaterThanOrEqualTo(published);
    assertThat(result.iterations()).isBetween(1, DawidSkene.MAX_ITERATIONS);
  }

  @ParameterizedTest(name = "{0}: majority vote within a point of {1} %")
  @CsvSource({"d_product, 89.66", "d_possent, 93.31", "s_rel, 54.19"})
  void majorityVoteShouldLandNearThePublishedAccuracy(String name, double published) {
    ReferenceData data = ReferenceData.load(name);

    List<InferredLabel> labels = new MajorityVote(7).infer(data.answers());

    double accuracy = 100 * data.accuracy(labels);
    System.out.printf("%s: majority vote %.2f %% (published %.2f %%)%n", name, accuracy, published);
    assertThat(accuracy).isCloseTo(published, within(1.0));
  }
}
