package dev.quorum.dispatch.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Event {@code annotation.submitted} on {@code quorum.annotations}, keyed by project id. The answer
 * is in the customer's terms; {@code swapped} records the order the annotator saw.
 */
@Serdeable
public record AnnotationSubmitted(
    String assignmentId,
    String unitId,
    String taskId,
    String projectId,
    String orgId,
    String annotatorId,
    String kind,
    JsonNode answer,
    boolean swapped,
    boolean gold,
    @Nullable Boolean goldCorrect,
    @Nullable Long durationMs,
    Instant submittedAt,
    int overlapMin,
    int overlapMax,
    double agreementTarget,
    BigDecimal payAmount,
    String payCurrency) {

  public static final String TYPE = "annotation.submitted";
}
