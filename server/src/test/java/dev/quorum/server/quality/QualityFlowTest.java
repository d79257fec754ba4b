package dev.quorum.server.quality;

import static dev.quorum.test.Harness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.test.Api;
import dev.quorum.test.Fixtures;
import dev.quorum.test.Harness;
import dev.quorum.test.QuorumTest;
import dev.quorum.workforce.earnings.EarningsService;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Quality's flows over HTTP: gold feedback and trust, escalation, review, appeal, the report. */
@QuorumTest
class QualityFlowTest {

  @Inject
  @Client("/")
  HttpClient client;

  @Inject EarningsService earnings;

  Harness work;
  Api api;
  Fixtures fixtures;

  @BeforeEach
  void setUp() {
    api = new Api(client);
    work = new Harness(api);
    fixtures = work.fixtures;
  }

  private List<String> lang() {
    return List.of(work.language);
  }

  private static String task(String id, String gold) {
    return "{\"externalId\":\""
        + id
        + "\",\"batch\":\"b1\",\"data\":{\"prompt\":\"prompt "
        + id
        + "\",\"responseA\":\"alpha\",\"responseB\":\"beta\"}"
        + (gold == null
            ? ""
            : ",\"gold\":{\"answer\":{\"choice\":\"" + gold + "\"},\"explanation\":\"beta cites\"}")
        + "}";
  }

  /** The side ("A" = left) on which the customer's response with {@code text} is shown. */
  @SuppressWarnings("unchecked")
  private static String sideShowing(Api.Response next, String text) {
    Map<String, Object> data = (Map<String, Object>) Harness.task(next).get("data");
    return text.equals(data.get("responseA")) ? "A" : "B";
  }

  /** A pairwise project of this test's language with {@code settings}, its tasks imported. */
  private String project(String apiKey, Map<String, Object> settings, List<String> lines) {
    String projectId = (String) work.project(apiKey, "pairwise", settings).get("id");
    assertThat(work.importLines(apiKey, projectId, lines).status()).isEqualTo(202);
    // Gold tasks are not counted as the project's tasks.
    int tasks = (int) lines.stream().filter(l -> !l.contains("\"gold\"")).count();
    work.awaitTasks(apiKey, projectId, tasks);
    return projectId;
  }

