package dev.quorum.dispatch.intake;

import dev.quorum.dispatch.kind.TaskKind;
import dev.quorum.dispatch.project.ProjectSettings;
import dev.quorum.platform.error.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;
import java.util.Set;

/**
 * One task as imported: the JSONL line format of DESIGN.md. {@link #parse} checks a line against
 * the project's kind and says what is wrong in words a customer can act on.
 */
@Serdeable
public record TaskLine(
    String externalId,
    @Nullable String batch,
    @Nullable Integer difficulty,
    @Nullable JsonNode metadata,
    JsonNode data,
    @Nullable JsonNode gold) {

  static final Set<String> FIELDS =
      Set.of("externalId", "batch", "difficulty", "metadata", "data", "gold");
  static final int MAX_EXTERNAL_ID = 256;

  /** A line that failed, with the reason. */
  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  static TaskLine parse(JsonNode line, TaskKind kind, ProjectSettings settings) throws Invalid {
    if (!line.isObject()) {
      throw new Invalid("a line must be a JSON object with externalId and data");
    }
    for (Map.Entry<String, JsonNode> field : line.entries()) {
      if (!FIELDS.contains(field.getKey())) {
        throw new Invalid(
            "unknown field '"
                + field.getKey()
                + "' (allowed: externalId, batch, difficulty, metadata, data, gold)");
      }
    }
    JsonNode externalId = line.get("externalId");
    if (externalId == null || externalId.isNull()) {
      throw new Invalid("externalId is missing: every task needs a non-empty string id");
    }
    if (!externalId.isString() || externalId.getStringValue().isBlank()) {
      throw new Invalid("externalId must be a non-empty string");
    }
    if (externalId.getStringValue().length() > MAX_EXTERNAL_ID) {
      throw new Invalid("externalId is longer than " + MAX_EXTERNAL_ID + " characters");
    }
    JsonNode batch = line.get("batch");
    if (batch != null && !batch.isNull() && !batch.isString()) {
      throw new Invalid("batch must be a string");
    }
    JsonNode difficulty = line.get("difficulty");
    Integer level = null;
    if (difficulty != null && !difficulty.isNull()) {
      if (!difficulty.isNumber()
          || difficulty.getNumberValue().doubleValue() != difficulty.getIntValue()
          || difficulty.getIntValue() < 1
          || difficulty.getIntValue() > 5) {
        throw new Invalid("difficulty must be a whole number from 1 to 5");
      }
      level = difficulty.getIntValue();
    }
    JsonNode metadata = line.get("metadata");
    if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
      throw new Invalid("metadata must be a JSON object");
    }
    JsonNode data = line.get("data");
    var dataError = kind.dataError(data);
    if (dataError.isPresent()) {
      throw new Invalid(dataError.get());
    }
    JsonNode gold = line.get("gold");
    if (gold != null && !gold.isNull()) {
      validateGold(gold, kind, settings, data);
    }
    return new TaskLine(
        externalId.getStringValue(),
        batch == null || batch.isNull() ? null : batch.getStringValue(),
        level,
        metadata == null || metadata.isNull() ? null : metadata,
        data,
        gold == null || gold.isNull() ? null : gold);
  }

  private static void validateGold(
      JsonNode gold, TaskKind kind, ProjectSettings settings, JsonNode data) throws Invalid {
    if (!gold.isObject() || gold.get("answer") == null) {
      throw new Invalid("gold must be {\"answer\": {…}, \"explanation\": \"…\"}");
    }
    for (Map.Entry<String, JsonNode> field : gold.entries()) {
      if (!field.getKey().equals("answer") && !field.getKey().equals("explanation")) {
        throw new Invalid("gold." + field.getKey() + " is not a gold field (answer, explanation)");
      }
    }
    JsonNode explanation = gold.get("explanation");
    if (explanation != null && !explanation.isNull() && !explanation.isString()) {
      throw new Invalid("gold.explanation must be a string");
    }
    try {
      JsonNode answer = kind.validateAnswer(gold.get("answer"), settings);
      var mismatch = kind.answerError(answer, data);
      if (mismatch.isPresent()) {
        throw new Invalid("gold." + mismatch.get());
      }
    } catch (ProblemException e) {
      throw new Invalid("gold." + e.getMessage());
    }
  }
}
