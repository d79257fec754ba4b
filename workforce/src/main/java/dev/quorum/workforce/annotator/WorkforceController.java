package dev.quorum.workforce.annotator;

import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.identity.Caller;
import dev.quorum.platform.identity.NewUser;
import dev.quorum.platform.identity.Role;
import dev.quorum.platform.identity.UserService;
import dev.quorum.platform.identity.UserView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Set;

/** Onboarding of annotators (by admins and vendor managers) and of managers (by admins). */
@Controller("/api/v1/workforce")
class WorkforceController {

  private final AnnotatorService annotators;
  private final UserService users;

  WorkforceController(AnnotatorService annotators, UserService users) {
    this.annotators = annotators;
    this.users = users;
  }

  @Post("/annotators")
  @Secured({"ADMIN", "MANAGER"})
  HttpResponse<Annotator> create(@Body NewAnnotator body, Authentication authentication) {
    return HttpResponse.created(annotators.create(Caller.of(authentication), body));
  }

  @Get("/annotators/{id}")
  @Secured({"ADMIN", "MANAGER", "ANNOTATOR"})
  Annotator get(String id, Authentication authentication) {
    return annotators
        .find(Caller.of(authentication), id)
        .orElseThrow(() -> ProblemException.notFound("annotator " + id));
  }

  @Serdeable
  record NewManager(
      @Nullable String email,
      @Nullable String password,
      @Nullable String name,
      @Nullable String vendor) {}

  @Post("/managers")
  @Secured("ADMIN")
  HttpResponse<UserView> createManager(@Body NewManager body) {
    if (body.vendor() == null || body.vendor().isBlank()) {
      throw ProblemException.invalidField("vendor", "a manager belongs to one vendor: name it");
    }
    return HttpResponse.created(
        UserView.of(
            users.create(
                new NewUser(
                    body.email(),
                    body.password(),
                    body.name(),
                    Set.of(Role.MANAGER),
                    null,
                    body.vendor().trim()))));
  }
}
