package dev.quorum.test;

import java.util.List;
import java.util.Map;

/** Orgs, keys and people made over the API, for tests that need a cast. */
public final class Fixtures {

  public static final String ADMIN_EMAIL = "admin@quorum.test";
  public static final String ADMIN_PASSWORD = "admin-password-for-tests";

  private final Api api;
  private String adminToken;

  public Fixtures(Api api) {
    this.api = api;
  }

  public record Customer(String orgId, String apiKey) {}

  public record Person(String id, String email, String password, String token) {}

  public String admin() {
    if (adminToken == null) {
      adminToken = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }
    return adminToken;
  }

  /** A new org and an API key for it. */
  public Customer customer() {
    Api.Response org = api.post("/api/v1/orgs", admin(), Map.of("name", Unique.name("org")));
    require(org, 201);
    String orgId = org.get("id");
    Api.Response key =
        api.post("/api/v1/orgs/" + orgId + "/api-keys", admin(), Map.of("name", "test"));
    require(key, 201);
    return new Customer(orgId, key.get("key"));
  }

  /** A new annotator speaking {@code languages}, logged in. */
  public Person annotator(List<String> languages, int tier) {
    return annotator(languages, Map.of(), tier);
  }

  /** A new annotator with skills ({@code name -> level}), logged in. */
  public Person annotator(List<String> languages, Map<String, Integer> skills, int tier) {
    return person(languages, skills, tier, false);
  }

  /** A new annotator who also holds the REVIEWER role, logged in. */
  public Person reviewer(List<String> languages) {
    return person(languages, Map.of(), 3, true);
  }

  private Person person(
      List<String> languages, Map<String, Integer> skills, int tier, boolean reviewer) {
    String email = Unique.email(reviewer ? "reviewer" : "annotator");
    String password = "annotator-password";
    Api.Response created =
        api.post(
            "/api/v1/workforce/annotators",
            admin(),
            Map.of(
                "email", email,
                "password", password,
                "name", "Annotator " + email.substring(0, email.indexOf('@')),
                "languages", languages,
                "skills",
                    skills.entrySet().stream()
                        .map(e -> Map.of("name", e.getKey(), "level", e.getValue()))
                        .toList(),
                "tier", tier,
                "reviewer", reviewer));
    require(created, 201);
    return new Person(created.get("id"), email, password, api.login(email, password));
  }

  /** A language tag no other test uses: projects that require it are this test's alone. */
  public static String isolatedLanguage() {
    return "qaa-x" + Unique.name("t").replaceAll("[^0-9]", "");
  }

  private static void require(Api.Response response, int status) {
    if (response.status() != status) {
      throw new AssertionError("expected " + status + " but got " + response);
    }
  }
}
