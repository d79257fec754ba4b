package dev.quorum.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.test.Api;
import dev.quorum.test.Fixtures;
import dev.quorum.test.QuorumTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Judgements from another tool: looked up with the task, decided, exported; never dispatched. */
@QuorumTest
class JudgementImportTest {

  @Inject
  @Client("/")
  HttpClient client;

  @Inject JsonMapper json;

  @Test
  void shouldDecideAndExportImportedJudgements() throws Exception {
    Api api = new Api(client);
    Fixtures fixtures = new Fixtures(api);
    Fixtures.Customer customer = fixtures.customer();
    String language = Fixtures.isolatedLanguage();
    String projectId =
        api.post(
                "/api/v1/projects",
                customer.apiKey(),
                Map.of(
                    "name",
                    "imported",
                    "kind",
                    "pairwise",
                    "overlap",
                    Map.of("min", 2),
                    "requirements",
                    Map.of("languages", List.of(language))))
            .get("id");
    String tasks =
        "{\"externalId\":\"j-1\",\"metadata\":{\"src\":\"x\"},\"data\":{\"prompt\":\"p1\",\"responseA\":\"a1\",\"responseB\":\"b1\"}}\n"
            + "{\"externalId\":\"j-2\",\"data\":{\"prompt\":\"p2\",\"responseA\":\"a2\",\"responseB\":\"b2\"}}\n";
    api.send(
        HttpRequest.POST("/api/v1/projects/" + projectId + "/tasks", tasks)
            .contentType(MediaType.of("application/x-ndjson")),
        customer.apiKey());
    PairwiseLoopTest.await(
        () -> api.get("/api/v1/projects/" + projectId, customer.apiKey()),
        r -> ((Map<?, ?>) r.body().get("progress")).get("tasks").equals(2));

    String judgements =
        String.join(
            "\n",
            "{\"externalId\":\"j-1\",\"annotator\":\"vendor-x\",\"answer\":{\"choice\":\"B\",\"strength\":2}}",
            "{\"externalId\":\"j-1\",\"annotator\":\"vendor-y\",\"answer\":{\"choice\":\"B\",\"strength\":3},\"submittedAt\":\"2026-01-31T12:00:00Z\"}",
            "{\"externalId\":\"j-2\",\"annotator\":\"vendor-x\",\"answer\":{\"choice\":\"A\"}}",
            "{\"externalId\":\"j-1\",\"annotator\":\"vendor-x\",\"answer\":{\"choice\":\"B\",\"strength\":2}}",
            "{\"externalId\":\"nope\",\"annotator\":\"vendor-x\",\"answer\":{\"choice\":\"A\"}}",
            "{\"externalId\":\"j-2\",\"annotator\":\"vendor-z\",\"answer\":{\"choice\":\"C\"}}");
    Api.Response imported =
        api.send(
            HttpRequest.POST("/api/v1/projects/" + projectId + "/judgements", judgements)
                .contentType(MediaType.of("application/x-ndjson")),
            customer.apiKey());
    assertThat(imported.status()).isEqualTo(200);
    assertThat(imported.body())
        .containsEntry("accepted", 3)
        .containsEntry("duplicates", 1)
        .containsEntry("rejectedCount", 2);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rejected =
        (List<Map<String, Object>>) imported.body().get("rejected");
    assertThat(rejected).extracting(r -> r.get("line")).containsExactly(5, 6);
    assertThat((String) rejected.get(1).get("error")).startsWith("answer.choice:");

    Api.Response one =
        api.get("/api/v1/projects/" + projectId + "/tasks?externalId=j-1", customer.apiKey());
    assertThat(one.status()).isEqualTo(200);
    assertThat((List<?>) one.body().get("annotations")).hasSize(2);
    @SuppressWarnings("unchecked")
    Map<String, Object> outcome = (Map<String, Object>) one.body().get("outcome");
    assertThat(outcome).containsEntry("status", "resolved");
    @SuppressWarnings("unchecked")
    Map<String, Object> consensus = (Map<String, Object>) outcome.get("consensus");
    assertThat(consensus).containsEntry("choice", "B");
    // Bradley-Terry over two judgements for B: A is almost never preferred.
    assertThat((Double) consensus.get("preferenceA")).isLessThan(0.01);
    Api.Response two =
        api.get("/api/v1/projects/" + projectId + "/tasks?externalId=j-2", customer.apiKey());
    assertThat(two.body().get("outcome")).as("one judgement of the two needed").isNull();
    @SuppressWarnings("unchecked")
    String taskId = (String) ((Map<String, Object>) one.body().get("task")).get("id");
    assertThat(
            api.get("/api/v1/projects/" + projectId + "/tasks/" + taskId, customer.apiKey())
                .status())
        .isEqualTo(200);
    assertThat(
            api.get(
                    "/api/v1/projects/" + projectId + "/tasks?externalId=j-1",
                    fixtures.customer().apiKey())
                .status())
        .isEqualTo(404);

    // Never dispatched: the decided task's units are withdrawn; j-2 still waits for people.
    Fixtures.Person annotator = fixtures.annotator(List.of(language), 1);
    Api.Response next = api.post("/api/v1/annotator/next-task", annotator.token(), null);
    @SuppressWarnings("unchecked")
    Map<String, Object> shown =
        (Map<String, Object>) ((Map<String, Object>) next.body().get("task")).get("data");
    assertThat(shown.get("prompt")).isEqualTo("p2");
    assertThat(next.body()).doesNotContainKey("next");

    String exportId =
        api.post("/api/v1/projects/" + projectId + "/exports", customer.apiKey(), Map.of())
            .get("exportId");
    PairwiseLoopTest.await(
        () -> api.get("/api/v1/exports/" + exportId, customer.apiKey()),
        r -> "done".equals(r.get("status")));
    String train =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.GET("/api/v1/exports/" + exportId + "/files/train.jsonl")
                    .bearerAuth(customer.apiKey()),
                String.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> row = json.readValue(train.trim(), Map.class);
    assertThat(row)
        .containsEntry("prompt", "p1")
        .containsEntry("chosen", "b1")
        .containsEntry("rejected", "a1")
        .containsEntry("metadata", Map.of("src", "x"));
    assertThat(((Number) row.get("margin")).doubleValue()).isEqualTo(2.5);
  }
}
