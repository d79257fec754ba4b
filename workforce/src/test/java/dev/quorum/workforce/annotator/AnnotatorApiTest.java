package dev.quorum.workforce.annotator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.test.Api;
import dev.quorum.test.QuorumTest;
import dev.quorum.test.Unique;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuorumTest
class AnnotatorApiTest {

  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  String admin;

  @BeforeEach
  void login() {
    api = new Api(client);
    admin = api.login("admin@quorum.test", "admin-password-for-tests");
  }

  @Test
  void shouldOnboardAnAnnotatorWhoCanThenLogIn() {
    String email = Unique.email("ann");
    Api.Response created =
        api.post(
            "/api/v1/workforce/annotators",
            admin,
            Map.of(
                "email",
                email,
                "password",
                "annotator-pass",
                "name",
                "Ana Lima",
                "languages",
                List.of("pt-BR", "en"),
                "skills",
                List.of("coding", Map.of("name", "medicine", "level", 4)),
                "tier",
                3,
                "timezone",
                "America/Sao_Paulo",
                "payCurrency",
                "brl",
                "reviewer",
                true));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body())
        .containsEntry("languages", List.of("pt-BR", "en"))
        .containsEntry("skills", Map.of("coding", 1, "medicine", 4))
        .containsEntry("tier", 3)
        .containsEntry("payCurrency", "BRL")
        .containsEntry("reviewer", true)
        .containsEntry("status", "active");

    String token = api.login(email, "annotator-pass");
    Api.Response me = api.get("/api/v1/auth/me", token);
    @SuppressWarnings("unchecked")
    Map<String, Object> user = (Map<String, Object>) me.body().get("user");
    assertThat(user.get("roles")).isEqualTo(List.of("REVIEWER", "ANNOTATOR"));
    assertThat(api.get("/api/v1/workforce/annotators/" + created.get("id"), token).status())
        .isEqualTo(200);
  }

  @Test
  void shouldNameTheFieldThatIsWrong() {
    Map<String, Object> base =
        Map.of("email", Unique.email("bad"), "password", "annotator-pass", "name", "Bad");
    assertThat(detail(with(base, "tier", 9))).startsWith("tier:");
    assertThat(detail(with(base, "languages", List.of("english please")))).startsWith("languages:");
    assertThat(detail(with(base, "timezone", "Mars/Olympus"))).startsWith("timezone:");
    assertThat(detail(with(base, "payCurrency", "XXXX"))).startsWith("payCurrency:");
    assertThat(detail(with(base, "skills", List.of(Map.of("name", "x", "level", 7)))))
        .startsWith("skills:");
    assertThat(detail(with(base, "email", "nope"))).startsWith("email:");
    // Nothing was half-written: the email is still free.
    assertThat(api.post("/api/v1/workforce/annotators", admin, base).status()).isEqualTo(201);
    assertThat(api.post("/api/v1/workforce/annotators", admin, base).status()).isEqualTo(409);
  }

  @Test
  void shouldKeepManagersToTheirOwnVendor() {
    String managerEmail = Unique.email("manager");
    String vendor = Unique.name("vendor");
    assertThat(
            api.post(
                    "/api/v1/workforce/managers",
                    admin,
                    Map.of(
                        "email",
                        managerEmail,
                        "password",
                        "manager-pass",
                        "name",
                        "M",
                        "vendor",
                        vendor))
                .status())
        .isEqualTo(201);
    String manager = api.login(managerEmail, "manager-pass");
    Api.Response own =
        api.post(
            "/api/v1/workforce/annotators",
            manager,
            Map.of(
                "email",
                Unique.email("vendor-ann"),
                "password",
                "annotator-pass",
                "name",
                "V",
                "vendor",
                "someone-else"));
    assertThat(own.status()).isEqualTo(201);
    assertThat(own.body()).containsEntry("vendor", vendor);
    assertThat(api.get("/api/v1/workforce/annotators/" + own.get("id"), manager).status())
        .isEqualTo(200);

    Api.Response foreign =
        api.post(
            "/api/v1/workforce/annotators",
            admin,
            Map.of("email", Unique.email("foreign"), "password", "annotator-pass", "name", "F"));
    assertThat(api.get("/api/v1/workforce/annotators/" + foreign.get("id"), manager).status())
        .isEqualTo(404);
    // Managers do not create managers.
    assertThat(
            api.post(
                    "/api/v1/workforce/managers",
                    manager,
                    Map.of(
                        "email",
                        Unique.email("m2"),
                        "password",
                        "manager-pass",
                        "name",
                        "M2",
                        "vendor",
                        vendor))
                .status())
        .isEqualTo(403);
  }

  private String detail(Map<String, Object> body) {
    Api.Response response = api.post("/api/v1/workforce/annotators", admin, body);
    assertThat(response.status()).isEqualTo(400);
    return response.get("detail");
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> copy = new java.util.HashMap<>(base);
    copy.put(key, value);
    return copy;
  }
}
