package dev.quorum.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.test.Api;
import dev.quorum.test.Fixtures;
import dev.quorum.test.QuorumTest;
import dev.quorum.workforce.earnings.EarningsService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The first whole loop over HTTP: project, import, lease, submit, export. */
@QuorumTest
class PairwiseLoopTest {

  /** Enough tasks that the random shown order is swapped for some and not others (p < 1e-6). */
  static final int TASKS = 24;

  @Inject
  @Client("/")
  HttpClient client;

  @Inject JsonMapper json;
  @Inject EarningsService earnings;

  Api api;
  Fixtures fixtures;
  String language;

  @BeforeEach
  void setUp() {
    api = new Api(client);
    fixtures = new Fixtures(api);
    language = Fixtures.isolatedLanguage();
  }

  private Map<String, Object> createProject(String apiKey, Map<String, Object> extra) {
    Map<String, Object> body = new HashMap<>(extra);
    body.put("name", "Helpfulness");
    body.put("kind", "pairwise");
    body.put("requirements", Map.of("languages", List.of(language)));
    Api.Response project = api.post("/api/v1/projects", apiKey, body);
    assertThat(project.status()).as(project.toString()).isEqualTo(201);
    return project.body();
  }

  private Api.Response importLines(String apiKey, String projectId, String body) {
    return api.send(
        HttpRequest.POST("/api/v1/projects/" + projectId + "/tasks", body)
            .contentType(MediaType.of("application/x-ndjson")),
        apiKey);
  }

  private static String line(String id, String prompt, String a, String b, String model) {
    return "{\"externalId\":\""
        + id
        + "\",\"metadata\":{\"modelA\":\""
        + model
        + "\"},\"data\":{\"prompt\":\""
        + prompt
        + "\",\"responseA\":\""
        + a
        + "\",\"responseB\":\""
        + b
        + "\"}}";
  }

  @Test
  void shouldDefaultProjectSettingsAsDesignSays() {
    Fixtures.Customer customer = fixtures.customer();
    Map<String, Object> project = createProject(customer.apiKey(), Map.of());
    assertThat(project.get("overlap"))
        .isEqualTo(Map.of("min", 1, "max", 1, "agreementTarget", 0.0));
    assertThat(project)
        .containsEntry("goldRatio", 0.0)
        .containsEntry("priority", 1)
        .containsEntry("leaseSeconds", 600)
        .containsEntry("status", "active");
    Api.Response draft =
        api.post(
            "/api/v1/projects",
            customer.apiKey(),
            Map.of("name", "d", "kind", "pairwise", "status", "draft"));
    assertThat(draft.body()).containsEntry("status", "draft");
    Api.Response noKind = api.post("/api/v1/projects", customer.apiKey(), Map.of("name", "x"));
    assertThat(noKind.status()).isEqualTo(400);
    assertThat((String) noKind.get("detail")).startsWith("kind:");
    Api.Response badOverlap =
        api.post(
            "/api/v1/projects",
            customer.apiKey(),
            Map.of("name", "x", "kind", "pairwise", "overlap", Map.of("min", 3, "max", 2)));
    assertThat((String) badOverlap.get("detail")).startsWith("overlap.max:");
  }

  @Test
  void shouldReportEachBadLineAndCountDuplicates() {
    Fixtures.Customer customer = fixtures.customer();
    String projectId = (String) createProject(customer.apiKey(), Map.of()).get("id");
    String body =
        String.join(
            "\n",
            line("t-1", "p1", "a1", "b1", "m"),
            "{not json",
            "{\"externalId\":\"t-2\",\"data\":{\"prompt\":\"p\",\"responseA\":\"a\"}}",
            "{\"externalId\":\"t-3\",\"data\":{\"prompt\":\"p\",\"responseA\":\"a\",\"responseB\":\"b\",\"responseC\":\"c\"}}",
            line("t-1", "p1 again", "a", "b", "m"),
            "{\"data\":{\"prompt\":\"p\",\"responseA\":\"a\",\"responseB\":\"b\"}}",
            "",
            line("t-4", "p4", "a4", "b4", "m"),
            "{\"externalId\":\"t-5\",\"colour\":\"red\",\"data\":{\"prompt\":\"p\",\"responseA\":\"a\",\"responseB\":\"b\"}}");
    Api.Response result = importLines(customer.apiKey(), projectId, body);
    assertThat(result.status()).isEqualTo(202);
    assertThat(result.body())
        .containsEntry("accepted", 2)
        .containsEntry("duplicates", 1)
        .containsEntry("rejectedCount", 5)
        .containsKey("importId");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rejected = (List<Map<String, Object>>) result.body().get("rejected");
    assertThat(rejected).extracting(r -> r.get("line")).containsExactly(2, 3, 4, 6, 9);
    assertThat((String) rejected.get(0).get("error")).startsWith("malformed JSON");
    assertThat((String) rejected.get(1).get("error")).contains("data.responseB is missing");
    assertThat((String) rejected.get(2).get("error"))
        .contains("data.responseC is not a pairwise field");
    assertThat((String) rejected.get(3).get("error")).contains("externalId is missing");
    assertThat((String) rejected.get(4).get("error")).contains("unknown field 'colour'");

    awaitProgress(customer.apiKey(), projectId, 2);
    Api.Response again =
        importLines(
            customer.apiKey(),
            projectId,
            line("t-1", "changed", "x", "y", "m") + "\n" + line("t-6", "p6", "a", "b", "m"));
    assertThat(again.body())
        .containsEntry("accepted", 1)
        .containsEntry("duplicates", 1)
        .containsEntry("rejectedCount", 0);
    awaitProgress(customer.apiKey(), projectId, 3);
    Api.Response importProgress =
        api.get(
            "/api/v1/projects/" + projectId + "/imports/" + again.get("importId"),
            customer.apiKey());
    assertThat(importProgress.body()).containsEntry("written", 1).containsEntry("done", true);
  }

