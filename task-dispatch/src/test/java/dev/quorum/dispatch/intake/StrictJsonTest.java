package dev.quorum.dispatch.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

/** Intake stores the text it parsed, so the parser must refuse what jsonb would refuse. */
class StrictJsonTest {

  @Test
  void shouldReadAnObjectWithEveryKindOfValue() throws Exception {
    JsonNode node =
        StrictJson.parse(
            "{\"s\":\"x\\ud83d\\ude00\",\"i\":1,\"l\":12345678901,\"d\":1.5,\"b\":true,"
                + "\"n\":null,\"a\":[1,{\"k\":[]}]}  ");
    assertThat(node.get("s").getStringValue()).isEqualTo("x\ud83d\ude00");
    assertThat(node.get("i").getIntValue()).isEqualTo(1);
    assertThat(node.get("l").getLongValue()).isEqualTo(12345678901L);
    assertThat(node.get("d").getDoubleValue()).isEqualTo(1.5);
    assertThat(node.get("b").getBooleanValue()).isTrue();
    assertThat(node.get("n").isNull()).isTrue();
    assertThat(node.get("a").get(1).get("k").isArray()).isTrue();
  }

  @Test
  void shouldRefuseContentAfterTheValue() {
    assertThatThrownBy(() -> StrictJson.parse("{\"a\":1} {\"b\":2}"))
        .isInstanceOf(StrictJson.Malformed.class)
        .hasMessageContaining("after the JSON value");
  }

  @Test
  void shouldRefuseWhatJsonbCannotHold() {
    assertThatThrownBy(() -> StrictJson.parse("{\"a\":\"x\\u0000\"}"))
        .isInstanceOf(StrictJson.Malformed.class)
        .hasMessageContaining("\\u0000");
    assertThatThrownBy(() -> StrictJson.parse("{\"a\\ud800\":1}"))
        .isInstanceOf(StrictJson.Malformed.class)
        .hasMessageContaining("surrogate");
  }

  @Test
  void shouldExplainMalformedText() {
    assertThatThrownBy(() -> StrictJson.parse("{not json"))
        .isInstanceOf(StrictJson.Malformed.class)
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> StrictJson.parse("   ")).hasMessage("no JSON value");
  }
}
