package dev.quorum.quality.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.test.Api;
import dev.quorum.test.Fixtures;
import dev.quorum.test.QuorumTest;
import dev.quorum.test.Unique;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Qualification tests over HTTP on the real servers: taking a test like work, the access and skill
 * it grants, the cooldown after a failure, results for the people who manage the test, and errors.
 */
@QuorumTest
class QualificationTest {

  /** Gold choices of the pairwise test, in the customer's terms. */
  static final List<String> GOLD = List.of("B", "A", "B");

  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  Fixtures fixtures;
  String language;

  @BeforeEach
  void setUp() {
    api = new Api(client);
    fixtures = new Fixtures(api);
    language = Fixtures.isolatedLanguage();
  }

  @Test
  void passingACustomersTestOpensItsProject() {
    Fixtures.Customer customer = fixtures.customer();
    String testId = pairwiseTest(customer.apiKey());
    String projectId =
        project(customer.apiKey(), Map.of("quality", Map.of("qualification", testId)));
    importTasks(customer.apiKey(), projectId, 1);
    Fixtures.Person annotator = fixtures.annotator(List.of(language), 1);

    assertThat(nextTask(annotator).status()).as("not qualified yet").isEqualTo(204);
    assertThat(statusIn(annotator, testId))
        .containsEntry("status", "available")
        .containsEntry("items", 3)
        .containsEntry("kind", "pairwise")
        .doesNotContainKey("cooldownUntil");

    Map<String, Object> last = null;
    for (int i = 0; i < GOLD.size(); i++) {
      Api.Response shown = next(annotator, testId);
      assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
      assertThat(shown.body())
          .containsEntry("qualificationId", testId)
          .containsEntry("position", i)
          .containsEntry("total", 3)
          .containsEntry("kind", "pairwise")
          .containsEntry("instructions", "Pick the more helpful response.");
      assertThat(next(annotator, testId).body())
          .as("the same item, shown the same way, until it is answered")
          .isEqualTo(shown.body());
      if (i == 1) {
        assertThat(statusIn(annotator, testId)).containsEntry("status", "in-progress");
      }
      String choice = shownChoice(shown, GOLD.get(i));
      Api.Response answered = answer(annotator, testId, i, Map.of("choice", choice));
      assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
      Map<String, Object> feedback = map(answered.body().get("feedback"));
      assertThat(feedback).containsEntry("correct", true).containsEntry("explanation", "why " + i);
      assertThat(map(feedback.get("expected")))
          .as("the gold answer in the order this annotator was shown")
          .containsEntry("choice", choice);
      assertThat(answered.body()).containsEntry("answered", i + 1).containsEntry("total", 3);
      if (i < GOLD.size() - 1) {
        assertThat(answered.body()).doesNotContainKey("result");
      }
      last = answered.body();
    }
    assertThat(map(last.get("result")))
        .containsEntry("passed", true)
        .containsEntry("score", 1.0)
        .doesNotContainKey("cooldownUntil");

    // The last answer again returns the first result; a changed answer is refused.
    Api.Response again = answer(annotator, testId, 2, Map.of("choice", shownChoiceOf(last)));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(last);
    Api.Response changed = answer(annotator, testId, 2, Map.of("choice", "tie"));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(422);

    Api.Response retake = next(annotator, testId);
    assertThat(retake.status()).isEqualTo(409);
    assertThat((String) retake.get("detail")).contains("already passed");
    assertThat(statusIn(annotator, testId)).containsEntry("status", "passed");

    Api.Response work = nextTask(annotator);
    assertThat(work.status()).as(work.toString()).isEqualTo(200);
    assertThat(map(work.body().get("task"))).containsEntry("projectId", projectId);
  }

