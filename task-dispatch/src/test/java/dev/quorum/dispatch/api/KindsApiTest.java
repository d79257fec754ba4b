package dev.quorum.dispatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.test.Api;
import dev.quorum.test.Fixtures;
import dev.quorum.test.Harness;
import dev.quorum.test.QuorumTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind: settings, import validation, what the annotator sees, answers and their errors. */
@QuorumTest
class KindsApiTest {

  @Inject
  @Client("/")
  HttpClient client;

  Harness h;
  Fixtures.Customer customer;

  @BeforeEach
  void setUp() {
    h = new Harness(new Api(client));
    customer = h.fixtures.customer();
  }

  /**
   * Imports one good and one bad line, leases the good one, tries bad answers, submits a good one.
   */
  private void roundTrip(
      String kind,
      Map<String, Object> settings,
      String goodData,
      String badData,
      String badDataError,
      List<Map<String, Object>> badAnswers,
      List<String> badAnswerFields,
      Map<String, Object> goodAnswer) {
    String projectId = (String) h.project(customer.apiKey(), kind, settings).get("id");
    Api.Response imported =
        h.importLines(
            customer.apiKey(),
            projectId,
            List.of(
                "{\"externalId\":\"good\",\"data\":" + goodData + "}",
                "{\"externalId\":\"bad\",\"data\":" + badData + "}"));
    assertThat(imported.body()).containsEntry("accepted", 1).containsEntry("rejectedCount", 1);
    @SuppressWarnings("unchecked")
    Map<String, Object> error =
        ((List<Map<String, Object>>) imported.body().get("rejected")).get(0);
    assertThat(error).containsEntry("line", 2);
    assertThat((String) error.get("error")).contains(badDataError);
    h.awaitTasks(customer.apiKey(), projectId, 1);

    Fixtures.Person annotator = h.fixtures.annotator(List.of(h.language), 1);
    Api.Response next = h.next(annotator.token());
    assertThat(next.status()).isEqualTo(200);
    assertThat(Harness.task(next)).containsEntry("kind", kind);
    String assignmentId = next.get("assignmentId");
    for (int i = 0; i < badAnswers.size(); i++) {
      Api.Response refused = h.submit(annotator.token(), assignmentId, badAnswers.get(i));
      assertThat(refused.status()).as(kind + " bad answer " + i).isEqualTo(400);
      assertThat((String) refused.get("detail")).startsWith(badAnswerFields.get(i));
    }
    Api.Response accepted = h.submit(annotator.token(), assignmentId, goodAnswer);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(accepted.body()).containsEntry("status", "resolved");
  }

  @Test
  void shouldRunRankingTasks() {
    roundTrip(
        "ranking",
        Map.of(),
        "{\"prompt\":\"p\",\"responses\":[{\"id\":\"r1\",\"content\":\"x\"},{\"id\":\"r2\",\"content\":\"y\"},{\"id\":\"r3\",\"content\":\"z\"}]}",
        "{\"prompt\":\"p\",\"responses\":[{\"id\":\"r1\",\"content\":\"x\"},{\"id\":\"r1\",\"content\":\"y\"}]}",
        "is used twice",
        List.of(Map.of("order", List.of("r1", "r2")), Map.of("order", List.of("r1", "r1", "r2"))),
        List.of("answer.order", "answer.order"),
        Map.of("order", List.of("r3", "r1", "r2")));
  }

  @Test
  void shouldRunRatingTasks() {
    roundTrip(
        "rating",
        Map.of("scale", Map.of("min", 1, "max", 7), "criteria", List.of("helpful", "safe")),
        "{\"prompt\":\"p\",\"response\":\"r\"}",
        "{\"prompt\":\"p\"}",
        "data.response is missing",
        List.of(
            Map.of("scores", Map.of("helpful", 8, "safe", 3)),
            Map.of("scores", Map.of("helpful", 2))),
        List.of("answer.scores.helpful", "answer.scores.safe"),
        Map.of("scores", Map.of("helpful", 7, "safe", 1)));
  }

  @Test
  void shouldRunClassificationTasks() {
    roundTrip(
        "classification",
        Map.of("labels", List.of("spam", "ham")),
        "{\"text\":[{\"role\":\"user\",\"content\":\"buy now\"}]}",
        "{\"text\":\"t\",\"image\":\"x\"}",
        "data.image is not a classification field",
        List.of(Map.of("labels", List.of("eggs")), Map.of("labels", List.of("spam", "ham"))),
        List.of("answer.labels", "answer.labels"),
        Map.of("labels", List.of("spam")));
  }

  @Test
  void shouldRunSftTasks() {
    roundTrip(
        "sft",
        Map.of(),
        "{\"prompt\":\"write a limerick\"}",
        "{\"prompt\":42}",
        "data.prompt must be a string",
        List.of(Map.of("response", " "), Map.of("text", "x")),
        List.of("answer.response", "answer.text"),
        Map.of("response", "There once was a test…"));
  }

  @Test
  void shouldValidateKindSettingsNamingTheField() {
    Api api = h.api;
    String key = customer.apiKey();
    assertThat(
            detail(
                api.post("/api/v1/projects", key, Map.of("name", "c", "kind", "classification"))))
        .startsWith("labels:");
    assertThat(
            detail(
                api.post(
                    "/api/v1/projects",
                    key,
                    Map.of("name", "r", "kind", "rating", "scale", Map.of("min", 5, "max", 5)))))
        .startsWith("scale:");
    assertThat(
            detail(
                api.post(
                    "/api/v1/projects",
                    key,
                    Map.of("name", "s", "kind", "sft", "labels", List.of("a")))))
        .startsWith("labels:");
    assertThat(detail(api.post("/api/v1/projects", key, Map.of("name", "x", "kind", "video"))))
        .startsWith("kind:");
    assertThat(
            detail(
                api.post(
                    "/api/v1/projects",
                    key,
                    Map.of(
                        "name",
                        "x",
                        "kind",
                        "pairwise",
                        "difficultyRules",
                        List.of(Map.of("minDifficulty", 9, "minTier", 1))))))
        .startsWith("difficultyRules:");
    assertThat(
            detail(
                api.post(
                    "/api/v1/projects",
                    key,
                    Map.of("name", "x", "kind", "pairwise", "leaseSeconds", 5))))
        .startsWith("leaseSeconds:");
    assertThat(
            detail(
                api.post(
                    "/api/v1/projects",
                    key,
                    Map.of(
                        "name",
                        "x",
                        "kind",
                        "pairwise",
                        "pay",
                        Map.of("amount", 1, "currency", "EURO")))))
        .startsWith("pay.currency:");
  }

  private static String detail(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    return response.get("detail");
  }
}
