package dev.quorum.export.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.export.formats.PreferenceRows.Vote;
import io.micronaut.json.tree.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreferenceRowsTest {

  static final JsonNode DATA =
      JsonNode.createObjectNode(
          Map.of(
              "prompt", JsonNode.createStringNode("p"),
              "responseA", JsonNode.createStringNode("a"),
              "responseB", JsonNode.createStringNode("b")));

  @Test
  void shouldAverageSignedStrengthsWithTiesAsZero() {
    // A by 3, B by 1, tie: (3 - 1 + 0) / 3
    assertThat(
            PreferenceRows.scoreForA(
                List.of(new Vote("A", 3), new Vote("B", 1), new Vote("tie", 0))))
        .isEqualTo(2.0 / 3);
    var row =
        PreferenceRows.row(
                DATA, null, List.of(new Vote("B", 2), new Vote("B", 3), new Vote("A", 1)))
            .orElseThrow();
    assertThat(row.get("chosen").getStringValue()).isEqualTo("b");
    assertThat(row.get("rejected").getStringValue()).isEqualTo("a");
    assertThat(row.get("margin").getNumberValue().doubleValue()).isEqualTo(4.0 / 3);
    assertThat(row.keySet()).containsExactly("prompt", "chosen", "rejected", "margin", "metadata");
  }

  @Test
  void shouldGiveNoRowWithoutAPreferredSide() {
    assertThat(PreferenceRows.row(DATA, null, List.of(new Vote("tie", 0)))).isEmpty();
    assertThat(PreferenceRows.row(DATA, null, List.of(new Vote("A", 2), new Vote("B", 2))))
        .isEmpty();
  }

  @Test
  void shouldUseConversationalFormatForChatPrompts() {
    JsonNode chat =
        JsonNode.createArrayNode(
            List.of(
                JsonNode.createObjectNode(
                    Map.of(
                        "role",
                        JsonNode.createStringNode("user"),
                        "content",
                        JsonNode.createStringNode("hi")))));
    JsonNode data =
        JsonNode.createObjectNode(
            Map.of(
                "prompt",
                chat,
                "responseA",
                JsonNode.createStringNode("a"),
                "responseB",
                JsonNode.createStringNode("b")));
    var row = PreferenceRows.row(data, null, List.of(new Vote("A", 1))).orElseThrow();
    assertThat(row.get("chosen").isArray()).isTrue();
    assertThat(row.get("chosen").get(0).get("role").getStringValue()).isEqualTo("assistant");
    assertThat(row.get("chosen").get(0).get("content").getStringValue()).isEqualTo("a");
  }
}
