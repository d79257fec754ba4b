package dev.quorum.export.formats;

import io.micronaut.json.tree.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pairwise judgements to TRL preference rows with an explicit prompt: {@code prompt, chosen,
 * rejected, margin, metadata}. The margin is the mean over a task's judgements of +strength for the
 * chosen side and -strength for the other (ties count 0); a task without a preferred side gives no
 * row.
 */
public final class PreferenceRows {

  private PreferenceRows() {}

  /** One judgement: the choice in the customer's terms and its strength. */
  public record Vote(String choice, int strength) {}

  /** The signed preference for A: positive when A is preferred, negative for B. */
  public static double scoreForA(List<Vote> votes) {
    double sum = 0;
    for (Vote vote : votes) {
      switch (vote.choice()) {
        case "A" -> sum += vote.strength();
        case "B" -> sum -= vote.strength();
        default -> {}
      }
    }
    return sum / votes.size();
  }

  /**
   * The row for a task, or empty when its judgements prefer neither side. With a chat prompt the
   * responses become assistant messages (TRL's conversational format); otherwise plain text.
   */
  public static Optional<Map<String, JsonNode>> row(
      JsonNode data, JsonNode metadata, List<Vote> votes) {
    double score = scoreForA(votes);
    if (score == 0) {
      return Optional.empty();
    }
    JsonNode prompt = data.get("prompt");
    boolean chat = prompt.isArray();
    JsonNode a = asResponse(data.get("responseA"), chat);
    JsonNode b = asResponse(data.get("responseB"), chat);
    Map<String, JsonNode> row = new LinkedHashMap<>();
    row.put("prompt", prompt);
    row.put("chosen", score > 0 ? a : b);
    row.put("rejected", score > 0 ? b : a);
    row.put("margin", JsonNode.createNumberNode(Math.abs(score)));
    row.put("metadata", metadata == null ? JsonNode.createObjectNode(Map.of()) : metadata);
    return Optional.of(row);
  }

  private static JsonNode asResponse(JsonNode response, boolean chat) {
    if (!chat || response.isArray()) {
      return response;
    }
    Map<String, JsonNode> message = new LinkedHashMap<>();
    message.put("role", JsonNode.createStringNode("assistant"));
    message.put("content", response);
    return JsonNode.createArrayNode(List.of(JsonNode.createObjectNode(message)));
  }
}
