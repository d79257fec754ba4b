package dev.quorum.platform.json;

import dev.quorum.platform.error.ProblemException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jooq.JSONB;

/**
 * JSON for code that stores or sends documents it built itself: a failure here is a bug, not bad
 * input, so it is unchecked.
 */
@Singleton
public class Json {

  private final JsonMapper mapper;

  public Json(JsonMapper mapper) {
    this.mapper = mapper;
  }

  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  public JSONB jsonb(Object value) {
    return JSONB.valueOf(write(value));
  }

  public <T> T read(String json, Class<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException("stored JSON is not a " + type.getSimpleName(), e);
    }
  }

  /** The stored document, or {@code null} for SQL NULL. */
  public <T> T read(JSONB json, Class<T> type) {
    return json == null ? null : read(json.data(), type);
  }

  /**
   * A request body read into its record after {@link BodyShape} checked it, so that a value of the
   * wrong type is a 400 naming the field.
   */
  public <T extends Record> T body(JsonNode body, Class<T> type) {
    BodyShape.check(body, type);
    try {
      return mapper.readValueFromTree(body, type);
    } catch (IOException e) {
      throw ProblemException.badRequest("the body does not fit: " + e.getMessage());
    }
  }

  public JsonNode tree(JSONB json) {
    return read(json, JsonNode.class);
  }

  public JsonNode tree(String json) {
    return read(json, JsonNode.class);
  }
}
