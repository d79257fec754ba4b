package dev.quorum.dispatch.kind;

import dev.quorum.dispatch.project.ProjectSettings;
import dev.quorum.platform.error.ProblemException;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ranking: data {@code prompt, responses: [{"id", "content"}]} (2..10); answer {@code {"order":
 * [ids]}}, best first, every response exactly once, by the customer's ids. A swapped assignment
 * shows the responses in reverse, so position effects can be told apart.
 */
final class Ranking implements TaskKind {

  static final Ranking INSTANCE = new Ranking();
  static final int MIN = 2;
  static final int MAX = 10;

  private Ranking() {}

  @Override
  public Optional<String> dataError(JsonNode data) {
    if (data == null || !data.isObject()) {
      return Optional.of("data must be an object with prompt and responses");
    }
    for (Map.Entry<String, JsonNode> field : data.entries()) {
      if (!field.getKey().equals("prompt") && !field.getKey().equals("responses")) {
        return Optional.of(
            "data." + field.getKey() + " is not a ranking field (prompt, responses)");
      }
    }
    Optional<String> prompt = Content.error(data.get("prompt"), "data.prompt");
    if (prompt.isPresent()) {
      return prompt;
    }
    JsonNode responses = data.get("responses");
    if (responses == null
        || !responses.isArray()
        || responses.size() < MIN
        || responses.size() > MAX) {
      return Optional.of("data.responses must list " + MIN + " to " + MAX + " responses");
    }
    Set<String> ids = new HashSet<>();
    int i = 0;
    for (JsonNode response : responses.values()) {
      String at = "data.responses[" + i++ + "]";
      if (!response.isObject() || response.get("id") == null || !response.get("id").isString()) {
        return Optional.of(at + " needs a string id and a content");
      }
      if (!ids.add(response.get("id").getStringValue())) {
        return Optional.of(at + ".id '" + response.get("id").getStringValue() + "' is used twice");
      }
      Optional<String> content = Content.error(response.get("content"), at + ".content");
      if (content.isPresent()) {
        return content;
      }
    }
    return Optional.empty();
  }

  @Override
  public JsonNode validateAnswer(JsonNode answer, ProjectSettings settings) {
    Answers.requireObjectWithOnly(answer, Set.of("order"), "{\"order\":[\"r2\",\"r1\"]}");
    JsonNode order = answer.get("order");
    if (order == null || !order.isArray() || order.size() < MIN) {
      throw ProblemException.invalidField("answer.order", "must list the response ids, best first");
    }
    Set<String> seen = new HashSet<>();
    for (JsonNode id : order.values()) {
      if (!id.isString() || !seen.add(id.getStringValue())) {
        throw ProblemException.invalidField("answer.order", "must name each response id once");
      }
    }
    return JsonNode.createObjectNode(Map.of("order", order));
  }

  /** The order must rank the task's responses: all of them, nothing else. */
  @Override
  public Optional<String> answerError(JsonNode answer, JsonNode data) {
    Set<String> expected = new HashSet<>();
    data.get("responses").values().forEach(r -> expected.add(r.get("id").getStringValue()));
    Set<String> given = new HashSet<>();
    answer.get("order").values().forEach(id -> given.add(id.getStringValue()));
    return given.equals(expected)
        ? Optional.empty()
        : Optional.of("answer.order: must rank exactly the responses " + expected);
  }

  @Override
  public JsonNode display(JsonNode data, boolean swapped) {
    if (!swapped) {
      return data;
    }
    List<JsonNode> reversed = new ArrayList<>();
    data.get("responses").values().forEach(r -> reversed.add(0, r));
    Map<String, JsonNode> shown = new LinkedHashMap<>();
    shown.put("prompt", data.get("prompt"));
    shown.put("responses", JsonNode.createArrayNode(reversed));
    return JsonNode.createObjectNode(shown);
  }

  @Override
  public JsonNode toCustomerOrder(JsonNode answer, boolean swapped) {
    return answer;
  }
}