  private Map<String, Object> quality(String apiKey, String projectId) {
    Api.Response report = api.get("/api/v1/projects/" + projectId + "/quality", apiKey);
    assertThat(report.status()).as(report.toString()).isEqualTo(200);
    return report.body();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> row(Map<String, Object> report, String annotatorId) {
    return ((List<Map<String, Object>>) report.get("annotators"))
        .stream()
            .filter(r -> annotatorId.equals(r.get("annotatorId")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no row for " + annotatorId + " in " + report));
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldGiveGoldFeedbackAndPauseAnAnnotatorWhoseTrustFalls() {
    Fixtures.Customer customer = fixtures.customer();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      lines.add(task("t" + i, null));
    }
    for (int i = 0; i < 6; i++) {
      lines.add(task("g" + i, "B"));
    }
    String projectId =
        project(
            customer.apiKey(),
            Map.of(
                "goldRatio", 0.95, "quality", Map.of("trustMinScored", 3, "trustThreshold", 0.7)),
            lines);
    Fixtures.Person annotator = fixtures.annotator(lang(), 1);

    int goldSeen = 0;
    while (goldSeen < 3) {
      Api.Response next = work.next(annotator.token());
      assertThat(next.status()).as(next.toString()).isEqualTo(200);
      // Always the customer's A, which the gold says is wrong.
      String wrong = sideShowing(next, "alpha");
      Api.Response submitted =
          work.submit(annotator.token(), next.get("assignmentId"), Map.of("choice", wrong));
      assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
      Map<String, Object> feedback = (Map<String, Object>) submitted.body().get("feedback");
      if (feedback != null) {
        goldSeen++;
        assertThat(feedback).containsEntry("correct", false);
        assertThat(feedback).containsEntry("explanation", "beta cites");
        // The expected answer in the order this annotator saw.
        assertThat(feedback.get("expected")).isEqualTo(Map.of("choice", sideShowing(next, "beta")));
      }
    }
    api.post("/api/v1/annotator/release", annotator.token(), null);

    Map<String, Object> feedbackPage =
        await(
            () -> api.get("/api/v1/annotator/feedback", annotator.token()).body(),
            f -> !((List<?>) f.get("pauses")).isEmpty());
    Map<String, Object> pause = ((List<Map<String, Object>>) feedbackPage.get("pauses")).get(0);
    assertThat(pause).containsEntry("projectId", projectId);
    assertThat((String) pause.get("reason")).contains("0 of your 3 checked answers");
    // Dispatch honours the pause once workforce has it.
    await(() -> work.next(annotator.token()).status(), status -> status == 204);

    Map<String, Object> report = quality(customer.apiKey(), projectId);
    Map<String, Object> mine = row(report, annotator.id());
    assertThat(mine).containsEntry("status", "paused").containsEntry("goldScored", 3);
    assertThat(mine).containsEntry("goldCorrect", 0);
    Map<String, Object> trust = (Map<String, Object>) mine.get("trust");
    assertThat((Double) trust.get("mean")).isEqualTo(0.2);
    assertThat((Double) trust.get("upper")).isGreaterThan(0.2).isLessThan(0.7);
    assertThat(report.get("gold")).isEqualTo(Map.of("scored", 3, "correct", 0, "accuracy", 0.0));
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldEscalateDisagreementToAHigherTierThenContestAndCountTheCost() {
    Fixtures.Customer customer = fixtures.customer();
    String projectId =
        project(
            customer.apiKey(),
            Map.of(
                "overlap", Map.of("min", 2, "max", 3, "agreementTarget", 1.0),
                "pay", Map.of("amount", 0.10, "currency", "EUR"),
                "quality", Map.of("escalationTier", 3, "auditRate", 0.0)),
            List.of(task("split", null)));
    Fixtures.Person first = fixtures.annotator(lang(), 1);
    Fixtures.Person second = fixtures.annotator(lang(), 1);
    Fixtures.Person juniorThird = fixtures.annotator(lang(), 1);
    Fixtures.Person senior = fixtures.annotator(lang(), 3);
    answer(first, "alpha");
    answer(second, "beta");

    // The added unit needs tier 3: the senior sees it; given back, the junior still does not.
    await(() -> work.next(senior.token()), r -> r.status() == 200);
    api.post("/api/v1/annotator/release", senior.token(), null);
    assertThat(work.next(juniorThird.token()).status()).isEqualTo(204);
    Api.Response escalated = work.next(senior.token());
    assertThat(escalated.status()).isEqualTo(200);
    work.submit(
        senior.token(),
        escalated.get("assignmentId"),
        Map.of("choice", sideShowing(escalated, "alpha")));

    Map<String, Object> report =
        await(
            () -> quality(customer.apiKey(), projectId),
            r -> ((Map<String, Object>) r.get("tasks")).get("contested").equals(1));
    List<Map<String, Object>> contested = (List<Map<String, Object>>) report.get("contested");
    assertThat(contested).hasSize(1);
    assertThat(contested.get(0))
        .containsEntry("externalId", "split")
        .containsEntry("judgements", 3);
    assertThat((Double) contested.get(0).get("agreement"))
        .isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));

    // A second task on which two agree at once resolves with two judgements.
    work.importLines(customer.apiKey(), projectId, List.of(task("agreed", null)));
    work.awaitTasks(customer.apiKey(), projectId, 2);
    Fixtures.Person fourth = fixtures.annotator(lang(), 1);
    Fixtures.Person fifth = fixtures.annotator(lang(), 1);
    answer(fourth, "beta");
    answer(fifth, "beta");
    report =
        await(
            () -> quality(customer.apiKey(), projectId),
            r -> ((Map<String, Object>) r.get("tasks")).get("resolved").equals(1));
    Map<String, Object> tasks = (Map<String, Object>) report.get("tasks");
    // Five judgements spent for one resolved task; 5 x 0.10 EUR per accepted label.
    assertThat(tasks).containsEntry("judgementsPerResolvedTask", 5.0);
    Map<String, Object> cost = (Map<String, Object>) report.get("cost");
    assertThat(cost).containsEntry("currency", "EUR");
    assertThat(new java.math.BigDecimal((String) cost.get("spent"))).isEqualByComparingTo("0.5");
    assertThat(new java.math.BigDecimal((String) cost.get("perAcceptedLabel")))
        .isEqualByComparingTo("0.5");
    Map<String, Object> agreement = (Map<String, Object>) report.get("agreement");
    assertThat(agreement).containsEntry("level", "ordinal").containsEntry("judgedTasks", 2);
    assertThat(agreement.get("percentAgreement")).isEqualTo(2 / 4.0);
  }

  private void answer(Fixtures.Person annotator, String customerSide) {
    Api.Response next = await(() -> work.next(annotator.token()), r -> r.status() == 200);
    Api.Response submitted =
        work.submit(
            annotator.token(),
            next.get("assignmentId"),
            Map.of("choice", sideShowing(next, customerSide)));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
    api.post("/api/v1/annotator/release", annotator.token(), null);
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldRejectReopenReversePayThenOverturnOnAppealByAnotherReviewer() {
    Fixtures.Customer customer = fixtures.customer();
    String projectId =
        project(
            customer.apiKey(),
            Map.of(
                "pay", Map.of("amount", 0.25, "currency", "USD"),
                "quality", Map.of("auditRate", 1.0)),
            List.of(task("audited", null)));
    Fixtures.Person annotator = fixtures.reviewer(lang());
    Fixtures.Person reviewer = fixtures.reviewer(lang());
    Fixtures.Person secondReviewer = fixtures.reviewer(lang());
    answer(annotator, "alpha");

    // Never one's own work.
    assertThat(api.post("/api/v1/review/next", annotator.token(), null).status()).isEqualTo(204);
    Api.Response item =
        await(
            () -> api.post("/api/v1/review/next", reviewer.token(), null), r -> r.status() == 200);
    assertThat(item.body()).containsEntry("reason", "sample").containsEntry("outcome", "resolved");
    assertThat(((Map<String, Object>) item.body().get("judgement")).get("answer"))
        .isEqualTo(Map.of("choice", "A", "strength", 1));
    assertThat(((Map<String, Object>) item.body().get("task")).get("externalId"))
        .isEqualTo("audited");
    String reviewId = item.get("reviewId");

    Api.Response noReason =
        api.post("/api/v1/reviews/" + reviewId, reviewer.token(), Map.of("verdict", "reject"));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat((String) noReason.get("detail")).startsWith("reason:");
    Api.Response rejected =
        api.post(
            "/api/v1/reviews/" + reviewId,
            reviewer.token(),
            Map.of("verdict", "reject", "reason", "alpha ignores the question"));
    assertThat(rejected.body()).containsEntry("status", "rejected");
    assertThat(
            api.post(
                    "/api/v1/reviews/" + reviewId,
                    secondReviewer.token(),
                    Map.of("verdict", "accept"))
                .status())
        .as("another reviewer's item")
        .isEqualTo(404);

    // Pay reversed; the task is open again for someone else.
    await(
        () -> earnings.entries(annotator.id()),
        e -> e.stream().anyMatch(x -> x.state().equals("reversed")));
    Fixtures.Person another = fixtures.annotator(lang(), 1);
    Api.Response reopened = await(() -> work.next(another.token()), r -> r.status() == 200);
    assertThat(Harness.task(reopened)).containsEntry("projectId", projectId);
    api.post("/api/v1/annotator/release", another.token(), null);

    Map<String, Object> feedback = api.get("/api/v1/annotator/feedback", annotator.token()).body();
    Map<String, Object> rejection = ((List<Map<String, Object>>) feedback.get("rejections")).get(0);
    assertThat(rejection)
        .containsEntry("reviewId", reviewId)
        .containsEntry("reason", "alpha ignores the question")
        .containsEntry("appealable", true)
        .containsEntry("taskPreview", "prompt audited");
    Api.Response appeal =
        api.post(
            "/api/v1/reviews/" + reviewId + "/appeal",
            annotator.token(),
            Map.of("comment", "alpha answers it in the second sentence"));
    assertThat(appeal.status()).as(appeal.toString()).isEqualTo(201);
    assertThat(
            api.post(
                    "/api/v1/reviews/" + reviewId + "/appeal",
                    annotator.token(),
                    Map.of("comment", "again"))
                .status())
        .isEqualTo(409);

    // The reviewer who rejected never judges the appeal; another one does.
    assertThat(api.post("/api/v1/review/next", reviewer.token(), null).status()).isEqualTo(204);
    Api.Response appealItem = api.post("/api/v1/review/next", secondReviewer.token(), null);
    assertThat(appealItem.body()).containsEntry("reason", "appeal");
    assertThat((Map<String, Object>) appealItem.body().get("appeal"))
        .containsEntry("comment", "alpha answers it in the second sentence")
        .containsEntry("previousReason", "alpha ignores the question");
    Api.Response overturned =
        api.post(
            "/api/v1/reviews/" + appealItem.get("reviewId"),
            secondReviewer.token(),
            Map.of("verdict", "accept"));
    assertThat(overturned.body()).containsEntry("status", "overturned");
    await(
        () -> earnings.entries(annotator.id()),
        e -> e.stream().anyMatch(x -> x.state().equals("payable")));
    Map<String, Object> after = api.get("/api/v1/annotator/feedback", annotator.token()).body();
    Map<String, Object> appealState =
        (Map<String, Object>)
            ((List<Map<String, Object>>) after.get("rejections")).get(0).get("appeal");
    assertThat(appealState).containsEntry("status", "overturned");
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldMakeAReviewersCorrectionTheReference() {
    Fixtures.Customer customer = fixtures.customer();
    String projectId =
        project(
            customer.apiKey(),
            Map.of("quality", Map.of("auditRate", 1.0)),
            List.of(task("fixme", null)));
    Fixtures.Person annotator = fixtures.annotator(lang(), 1);
    Fixtures.Person reviewer = fixtures.reviewer(lang());
    answer(annotator, "alpha");
    Api.Response item =
        await(
            () -> api.post("/api/v1/review/next", reviewer.token(), null), r -> r.status() == 200);
    Api.Response badCorrection =
        api.post(
            "/api/v1/reviews/" + item.get("reviewId"),
            reviewer.token(),
            Map.of("verdict", "correct", "correction", Map.of("choice", "C")));
    assertThat(badCorrection.status()).isEqualTo(400);
    Api.Response corrected =
        api.post(
            "/api/v1/reviews/" + item.get("reviewId"),
            reviewer.token(),
            Map.of("verdict", "correct", "correction", Map.of("choice", "B")));
    assertThat(corrected.body()).containsEntry("status", "corrected");
    String taskId = (String) ((Map<String, Object>) item.body().get("task")).get("id");
    Map<String, Object> task =
        api.get("/api/v1/projects/" + projectId + "/tasks/" + taskId, customer.apiKey()).body();
    Map<String, Object> outcome = (Map<String, Object>) task.get("outcome");
    assertThat((Map<String, Object>) outcome.get("consensus"))
        .containsEntry("choice", "B")
        .containsEntry("reference", true);
    Map<String, Object> judged = ((List<Map<String, Object>>) task.get("annotations")).get(0);
    assertThat(judged).containsEntry("status", "rejected");
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldFlagAnAnnotatorWhoAlwaysPicksTheLeftSide() {
    Fixtures.Customer customer = fixtures.customer();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      lines.add(task("left" + i, null));
    }
    String projectId =
        project(customer.apiKey(), Map.of("quality", Map.of("auditRate", 0.0)), lines);
    Fixtures.Person lefty = fixtures.annotator(lang(), 1);
    for (int i = 0; i < 40; i++) {
      Api.Response next = work.next(lefty.token());
      assertThat(next.status()).isEqualTo(200);
      work.submit(lefty.token(), next.get("assignmentId"), Map.of("choice", "A"));
    }
    // Signals are refreshed at most every ten seconds per annotator (SignalRefresh).
    Map<String, Object> report =
        await(
            () -> quality(customer.apiKey(), projectId),
            r ->
                ((Map<String, Object>) r.get("tasks")).get("resolved").equals(40)
                    && ((List<Map<String, Object>>) row(r, lefty.id()).get("flags"))
                        .stream()
                            .anyMatch(
                                f ->
                                    ((Map<String, Object>) f.get("evidence"))
                                        .get("left")
                                        .equals(40)));
    List<Map<String, Object>> flags =
        (List<Map<String, Object>>) row(report, lefty.id()).get("flags");
    Map<String, Object> bias =
        flags.stream()
            .filter(f -> f.get("signal").equals("position-bias"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no position-bias flag in " + flags));
    Map<String, Object> evidence = (Map<String, Object>) bias.get("evidence");
    assertThat(evidence).containsEntry("left", 40).containsEntry("right", 0);
    assertThat((Double) evidence.get("pValue")).isLessThan(1e-9);
    assertThat(flags).noneMatch(f -> f.get("signal").equals("straight-lining"));
    Map<String, Object> batch = ((List<Map<String, Object>>) report.get("batches")).get(0);
    assertThat(batch).containsEntry("batchId", "b1").containsEntry("resolved", 40);
    // One judgement per task: nothing to agree on.
    assertThat(batch.get("agreement")).isNull();
  }
}
