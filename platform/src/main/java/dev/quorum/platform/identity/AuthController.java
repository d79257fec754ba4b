package dev.quorum.platform.identity;

import dev.quorum.platform.error.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

/** Login for people (admins, customers, managers, reviewers, annotators). */
@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuthController {

  private final UserService users;
  private final TokenIssuer tokens;

  AuthController(UserService users, TokenIssuer tokens) {
    this.users = users;
    this.tokens = tokens;
  }

  @Serdeable
  record LoginRequest(@Nullable String email, @Nullable String password) {}

  @Serdeable
  record LoginResponse(String accessToken, String tokenType, int expiresIn, UserView user) {}

  @Post("/login")
  @Secured(SecurityRule.IS_ANONYMOUS)
  LoginResponse login(@Body LoginRequest request) {
    User user = users.login(request.email(), request.password());
    return new LoginResponse(
        tokens.issue(user), "Bearer", tokens.expirySeconds(), UserView.of(user));
  }

  @Serdeable
  record Me(@Nullable UserView user, Caller caller) {}

  /** Who the caller is: the user for a login, the org for an API key. */
  @Get("/me")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  Me me(Authentication authentication) {
    Caller caller = Caller.of(authentication);
    if (caller.userId() == null) {
      return new Me(null, caller);
    }
    User user =
        users
            .find(caller.userId())
            .orElseThrow(() -> ProblemException.notFound("user " + caller.userId()));
    return new Me(UserView.of(user), caller);
  }
}
