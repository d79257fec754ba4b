package dev.quorum.quality.qualification;

import dev.quorum.platform.identity.Caller;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

/**
 * Qualification tests for the people who make them: admins and workforce managers (platform-wide
 * tests, which may raise a skill) and customers (their org's tests, for their projects).
 */
@Controller("/api/v1/qualifications")
@Secured({"ADMIN", "MANAGER", "CUSTOMER"})
class QualificationController {

  private final QualificationService qualifications;

  QualificationController(QualificationService qualifications) {
    this.qualifications = qualifications;
  }

  @Post
  HttpResponse<QualificationView> create(
      @Body QualificationRequest body, Authentication authentication) {
    return HttpResponse.created(
        QualificationView.of(qualifications.create(Caller.of(authentication), body)));
  }

  @Get("/{id}")
  QualificationView get(String id, Authentication authentication) {
    return QualificationView.of(qualifications.requireManaged(Caller.of(authentication), id));
  }

  @Get("/{id}/results")
  Results results(String id, Authentication authentication) {
    return qualifications.results(Caller.of(authentication), id);
  }
}
