package dev.quorum.dispatch.api;

import static dev.quorum.dispatch.store.jooq.Tables.ASSIGNMENT;
import static dev.quorum.dispatch.store.jooq.Tables.WORK_UNIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.dispatch.lease.LeaseService;
import dev.quorum.platform.db.Tx;
import dev.quorum.test.Api;
import dev.quorum.test.Fixtures;
import dev.quorum.test.Harness;
import dev.quorum.test.QuorumTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who gets which unit: eligibility, fair share, gold, expiry, skip, release, batches, pause. */
@QuorumTest
class LeaseRulesApiTest {

  @Inject
  @Client("/")
  HttpClient client;

  @Inject Tx tx;
  @Inject LeaseService leases;

  Harness h;
  Fixtures.Customer customer;

  @BeforeEach
  void setUp() {
    h = new Harness(new Api(client));
    customer = h.fixtures.customer();
  }

  private String projectWithTasks(Map<String, Object> settings, List<String> lines) {
    String projectId = (String) h.project(customer.apiKey(), "pairwise", settings).get("id");
    Api.Response imported = h.importLines(customer.apiKey(), projectId, lines);
    assertThat(imported.get("rejectedCount").equals(0)).as(imported.toString()).isTrue();
    h.awaitTasks(customer.apiKey(), projectId, lines.size() - countGold(lines));
    return projectId;
  }

  private static int countGold(List<String> lines) {
    return (int) lines.stream().filter(l -> l.contains("\"gold\"")).count();
  }

