package dev.quorum.platform.json;

import dev.quorum.platform.error.ProblemException;
import io.micronaut.json.tree.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a JSON request body against the record it is read into, before it is read: a value of the
 * wrong type, or a member the record does not have, is a 400 whose detail starts with the member's
 * dotted path ({@code overlap.min: must be a whole number}). Reading it straight into the record
 * would fail with the mapper's message instead, which names Java classes and not the field. Every
 * member may be missing or null; what a missing member means is the caller's rule.
 */
public final class BodyShape {

  /** A record's components by name, looked up once per class: submit bodies are checked often. */
  private static final ClassValue<Map<String, RecordComponent>> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected Map<String, RecordComponent> computeValue(Class<?> record) {
          return Arrays.stream(record.getRecordComponents())
              .collect(Collectors.toUnmodifiableMap(RecordComponent::getName, c -> c));
        }
      };

  private BodyShape() {}

  /** Throws a 400 naming the first member that does not fit {@code type}. */
  public static void check(JsonNode body, Class<? extends Record> type) {
    if (body == null || !body.isObject()) {
      throw ProblemException.badRequest("the body must be a JSON object");
    }
    value(body, type, "");
  }

  private static void value(JsonNode node, Type type, String path) {
    if (node == null || node.isNull()) {
      return;
    }
    Class<?> raw = rawClass(type);
    if (raw == String.class) {
      require(node.isString(), path, "must be a string");
    } else if (raw == Integer.class || raw == int.class) {
      whole(node, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
    } else if (raw == Long.class || raw == long.class) {
      whole(node, path, Long.MIN_VALUE, Long.MAX_VALUE);
    } else if (raw == Double.class || raw == double.class || raw == BigDecimal.class) {
      require(node.isNumber(), path, "must be a number");
    } else if (raw == Boolean.class || raw == boolean.class) {
      require(node.isBoolean(), path, "must be true or false");
    } else if (raw == Instant.class) {
      instant(node, path);
    } else if (List.class.isAssignableFrom(raw)) {
      require(node.isArray(), path, "must be a list");
      Type item = typeArgument(type);
      int index = 0;
      for (JsonNode element : node.values()) {
        value(element, item, path + "[" + index++ + "]");
      }
    } else if (raw.isRecord()) {
      members(node, raw, path);
    } else if (raw.isEnum()) {
      require(node.isString(), path, "must be a string");
    }
    // Anything else (free JSON such as an answer or metadata) is the caller's to check.
  }

  private static void members(JsonNode node, Class<?> record, String path) {
    require(node.isObject(), path, "must be an object");
    Map<String, RecordComponent> components = COMPONENTS.get(record);
    for (Map.Entry<String, JsonNode> member : node.entries()) {
      String memberPath = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
      RecordComponent component = components.get(member.getKey());
      if (component == null) {
        throw ProblemException.invalidField(
            memberPath,
            "is not a field here (allowed: "
                + String.join(", ", components.keySet().stream().sorted().toList())
                + ")");
      }
      value(member.getValue(), component.getGenericType(), memberPath);
    }
  }

  private static void whole(JsonNode node, String path, long min, long max) {
    require(node.isNumber(), path, "must be a whole number");
    BigDecimal number;
    try {
      number = new BigDecimal(node.getNumberValue().toString());
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField(path, "must be a whole number");
    }
    require(number.stripTrailingZeros().scale() <= 0, path, "must be a whole number");
    require(
        number.compareTo(BigDecimal.valueOf(min)) >= 0
            && number.compareTo(BigDecimal.valueOf(max)) <= 0,
        path,
        "is out of range (" + min + " to " + max + ")");
  }

  private static void instant(JsonNode node, String path) {
    String expected = "must be an ISO-8601 instant such as 2030-01-31T18:00:00Z";
    require(node.isString(), path, expected);
    try {
      Instant.parse(node.getStringValue());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField(path, expected);
    }
  }

  private static void require(boolean holds, String path, String message) {
    if (!holds) {
      throw ProblemException.invalidField(path.isEmpty() ? "body" : path, message);
    }
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }

  private static Type typeArgument(Type type) {
    return type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
  }
}
