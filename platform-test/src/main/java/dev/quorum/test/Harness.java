package dev.quorum.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Small steps that API tests repeat: projects, imports, leases, submits. */
public final class Harness {

  public final Api api;
  public final Fixtures fixtures;
  public final String language = Fixtures.isolatedLanguage();

  public Harness(Api api) {
    this.api = api;
    this.fixtures = new Fixtures(api);
  }

  /** A project of {@code kind} that only annotators speaking this test's language see. */
  public Map<String, Object> project(String apiKey, String kind, Map<String, Object> settings) {
    Map<String, Object> body = new HashMap<>(settings);
    body.put("name", kind + " project");
    body.put("kind", kind);
    @SuppressWarnings("unchecked")
    Map<String, Object> requirements =
        new HashMap<>((Map<String, Object>) settings.getOrDefault("requirements", Map.of()));
    requirements.putIfAbsent("languages", List.of(language));
    body.put("requirements", requirements);
    Api.Response project = api.post("/api/v1/projects", apiKey, body);
    assertThat(project.status()).as(project.toString()).isEqualTo(201);
    return project.body();
  }

  public Api.Response importLines(String apiKey, String projectId, List<String> lines) {
    return api.send(
        HttpRequest.POST("/api/v1/projects/" + projectId + "/tasks", String.join("\n", lines))
            .contentType(MediaType.of("application/x-ndjson")),
        apiKey);
  }

  public void awaitTasks(String apiKey, String projectId, int tasks) {
    await(
        () -> api.get("/api/v1/projects/" + projectId, apiKey),
        r -> ((Number) ((Map<?, ?>) r.body().get("progress")).get("tasks")).intValue() == tasks);
  }

  public Api.Response next(String token) {
    return api.post("/api/v1/annotator/next-task", token, null);
  }

  public Api.Response submit(String token, String assignmentId, Object answer) {
    return api.post(
        "/api/v1/assignments/" + assignmentId + "/submit", token, Map.of("answer", answer));
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> task(Api.Response next) {
    return (Map<String, Object>) next.body().get("task");
  }

  public static String pairwise(String id, String extra) {
    return "{\"externalId\":\""
        + id
        + "\""
        + extra
        + ",\"data\":{\"prompt\":\"p "
        + id
        + "\",\"responseA\":\"a\",\"responseB\":\"b\"}}";
  }

  public static <T> T await(Supplier<T> probe, Predicate<T> done) {
    return await(probe, done, Duration.ofSeconds(60));
  }

  public static <T> T await(Supplier<T> probe, Predicate<T> done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T value = probe.get();
    while (!done.test(value)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting; last value: " + value);
      }
      try {
        Thread.sleep(timeout.toSeconds() > 60 ? 1000 : 50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      value = probe.get();
    }
    return value;
  }
}
