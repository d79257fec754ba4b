package dev.quorum.server.quality;

import static dev.quorum.test.Harness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.test.Api;
import dev.quorum.test.Fixtures;
import dev.quorum.test.Harness;
import dev.quorum.test.QuorumTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Judgements of the kinds whose answer is a whole document (ranking, rating, classification) reach
 * quality and decide their task: two annotators who give the same answer, its members in another
 * order, resolve it with that answer as the consensus.
 */
@QuorumTest
class KindOutcomeTest {

  @Inject
  @Client("/")
  HttpClient client;

  Harness work;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(client);
    work = new Harness(api);
  }

  @Test
  void shouldResolveARankingTaskWhenTwoAnnotatorsAgree() {
    Map<String, Object> order = Map.of("order", List.of("r2", "r1"));
    decide(
        "ranking",
        Map.of(),
        "{\"prompt\":\"p\",\"responses\":[{\"id\":\"r1\",\"content\":\"x\"},"
            + "{\"id\":\"r2\",\"content\":\"y\"}]}",
        order,
        order,
        order);
  }

  @Test
  void shouldResolveARatingTaskWhenTwoAnnotatorsAgree() {
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("helpful", 4);
    first.put("safe", 2);
    Map<String, Object> second = new LinkedHashMap<>();
    second.put("safe", 2);
    second.put("helpful", 4);
    decide(
        "rating",
        Map.of("scale", Map.of("min", 1, "max", 5), "criteria", List.of("helpful", "safe")),
        "{\"prompt\":\"p\",\"response\":\"r\"}",
        Map.of("scores", first),
        Map.of("scores", second),
        Map.of("scores", Map.of("helpful", 4, "safe", 2)));
  }

  @Test
  void shouldResolveAClassificationTaskWhenTwoAnnotatorsAgree() {
    Map<String, Object> labels = Map.of("labels", List.of("spam"));
    decide(
        "classification",
        Map.of("labels", List.of("spam", "ham")),
        "{\"text\":\"buy now\"}",
        labels,
        labels,
        labels);
  }

  @SuppressWarnings("unchecked")
  private void decide(
      String kind,
      Map<String, Object> settings,
      String data,
      Map<String, Object> firstAnswer,
      Map<String, Object> secondAnswer,
      Map<String, Object> consensusAnswer) {
    Fixtures.Customer customer = work.fixtures.customer();
    Map<String, Object> withOverlap = new LinkedHashMap<>(settings);
    withOverlap.put("overlap", Map.of("min", 2, "max", 2, "agreementTarget", 1.0));
    String projectId = (String) work.project(customer.apiKey(), kind, withOverlap).get("id");
    Api.Response imported =
        work.importLines(
            customer.apiKey(),
            projectId,
            List.of("{\"externalId\":\"one\",\"data\":" + data + "}"));
    assertThat(imported.status()).as(imported.toString()).isEqualTo(202);
    work.awaitTasks(customer.apiKey(), projectId, 1);

    String taskId = null;
    for (Map<String, Object> answer : List.of(firstAnswer, secondAnswer)) {
      Fixtures.Person annotator = work.fixtures.annotator(List.of(work.language), 1);
      Api.Response next = work.next(annotator.token());
      assertThat(next.status()).as(next.toString()).isEqualTo(200);
      taskId = (String) Harness.task(next).get("id");
      Api.Response submitted = work.submit(annotator.token(), next.get("assignmentId"), answer);
      assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
    }

    String path = "/api/v1/projects/" + projectId + "/tasks/" + taskId;
    Api.Response decided =
        await(
            () -> api.get(path, customer.apiKey()),
            r -> r.body() != null && r.body().get("outcome") != null);
    Map<String, Object> outcome = (Map<String, Object>) decided.body().get("outcome");
    assertThat(outcome).as(decided.toString()).containsEntry("status", "resolved");
    assertThat((Map<String, Object>) outcome.get("consensus"))
        .containsEntry("answer", consensusAnswer);
    assertThat((List<Map<String, Object>>) decided.body().get("annotations"))
        .as("both judgements")
        .hasSize(2);
  }
}
