package dev.quorum.workforce.earnings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/**
 * The part of dispatch's {@code annotation.submitted} event that pay needs. Workforce sits upstream
 * of dispatch, so it reads the event's JSON, not dispatch's class.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
record SubmittedWork(
    String assignmentId,
    String projectId,
    String orgId,
    String annotatorId,
    BigDecimal payAmount,
    String payCurrency) {}
