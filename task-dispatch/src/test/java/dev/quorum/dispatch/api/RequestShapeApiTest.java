package dev.quorum.dispatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.test.Api;
import dev.quorum.test.Fixtures;
import dev.quorum.test.Harness;
import dev.quorum.test.QuorumTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bodies of the wrong shape get a 400 whose detail starts with the field, never the mapper's
 * message with Java class names; a body of the wrong media type is a 415, not a 403.
 */
@QuorumTest
class RequestShapeApiTest {

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

  private String detailOfProject(Map<String, Object> extra) {
    Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "shape", "kind", "pairwise"));
    body.putAll(extra);
    Api.Response refused = h.api.post("/api/v1/projects", customer.apiKey(), body);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    return refused.get("detail");
  }

  @Test
  void shouldNameTheFieldOfAValueOfTheWrongTypeInProjectSettings() {
    assertThat(detailOfProject(Map.of("overlap", Map.of("min", "two"))))
        .isEqualTo("overlap.min: must be a whole number");
    assertThat(detailOfProject(Map.of("goldRatio", "half")))
        .isEqualTo("goldRatio: must be a number");
    assertThat(detailOfProject(Map.of("deadline", "tomorrow")))
        .startsWith("deadline: must be an ISO-8601 instant");
    assertThat(detailOfProject(Map.of("leaseSeconds", 99_999_999_999_999L)))
        .startsWith("leaseSeconds: is out of range");
    assertThat(detailOfProject(Map.of("requirements", Map.of("languages", "en"))))
        .isEqualTo("requirements.languages: must be a list");
    assertThat(detailOfProject(Map.of("requirements", Map.of("skills", List.of("code")))))
        .isEqualTo("requirements.skills[0]: must be an object");
    assertThat(detailOfProject(Map.of("pay", 5))).isEqualTo("pay: must be an object");
    assertThat(detailOfProject(Map.of("pay", Map.of("amount", new java.math.BigDecimal("1e30")))))
        .isEqualTo("pay.amount: must be at most 1000000 per judgement");
    assertThat(
            detailOfProject(Map.of("pay", Map.of("amount", new java.math.BigDecimal("0.0000001")))))
        .isEqualTo("pay.amount: may have at most 6 decimal places");
    assertThat(detailOfProject(Map.of("bogusField", 1)))
        .startsWith("bogusField: is not a field here (allowed: ");
    assertThat(detailOfProject(Map.of("requirements", Map.of("bogus", 1))))
        .startsWith("requirements.bogus: is not a field here");

    String projectId = (String) h.project(customer.apiKey(), "pairwise", Map.of()).get("id");
    Api.Response patched =
        h.api.send(
            HttpRequest.PATCH("/api/v1/projects/" + projectId, Map.of("priority", "high")),
            customer.apiKey());
    assertThat(patched.status()).isEqualTo(400);
    assertThat((String) patched.get("detail")).isEqualTo("priority: must be a whole number");
  }

  @Test
  void shouldNameTheFieldOfAValueOfTheWrongTypeInSubmitsAndWebhooks() {
    String projectId = (String) h.project(customer.apiKey(), "pairwise", Map.of()).get("id");
    Api.Response webhook =
        h.api.post(
            "/api/v1/projects/" + projectId + "/webhooks",
            customer.apiKey(),
            Map.of("url", "https://example.com/hook", "events", "task.completed"));
    assertThat(webhook.status()).isEqualTo(400);
    assertThat((String) webhook.get("detail")).isEqualTo("events: must be a list");

    h.importLines(customer.apiKey(), projectId, List.of(Harness.pairwise("shape-1", "")));
    h.awaitTasks(customer.apiKey(), projectId, 1);
    Fixtures.Person annotator = h.fixtures.annotator(List.of(h.language), 1);
    Api.Response next = h.next(annotator.token());
    assertThat(next.status()).isEqualTo(200);
    Api.Response submitted =
        h.api.post(
            "/api/v1/assignments/" + next.get("assignmentId") + "/submit",
            annotator.token(),
            Map.of("answer", Map.of("choice", "A"), "durationMs", "x"));
    assertThat(submitted.status()).isEqualTo(400);
    assertThat((String) submitted.get("detail")).isEqualTo("durationMs: must be a whole number");
  }

  @Test
  void shouldAnswer415ForABodyOfTheWrongMediaType() {
    Api.Response plain =
        h.api.send(
            HttpRequest.POST("/api/v1/projects", "{\"name\":\"x\",\"kind\":\"sft\"}")
                .contentType(MediaType.TEXT_PLAIN_TYPE),
            customer.apiKey());
    assertThat(plain.status()).as(plain.toString()).isEqualTo(415);
    assertThat((String) plain.get("detail")).startsWith("send the body as application/json");
  }
}
