package dev.quorum.quality.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micronaut.json.tree.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreferencesTest {

  private static JsonNode choice(String c) {
    return JsonNode.createObjectNode(Map.of("choice", JsonNode.createStringNode(c)));
  }

  private static JsonNode order(String... ids) {
    return JsonNode.createObjectNode(
        Map.of(
            "order",
            JsonNode.createArrayNode(Arrays.stream(ids).map(JsonNode::createStringNode).toList())));
  }

  @Test
  void shouldGiveThePairwisePreferenceWithTiesAsHalfAWin() {
    Map<String, Object> document =
        Preferences.of("pairwise", List.of(choice("A"), choice("A"), choice("tie"), choice("B")));
    // 2.5 wins of 4 for A: the MLE puts P(A over B) at 2.5 / 4.
    assertThat((Double) document.get("preferenceA")).isCloseTo(0.625, within(1e-6));
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldOrderRankingResponsesByTheirScores() {
    Map<String, Object> document =
        Preferences.of(
            "ranking",
            List.of(order("r1", "r2", "r3"), order("r1", "r3", "r2"), order("r2", "r1", "r3")));
    assertThat((List<String>) document.get("order")).containsExactly("r1", "r2", "r3");
    Map<String, Double> scores = (Map<String, Double>) document.get("scores");
    assertThat(scores.get("r1")).isGreaterThan(scores.get("r2"));
  }

  @Test
  void shouldAddNothingForOtherKinds() {
    assertThat(Preferences.of("classification", List.of())).isEmpty();
  }
}