  @Test
  void failingStartsACooldownAndResultsShowEveryAttempt() {
    Fixtures.Customer customer = fixtures.customer();
    String testId = pairwiseTest(customer.apiKey());
    String vendor = Unique.name("vendor");
    String manager = manager(vendor);
    Fixtures.Person passes = vendorAnnotator(manager);
    Fixtures.Person fails = vendorAnnotator(manager);

    takeTest(passes, testId, true);
    Map<String, Object> failed = takeTest(fails, testId, false);
    assertThat(failed).containsEntry("passed", false).containsEntry("score", 0.0);
    Instant cooldownUntil = Instant.parse((String) failed.get("cooldownUntil"));
    assertThat(cooldownUntil)
        .isBetween(
            Instant.now().plus(Duration.ofHours(24)).minusSeconds(120),
            Instant.now().plus(Duration.ofHours(24)).plusSeconds(120));

    Api.Response retry = next(fails, testId);
    assertThat(retry.status()).as(retry.toString()).isEqualTo(409);
    assertThat((String) retry.get("detail")).contains("take it again from " + cooldownUntil);
    assertThat(statusIn(fails, testId))
        .containsEntry("status", "cooldown")
        .containsEntry("cooldownUntil", cooldownUntil.toString());

    Api.Response forCustomer =
        api.get("/api/v1/qualifications/" + testId + "/results", customer.apiKey());
    assertThat(forCustomer.status()).as(forCustomer.toString()).isEqualTo(200);
    Map<String, Map<String, Object>> byAnnotator = attemptsByAnnotator(forCustomer);
    assertThat(byAnnotator).containsOnlyKeys(passes.id(), fails.id());
    assertThat(byAnnotator.get(passes.id()))
        .containsEntry("passed", true)
        .containsEntry("score", 1.0)
        .containsEntry("correct", 3)
        .containsEntry("annotatorName", null)
        .containsEntry("cooldownUntil", null);
    assertThat(byAnnotator.get(fails.id()))
        .containsEntry("passed", false)
        .containsEntry("score", 0.0)
        .containsEntry("answered", 3)
        .containsEntry("cooldownUntil", cooldownUntil.toString());
    assertThat(byAnnotator.get(fails.id()).get("finishedAt")).isNotNull();

    // The annotators' manager sees both, with names; another vendor's manager sees neither.
    Api.Response forManager = api.get("/api/v1/qualifications/" + testId + "/results", manager);
    Map<String, Map<String, Object>> managed = attemptsByAnnotator(forManager);
    assertThat(managed).containsOnlyKeys(passes.id(), fails.id());
    assertThat((String) managed.get(passes.id()).get("annotatorName"))
        .startsWith("Vendor annotator");
    Api.Response otherVendor =
        api.get("/api/v1/qualifications/" + testId + "/results", manager(Unique.name("vendor")));
    assertThat(otherVendor.status()).isEqualTo(200);
    assertThat((List<?>) otherVendor.body().get("attempts")).isEmpty();
  }

  @Test
  void aSkillTestRaisesTheSkill() {
    String skill = Unique.name("legal-review");
    Fixtures.Customer customer = fixtures.customer();
    String projectId =
        project(
            customer.apiKey(),
            Map.of(
                "requirements",
                Map.of(
                    "languages",
                    List.of(language),
                    "skills",
                    List.of(Map.of("name", skill, "minLevel", 3)))));
    importTasks(customer.apiKey(), projectId, 1);

    List<String> gold = List.of("ok", "bad", "ok", "ok", "bad");
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < gold.size(); i++) {
      items.add(
          Map.of(
              "data",
              Map.of("text", "clause " + i),
              "gold",
              Map.of("answer", Map.of("labels", List.of(gold.get(i))))));
    }
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Legal clauses");
    body.put("kind", "classification");
    body.put("labels", List.of("ok", "bad"));
    body.put("grants", Map.of("skill", Map.of("name", skill, "level", 3)));
    body.put("items", items);
    Api.Response created = api.post("/api/v1/qualifications", manager(Unique.name("v")), body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.body())
        .doesNotContainKey("ownerOrgId")
        .containsEntry("passScore", 0.8)
        .containsEntry("items", 5)
        .containsEntry("grants", Map.of("skill", Map.of("name", skill, "level", 3)));
    String testId = created.get("id");
    assertThat(testId).startsWith("qal_");

