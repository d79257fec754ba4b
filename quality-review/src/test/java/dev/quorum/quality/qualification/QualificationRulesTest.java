package dev.quorum.quality.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.dispatch.project.ProjectSettings;
import dev.quorum.platform.error.ProblemException;
import io.micronaut.json.tree.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validation of a new test without servers: defaults, settings per kind, item errors by field. */
class QualificationRulesTest {

  @Test
  void defaultsAndNormalisedGold() {
    NewQualification q =
        QualificationRules.validate(
            request("pairwise", null, List.of(item(pairwise("p"), gold("choice", "tie")))), false);
    assertThat(q.passScore()).isEqualTo(0.8);
    assertThat(q.cooldownHours()).isEqualTo(24);
    assertThat(q.instructions()).isEmpty();
    assertThat(q.grantSkill()).isNull();
    assertThat(q.items()).hasSize(1);
    assertThat(q.items().get(0).answer().get("strength").getIntValue())
        .as("stored as the kind normalises it: a tie's strength is 0")
        .isEqualTo(0);
  }

  @Test
  void ratingGoldIsCheckedAgainstTheTestsScale() {
    QualificationRequest rating =
        new QualificationRequest(
            "r",
            "rating",
            null,
            null,
            new ProjectSettings.Scale(1, 3),
            List.of("accuracy"),
            null,
            null,
            null,
            null,
            null,
            List.of(
                item(
                    JsonNode.createObjectNode(
                        Map.of(
                            "prompt", JsonNode.createStringNode("p"),
                            "response", JsonNode.createStringNode("r"))),
                    JsonNode.createObjectNode(
                        Map.of(
                            "answer",
                            JsonNode.createObjectNode(
                                Map.of(
                                    "scores",
                                    JsonNode.createObjectNode(
                                        Map.of("accuracy", JsonNode.createNumberNode(5))))))))));
    assertThatThrownBy(() -> QualificationRules.validate(rating, false))
        .isInstanceOf(ProblemException.class)
        .hasMessage("items[0].gold.answer.scores.accuracy: must be from 1 to 3");
  }

  @Test
  void errorsNameTheField() {
    assertDetail(
        request(
            "pairwise",
            null,
            List.of(
                item(pairwise("p"), gold("choice", "A")),
                item(pairwise("q"), gold("choice", "X")))),
        "items[1].gold.answer.choice: must be \"A\", \"B\" or \"tie\"");
    assertDetail(
        request(
            "pairwise",
            null,
            List.of(
                item(
                    JsonNode.createObjectNode(Map.of("prompt", JsonNode.createStringNode("p"))),
                    gold("choice", "A")))),
        "items[0].data.responseA is missing");
    assertDetail(
        request("pairwise", null, List.of(item(pairwise("p"), null))),
        "items[0].gold.answer: is missing: every item needs {\"answer\": {…}, \"explanation\"?}");
    assertDetail(
        request("pairwise", null, List.of()), "items: a test needs at least one gold item");
    assertDetail(
        request("classification", null, List.of(item(pairwise("p"), gold("choice", "A")))),
        "labels: a classification project needs its label set");
    assertThatThrownBy(
            () ->
                QualificationRules.validate(
                    request("sft", null, List.of(item(pairwise("p"), gold("choice", "A")))), true))
        .hasMessageStartingWith("kind: sft answers are written text");
  }

  @Test
  void onlyStaffGrantSkills() {
    QualificationRequest skill =
        request(
            "pairwise",
            new QualificationRequest.Grants(new QualificationRequest.Skill("law", 2)),
            List.of(item(pairwise("p"), gold("choice", "A"))));
    assertThatThrownBy(() -> QualificationRules.validate(skill, false))
        .hasMessageStartingWith("grants.skill: only admins and workforce managers");
    NewQualification q = QualificationRules.validate(skill, true);
    assertThat(q.grantSkill()).isEqualTo("law");
    assertThat(q.grantLevel()).isEqualTo(2);
  }

  private static void assertDetail(QualificationRequest request, String detail) {
    assertThatThrownBy(() -> QualificationRules.validate(request, false))
        .isInstanceOf(ProblemException.class)
        .hasMessage(detail);
  }

  private static QualificationRequest request(
      String kind, QualificationRequest.Grants grants, List<QualificationRequest.Item> items) {
    return new QualificationRequest(
        "t", kind, null, null, null, null, null, null, grants, null, null, items);
  }

  private static QualificationRequest.Item item(JsonNode data, JsonNode gold) {
    return new QualificationRequest.Item(data, gold);
  }

  private static JsonNode pairwise(String prompt) {
    return JsonNode.createObjectNode(
        Map.of(
            "prompt", JsonNode.createStringNode(prompt),
            "responseA", JsonNode.createStringNode("a"),
            "responseB", JsonNode.createStringNode("b")));
  }

  private static JsonNode gold(String field, String value) {
    return JsonNode.createObjectNode(
        Map.of(
            "answer", JsonNode.createObjectNode(Map.of(field, JsonNode.createStringNode(value)))));
  }
}