  private static List<String> tasks(String prefix, int n, String extra) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      lines.add(Harness.pairwise(prefix + i, extra));
    }
    return lines;
  }

  /** Leases and submits until no work is left; returns the prompts seen, in order. */
  private List<String> drain(Fixtures.Person who, int max) {
    List<String> prompts = new ArrayList<>();
    for (int i = 0; i < max; i++) {
      Api.Response next = h.next(who.token());
      if (next.status() == 204) {
        break;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> data = (Map<String, Object>) Harness.task(next).get("data");
      prompts.add((String) data.get("prompt"));
      assertThat(h.submit(who.token(), next.get("assignmentId"), Map.of("choice", "A")).status())
          .isEqualTo(200);
    }
    return prompts;
  }

  @Test
  void shouldOfferWorkOnlyToAnnotatorsWhoMeetTheRequirements() {
    projectWithTasks(
        Map.of(
            "requirements",
                Map.of("skills", List.of(Map.of("name", "medicine", "minLevel", 3)), "minTier", 2),
            "difficultyRules", List.of(Map.of("minDifficulty", 4, "minTier", 4))),
        List.of(
            Harness.pairwise("easy-1", ",\"difficulty\":1"),
            Harness.pairwise("easy-2", ",\"difficulty\":3"),
            Harness.pairwise("hard-1", ",\"difficulty\":5")));
    Fixtures.Person wrongLanguage = h.fixtures.annotator(List.of("xx"), Map.of("medicine", 5), 5);
    Fixtures.Person noSkill = h.fixtures.annotator(List.of(h.language), Map.of("medicine", 2), 5);
    Fixtures.Person lowTier = h.fixtures.annotator(List.of(h.language), Map.of("medicine", 3), 1);
    assertThat(h.next(wrongLanguage.token()).status()).isEqualTo(204);
    assertThat(h.next(noSkill.token()).status()).isEqualTo(204);
    assertThat(h.next(lowTier.token()).status()).isEqualTo(204);

    Fixtures.Person tier2 =
        h.fixtures.annotator(List.of(h.language + "-GB"), Map.of("medicine", 3), 2);
    assertThat(drain(tier2, 10))
        .as("tier 2 gets only the tasks below difficulty 4")
        .containsExactlyInAnyOrder("p easy-1", "p easy-2");
    Fixtures.Person tier4 = h.fixtures.annotator(List.of(h.language), Map.of("medicine", 4), 4);
    assertThat(drain(tier4, 10)).containsExactly("p hard-1");
  }

  @Test
  void shouldShareLeasesBetweenProjectsByPriority() {
    String low = projectWithTasks(Map.of("priority", 1), tasks("low-", 200, ""));
    String high = projectWithTasks(Map.of("priority", 3), tasks("high-", 200, ""));
    Fixtures.Person annotator = h.fixtures.annotator(List.of(h.language), 1);
    List<String> seen = drain(annotator, 200);
    long fromHigh = seen.stream().filter(p -> p.startsWith("p high-")).count();
    double share = fromHigh / (double) seen.size();
    // Expected 0.75 (sigma 0.031 for n=200); ±0.15 is about 5 sigma, and still far from 1:1.
    assertThat(share).as("share of the priority-3 project").isBetween(0.60, 0.90);
    assertThat(low).isNotEqualTo(high);
  }

  @Test
  void shouldMixGoldInAtTheGoldRatioLookingLikeOtherWork() {
    List<String> lines = new ArrayList<>(tasks("work-", 150, ""));
    for (int i = 0; i < 150; i++) {
      lines.add(
          Harness.pairwise(
              "gold-" + i,
              ",\"gold\":{\"answer\":{\"choice\":\"A\"},\"explanation\":\"A is right\"}"));
    }
    String projectId = projectWithTasks(Map.of("goldRatio", 0.25), lines);
    Fixtures.Person annotator = h.fixtures.annotator(List.of(h.language), 1);
    Set<String> keys = new HashSet<>();
    int gold = 0;
    int total = 0;
    for (int i = 0; i < 120; i++) {
      Api.Response next = h.next(annotator.token());
      Map<String, Object> task = Harness.task(next);
      keys.addAll(task.keySet());
      @SuppressWarnings("unchecked")
      String prompt = (String) ((Map<String, Object>) task.get("data")).get("prompt");
      if (prompt.startsWith("p gold-")) {
        gold++;
      }
      total++;
      Api.Response result =
          h.submit(annotator.token(), next.get("assignmentId"), Map.of("choice", "A"));
      assertThat(result.status()).isEqualTo(200);
    }
    assertThat(keys)
        .as("gold looks like any other unit")
        .containsExactlyInAnyOrder("id", "projectId", "kind", "instructions", "data");
    // Expected 0.25 of 120 leases: sigma 0.04; ±0.15 is almost 4 sigma.
    assertThat(gold / (double) total).isBetween(0.10, 0.40);
    @SuppressWarnings("unchecked")
    Map<String, Object> progress =
        (Map<String, Object>)
            h.api.get("/api/v1/projects/" + projectId, customer.apiKey()).body().get("progress");
    assertThat(progress.get("tasks")).as("gold tasks are not counted as work").isEqualTo(150);
  }

  @Test
  void shouldReturnExpiredLeasesAndAcceptALateSubmitOnlyWhileTheUnitIsFree() {
    String projectId = projectWithTasks(Map.of("overlap", Map.of("min", 1)), tasks("exp-", 1, ""));
    Fixtures.Person slow = h.fixtures.annotator(List.of(h.language), 1);
    Fixtures.Person other = h.fixtures.annotator(List.of(h.language), 1);
    String first = h.next(slow.token()).get("assignmentId");
    expireNow(first);
    // Free again, and nobody took it: the late answer is accepted.
    assertThat(h.submit(slow.token(), first, Map.of("choice", "B")).status()).isEqualTo(200);

    String projectId2 = projectWithTasks(Map.of(), tasks("exp2-", 1, ""));
    String second = h.next(slow.token()).get("assignmentId");
    expireNow(second);
    Api.Response taken = h.next(other.token());
    assertThat(taken.status()).isEqualTo(200);
    Api.Response late = h.submit(slow.token(), second, Map.of("choice", "B"));
    assertThat(late.status()).isEqualTo(409);
    assertThat((String) late.get("detail")).contains("ran out").contains("not stored");
    assertThat(h.submit(other.token(), taken.get("assignmentId"), Map.of("choice", "A")).status())
        .isEqualTo(200);
    assertThat(projectId).isNotEqualTo(projectId2);
  }

  private void expireNow(String assignmentId) {
    tx.run(
        dsl -> {
          String unit =
              dsl.select(ASSIGNMENT.UNIT_ID)
                  .from(ASSIGNMENT)
                  .where(ASSIGNMENT.ID.eq(assignmentId))
                  .fetchSingle()
                  .value1();
          OffsetDateTime past = OffsetDateTime.now().minusSeconds(5);
          dsl.update(WORK_UNIT)
              .set(WORK_UNIT.LEASE_EXPIRES_AT, past)
              .where(WORK_UNIT.ID.eq(unit))
              .execute();
          dsl.update(ASSIGNMENT)
              .set(ASSIGNMENT.LEASE_EXPIRES_AT, past)
              .where(ASSIGNMENT.ID.eq(assignmentId))
              .execute();
        });
    leases.expireLeases();
  }

  @Test
  void shouldNeverOfferASkippedTaskAgainAndReleaseLeasesOnRequest() {
    projectWithTasks(Map.of("overlap", Map.of("min", 2)), tasks("skip-", 2, ""));
    Fixtures.Person annotator = h.fixtures.annotator(List.of(h.language), 1);
    Api.Response first = h.next(annotator.token());
    assertThat(first.body()).containsKey("next");
    String skippedPrompt = (String) ((Map<?, ?>) Harness.task(first).get("data")).get("prompt");
    Api.Response skip =
        h.api.post(
            "/api/v1/assignments/" + first.get("assignmentId") + "/skip",
            annotator.token(),
            Map.of("reason", "unclear"));
    assertThat(skip.status()).isEqualTo(200);
    assertThat(
            h.api
                .post(
                    "/api/v1/assignments/" + first.get("assignmentId") + "/skip",
                    annotator.token(),
                    Map.of())
                .status())
        .isEqualTo(409);

    Api.Response released = h.api.post("/api/v1/annotator/release", annotator.token(), null);
    assertThat(released.body()).containsEntry("released", 1);
    List<String> rest = drain(annotator, 10);
    assertThat(rest).hasSize(1).doesNotContain(skippedPrompt);

    Fixtures.Person someoneElse = h.fixtures.annotator(List.of(h.language), 1);
    assertThat(drain(someoneElse, 10)).hasSize(2).contains(skippedPrompt);
  }

  /**
   * Next-task calls of one annotator at once (a double click, several tabs) lease no more than a
   * current and a prefetched unit between them, and every call answers with one of those two.
   */
  @Test
  void shouldKeepAtMostTwoLiveLeasesWhenOneAnnotatorCallsNextTaskAtOnce() throws Exception {
    projectWithTasks(Map.of(), tasks("burst-", 12, ""));
    Fixtures.Person annotator = h.fixtures.annotator(List.of(h.language), 1);
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      List<Future<Api.Response>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(callers.submit(() -> h.next(annotator.token())));
      }
      Set<String> answered = new HashSet<>();
      for (Future<Api.Response> call : calls) {
        Api.Response next = call.get(60, TimeUnit.SECONDS);
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
        answered.add(next.get("assignmentId"));
      }
      List<String> live =
          tx.read(
              dsl ->
                  dsl.resultQuery(
                          "select id from dispatch.assignment"
                              + " where annotator_id = ? and status = 'leased'",
                          annotator.id())
                      .fetch(0, String.class));
      assertThat(live).as("live leases").hasSize(2);
      assertThat(live).containsAll(answered);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void shouldHoldPausedBatchesAndCloseFinalizedOnes() {
    List<String> lines = new ArrayList<>(tasks("b1-", 2, ",\"batch\":\"b1\""));
    lines.addAll(tasks("b2-", 2, ",\"batch\":\"b2\""));
    String projectId = projectWithTasks(Map.of(), lines);
    String base = "/api/v1/projects/" + projectId + "/batches";
    assertThat(h.api.post(base + "/b1/pause", customer.apiKey(), null).status()).isEqualTo(200);
    assertThat(h.api.post(base + "/nope/pause", customer.apiKey(), null).status()).isEqualTo(404);
    Fixtures.Person annotator = h.fixtures.annotator(List.of(h.language), 1);
    assertThat(drain(annotator, 10)).allMatch(p -> p.startsWith("p b2-")).hasSize(2);

    assertThat(h.api.post(base + "/b2/finalize", customer.apiKey(), null).status()).isEqualTo(200);
    Api.Response closed =
        h.importLines(
            customer.apiKey(),
            projectId,
            List.of(Harness.pairwise("b2-late", ",\"batch\":\"b2\"")));
    assertThat(closed.body()).containsEntry("accepted", 0).containsEntry("rejectedCount", 1);
    Api.Response listed = h.api.get(base, customer.apiKey());
    Map<String, Map<String, Object>> byName = new HashMap<>();
    for (Object row : listed.list()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> batch = (Map<String, Object>) row;
      byName.put((String) batch.get("batch"), batch);
    }
    assertThat(byName.get("b1"))
        .containsEntry("status", "paused")
        .containsEntry("unitsReady", 0)
        .containsEntry("unitsHeld", 2);
    assertThat(byName.get("b2"))
        .containsEntry("status", "finalized")
        .containsEntry("unitsSubmitted", 2);

    assertThat(h.api.post(base + "/b1/resume", customer.apiKey(), null).status()).isEqualTo(200);
    assertThat(drain(annotator, 10)).allMatch(p -> p.startsWith("p b1-")).hasSize(2);
  }

  @Test
  void shouldOfferTheTaskTextExactlyAsImported() {
    projectWithTasks(
        Map.of(), List.of(Harness.pairwise("t\\tab\\\\back\\nline\\\"q\\\"\\u00e9", "")));
    Fixtures.Person annotator = h.fixtures.annotator(List.of(h.language), 1);
    assertThat(drain(annotator, 10)).containsExactly("p t\tab\\back\nline\"q\"\u00e9");
  }

  @Test
  void shouldHoldTheUnitsOfTasksImportedIntoAPausedBatch() {
    String projectId = projectWithTasks(Map.of(), tasks("early-", 1, ",\"batch\":\"b1\""));
    String base = "/api/v1/projects/" + projectId + "/batches";
    assertThat(h.api.post(base + "/b1/pause", customer.apiKey(), null).status()).isEqualTo(200);
    List<String> late = new ArrayList<>(tasks("late-", 2, ",\"batch\":\"b1\""));
    late.add(Harness.pairwise("free-0", ""));
    assertThat(h.importLines(customer.apiKey(), projectId, late).body())
        .containsEntry("accepted", 3);
    h.awaitTasks(customer.apiKey(), projectId, 4);

    Fixtures.Person annotator = h.fixtures.annotator(List.of(h.language), 1);
    assertThat(drain(annotator, 10)).containsExactly("p free-0");
    assertThat(h.api.post(base + "/b1/resume", customer.apiKey(), null).status()).isEqualTo(200);
    assertThat(drain(annotator, 10)).containsExactlyInAnyOrder("p early-0", "p late-0", "p late-1");
  }

  @Test
  void shouldStopLeasingWhenTheProjectIsPausedAndRefuseImpossibleChanges() {
    String projectId = projectWithTasks(Map.of(), tasks("pause-", 2, ""));
    String path = "/api/v1/projects/" + projectId;
    Api.Response paused =
        h.api.send(
            io.micronaut.http.HttpRequest.PATCH(path, Map.of("status", "paused")),
            customer.apiKey());
    assertThat(paused.body()).containsEntry("status", "paused");
    Fixtures.Person annotator = h.fixtures.annotator(List.of(h.language), 1);
    assertThat(h.next(annotator.token()).status()).isEqualTo(204);
    Api.Response kind =
        h.api.send(
            io.micronaut.http.HttpRequest.PATCH(path, Map.of("kind", "sft")), customer.apiKey());
    assertThat(kind.status()).isEqualTo(400);
    assertThat((String) kind.get("detail")).startsWith("kind:");
    Api.Response resumed =
        h.api.send(
            io.micronaut.http.HttpRequest.PATCH(path, Map.of("status", "active", "priority", 5)),
            customer.apiKey());
    assertThat(resumed.body()).containsEntry("status", "active").containsEntry("priority", 5);
    assertThat(h.next(annotator.token()).status()).isEqualTo(200);
    assertThat(h.api.post("/api/v1/annotator/release", annotator.token(), null).status())
        .isEqualTo(200);
    Api.Response late =
        h.api.send(
            io.micronaut.http.HttpRequest.PATCH(path, Map.of("deadline", "2020-01-01T00:00:00Z")),
            customer.apiKey());
    assertThat(late.body()).containsEntry("deadline", "2020-01-01T00:00:00Z");
    assertThat(h.next(annotator.token()).status()).as("past its deadline").isEqualTo(204);
    Api.Response badJson =
        h.api.send(
            io.micronaut.http.HttpRequest.PATCH(path, "{oops").contentType("application/json"),
            customer.apiKey());
    assertThat(badJson.status()).isEqualTo(400);
    assertThat(
            h.api
                .send(
                    io.micronaut.http.HttpRequest.PATCH(path, Map.of("status", "completed")),
                    customer.apiKey())
                .status())
        .isEqualTo(200);
    assertThat(h.importLines(customer.apiKey(), projectId, tasks("late-", 1, "")).status())
        .isEqualTo(409);
  }
}
