package dev.quorum.dispatch.kind;

import dev.quorum.dispatch.project.ProjectSettings;
import dev.quorum.platform.error.ProblemException;
import io.micronaut.json.tree.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** SFT: data {@code prompt} (text or conversation); answer {@code {"response": "…"}}. */
final class Sft implements TaskKind {

  static final Sft INSTANCE = new Sft();
  static final int MAX_RESPONSE = 100_000;

  private Sft() {}

  @Override
  public Optional<String> dataError(JsonNode data) {
    return Answers.textFieldsError(data, List.of("prompt"), "sft");
  }

  @Override
  public JsonNode validateAnswer(JsonNode answer, ProjectSettings settings) {
    Answers.requireObjectWithOnly(answer, Set.of("response"), "{\"response\":\"…\"}");
    JsonNode response = answer.get("response");
    if (response == null || !response.isString() || response.getStringValue().isBlank()) {
      throw ProblemException.invalidField("answer.response", "must be the written response");
    }
    if (response.getStringValue().length() > MAX_RESPONSE) {
      throw ProblemException.invalidField(
          "answer.response", "must be at most " + MAX_RESPONSE + " characters");
    }
    return JsonNode.createObjectNode(Map.of("response", response));
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
