package dev.quorum.dispatch.kind;

import dev.quorum.dispatch.project.ProjectSettings;
import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.json.JsonText;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Classification: data {@code text} (string or messages); answer {@code {"labels": […]}} from the
 * project's label set, exactly one unless the project allows several.
 */
final class Classification implements TaskKind {

  static final Classification INSTANCE = new Classification();

  private Classification() {}

  @Override
  public Optional<String> dataError(JsonNode data) {
    return Answers.textFieldsError(data, List.of("text"), "classification");
  }

  @Override
  public JsonNode validateAnswer(JsonNode answer, ProjectSettings settings) {
    Answers.requireObjectWithOnly(answer, Set.of("labels"), "{\"labels\":[\"spam\"]}");
    JsonNode labels = answer.get("labels");
    if (labels == null || !labels.isArray() || labels.size() == 0) {
      throw ProblemException.invalidField("answer.labels", "must list at least one label");
    }
    Set<String> chosen = new LinkedHashSet<>();
    for (JsonNode label : labels.values()) {
      if (!label.isString() || !settings.labels().contains(label.getStringValue())) {
        throw ProblemException.invalidField(
            "answer.labels",
            JsonText.of(label) + " is not one of the project's labels " + settings.labels());
      }
      chosen.add(label.getStringValue());
    }
    if (!settings.multiLabel() && chosen.size() > 1) {
      throw ProblemException.invalidField("answer.labels", "this project takes exactly one label");
    }
    List<JsonNode> sorted = new ArrayList<>();
    settings.labels().stream()
        .filter(chosen::contains)
        .forEach(l -> sorted.add(JsonNode.createStringNode(l)));
    return JsonNode.createObjectNode(Map.of("labels", JsonNode.createArrayNode(sorted)));
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
