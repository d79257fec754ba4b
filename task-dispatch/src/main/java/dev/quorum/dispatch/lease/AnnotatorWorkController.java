package dev.quorum.dispatch.lease;

import dev.quorum.platform.identity.Caller;
import dev.quorum.platform.json.Json;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** The annotator's loop: take the next task, submit, skip, keep the lease alive. */
@Controller("/api/v1")
@Secured("ANNOTATOR")
class AnnotatorWorkController {

  private final LeaseService leases;
  private final SubmissionService submissions;
  private final Json json;

  AnnotatorWorkController(LeaseService leases, SubmissionService submissions, Json json) {
    this.leases = leases;
    this.submissions = submissions;
    this.json = json;
  }

  @Post("/annotator/next-task")
  HttpResponse<NextTask> nextTask(Authentication authentication) {
    return leases
        .next(Caller.of(authentication).userId())
        .map(HttpResponse::ok)
        .orElseGet(HttpResponse::noContent);
  }

  @Serdeable
  record Released(int released) {}

  /** Gives back the current and the prefetched lease (logout, skip all). */
  @Post("/annotator/release")
  Released release(Authentication authentication) {
    return new Released(leases.releaseAll(Caller.of(authentication).userId()));
  }

  @Serdeable
  record SubmitRequest(@Nullable JsonNode answer, @Nullable Long durationMs) {}

  @Post("/assignments/{id}/submit")
  SubmitResult submit(
      String id,
      @Nullable @Body JsonNode body,
      @Nullable @Header("Idempotency-Key") String idempotencyKey,
      Authentication authentication) {
    SubmitRequest request = json.body(body, SubmitRequest.class);
    return submissions.submit(
        Caller.of(authentication).userId(),
        id,
        request.answer(),
        request.durationMs(),
        idempotencyKey);
  }

  @Serdeable
  record SkipRequest(@Nullable String reason) {}

  @Serdeable
  record SkipResult(String status) {}

  @Post("/assignments/{id}/skip")
  SkipResult skip(String id, @Nullable @Body SkipRequest body, Authentication authentication) {
    leases.skip(Caller.of(authentication).userId(), id, body == null ? null : body.reason());
    return new SkipResult("skipped");
  }

  @Serdeable
  record Heartbeat(Instant leaseExpiresAt) {}

  @Post("/assignments/{id}/heartbeat")
  Heartbeat heartbeat(String id, Authentication authentication) {
    return new Heartbeat(leases.heartbeat(Caller.of(authentication).userId(), id).toInstant());
  }
}