    Fixtures.Person annotator = fixtures.annotator(List.of(language), Map.of(skill, 1), 1);
    assertThat(nextTask(annotator).status()).as("skill level 1 of the 3 needed").isEqualTo(204);

    Map<String, Object> result = null;
    for (int i = 0; i < gold.size(); i++) {
      Api.Response shown = next(annotator, testId);
      assertThat(map(shown.body().get("answerSettings")))
          .containsEntry("labels", List.of("ok", "bad"));
      // One wrong answer of five: 0.8, exactly the pass score.
      String label = i == 4 ? "ok" : gold.get(i);
      Api.Response answered = answer(annotator, testId, i, Map.of("labels", List.of(label)));
      assertThat(map(answered.body().get("feedback"))).containsEntry("correct", i != 4);
      result = map(answered.body().get("result"));
    }
    assertThat(result).containsEntry("passed", true).containsEntry("score", 0.8);

    Api.Response profile =
        api.get("/api/v1/workforce/annotators/" + annotator.id(), annotator.token());
    assertThat(map(profile.body().get("skills"))).containsEntry(skill, 3);
    Api.Response work = nextTask(annotator);
    assertThat(work.status()).as(work.toString()).isEqualTo(200);
    assertThat(map(work.body().get("task"))).containsEntry("projectId", projectId);
  }

  @Test
  void errorsNameWhatToFixAndOtherOrgsTestsDoNotExist() {
    Fixtures.Customer customer = fixtures.customer();
    Map<String, Object> badChoice = pairwiseBody();
    badChoice.put(
        "items",
        List.of(
            item("p0", "B", null),
            Map.of(
                "data",
                Map.of("prompt", "p1", "responseA", "a", "responseB", "b"),
                "gold",
                Map.of("answer", Map.of("choice", "C")))));
    Api.Response invalid = api.post("/api/v1/qualifications", customer.apiKey(), badChoice);
    assertThat(invalid.status()).isEqualTo(400);
    assertThat((String) invalid.get("detail")).startsWith("items[1].gold.answer.choice");
    assertThat(map(((List<?>) invalid.get("errors")).get(0)))
        .containsEntry("field", "items[1].gold.answer.choice");

    Map<String, Object> badData = pairwiseBody();
    badData.put(
        "items",
        List.of(Map.of("data", Map.of("prompt", "p", "responseA", "a"), "gold", Map.of())));
    assertThat(
            (String) api.post("/api/v1/qualifications", customer.apiKey(), badData).get("detail"))
        .isEqualTo("items[0].data.responseB is missing");

    Map<String, Object> noItems = pairwiseBody();
    noItems.put("items", List.of());
    assertThat(
            (String) api.post("/api/v1/qualifications", customer.apiKey(), noItems).get("detail"))
        .startsWith("items:");

    Map<String, Object> sft = pairwiseBody();
    sft.put("kind", "sft");
    Api.Response sftTest = api.post("/api/v1/qualifications", customer.apiKey(), sft);
    assertThat(sftTest.status()).isEqualTo(400);
    assertThat((String) sftTest.get("detail")).startsWith("kind:").contains("scored automatically");

    Map<String, Object> skill = pairwiseBody();
    skill.put("grants", Map.of("skill", Map.of("name", "x", "level", 2)));
    Api.Response customerSkill = api.post("/api/v1/qualifications", customer.apiKey(), skill);
    assertThat(customerSkill.status()).isEqualTo(400);
    assertThat((String) customerSkill.get("detail")).startsWith("grants.skill:");

    String testId = pairwiseTest(customer.apiKey());
    String other = fixtures.customer().apiKey();
    assertThat(api.get("/api/v1/qualifications/" + testId, customer.apiKey()).status())
        .isEqualTo(200);
    assertThat(api.get("/api/v1/qualifications/" + testId, other).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/qualifications/" + testId + "/results", other).status())
        .isEqualTo(404);

    Fixtures.Person annotator = fixtures.annotator(List.of(language), 1);
    assertThat(next(annotator, "qal_nope").status()).isEqualTo(404);
    Api.Response notShown = answer(annotator, testId, 1, Map.of("choice", "A"));
    assertThat(notShown.status()).as(notShown.toString()).isEqualTo(409);
    next(annotator, testId);
    Api.Response badAnswer = answer(annotator, testId, 0, Map.of("choice", "C"));
    assertThat(badAnswer.status()).isEqualTo(400);
    assertThat((String) badAnswer.get("detail")).startsWith("answer.choice");
    assertThat(api.post("/api/v1/qualifications", annotator.token(), pairwiseBody()).status())
        .as("annotators do not make tests")
        .isEqualTo(403);
  }

  // --- helpers ---

  /** A three-item pairwise test owned by the customer's org; returns its id. */
  @Test
  void aProjectMayNameOnlyATestThatExistsForItsOrg() {
    Fixtures.Customer owner = fixtures.customer();
    Fixtures.Customer other = fixtures.customer();
    String ownersTest = pairwiseTest(owner.apiKey());

    for (String named : new String[] {"qal_no_such_test", ownersTest}) {
      Api.Response refused =
          api.post(
              "/api/v1/projects",
              other.apiKey(),
              Map.of(
                  "name", "Gated", "kind", "pairwise", "quality", Map.of("qualification", named)));
      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      assertThat((String) refused.get("detail"))
          .startsWith("quality.qualification: no qualification test '" + named + "'");
    }

    String projectId = project(other.apiKey(), Map.of());
    Api.Response update =
        api.send(
            io.micronaut.http.HttpRequest.PATCH(
                "/api/v1/projects/" + projectId,
                Map.of("quality", Map.of("qualification", ownersTest))),
            other.apiKey());
    assertThat(update.status()).as(update.toString()).isEqualTo(400);
    Api.Response unchanged = api.get("/api/v1/projects/" + projectId, other.apiKey());
    assertThat(unchanged.status()).isEqualTo(200);
    assertThat(map(unchanged.get("quality")).get("qualification")).isNull();
  }

  private String pairwiseTest(String apiKey) {
    Api.Response created = api.post("/api/v1/qualifications", apiKey, pairwiseBody());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.body()).containsEntry("items", 3).containsEntry("cooldownHours", 24);
    assertThat((String) created.get("id")).startsWith("qal_");
    return created.get("id");
  }

  private Map<String, Object> pairwiseBody() {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Helpfulness check");
    body.put("kind", "pairwise");
    body.put("instructions", "Pick the more helpful response.");
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < GOLD.size(); i++) {
      items.add(item("prompt " + i, GOLD.get(i), "why " + i));
    }
    body.put("items", items);
    return body;
  }

  private static Map<String, Object> item(String prompt, String choice, String explanation) {
    Map<String, Object> gold = new HashMap<>();
    gold.put("answer", Map.of("choice", choice));
    if (explanation != null) {
      gold.put("explanation", explanation);
    }
    return Map.of(
        "data",
        Map.of(
            "prompt", prompt, "responseA", "left of " + prompt, "responseB", "right of " + prompt),
        "gold",
        gold);
  }

  /**
   * Answers every item of the pairwise test, all right or all wrong (a wrong answer is "tie": never
   * gold here); returns the result of the last answer.
   */
  private Map<String, Object> takeTest(Fixtures.Person annotator, String testId, boolean right) {
    Map<String, Object> result = null;
    for (int i = 0; i < GOLD.size(); i++) {
      Api.Response shown = next(annotator, testId);
      assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
      String choice = right ? shownChoice(shown, GOLD.get(i)) : "tie";
      Api.Response answered = answer(annotator, testId, i, Map.of("choice", choice));
      assertThat(map(answered.body().get("feedback"))).containsEntry("correct", right);
      result = map(answered.body().get("result"));
    }
    return result;
  }

  /** The gold choice (customer's terms) in the order {@code shown} lists the responses. */
  private static String shownChoice(Api.Response shown, String gold) {
    Map<String, Object> data = map(shown.body().get("data"));
    boolean swapped = ((String) data.get("responseA")).startsWith("right of");
    if (!swapped || gold.equals("tie")) {
      return gold;
    }
    return gold.equals("A") ? "B" : "A";
  }

  private static String shownChoiceOf(Map<String, Object> answered) {
    return (String) map(map(answered.get("feedback")).get("expected")).get("choice");
  }

  private Api.Response next(Fixtures.Person annotator, String testId) {
    return api.post(
        "/api/v1/annotator/qualifications/" + testId + "/next", annotator.token(), null);
  }

  private Api.Response answer(
      Fixtures.Person annotator, String testId, int position, Map<String, Object> answer) {
    return api.post(
        "/api/v1/annotator/qualifications/" + testId + "/answer",
        annotator.token(),
        Map.of("position", position, "answer", answer));
  }

  private Api.Response nextTask(Fixtures.Person annotator) {
    return api.post("/api/v1/annotator/next-task", annotator.token(), null);
  }

  private Map<String, Object> statusIn(Fixtures.Person annotator, String testId) {
    Api.Response list = api.get("/api/v1/annotator/qualifications", annotator.token());
    assertThat(list.status()).isEqualTo(200);
    return list.list().stream()
        .map(QualificationTest::map)
        .filter(t -> testId.equals(t.get("id")))
        .findFirst()
        .orElseThrow(() -> new AssertionError(testId + " is not listed: " + list));
  }

  private static Map<String, Map<String, Object>> attemptsByAnnotator(Api.Response results) {
    Map<String, Map<String, Object>> byAnnotator = new HashMap<>();
    for (Object attempt : (List<?>) results.body().get("attempts")) {
      Map<String, Object> a = map(attempt);
      byAnnotator.put((String) a.get("annotatorId"), a);
    }
    return byAnnotator;
  }

  /** A project of this test's isolated language; returns its id. */
  private String project(String apiKey, Map<String, Object> settings) {
    Map<String, Object> body = new HashMap<>(settings);
    body.put("name", "Gated work");
    body.put("kind", "pairwise");
    body.putIfAbsent("requirements", Map.of("languages", List.of(language)));
    Api.Response project = api.post("/api/v1/projects", apiKey, body);
    assertThat(project.status()).as(project.toString()).isEqualTo(201);
    return project.get("id");
  }

  private void importTasks(String apiKey, String projectId, int count) {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < count; i++) {
      lines.append(
          "{\"externalId\":\"t-"
              + i
              + "\",\"data\":{\"prompt\":\"work "
              + i
              + "\",\"responseA\":\"a\",\"responseB\":\"b\"}}\n");
    }
    Api.Response imported =
        api.send(
            HttpRequest.POST("/api/v1/projects/" + projectId + "/tasks", lines.toString())
                .contentType(MediaType.of("application/x-ndjson")),
            apiKey);
    assertThat(imported.status()).as(imported.toString()).isEqualTo(202);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      Map<String, Object> progress =
          map(api.get("/api/v1/projects/" + projectId, apiKey).body().get("progress"));
      if (((Number) progress.get("unitsReady")).intValue() >= count) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("tasks not leasable in time: " + progress);
      }
      sleep(50);
    }
  }

  /** A manager of {@code vendor}, logged in; returns the token. */
  private String manager(String vendor) {
    String email = Unique.email("manager");
    Api.Response created =
        api.post(
            "/api/v1/workforce/managers",
            fixtures.admin(),
            Map.of("email", email, "password", "manager-password", "name", "M", "vendor", vendor));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return api.login(email, "manager-password");
  }

  /** An annotator onboarded by {@code managerToken}, so of the manager's vendor. */
  private Fixtures.Person vendorAnnotator(String managerToken) {
    String email = Unique.email("vendor-annotator");
    Api.Response created =
        api.post(
            "/api/v1/workforce/annotators",
            managerToken,
            Map.of(
                "email",
                email,
                "password",
                "annotator-password",
                "name",
                "Vendor annotator " + email,
                "languages",
                List.of(language),
                "tier",
                1));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return new Fixtures.Person(
        created.get("id"), email, "annotator-password", api.login(email, "annotator-password"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
