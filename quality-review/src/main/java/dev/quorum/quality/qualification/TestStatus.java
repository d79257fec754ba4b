package dev.quorum.quality.qualification;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A test as one annotator sees it in their list: {@code status} is {@code available}, {@code
 * in-progress}, {@code passed} or {@code cooldown} (with {@code cooldownUntil}).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TestStatus(
    String id,
    String name,
    String kind,
    String instructions,
    int items,
    String status,
    @Nullable Instant cooldownUntil) {

  static final String AVAILABLE = "available";
  static final String IN_PROGRESS = "in-progress";
  static final String PASSED = "passed";
  static final String COOLDOWN = "cooldown";
}
