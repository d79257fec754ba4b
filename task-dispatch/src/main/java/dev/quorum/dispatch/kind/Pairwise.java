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
 * The pairwise kind: task data {@code prompt, responseA, responseB}; answer {@code choice,
 * strength, criteria?, rationale?}. The annotator may see B on the left ("swapped"); answers are
 * given in the order shown and stored in the customer's order.
 */
public final class Pairwise implements TaskKind {

  static final Pairwise INSTANCE = new Pairwise();

  static final Set<String> DATA_FIELDS = Set.of("prompt", "responseA", "responseB");
  static final Set<String> ANSWER_FIELDS = Set.of("choice", "strength", "criteria", "rationale");
  static final Set<String> CHOICES = Set.of("A", "B", "tie");
  static final int MAX_RATIONALE = 10_000;

  private Pairwise() {}

  /** The first problem with {@code data}, if any, phrased for the customer. */
  @Override
  public Optional<String> dataError(JsonNode data) {
    if (data == null || !data.isObject()) {
      return Optional.of("data must be an object with prompt, responseA and responseB");
    }
    for (Map.Entry<String, JsonNode> field : data.entries()) {
      if (!DATA_FIELDS.contains(field.getKey())) {
        return Optional.of(
            "data." + field.getKey() + " is not a pairwise field (prompt, responseA, responseB)");
      }
    }
    for (String field : List.of("prompt", "responseA", "responseB")) {
      Optional<String> error = Content.error(data.get(field), "data." + field);
      if (error.isPresent()) {
        return error;
      }
    }
    return Optional.empty();
  }

  /** The data in the order shown: with {@code swapped}, responseA is the customer's B. */
  @Override
  public JsonNode display(JsonNode data, boolean swapped) {
    if (!swapped) {
      return data;
    }
    Map<String, JsonNode> shown = new LinkedHashMap<>();
    shown.put("prompt", data.get("prompt"));
    shown.put("responseA", data.get("responseB"));
    shown.put("responseB", data.get("responseA"));
    return JsonNode.createObjectNode(shown);
  }

  /**
   * Validates an answer and returns it normalised ({@code strength} defaults to 1 and is 0 for a
   * tie), still in the order shown.
   */
  @Override
  public JsonNode validateAnswer(JsonNode answer, ProjectSettings settings) {
    List<String> criteria = settings.criteria();
    if (answer == null || !answer.isObject()) {
      throw ProblemException.invalidField(
          "answer", "must be an object like {\"choice\":\"A\",\"strength\":2}");
    }
    for (Map.Entry<String, JsonNode> field : answer.entries()) {
      if (!ANSWER_FIELDS.contains(field.getKey())) {
        throw ProblemException.invalidField(
            "answer." + field.getKey(),
            "is not a pairwise answer field (choice, strength, criteria, rationale)");
      }
    }
    JsonNode choice = answer.get("choice");
    if (choice == null || !choice.isString() || !CHOICES.contains(choice.getStringValue())) {
      throw ProblemException.invalidField("answer.choice", "must be \"A\", \"B\" or \"tie\"");
    }
    boolean tie = choice.getStringValue().equals("tie");
    JsonNode strength = answer.get("strength");
    int level = 1;
    if (strength != null && !strength.isNull()) {
      if (!strength.isNumber()
          || strength.getIntValue() < 1
          || strength.getIntValue() > 3
          || strength.getNumberValue().doubleValue() != strength.getIntValue()) {
        throw ProblemException.invalidField(
            "answer.strength", "must be 1 (slightly), 2 (clearly) or 3 (much better)");
      }
      level = strength.getIntValue();
    }
    Map<String, JsonNode> normalised = new LinkedHashMap<>();
    normalised.put("choice", choice);
    normalised.put("strength", JsonNode.createNumberNode(tie ? 0 : level));
    JsonNode perCriterion = answer.get("criteria");
    if (perCriterion != null && !perCriterion.isNull()) {
      if (!perCriterion.isObject()) {
        throw ProblemException.invalidField(
            "answer.criteria", "must map criteria to \"A\", \"B\" or \"tie\"");
      }
      for (Map.Entry<String, JsonNode> c : perCriterion.entries()) {
        if (!criteria.isEmpty() && !criteria.contains(c.getKey())) {
          throw ProblemException.invalidField(
              "answer.criteria." + c.getKey(), "is not a criterion of this project: " + criteria);
        }
        if (!c.getValue().isString() || !CHOICES.contains(c.getValue().getStringValue())) {
          throw ProblemException.invalidField(
              "answer.criteria." + c.getKey(), "must be \"A\", \"B\" or \"tie\"");
        }
      }
      normalised.put("criteria", perCriterion);
    }
    JsonNode rationale = answer.get("rationale");
    if (rationale != null && !rationale.isNull()) {
      if (!rationale.isString() || rationale.getStringValue().length() > MAX_RATIONALE) {
        throw ProblemException.invalidField(
            "answer.rationale", "must be text of at most " + MAX_RATIONALE + " characters");
      }
      normalised.put("rationale", rationale);
    }
    return JsonNode.createObjectNode(normalised);
  }

  /** Maps an answer given in the order shown back to the customer's A and B. */
  @Override
  public JsonNode toCustomerOrder(JsonNode answer, boolean swapped) {
    if (!swapped) {
      return answer;
    }
    Map<String, JsonNode> mapped = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : answer.entries()) {
      switch (field.getKey()) {
        case "choice" -> mapped.put("choice", flip(field.getValue()));
        case "criteria" -> {
          Map<String, JsonNode> criteria = new LinkedHashMap<>();
          field.getValue().entries().forEach(c -> criteria.put(c.getKey(), flip(c.getValue())));
          mapped.put("criteria", JsonNode.createObjectNode(criteria));
        }
        default -> mapped.put(field.getKey(), field.getValue());
      }
    }
    return JsonNode.createObjectNode(mapped);
  }

  private static JsonNode flip(JsonNode choice) {
    return switch (choice.getStringValue()) {
      case "A" -> JsonNode.createStringNode("B");
      case "B" -> JsonNode.createStringNode("A");
      default -> choice;
    };
  }
}
