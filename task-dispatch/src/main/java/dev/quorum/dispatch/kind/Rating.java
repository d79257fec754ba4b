package dev.quorum.dispatch.kind;

import dev.quorum.dispatch.project.ProjectSettings;
import dev.quorum.platform.error.ProblemException;
import io.micronaut.json.tree.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rating: data {@code prompt, response}; answer {@code {"scores": {"<criterion>": int}}} with a
 * whole number on the project's scale for every criterion.
 */
final class Rating implements TaskKind {

  static final Rating INSTANCE = new Rating();

  private Rating() {}

  @Override
  public Optional<String> dataError(JsonNode data) {
    return Answers.textFieldsError(data, List.of("prompt", "response"), "rating");
  }

  @Override
  public JsonNode validateAnswer(JsonNode answer, ProjectSettings settings) {
    Answers.requireObjectWithOnly(answer, Set.of("scores"), "{\"scores\":{\"overall\":4}}");
    JsonNode scores = answer.get("scores");
    if (scores == null || !scores.isObject()) {
      throw ProblemException.invalidField("answer.scores", "must map each criterion to a score");
    }
    ProjectSettings.Scale scale = settings.scale();
    Map<String, JsonNode> normalised = new LinkedHashMap<>();
    for (String criterion : settings.criteria()) {
      JsonNode score = scores.get(criterion);
      if (score == null) {
        throw ProblemException.invalidField(
            "answer.scores." + criterion,
            "is missing: score every criterion " + settings.criteria());
      }
      if (!Answers.isWholeNumber(score)) {
        throw ProblemException.invalidField(
            "answer.scores." + criterion,
            "must be a whole number from " + scale.min() + " to " + scale.max());
      }
      int value = score.getIntValue();
      if (value < scale.min() || value > scale.max()) {
        throw ProblemException.invalidField(
            "answer.scores." + criterion, "must be from " + scale.min() + " to " + scale.max());
      }
      normalised.put(criterion, JsonNode.createNumberNode(value));
    }
    for (Map.Entry<String, JsonNode> score : scores.entries()) {
      if (!settings.criteria().contains(score.getKey())) {
        throw ProblemException.invalidField(
            "answer.scores." + score.getKey(),
            "is not a criterion of this project " + settings.criteria());
      }
    }
    return JsonNode.createObjectNode(Map.of("scores", JsonNode.createObjectNode(normalised)));
  }

  @Override
  public JsonNode display(JsonNode data, boolean swapped) {
    return data;
  }

  @Override
  public JsonNode toCustomerOrder(JsonNode answer, boolean swapped) {
    return answer;
  }
}
