package dev.quorum.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.test.Api;
import dev.quorum.test.QuorumTest;
import dev.quorum.test.Unique;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuorumTest
class AuthTest {

  @Inject
  @Client("/")
  HttpClient client;

  @Inject UserService users;

  @Test
  void shouldLogInTheBootstrapAdminAndIssueAJwtThatTheApiAccepts() {
    Api api = new Api(client);
    Api.Response login =
        api.post(
            "/api/v1/auth/login",
            null,
            Map.of("email", "admin@quorum.test", "password", "admin-password-for-tests"));
    assertThat(login.status()).isEqualTo(200);
    String token = login.get("accessToken");
    assertThat(token.split("\\.")).hasSize(3);
    String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    assertThat(claims).contains("\"roles\":[\"ADMIN\"]");
    @SuppressWarnings("unchecked")
    Map<String, Object> user = (Map<String, Object>) login.body().get("user");
    assertThat(user).containsEntry("email", "admin@quorum.test").doesNotContainKey("passwordHash");

    Api.Response me = api.get("/api/v1/auth/me", token);
    assertThat(me.status()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    Map<String, Object> meUser = (Map<String, Object>) me.body().get("user");
    assertThat(meUser.get("roles")).isEqualTo(List.of("ADMIN"));
  }

  @Test
  void shouldRejectAWrongPasswordWithAProblem() {
    Api.Response login =
        new Api(client)
            .post(
                "/api/v1/auth/login",
                null,
                Map.of("email", "admin@quorum.test", "password", "not-the-password"));
    assertThat(login.status()).isEqualTo(401);
    assertThat(login.raw().getContentType().map(Object::toString))
        .hasValue("application/problem+json");
    assertThat((String) login.get("detail")).contains("email or the password is wrong");
  }

  @Test
  void shouldRejectMissingAndForgedTokens() {
    Api api = new Api(client);
    Api.Response anonymous = api.get("/api/v1/auth/me", null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat((String) anonymous.get("detail")).contains("Authorization: Bearer");

    String admin = api.login("admin@quorum.test", "admin-password-for-tests");
    String[] parts = admin.split("\\.");
    String forgedClaims =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]))
                    .replace("ADMIN", "ADMIN\",\"X")
                    .getBytes());
    assertThat(api.get("/api/v1/auth/me", parts[0] + "." + forgedClaims + "." + parts[2]).status())
        .isEqualTo(401);
  }

  @Test
  void shouldLockAnAccountAfterRepeatedFailuresWhateverTheAddress() {
    String email = Unique.email("lockout");
    users.create(
        new NewUser(email, "right-password", "Lock Out", Set.of(Role.ANNOTATOR), null, null));
    Api api = new Api(client);
    for (int i = 0; i < UserService.MAX_FAILED_LOGINS; i++) {
      assertThat(
              api.post("/api/v1/auth/login", null, Map.of("email", email, "password", "wrong"))
                  .status())
          .isEqualTo(401);
    }
    Api.Response locked =
        api.post("/api/v1/auth/login", null, Map.of("email", email, "password", "right-password"));
    assertThat(locked.status()).isEqualTo(429);
    assertThat((String) locked.get("detail")).contains("too many failed logins");
  }

  @Test
  void shouldKeepRoleRulesOnEveryEndpoint() {
    String email = Unique.email("annotator");
    users.create(new NewUser(email, "annotator-pass", "Ann", Set.of(Role.ANNOTATOR), null, null));
    Api api = new Api(client);
    String token = api.login(email, "annotator-pass");
    Api.Response createOrg = api.post("/api/v1/orgs", token, Map.of("name", "Not allowed"));
    assertThat(createOrg.status()).isEqualTo(403);
    assertThat((String) createOrg.get("detail")).contains("role");
  }
}
