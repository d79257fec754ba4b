package dev.quorum.dispatch.kind;

import io.micronaut.json.tree.JsonNode;
import java.util.Optional;
import java.util.Set;

/**
 * A text field of task data: a string, or OpenAI-style chat messages {@code [{"role", "content"}]}.
 */
public final class Content {

  static final Set<String> ROLES = Set.of("system", "user", "assistant");

  private Content() {}

  public static Optional<String> error(JsonNode value, String field) {
    if (value == null || value.isNull()) {
      return Optional.of(field + " is missing");
    }
    if (value.isString()) {
      return value.getStringValue().isBlank() ? Optional.of(field + " is empty") : Optional.empty();
    }
    if (!value.isArray() || value.size() == 0) {
      return Optional.of(field + " must be a string or a non-empty list of chat messages");
    }
    int i = 0;
    for (JsonNode message : value.values()) {
      String at = field + "[" + i++ + "]";
      if (!message.isObject()) {
        return Optional.of(at + " must be a {\"role\", \"content\"} object");
      }
      JsonNode role = message.get("role");
      if (role == null || !role.isString() || !ROLES.contains(role.getStringValue())) {
        return Optional.of(at + ".role must be system, user or assistant");
      }
      JsonNode content = message.get("content");
      if (content == null || !content.isString()) {
        return Optional.of(at + ".content must be a string");
      }
    }
    return Optional.empty();
  }
}
