package dev.quorum.dispatch.intake;

import static dev.quorum.dispatch.store.jooq.Tables.TASK_IMPORT;

import dev.quorum.dispatch.project.Project;
import dev.quorum.dispatch.project.ProjectService;
import dev.quorum.dispatch.store.jooq.tables.records.TaskImportRecord;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.identity.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.io.InputStream;

/** Task import: a JSONL body, streamed. */
@Controller("/api/v1/projects/{projectId}")
@Secured("CUSTOMER")
class ImportController {

  private final ProjectService projects;
  private final ImportService imports;
  private final Tx tx;

  ImportController(ProjectService projects, ImportService imports, Tx tx) {
    this.projects = projects;
    this.imports = imports;
    this.tx = tx;
  }

  @Post(
      value = "/tasks",
      consumes = {
        "application/x-ndjson",
        "application/jsonl",
        "application/json",
        MediaType.TEXT_PLAIN,
        MediaType.APPLICATION_OCTET_STREAM
      })
  HttpResponse<ImportResult> importTasks(
      String projectId, @Nullable @Body InputStream body, Authentication authentication) {
    Project project = projects.require(Caller.of(authentication).customerOrg(), projectId);
    if (body == null) {
      throw ProblemException.badRequest("the body is empty: send one JSON task per line");
    }
    return HttpResponse.accepted().body(imports.importTasks(project, body));
  }

  @Serdeable
  record ImportProgress(
      String importId,
      int accepted,
      int duplicates,
      int rejectedCount,
      int written,
      int failed,
      boolean done) {}

  /**
   * Lines that another import running at the same time wrote first are duplicates, not accepted, so
   * that the import still ends.
   */
  private static ImportProgress progressOf(TaskImportRecord r) {
    int accepted = Math.max(0, r.getAccepted() - r.getLateDuplicates());
    return new ImportProgress(
        r.getId(),
        accepted,
        r.getDuplicates() + r.getLateDuplicates(),
        r.getRejected(),
        r.getWritten(),
        r.getFailed(),
        r.getWritten() + r.getFailed() >= accepted);
  }

  @Get("/imports/{importId}")
  ImportProgress progress(String projectId, String importId, Authentication authentication) {
    projects.require(Caller.of(authentication).customerOrg(), projectId);
    return tx.read(
        dsl ->
            dsl.selectFrom(TASK_IMPORT)
                .where(TASK_IMPORT.ID.eq(importId))
                .and(TASK_IMPORT.PROJECT_ID.eq(projectId))
                .fetchOptional()
                .map(ImportController::progressOf)
                .orElseThrow(() -> ProblemException.notFound("import " + importId)));
  }
}
