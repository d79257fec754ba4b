package dev.quorum.quality.report;

import dev.quorum.dispatch.project.ProjectService;
import dev.quorum.platform.identity.Caller;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

/** The customer's view of a project's quality. */
@Controller("/api/v1/projects/{projectId}/quality")
@Secured("CUSTOMER")
class QualityController {

  private final ProjectService projects;
  private final QualityReportService reports;

  QualityController(ProjectService projects, QualityReportService reports) {
    this.projects = projects;
    this.reports = reports;
  }

  @Get
  QualityReport quality(String projectId, Authentication authentication) {
    return reports.report(projects.require(Caller.of(authentication).customerOrg(), projectId));
  }
}