  @Test
  void shouldRunTheLoopFromImportToPreferenceDataset() throws Exception {
    Fixtures.Customer customer = fixtures.customer();
    Map<String, Object> project =
        createProject(customer.apiKey(), Map.of("pay", Map.of("amount", 0.25, "currency", "EUR")));
    String projectId = (String) project.get("id");
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= TASKS; i++) {
      lines.add(line("q-" + i, "prompt " + i, "answer A" + i, "answer B" + i, "model-" + i));
    }
    Api.Response imported =
        importLines(customer.apiKey(), projectId, String.join("\n", lines) + "\n");
    assertThat(imported.body()).containsEntry("accepted", TASKS);
    awaitProgress(customer.apiKey(), projectId, TASKS);

    Fixtures.Person annotator = fixtures.annotator(List.of(language), 1);
    Fixtures.Person other = fixtures.annotator(List.of(language), 1);
    Map<String, String> preferredByPrompt = new HashMap<>();
    Map<String, Boolean> sawSwapped = new HashMap<>();
    String firstAssignment = null;
    for (int n = 0; n < TASKS; n++) {
      Api.Response next = api.post("/api/v1/annotator/next-task", annotator.token(), null);
      assertThat(next.status()).isEqualTo(200);
      String assignmentId = next.get("assignmentId");
      if (n < TASKS - 1) {
        assertThat(next.body()).containsKey("next");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> task = (Map<String, Object>) next.body().get("task");
      @SuppressWarnings("unchecked")
      Map<String, Object> data = (Map<String, Object>) task.get("data");
      String prompt = (String) data.get("prompt");
      String shownLeft = (String) data.get("responseA");
      sawSwapped.put(prompt, shownLeft.startsWith("answer B"));
      // The annotator always prefers what is shown on the left, with strength 2.
      preferredByPrompt.put(prompt, shownLeft);
      Map<String, Object> answer =
          Map.of("answer", Map.of("choice", "A", "strength", 2), "durationMs", 900);
      String key = "key-" + assignmentId;
      Api.Response submitted = submit(annotator, assignmentId, answer, key);
      assertThat(submitted.status()).isEqualTo(200);
      assertThat(submitted.body()).containsEntry("status", "resolved");
      // The same submission again returns the first result, with or without the key.
      assertThat(submit(annotator, assignmentId, answer, key).body()).isEqualTo(submitted.body());
      assertThat(submit(annotator, assignmentId, answer, null).body()).isEqualTo(submitted.body());
      Api.Response changed =
          submit(
              annotator, assignmentId, Map.of("answer", Map.of("choice", "B", "strength", 1)), key);
      assertThat(changed.status()).isEqualTo(422);
      // Another annotator cannot touch it.
      assertThat(submit(other, assignmentId, answer, null).status()).isEqualTo(404);
      if (firstAssignment == null) {
        firstAssignment = assignmentId;
      } else {
        Api.Response reusedKey = submit(annotator, assignmentId, answer, "key-" + firstAssignment);
        assertThat(reusedKey.status()).isEqualTo(422);
      }
    }
    assertThat(api.post("/api/v1/annotator/next-task", annotator.token(), null).status())
        .isEqualTo(204);
    assertThat(sawSwapped.values())
        .as("the order shown is randomised per assignment")
        .contains(true, false);

    Api.Response export =
        api.post(
            "/api/v1/projects/" + projectId + "/exports",
            customer.apiKey(),
            Map.of("format", "preference"));
    assertThat(export.status()).isEqualTo(202);
    String exportId = export.get("exportId");
    Api.Response done =
        await(
            () -> api.get("/api/v1/exports/" + exportId, customer.apiKey()),
            r -> "done".equals(r.get("status")));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> files = (List<Map<String, Object>>) done.body().get("files");
    assertThat(files).extracting(f -> f.get("name")).contains("train.jsonl", "manifest.json");

    String train =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.GET("/api/v1/exports/" + exportId + "/files/train.jsonl")
                    .bearerAuth(customer.apiKey()),
                String.class);
    String[] rows = train.split("\n");
    assertThat(rows).hasSize(TASKS);
    for (String row : rows) {
      @SuppressWarnings("unchecked")
      Map<String, Object> r = json.readValue(row, Map.class);
      String prompt = (String) r.get("prompt");
      String n = prompt.substring("prompt ".length());
      assertThat(r.get("chosen"))
          .as("chosen is what the annotator preferred")
          .isEqualTo(preferredByPrompt.get(prompt));
      String other2 = r.get("chosen").equals("answer A" + n) ? "answer B" + n : "answer A" + n;
      assertThat(r.get("rejected")).isEqualTo(other2);
      assertThat(((Number) r.get("margin")).doubleValue()).isEqualTo(2.0);
      assertThat(r.get("metadata")).isEqualTo(Map.of("modelA", "model-" + n));
      assertThat(r.keySet()).containsExactly("prompt", "chosen", "rejected", "margin", "metadata");
    }

