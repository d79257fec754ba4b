package dev.quorum.dispatch.lease;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * The answer to next-task: the current assignment and, prefetched, the one after it. {@code
 * task.data} lists the responses in the order shown.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NextTask(
    String assignmentId, Instant leaseExpiresAt, ShownTask task, @Nullable NextTask next) {

  @Serdeable
  public record ShownTask(
      String id, String projectId, String kind, String instructions, JsonNode data) {}
}
