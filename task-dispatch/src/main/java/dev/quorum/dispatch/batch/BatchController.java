package dev.quorum.dispatch.batch;

import dev.quorum.dispatch.project.ProjectService;
import dev.quorum.platform.identity.Caller;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.List;

/** A project's batches: progress, pause, resume, finalize. */
@Controller("/api/v1/projects/{projectId}/batches")
@Secured("CUSTOMER")
class BatchController {

  private final ProjectService projects;
  private final BatchService batches;

  BatchController(ProjectService projects, BatchService batches) {
    this.projects = projects;
    this.batches = batches;
  }

  @Get
  List<BatchService.BatchView> list(String projectId, Authentication authentication) {
    projects.require(Caller.of(authentication).customerOrg(), projectId);
    return batches.list(projectId);
  }

  @Post("/{batch}/pause")
  List<BatchService.BatchView> pause(
      String projectId, String batch, Authentication authentication) {
    projects.require(Caller.of(authentication).customerOrg(), projectId);
    batches.pause(projectId, batch);
    return batches.list(projectId);
  }

  @Post("/{batch}/resume")
  List<BatchService.BatchView> resume(
      String projectId, String batch, Authentication authentication) {
    projects.require(Caller.of(authentication).customerOrg(), projectId);
    batches.resume(projectId, batch);
    return batches.list(projectId);
  }

  @Post("/{batch}/finalize")
  List<BatchService.BatchView> finalize(
      String projectId, String batch, Authentication authentication) {
    projects.require(Caller.of(authentication).customerOrg(), projectId);
    batches.finalize(projectId, batch);
    return batches.list(projectId);
  }
}
