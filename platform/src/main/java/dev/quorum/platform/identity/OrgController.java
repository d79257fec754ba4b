package dev.quorum.platform.identity;

import dev.quorum.platform.error.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Customer orgs, their API keys and their console users. */
@Controller("/api/v1/orgs")
@ExecuteOn(TaskExecutors.BLOCKING)
class OrgController {

  private final OrgService orgs;
  private final ApiKeyService apiKeys;
  private final UserService users;

  OrgController(OrgService orgs, ApiKeyService apiKeys, UserService users) {
    this.orgs = orgs;
    this.apiKeys = apiKeys;
    this.users = users;
  }

  @Serdeable
  record CreateOrg(@Nullable String name) {}

  @Post
  @Secured("ADMIN")
  HttpResponse<Org> create(@Body CreateOrg body) {
    return HttpResponse.created(orgs.create(body.name()));
  }

  @Get
  @Secured("ADMIN")
  List<Org> list() {
    return orgs.list();
  }

  @Get("/{id}")
  @Secured({"ADMIN", "CUSTOMER"})
  Org get(String id, Authentication authentication) {
    return visibleOrg(id, authentication);
  }

  @Serdeable
  record CreateApiKey(@Nullable String name) {}

  @Serdeable
  record CreatedApiKey(
      String id, String key, String prefix, String name, String orgId, Instant createdAt) {}

  @Post("/{id}/api-keys")
  @Secured({"ADMIN", "CUSTOMER"})
  HttpResponse<CreatedApiKey> createKey(
      String id, @Nullable @Body CreateApiKey body, Authentication authentication) {
    visibleOrg(id, authentication);
    ApiKeyService.Created created = apiKeys.create(id, body == null ? null : body.name());
    ApiKey key = created.apiKey();
    return HttpResponse.created(
        new CreatedApiKey(
            key.id(), created.key(), key.prefix(), key.name(), key.orgId(), key.createdAt()));
  }

  @Get("/{id}/api-keys")
  @Secured({"ADMIN", "CUSTOMER"})
  List<ApiKey> listKeys(String id, Authentication authentication) {
    visibleOrg(id, authentication);
    return apiKeys.list(id);
  }

  @Delete("/{id}/api-keys/{keyId}")
  @Status(HttpStatus.NO_CONTENT)
  @Secured({"ADMIN", "CUSTOMER"})
  void revokeKey(String id, String keyId, Authentication authentication) {
    visibleOrg(id, authentication);
    apiKeys.revoke(id, keyId);
  }

  @Serdeable
  record CreateCustomerUser(
      @Nullable String email, @Nullable String password, @Nullable String name) {}

  @Post("/{id}/users")
  @Secured({"ADMIN", "CUSTOMER"})
  HttpResponse<UserView> createUser(
      String id, @Body CreateCustomerUser body, Authentication authentication) {
    visibleOrg(id, authentication);
    User user =
        users.create(
            new NewUser(
                body.email(), body.password(), body.name(), Set.of(Role.CUSTOMER), id, null));
    return HttpResponse.created(UserView.of(user));
  }

  private Org visibleOrg(String id, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    caller.requireOrg(id, "org " + id);
    return orgs.find(id).orElseThrow(() -> ProblemException.notFound("org " + id));
  }
}
