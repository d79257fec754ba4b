package dev.quorum.dispatch.project;

import dev.quorum.platform.identity.Caller;
import dev.quorum.platform.json.Json;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.List;

/** Customers' projects: create, change, list, and settings with progress. */
@Controller("/api/v1/projects")
@Secured("CUSTOMER")
class ProjectController {

  private final ProjectService projects;
  private final Json json;

  ProjectController(ProjectService projects, Json json) {
    this.projects = projects;
    this.json = json;
  }

  @Post
  HttpResponse<ProjectView> create(@Nullable @Body JsonNode body, Authentication authentication) {
    ProjectRequest request = json.body(body, ProjectRequest.class);
    return HttpResponse.created(
        projects.view(projects.create(Caller.of(authentication).customerOrg(), request)));
  }

  @Patch("/{id}")
  ProjectView update(String id, @Nullable @Body JsonNode body, Authentication authentication) {
    ProjectRequest request = json.body(body, ProjectRequest.class);
    return projects.view(projects.update(Caller.of(authentication).customerOrg(), id, request));
  }

  @Get
  List<ProjectView> list(Authentication authentication) {
    return projects.list(Caller.of(authentication).customerOrg());
  }

  @Get("/{id}")
  ProjectView get(String id, Authentication authentication) {
    return projects.view(projects.require(Caller.of(authentication).customerOrg(), id));
  }
}
