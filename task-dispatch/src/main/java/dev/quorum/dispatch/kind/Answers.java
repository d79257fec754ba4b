package dev.quorum.dispatch.kind;

import dev.quorum.platform.error.ProblemException;
import io.micronaut.json.tree.JsonNode;
import java.util.Map;
import java.util.Set;

/** Checks shared by the kinds' answer validation. */
final class Answers {

  private Answers() {}

  static void requireObjectWithOnly(JsonNode answer, Set<String> fields, String example) {
    if (answer == null || !answer.isObject()) {
      throw ProblemException.invalidField("answer", "must be an object like " + example);
    }
    for (Map.Entry<String, JsonNode> field : answer.entries()) {
      if (!fields.contains(field.getKey())) {
        throw ProblemException.invalidField(
            "answer." + field.getKey(),
            "is not an answer field here (" + String.join(", ", fields) + ")");
      }
    }
  }

  static boolean isWholeNumber(JsonNode node) {
    return node != null
        && node.isNumber()
        && node.getNumberValue().doubleValue() == Math.rint(node.getNumberValue().doubleValue());
  }

  /** A data object with exactly the given fields, each a text (string or chat messages). */
  static java.util.Optional<String> textFieldsError(
      JsonNode data, java.util.List<String> fields, String kind) {
    if (data == null || !data.isObject()) {
      return java.util.Optional.of("data must be an object with " + String.join(", ", fields));
    }
    for (Map.Entry<String, JsonNode> field : data.entries()) {
      if (!fields.contains(field.getKey())) {
        return java.util.Optional.of(
            "data."
                + field.getKey()
                + " is not a "
                + kind
                + " field ("
                + String.join(", ", fields)
                + ")");
      }
    }
    for (String field : fields) {
      var error = Content.error(data.get(field), "data." + field);
      if (error.isPresent()) {
        return error;
      }
    }
    return java.util.Optional.empty();
  }
}
