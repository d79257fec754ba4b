package dev.quorum.platform.identity;

import static dev.quorum.platform.store.jooq.Tables.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.platform.db.Tx;
import dev.quorum.test.Api;
import dev.quorum.test.QuorumTest;
import dev.quorum.test.Unique;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuorumTest
class ApiKeyAndOrgTest {

  @Inject
  @Client("/")
  HttpClient client;

  @Inject Tx tx;

  Api api;
  String admin;

  @BeforeEach
  void login() {
    api = new Api(client);
    admin = api.login("admin@quorum.test", "admin-password-for-tests");
  }

  private String createOrg(String name) {
    Api.Response org = api.post("/api/v1/orgs", admin, Map.of("name", name));
    assertThat(org.status()).isEqualTo(201);
    return org.get("id");
  }

  @Test
  void shouldShowAKeyOnceStoreOnlyItsHashAndAuthenticateWithIt() {
    String orgId = createOrg(Unique.name("keys"));
    Api.Response created =
        api.post("/api/v1/orgs/" + orgId + "/api-keys", admin, Map.of("name", "ci"));
    assertThat(created.status()).isEqualTo(201);
    String key = created.get("key");
    assertThat(key).startsWith("qk_").hasSizeGreaterThan(40);

    byte[] stored =
        tx.read(
            dsl ->
                dsl.select(API_KEY.KEY_HASH)
                    .from(API_KEY)
                    .where(API_KEY.ORG_ID.eq(orgId))
                    .fetchOne(API_KEY.KEY_HASH));
    assertThat(stored).isEqualTo(ApiKeyService.sha256(key));
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(key);

    Api.Response listed = api.get("/api/v1/orgs/" + orgId + "/api-keys", admin);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.list()).hasSize(1);
    @SuppressWarnings("unchecked")
    Map<String, Object> listedKey = (Map<String, Object>) listed.list().get(0);
    assertThat(listedKey).containsEntry("prefix", key.substring(0, 10)).doesNotContainKey("key");

    Api.Response me = api.get("/api/v1/auth/me", key);
    assertThat(me.status()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    Map<String, Object> caller = (Map<String, Object>) me.body().get("caller");
    assertThat(caller).containsEntry("orgId", orgId).containsEntry("roles", List.of("CUSTOMER"));

    // The key lists its own org's keys, without the secret.
    Api.Response keys =
        api.send(io.micronaut.http.HttpRequest.GET("/api/v1/orgs/" + orgId + "/api-keys"), key);
    assertThat(keys.status()).isEqualTo(200);
    assertThat(keys.raw().getBody(String.class).orElse("")).doesNotContain(key);
  }

  @Test
  void shouldRefuseARevokedKey() {
    String orgId = createOrg(Unique.name("revoke"));
    Api.Response created = api.post("/api/v1/orgs/" + orgId + "/api-keys", admin, Map.of());
    String key = created.get("key");
    String keyId = created.get("id");
    assertThat(api.get("/api/v1/auth/me", key).status()).isEqualTo(200);

    assertThat(api.delete("/api/v1/orgs/" + orgId + "/api-keys/" + keyId, admin).status())
        .isEqualTo(204);
    assertThat(api.get("/api/v1/auth/me", key).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/auth/me", "qk_made-up-key").status()).isEqualTo(401);
  }

  @Test
  void shouldAnswer404ForAnotherOrgsObjects() {
    String orgA = createOrg(Unique.name("org-a"));
    String orgB = createOrg(Unique.name("org-b"));
    String keyA = api.post("/api/v1/orgs/" + orgA + "/api-keys", admin, Map.of()).get("key");
    Api.Response keyB = api.post("/api/v1/orgs/" + orgB + "/api-keys", admin, Map.of());

    // An API key of org A cannot see org B, its keys, or revoke them.
    assertThat(api.get("/api/v1/orgs/" + orgB, keyA).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/orgs/" + orgB + "/api-keys", keyA).status()).isEqualTo(404);
    assertThat(api.delete("/api/v1/orgs/" + orgB + "/api-keys/" + keyB.get("id"), keyA).status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/auth/me", (String) keyB.get("key")).status())
        .as("org B's key still works")
        .isEqualTo(200);
    // Nor can it revoke org B's key through its own org's path.
    assertThat(api.delete("/api/v1/orgs/" + orgA + "/api-keys/" + keyB.get("id"), keyA).status())
        .isEqualTo(404);

    // A customer user of org A, logged in, is held to the same line.
    String email = Unique.email("customer");
    Api.Response user =
        api.post(
            "/api/v1/orgs/" + orgA + "/users",
            keyA,
            Map.of("email", email, "password", "customer-pass", "name", "Cus Tomer"));
    assertThat(user.status()).isEqualTo(201);
    assertThat(user.body().get("roles")).isEqualTo(List.of("CUSTOMER"));
    String customer = api.login(email, "customer-pass");
    assertThat(api.get("/api/v1/orgs/" + orgA, customer).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/orgs/" + orgB, customer).status()).isEqualTo(404);
    Api.Response foreign =
        api.post(
            "/api/v1/orgs/" + orgB + "/users",
            customer,
            Map.of("email", Unique.email("intruder"), "password", "intruder-pass", "name", "X"));
    assertThat(foreign.status()).isEqualTo(404);
    assertThat((String) foreign.get("detail")).doesNotContain("forbidden");
    // Customers cannot create orgs.
    assertThat(api.post("/api/v1/orgs", customer, Map.of("name", "mine")).status()).isEqualTo(403);
  }

  @Test
  void shouldNameTheFieldToFix() {
    Api.Response noName = api.post("/api/v1/orgs", admin, Map.of("name", " "));
    assertThat(noName.status()).isEqualTo(400);
    assertThat((String) noName.get("detail")).startsWith("name:");
    String orgId = createOrg(Unique.name("fields"));
    Api.Response badEmail =
        api.post(
            "/api/v1/orgs/" + orgId + "/users",
            admin,
            Map.of("email", "not-an-email", "password", "long-enough", "name", "N"));
    assertThat(badEmail.status()).isEqualTo(400);
    assertThat((String) badEmail.get("detail")).startsWith("email:");
    Api.Response shortPassword =
        api.post(
            "/api/v1/orgs/" + orgId + "/users",
            admin,
            Map.of("email", Unique.email("short"), "password", "short", "name", "N"));
    assertThat((String) shortPassword.get("detail")).startsWith("password:");
  }
}
