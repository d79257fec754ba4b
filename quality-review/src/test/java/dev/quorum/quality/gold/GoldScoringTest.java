package dev.quorum.quality.gold;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.tree.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoldScoringTest {

  private static JsonNode choice(String c) {
    return JsonNode.createObjectNode(Map.of("choice", JsonNode.createStringNode(c)));
  }

  private static JsonNode labels(String... labels) {
    return JsonNode.createObjectNode(
        Map.of(
            "labels",
            JsonNode.createArrayNode(
                java.util.Arrays.stream(labels).map(JsonNode::createStringNode).toList())));
  }

  private static JsonNode scores(int helpful, int safe) {
    return JsonNode.createObjectNode(
        Map.of(
            "scores",
            JsonNode.createObjectNode(
                Map.of(
                    "helpful", JsonNode.createNumberNode(helpful),
                    "safe", JsonNode.createNumberNode(safe)))));
  }

  @Test
  void shouldScorePairwiseTiesStrictlyOrLeniently() {
    assertThat(GoldScoring.pairwise(choice("A"), choice("A"), "strict")).isTrue();
    assertThat(GoldScoring.pairwise(choice("B"), choice("A"), "strict")).isFalse();
    assertThat(GoldScoring.pairwise(choice("tie"), choice("A"), "strict")).isFalse();
    assertThat(GoldScoring.pairwise(choice("tie"), choice("A"), "lenient")).isTrue();
    assertThat(GoldScoring.pairwise(choice("B"), choice("tie"), "lenient")).isTrue();
    assertThat(GoldScoring.pairwise(choice("B"), choice("A"), "lenient")).isFalse();
  }

  @Test
  void shouldMatchLabelSetsExactlyOrByOverlap() {
    assertThat(GoldScoring.classification(labels("x", "y"), labels("y", "x"), "exact")).isTrue();
    assertThat(GoldScoring.classification(labels("x"), labels("x", "y"), "exact")).isFalse();
    assertThat(GoldScoring.classification(labels("x"), labels("x", "y"), "overlap")).isTrue();
    assertThat(GoldScoring.classification(labels("z"), labels("x", "y"), "overlap")).isFalse();
  }

  @Test
  void shouldComputeKendallTau() {
    assertThat(GoldScoring.kendallTau(List.of("a", "b", "c"), List.of("a", "b", "c"))).isEqualTo(1);
    assertThat(GoldScoring.kendallTau(List.of("a", "b", "c"), List.of("c", "b", "a")))
        .isEqualTo(-1);
    // One of three pairs swapped: (2 - 1) / 3.
    assertThat(GoldScoring.kendallTau(List.of("a", "b", "c"), List.of("b", "a", "c")))
        .isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void shouldAcceptRatingsWithinTheTolerance() {
    assertThat(GoldScoring.rating(scores(4, 5), scores(5, 5), 1)).isTrue();
    assertThat(GoldScoring.rating(scores(3, 5), scores(5, 5), 1)).isFalse();
    assertThat(GoldScoring.rating(scores(5, 5), scores(5, 5), 0)).isTrue();
  }
}
