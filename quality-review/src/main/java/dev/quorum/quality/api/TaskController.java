package dev.quorum.quality.api;

import dev.quorum.dispatch.DispatchService;
import dev.quorum.dispatch.TaskData;
import dev.quorum.dispatch.project.ProjectService;
import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.identity.Caller;
import dev.quorum.quality.QualityService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A task as the customer sent it, with its annotations and quality's decision. */
@Controller("/api/v1/projects/{projectId}/tasks")
@Secured("CUSTOMER")
class TaskController {

  private final ProjectService projects;
  private final DispatchService dispatch;
  private final QualityService quality;

  TaskController(ProjectService projects, DispatchService dispatch, QualityService quality) {
    this.projects = projects;
    this.dispatch = dispatch;
    this.quality = quality;
  }

  @Serdeable
  record TaskView(
      TaskData task,
      List<QualityService.Annotation> annotations,
      @Nullable QualityService.Outcome outcome) {}

  @Get("/{taskId}")
  TaskView byId(String projectId, String taskId, Authentication authentication) {
    projects.require(Caller.of(authentication).customerOrg(), projectId);
    return view(
        dispatch
            .task(projectId, taskId)
            .orElseThrow(() -> ProblemException.notFound("task " + taskId)));
  }

  /** {@code ?externalId=…}: the task by the customer's own id. */
  @Get
  TaskView byExternalId(
      String projectId, @Nullable @QueryValue String externalId, Authentication authentication) {
    projects.require(Caller.of(authentication).customerOrg(), projectId);
    if (externalId == null || externalId.isBlank()) {
      throw ProblemException.invalidField("externalId", "name the task: ?externalId=…");
    }
    return view(
        dispatch
            .taskByExternalId(projectId, externalId)
            .orElseThrow(() -> ProblemException.notFound("task with externalId " + externalId)));
  }

  private TaskView view(TaskData task) {
    // The outcome first: it commits after every judgement it counts, so the annotations read next
    // include them. Read the other way round, a decision could show with a judgement missing.
    QualityService.Outcome outcome = quality.outcome(task.id()).orElse(null);
    return new TaskView(task, quality.annotations(task.id()), outcome);
  }
}
