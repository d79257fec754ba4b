package dev.quorum.platform.json;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.micronaut.json.tree.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tree's JSON text in one canonical form: object members sorted by name, no spaces. Two answers
 * with the same content give the same text whatever order their members came in, so the text can
 * key agreement, and it reads back as the same tree. Micronaut's {@code JsonNode.toString()} is not
 * JSON ({@code io.micronaut.json.tree.JsonObject@…}), so messages and keys use this.
 */
public final class JsonText {

  private JsonText() {}

  public static String of(JsonNode node) {
    StringBuilder text = new StringBuilder();
    append(text, node);
    return text.toString();
  }

  private static void append(StringBuilder text, JsonNode node) {
    if (node == null || node.isNull()) {
      text.append("null");
    } else if (node.isString()) {
      text.append('"');
      JsonStringEncoder.getInstance().quoteAsString(node.getStringValue(), text);
      text.append('"');
    } else if (node.isNumber()) {
      text.append(node.getNumberValue());
    } else if (node.isBoolean()) {
      text.append(node.getBooleanValue());
    } else if (node.isArray()) {
      text.append('[');
      boolean first = true;
      for (JsonNode item : node.values()) {
        text.append(first ? "" : ",");
        append(text, item);
        first = false;
      }
      text.append(']');
    } else {
      Map<String, JsonNode> members = new TreeMap<>();
      node.entries().forEach(member -> members.put(member.getKey(), member.getValue()));
      text.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> member : members.entrySet()) {
        text.append(first ? "\"" : ",\"");
        JsonStringEncoder.getInstance().quoteAsString(member.getKey(), text);
        text.append("\":");
        append(text, member.getValue());
        first = false;
      }
      text.append('}');
    }
  }
}
