package dev.quorum.dispatch.project;

import dev.quorum.platform.identity.Caller;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Customers' projects: create, list, and settings with progress. */
@Controller("/api/v1/projects")
@Secured("CUSTOMER")
class ProjectController {

  private final ProjectService projects;

  ProjectController(ProjectService projects) {
    this.projects = projects;
  }

  @Post
  HttpResponse<ProjectView> create(@Body ProjectRequest body, Authentication authentication) {
    Project project = projects.create(Caller.of(authentication).customerOrg(), body);
    return HttpResponse.created(ProjectView.of(project, projects.progress(project.id())));
  }

  @Get
  List<Project> list(Authentication authentication) {
    return projects.list(Caller.of(authentication).customerOrg());
  }

  @Get("/{id}")
  ProjectView get(String id, Authentication authentication) {
    Project project = projects.require(Caller.of(authentication).customerOrg(), id);
    return ProjectView.of(project, projects.progress(id));
  }

  /** The project's fields at the top level, plus its progress counts. */
  @Serdeable
  record ProjectView(
      String id,
      String orgId,
      String name,
      String kind,
      String instructions,
      String status,
      ProjectSettings.Overlap overlap,
      double goldRatio,
      ProjectSettings.Requirements requirements,
      int priority,
      int leaseSeconds,
      ProjectSettings.Pay pay,
      List<String> criteria,
      java.time.Instant createdAt,
      ProjectService.Progress progress) {

    static ProjectView of(Project p, ProjectService.Progress progress) {
      ProjectSettings s = p.settings();
      return new ProjectView(
          p.id(),
          p.orgId(),
          p.name(),
          p.kind(),
          p.instructions(),
          p.status(),
          s.overlap(),
          s.goldRatio(),
          s.requirements(),
          s.priority(),
          s.leaseSeconds(),
          s.pay(),
          s.criteria(),
          p.createdAt(),
          progress);
    }
  }
}
