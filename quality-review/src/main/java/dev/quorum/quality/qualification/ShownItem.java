package dev.quorum.quality.qualification;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The item an annotator answers next. {@code data} is in the order shown (for pairwise, {@code
 * responseA} is the left one); the answer refers to that order. {@code position} counts from 0.
 */
@Serdeable
public record ShownItem(
    String qualificationId,
    String attemptId,
    int position,
    int total,
    String kind,
    String instructions,
    AnswerSettings answerSettings,
    JsonNode data) {}
