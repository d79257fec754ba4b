package dev.quorum.dispatch.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.dispatch.project.ProjectSettings;
import dev.quorum.platform.error.ProblemException;
import io.micronaut.json.tree.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairwiseTest {

  static final TaskKind PAIRWISE = TaskKind.of("pairwise");

  static ProjectSettings criteria(List<String> criteria) {
    ProjectSettings d = ProjectSettings.defaults("pairwise");
    return new ProjectSettings(
        d.overlap(),
        d.goldRatio(),
        d.requirements(),
        d.difficultyRules(),
        d.priority(),
        d.leaseSeconds(),
        d.deadline(),
        d.pay(),
        criteria,
        d.labels(),
        d.multiLabel(),
        d.scale(),
        d.quality());
  }

  static JsonNode text(String s) {
    return JsonNode.createStringNode(s);
  }

  static JsonNode object(Map<String, JsonNode> fields) {
    return JsonNode.createObjectNode(fields);
  }

  static final JsonNode DATA =
      object(Map.of("prompt", text("p"), "responseA", text("a"), "responseB", text("b")));

  @Test
  void shouldShowResponsesSwappedAndMapAnswersBack() {
    JsonNode shown = PAIRWISE.display(DATA, true);
    assertThat(shown.get("responseA").getStringValue()).isEqualTo("b");
    assertThat(shown.get("responseB").getStringValue()).isEqualTo("a");
    assertThat(PAIRWISE.display(DATA, false)).isSameAs(DATA);

    JsonNode answer =
        PAIRWISE.validateAnswer(
            object(
                Map.of(
                    "choice", text("A"),
                    "strength", JsonNode.createNumberNode(3),
                    "criteria", object(Map.of("honesty", text("B"), "harmlessness", text("tie"))))),
            criteria(List.of()));
    JsonNode customer = PAIRWISE.toCustomerOrder(answer, true);
    assertThat(customer.get("choice").getStringValue())
        .as("left was the customer's B")
        .isEqualTo("B");
    assertThat(customer.get("strength").getIntValue()).isEqualTo(3);
    assertThat(customer.get("criteria").get("honesty").getStringValue()).isEqualTo("A");
    assertThat(customer.get("criteria").get("harmlessness").getStringValue()).isEqualTo("tie");
    assertThat(PAIRWISE.toCustomerOrder(answer, false).get("choice").getStringValue())
        .isEqualTo("A");
  }

  @Test
  void shouldDefaultStrengthAndZeroItForTies() {
    assertThat(
            PAIRWISE
                .validateAnswer(object(Map.of("choice", text("B"))), criteria(List.of()))
                .get("strength")
                .getIntValue())
        .isEqualTo(1);
    assertThat(
            PAIRWISE
                .validateAnswer(
                    object(Map.of("choice", text("tie"), "strength", JsonNode.createNumberNode(3))),
                    criteria(List.of()))
                .get("strength")
                .getIntValue())
        .isZero();
  }

  @Test
  void shouldNameWhatIsWrongWithAnAnswer() {
    assertThatThrownBy(
            () -> PAIRWISE.validateAnswer(object(Map.of("choice", text("C"))), criteria(List.of())))
        .isInstanceOf(ProblemException.class)
        .hasMessageStartingWith("answer.choice:");
    assertThatThrownBy(
            () ->
                PAIRWISE.validateAnswer(
                    object(Map.of("choice", text("A"), "strength", JsonNode.createNumberNode(4))),
                    criteria(List.of())))
        .hasMessageStartingWith("answer.strength:");
    assertThatThrownBy(
            () ->
                PAIRWISE.validateAnswer(
                    object(Map.of("choice", text("A"), "score", text("x"))), criteria(List.of())))
        .hasMessageStartingWith("answer.score:");
    assertThatThrownBy(
            () ->
                PAIRWISE.validateAnswer(
                    object(
                        Map.of(
                            "choice", text("A"), "criteria", object(Map.of("speed", text("A"))))),
                    criteria(List.of("helpfulness"))))
        .hasMessageStartingWith("answer.criteria.speed:");
    assertThatThrownBy(() -> PAIRWISE.validateAnswer(null, criteria(List.of())))
        .hasMessageStartingWith("answer:");
  }

  @Test
  void shouldAcceptTextOrChatMessagesAndRejectOtherData() {
    assertThat(PAIRWISE.dataError(DATA)).isEmpty();
    JsonNode chat =
        JsonNode.createArrayNode(
            List.of(object(Map.of("role", text("user"), "content", text("hi")))));
    assertThat(
            PAIRWISE.dataError(
                object(Map.of("prompt", chat, "responseA", text("a"), "responseB", chat))))
        .isEmpty();
    assertThat(PAIRWISE.dataError(object(Map.of("prompt", text("p"), "responseA", text("a")))))
        .hasValue("data.responseB is missing");
    JsonNode badRole =
        JsonNode.createArrayNode(
            List.of(object(Map.of("role", text("robot"), "content", text("hi")))));
    assertThat(
            PAIRWISE.dataError(
                object(Map.of("prompt", badRole, "responseA", text("a"), "responseB", text("b")))))
        .hasValue("data.prompt[0].role must be system, user or assistant");
    assertThat(
            PAIRWISE.dataError(
                object(
                    Map.of("prompt", text(" "), "responseA", text("a"), "responseB", text("b")))))
        .hasValue("data.prompt is empty");
  }
}
