package dev.quorum.quality.imports;

import dev.quorum.dispatch.project.Project;
import dev.quorum.dispatch.project.ProjectService;
import dev.quorum.platform.identity.Caller;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.io.InputStream;

/** Import judgements made elsewhere (JSONL, streamed). */
@Controller("/api/v1/projects/{projectId}/judgements")
@Secured("CUSTOMER")
class JudgementImportController {

  private final ProjectService projects;
  private final JudgementImportService imports;

  JudgementImportController(ProjectService projects, JudgementImportService imports) {
    this.projects = projects;
    this.imports = imports;
  }

  @Post(
      consumes = {
        "application/x-ndjson",
        "application/jsonl",
        "application/json",
        MediaType.TEXT_PLAIN
      })
  HttpResponse<JudgementImportService.Result> importJudgements(
      String projectId, @Body InputStream body, Authentication authentication) {
    Project project = projects.require(Caller.of(authentication).customerOrg(), projectId);
    return HttpResponse.ok(imports.importJudgements(project, body));
  }
}
