package dev.quorum.export.job;

import dev.quorum.dispatch.project.Project;
import dev.quorum.dispatch.project.ProjectService;
import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.identity.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

/** Start an export, watch it, download its files. */
@Controller("/api/v1")
@Secured("CUSTOMER")
class ExportController {

  private final ProjectService projects;
  private final ExportService exports;

  ExportController(ProjectService projects, ExportService exports) {
    this.projects = projects;
    this.exports = exports;
  }

  @Serdeable
  record ExportRequest(@Nullable String format) {}

  @Serdeable
  record ExportAccepted(String exportId, String status) {}

  @Post("/projects/{projectId}/exports")
  HttpResponse<ExportAccepted> start(
      String projectId, @Nullable @Body ExportRequest body, Authentication authentication) {
    Project project = projects.require(Caller.of(authentication).customerOrg(), projectId);
    String id =
        exports.request(
            project, body == null || body.format() == null ? "preference" : body.format());
    return HttpResponse.accepted().body(new ExportAccepted(id, "queued"));
  }

  @Get("/exports/{id}")
  ExportView get(String id, Authentication authentication) {
    return exports
        .find(Caller.of(authentication).customerOrg(), id)
        .orElseThrow(() -> ProblemException.notFound("export " + id));
  }

  @Get("/exports/{id}/files/{name}")
  HttpResponse<byte[]> file(String id, String name, Authentication authentication) {
    String org = Caller.of(authentication).customerOrg();
    ExportView export =
        exports.find(org, id).orElseThrow(() -> ProblemException.notFound("export " + id));
    if (!export.status().equals("done")) {
      throw ProblemException.conflict(
          "export " + id + " is " + export.status() + "; files are ready when it is done");
    }
    byte[] content =
        exports
            .file(org, id, name)
            .orElseThrow(() -> ProblemException.notFound("file " + name + " of export " + id));
    MediaType type =
        name.endsWith(".jsonl")
            ? MediaType.of("application/jsonl")
            : name.endsWith(".json") ? MediaType.APPLICATION_JSON_TYPE : MediaType.TEXT_PLAIN_TYPE;
    return HttpResponse.ok(content)
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
  }
}