    // Pay: one pending entry per judgement, in the project's currency; work not sampled for
    // review is accepted and becomes payable (a new entry: the ledger is append-only).
    List<EarningsService.Entry> entries =
        await(
            () -> earnings.entries(annotator.id()),
            e -> e.stream().filter(x -> x.state().equals("pending")).count() == TASKS);
    assertThat(entries)
        .allSatisfy(
            e -> {
              assertThat(e.state()).isIn("pending", "payable");
              assertThat(e.amount()).isEqualByComparingTo(new BigDecimal("0.25"));
              assertThat(e.currency()).isEqualTo("EUR");
            });

    // Another org sees none of it.
    Fixtures.Customer stranger = fixtures.customer();
    assertThat(api.get("/api/v1/projects/" + projectId, stranger.apiKey()).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/exports/" + exportId, stranger.apiKey()).status()).isEqualTo(404);
    assertThat(
            api.get("/api/v1/exports/" + exportId + "/files/train.jsonl", stranger.apiKey())
                .status())
        .isEqualTo(404);
    assertThat(
            api.post("/api/v1/projects/" + projectId + "/exports", stranger.apiKey(), Map.of())
                .status())
        .isEqualTo(404);
    assertThat(importLines(stranger.apiKey(), projectId, line("z", "p", "a", "b", "m")).status())
        .isEqualTo(404);
  }

  @Test
  void shouldIncludeWorkSubmittedJustBeforeTheExport() {
    Fixtures.Customer customer = fixtures.customer();
    String projectId = (String) createProject(customer.apiKey(), Map.of()).get("id");
    importLines(customer.apiKey(), projectId, line("w-1", "p", "a", "b", "m"));
    awaitProgress(customer.apiKey(), projectId, 1);
    Fixtures.Person annotator = fixtures.annotator(List.of(language), 1);
    String assignmentId =
        api.post("/api/v1/annotator/next-task", annotator.token(), null).get("assignmentId");
    submit(annotator, assignmentId, Map.of("answer", Map.of("choice", "tie")), null);
    // Requested at once: the export must wait for quality to handle the submission.
    String exportId =
        api.post("/api/v1/projects/" + projectId + "/exports", customer.apiKey(), Map.of())
            .get("exportId");
    Api.Response done =
        await(
            () -> api.get("/api/v1/exports/" + exportId, customer.apiKey()),
            r -> "done".equals(r.get("status")));
    @SuppressWarnings("unchecked")
    Map<String, Object> counts =
        (Map<String, Object>) ((Map<String, Object>) done.body().get("manifest")).get("counts");
    assertThat(counts)
        .containsEntry("resolvedTasks", 1)
        .containsEntry("rows", 0)
        .containsEntry("tasksWithoutPreference", 1);
  }

  private Api.Response submit(
      Fixtures.Person who, String assignmentId, Map<String, Object> body, String key) {
    var request = HttpRequest.POST("/api/v1/assignments/" + assignmentId + "/submit", body);
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return api.send(request, who.token());
  }

  private void awaitProgress(String apiKey, String projectId, int tasks) {
    await(
        () -> api.get("/api/v1/projects/" + projectId, apiKey),
        r -> {
          @SuppressWarnings("unchecked")
          Map<String, Object> progress = (Map<String, Object>) r.body().get("progress");
          return progress != null && ((Number) progress.get("tasks")).intValue() == tasks;
        });
  }

  static <T> T await(Supplier<T> probe, java.util.function.Predicate<T> done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    T value = probe.get();
    while (!done.test(value)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting; last value: " + value);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      value = probe.get();
    }
    return value;
  }
}
