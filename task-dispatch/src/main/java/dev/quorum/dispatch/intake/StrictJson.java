package dev.quorum.dispatch.intake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses one JSON text into a tree, accepting only what PostgreSQL's jsonb accepts too: intake
 * stores the text it received as it is, so a text that passed here must not fail in the database
 * (which would stop the whole batch). Unlike the general mapper it rejects content after the value,
 * and it rejects {@code \u0000} and unpaired surrogates, which jsonb cannot hold.
 */
final class StrictJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  /** A text that is not one JSON value jsonb can store, with the reason. */
  static final class Malformed extends Exception {
    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  private StrictJson() {}

  /** A JSON value, and the source text of the members asked for by their dotted path. */
  record Parsed(JsonNode tree, Map<String, String> sources) {}

  static JsonNode parse(String text) throws Malformed {
    return parse(text, Set.of()).tree();
  }

  /**
   * Parses the text and keeps the source text of the members at the given dotted paths (such as
   * {@code task.data}): a writer can store them as received, numbers written as they were.
   */
  static Parsed parse(String text, Set<String> sourcesOf) throws Malformed {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new Malformed("no JSON value");
      }
      Walk walk = new Walk(text, parser, sourcesOf);
      JsonNode value = walk.value(first, sourcesOf.isEmpty() ? null : "");
      if (parser.nextToken() != null) {
        throw new Malformed(
            "unexpected content after the JSON value at column "
                + parser.currentTokenLocation().getColumnNr());
      }
      return new Parsed(value, walk.sources);
    } catch (JsonProcessingException e) {
      throw new Malformed(e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string failed", e);
    }
  }

  /** One parse: the tree, and the sources of the asked-for members on the way. */
  private static final class Walk {
    private final String text;
    private final JsonParser parser;
    private final boolean escapes;
    private final Set<String> wanted;
    private final Map<String, String> sources = new HashMap<>(4);

    Walk(String text, JsonParser parser, Set<String> wanted) {
      this.text = text;
      this.parser = parser;
      this.escapes = text.contains("\\u");
      this.wanted = wanted;
    }

    /** Whether the path leads to an asked-for member deeper down. */
    private boolean onTheWay(String path) {
      for (String member : wanted) {
        if (member.length() > path.length()
            && member.charAt(path.length()) == '.'
            && member.startsWith(path)) {
          return true;
        }
      }
      return false;
    }

    /**
     * @param path the value's dotted path while it leads to an asked-for member, else null
     */
    JsonNode value(JsonToken token, String path) throws IOException, Malformed {
      return switch (token) {
        case START_OBJECT -> {
          Map<String, JsonNode> fields = new LinkedHashMap<>();
          for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            fields.put(storable(name, escapes), member(name, path));
          }
          yield JsonNode.createObjectNode(fields);
        }
        case START_ARRAY -> {
          List<JsonNode> items = new ArrayList<>();
          for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            items.add(value(t, null));
          }
          yield JsonNode.createArrayNode(items);
        }
        case VALUE_STRING -> JsonNode.createStringNode(storable(parser.getText(), escapes));
        case VALUE_NUMBER_INT ->
            switch (parser.getNumberType()) {
              case INT -> JsonNode.createNumberNode(parser.getIntValue());
              case LONG -> JsonNode.createNumberNode(parser.getLongValue());
              default -> JsonNode.createNumberNode(parser.getBigIntegerValue());
            };
        case VALUE_NUMBER_FLOAT -> JsonNode.createNumberNode(parser.getDoubleValue());
        case VALUE_TRUE -> JsonNode.createBooleanNode(true);
        case VALUE_FALSE -> JsonNode.createBooleanNode(false);
        case VALUE_NULL -> JsonNode.nullNode();
        default -> throw new Malformed("unexpected " + token);
      };
    }

    private JsonNode member(String name, String parentPath) throws IOException, Malformed {
      JsonToken token = parser.nextToken();
      if (parentPath == null) {
        return value(token, null);
      }
      String path = parentPath.isEmpty() ? name : parentPath + "." + name;
      if (!wanted.contains(path)) {
        return value(token, onTheWay(path) ? path : null);
      }
      int start = (int) parser.currentTokenLocation().getCharOffset();
      JsonNode value = value(token, null);
      sources.put(path, text.substring(start, (int) parser.currentLocation().getCharOffset()));
      return value;
    }
  }

  /** Only an escape can produce what jsonb refuses, so texts without one are not scanned. */
  private static String storable(String text, boolean escapes) throws Malformed {
    if (!escapes) {
      return text;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        throw new Malformed("\\u0000 is not allowed in a string");
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new Malformed("a string holds an unpaired UTF-16 surrogate");
      }
    }
    return text;
  }
}
