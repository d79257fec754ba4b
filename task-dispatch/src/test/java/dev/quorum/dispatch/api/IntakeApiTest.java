package dev.quorum.dispatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.platform.db.Tx;
import dev.quorum.platform.events.Topics;
import dev.quorum.test.Api;
import dev.quorum.test.Fixtures;
import dev.quorum.test.Harness;
import dev.quorum.test.QuorumTest;
import dev.quorum.test.TestKafka;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Intake: straight to the topic with a dead-letter for rejects, idempotent re-imports, a million
 * lines.
 */
@QuorumTest
class IntakeApiTest {

  @Inject
  @Client("/")
  HttpClient client;

  @Inject TestKafka kafka;
  @Inject JsonMapper json;
  @Inject io.micronaut.runtime.server.EmbeddedServer server;
  @Inject Tx tx;

  @Value("${kafka.bootstrap.servers}")
  String bootstrap;

  Harness h;
  Fixtures.Customer customer;

  @BeforeEach
  void setUp() {
    h = new Harness(new Api(client));
    customer = h.fixtures.customer();
  }

  @Test
  void shouldTakeTasksProducedToTheTopicAndDeadLetterBadOnes() throws Exception {
    String projectId = (String) h.project(customer.apiKey(), "pairwise", Map.of()).get("id");
    String good =
        "{\"projectId\":\"" + projectId + "\",\"task\":" + Harness.pairwise("direct-1", "") + "}";
    String badTask =
        "{\"projectId\":\""
            + projectId
            + "\",\"task\":{\"externalId\":\"direct-2\",\"data\":{\"prompt\":\"p\"}}}";
    String noProject =
        "{\"projectId\":\"prj_missing\",\"task\":" + Harness.pairwise("direct-3", "") + "}";
    String garbage = "not json at all";
    String badAcceptedAt =
        "{\"projectId\":\""
            + projectId
            + "\",\"acceptedAt\":\"yesterday\",\"task\":"
            + Harness.pairwise("direct-4", "")
            + "}";
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap),
            new StringSerializer(),
            new StringSerializer())) {
      for (String value : List.of(good, badTask, good, noProject, garbage, badAcceptedAt)) {
        producer.send(new ProducerRecord<>(Topics.TASK_INTAKE, projectId, value)).get();
      }
    }
    h.awaitTasks(customer.apiKey(), projectId, 1);
    List<ConsumerRecord<String, String>> dead =
        kafka.readAll(Topics.TASK_INTAKE_DEAD_LETTER, 1000, Duration.ofSeconds(10)).stream()
            .filter(r -> projectId.equals(r.key()))
            .toList();
    assertThat(dead).hasSize(4);
    List<String> reasons =
        dead.stream().map(r -> (String) readMap(r.value()).get("reason")).toList();
    assertThat(reasons)
        .anyMatch(r -> r.contains("data.responseA is missing"))
        .anyMatch(r -> r.contains("prj_missing does not exist"))
        .anyMatch(r -> r.startsWith("not an intake record"))
        .anyMatch(r -> r.startsWith("acceptedAt must be an ISO-8601 instant"));
    assertThat(dead).allMatch(r -> readMap(r.value()).containsKey("value"));
    assertThat(
            ((Map<?, ?>)
                    h.api
                        .get("/api/v1/projects/" + projectId, customer.apiKey())
                        .body()
                        .get("progress"))
                .get("tasks"))
        .as("the record sent twice made one task")
        .isEqualTo(1);
  }

  /**
   * Three imports of the same lines at once, each spread over several writers: every task once, and
   * every import ends, with the lines another import wrote first counted as duplicates.
   */
  @Test
  void shouldCountTheSameExternalIdOnceWhenImportedInParallel() throws Exception {
    int count = 15_000;
    String projectId = (String) h.project(customer.apiKey(), "pairwise", Map.of()).get("id");
    String lines = pairwiseLines("same-", count);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<HttpResponse<String>>> imports = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      imports.add(
          pool.submit(() -> importBody(projectId, HttpRequest.BodyPublishers.ofString(lines))));
    }
    List<String> importIds = new java.util.ArrayList<>();
    for (Future<HttpResponse<String>> f : imports) {
      assertThat(f.get().statusCode()).as(f.get().body()).isEqualTo(202);
      importIds.add((String) readMap(f.get().body()).get("importId"));
    }
    pool.shutdown();
    h.awaitTasks(customer.apiKey(), projectId, count);
    int written = 0;
    for (String importId : importIds) {
      Map<String, Object> progress =
          Harness.await(
              () ->
                  h.api
                      .get(
                          "/api/v1/projects/" + projectId + "/imports/" + importId,
                          customer.apiKey())
                      .body(),
              body -> Boolean.TRUE.equals(body.get("done")));
      assertThat((Integer) progress.get("accepted") + (Integer) progress.get("duplicates"))
          .as("every line of import %s is accepted or a duplicate", importId)
          .isEqualTo(count);
      assertThat(progress.get("written")).isEqualTo(progress.get("accepted"));
      written += (Integer) progress.get("written");
    }
    assertThat(written).as("each task written by one import").isEqualTo(count);
    Map<?, ?> progress =
        (Map<?, ?>)
            h.api.get("/api/v1/projects/" + projectId, customer.apiKey()).body().get("progress");
    assertThat(progress.get("tasks")).isEqualTo(count);
    assertThat(progress.get("unitsReady"))
        .as("one unit per task, not one per import")
        .isEqualTo(count);
  }

  @Test
  void shouldWriteARedeliveredRecordOnceAndDeadLetterWhatTheDatabaseRefuses() throws Exception {
    String projectId = (String) h.project(customer.apiKey(), "pairwise", Map.of()).get("id");
    Api.Response imported =
        h.importLines(customer.apiKey(), projectId, List.of(Harness.pairwise("again", "")));
    String importId = (String) imported.get("importId");
    h.awaitTasks(customer.apiKey(), projectId, 1);
    String redelivered =
        "{\"projectId\":\""
            + projectId
            + "\",\"importId\":\""
            + importId
            + "\",\"task\":"
            + Harness.pairwise("again", "")
            + "}";
    String tooLargeForPostgres =
        "{\"projectId\":\""
            + projectId
            + "\",\"importId\":\""
            + importId
            + "\",\"task\":"
            + Harness.pairwise("huge", ",\"metadata\":{\"n\":1e400000}")
            + "}";
    String last =
        "{\"projectId\":\"" + projectId + "\",\"task\":" + Harness.pairwise("last", "") + "}";
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap),
            new StringSerializer(),
            new StringSerializer())) {
      for (String value : List.of(redelivered, redelivered, tooLargeForPostgres, last)) {
        producer.send(new ProducerRecord<>(Topics.TASK_INTAKE, projectId, value));
      }
    }
    h.awaitTasks(customer.apiKey(), projectId, 2);
    Map<?, ?> progress =
        (Map<?, ?>)
            h.api.get("/api/v1/projects/" + projectId, customer.apiKey()).body().get("progress");
    assertThat(progress.get("unitsReady"))
        .as("no second unit for the redelivered task")
        .isEqualTo(2);
    Map<String, Object> importProgress =
        Harness.await(
            () ->
                h.api
                    .get(
                        "/api/v1/projects/" + projectId + "/imports/" + importId, customer.apiKey())
                    .body(),
            body -> Integer.valueOf(1).equals(body.get("failed")));
    assertThat(importProgress)
        .as("a redelivered record is not written twice; the refused one counts as failed")
        .containsEntry("written", 1)
        .containsEntry("failed", 1)
        .containsEntry("done", true);
    List<String> reasons =
        kafka.readAll(Topics.TASK_INTAKE_DEAD_LETTER, 1000, Duration.ofSeconds(10)).stream()
            .filter(r -> projectId.equals(r.key()))
            .map(r -> (String) readMap(r.value()).get("reason"))
            .toList();
    assertThat(reasons).singleElement().asString().startsWith("the database refused the task");
  }

  /**
   * A batch of new tasks is COPYed straight into the tables from the record's own text: what is
   * stored is what PostgreSQL makes of the text the customer sent (a number keeps its scale and
   * size), not what Java would write back from a parsed tree.
   */
  @Test
  void shouldStoreATasksJsonAsSent() throws Exception {
    String projectId = (String) h.project(customer.apiKey(), "pairwise", Map.of()).get("id");
    String metadata =
        "{\"score\": 1.10, \"big\": 123456789012345678901234567890.5, \"tiny\": 1e-7,"
            + " \"text\": \"caf\\u00e9\\ttab\"}";
    String data = "{\"prompt\":\"p \\\"quoted\\\"\\n2\",\"responseA\":\"a\",\"responseB\":\"b\"}";
    String line =
        "{\"externalId\":\"as-sent\",\"metadata\":" + metadata + ",\"data\":" + data + "}";
    Api.Response imported = h.importLines(customer.apiKey(), projectId, List.of(line));
    assertThat(imported.body()).as("import response").containsEntry("accepted", 1);
    h.awaitTasks(customer.apiKey(), projectId, 1);

    List<Boolean> asSent =
        tx.read(
            dsl ->
                dsl
                    .resultQuery(
                        "select metadata::text = ?::jsonb::text, data::text = ?::jsonb::text"
                            + " from dispatch.task where project_id = ?",
                        metadata,
                        data,
                        projectId)
                    .fetchSingle()
                    .intoList()
                    .stream()
                    .map(Boolean.class::cast)
                    .toList());
    assertThat(asSent)
        .as("metadata, data as PostgreSQL reads the sent text")
        .containsExactly(true, true);
  }

  /**
   * An import's records are keyed by chunk and written by all intake writers at once; the units
   * still come out of the ready-unit index in line order, because each carries the time its line
   * was accepted.
   */
  @Test
  void shouldOfferAnImportsTasksInLineOrderWhicheverWriterWroteThem() throws Exception {
    int count = 40_000;
    String projectId = (String) h.project(customer.apiKey(), "pairwise", Map.of()).get("id");
    String lines = pairwiseLines("line-", count);
    HttpResponse<String> response =
        importBody(projectId, HttpRequest.BodyPublishers.ofString(lines));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    assertThat(readMap(response.body())).containsEntry("accepted", count);
    h.awaitTasks(customer.apiKey(), projectId, count);

    List<String> leaseOrder =
        tx.read(
            dsl ->
                dsl.resultQuery(
                        "select t.external_id from dispatch.work_unit u"
                            + " join dispatch.task t on t.id = u.task_id"
                            + " where u.project_id = ? and u.status = 'ready'"
                            + " order by u.ready_since, u.id",
                        projectId)
                    .fetch(0, String.class));
    assertThat(leaseOrder).hasSize(count);
    for (int i = 0; i < count; i++) {
      assertThat(leaseOrder.get(i)).as("unit %d in the lease order", i).isEqualTo("line-" + i);
    }
  }

  /** A million lines streamed in and out: the server never holds the body. */
  @Test
  @Tag("slow")
  void shouldImportAMillionLines() throws Exception {
    int count = 1_000_000;
    String projectId = (String) h.project(customer.apiKey(), "pairwise", Map.of()).get("id");
    InputStream body = new GeneratedLines(count);
    HttpResponse<String> response =
        importBody(projectId, HttpRequest.BodyPublishers.ofInputStream(() -> body));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    Map<String, Object> result = readMap(response.body());
    assertThat(result).containsEntry("accepted", count).containsEntry("rejectedCount", 0);
    String importId = (String) result.get("importId");
    Harness.await(
        () ->
            h.api.get("/api/v1/projects/" + projectId + "/imports/" + importId, customer.apiKey()),
        r -> Boolean.TRUE.equals(r.get("done")),
        Duration.ofMinutes(15));
    assertThat(
            ((Map<?, ?>)
                    h.api
                        .get("/api/v1/projects/" + projectId, customer.apiKey())
                        .body()
                        .get("progress"))
                .get("tasks"))
        .isEqualTo(count);
  }

  /**
   * The line limit is 1 MiB of bytes, and a line just under it fits through Kafka in its envelope
   * (Kafka's default record size, 1 MiB, refused it with a 500). A byte-order mark before the first
   * line is dropped; a line that is not UTF-8 is refused, not decoded with replacement characters.
   */
  @Test
  @SuppressWarnings("unchecked")
  void shouldTakeALineJustUnderOneMebibyteAndRefuseOneThatIsNotUtf8() throws Exception {
    String projectId = (String) h.project(customer.apiKey(), "pairwise", Map.of()).get("id");
    String head = "{\"externalId\":\"big\",\"data\":{\"prompt\":\"";
    String tail = "\",\"responseA\":\"a\",\"responseB\":\"b\"}}";
    String big = head + "y".repeat((1 << 20) - head.length() - tail.length()) + tail;
    assertThat(big.length()).isEqualTo(1 << 20);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    body.writeBytes((Harness.pairwise("after-bom", "") + "\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes((big + "\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(
        (big.replace("\"big\"", "\"too-big\"") + "z\n").getBytes(StandardCharsets.UTF_8));
    // Latin-1's é (0xE9) is not UTF-8.
    body.writeBytes(
        "{\"externalId\":\"latin1\",\"data\":{\"prompt\":\"caf\u00e9\",\"responseA\":\"a\",\"responseB\":\"b\"}}"
            .getBytes(StandardCharsets.ISO_8859_1));
    byte[] bytes = body.toByteArray();

    HttpResponse<String> response =
        importBody(projectId, HttpRequest.BodyPublishers.ofByteArray(bytes));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    Map<String, Object> result = readMap(response.body());
    assertThat(result).containsEntry("accepted", 2).containsEntry("rejectedCount", 2);
    assertThat((List<Map<String, Object>>) result.get("rejected"))
        .extracting(r -> r.get("line") + ": " + r.get("error"))
        .containsExactly("3: the line is longer than 1 MiB", "4: the line is not valid UTF-8");
    h.awaitTasks(customer.apiKey(), projectId, 2);
    Integer promptLength =
        tx.read(
            dsl ->
                dsl.resultQuery(
                        "select length(data ->> 'prompt') from dispatch.task"
                            + " where project_id = ? and external_id = 'big'",
                        projectId)
                    .fetchOne(0, Integer.class));
    assertThat(promptLength).isEqualTo(big.length() - head.length() - tail.length());
  }

  /** A JSONL body of {@code count} pairwise tasks with external ids {@code prefix0, prefix1, …}. */
  private static String pairwiseLines(String prefix, int count) {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < count; i++) {
      lines.append(Harness.pairwise(prefix + i, "")).append('\n');
    }
    return lines.toString();
  }

  /** An import with no read timeout to speak of: a cold server takes a while for large ones. */
  private HttpResponse<String> importBody(String projectId, HttpRequest.BodyPublisher body)
      throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(server.getURL() + "/api/v1/projects/" + projectId + "/tasks"))
                .header("Authorization", "Bearer " + customer.apiKey())
                .header("Content-Type", "application/x-ndjson")
                .POST(body)
                .timeout(Duration.ofMinutes(20))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> readMap(String value) {
    try {
      return json.readValue(value, Map.class);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** JSONL lines made on the fly, so the test holds no body in memory either. */
  static final class GeneratedLines extends InputStream {
    private final int count;
    private int next;
    private byte[] line = new byte[0];
    private int position;

    GeneratedLines(int count) {
      this.count = count;
    }

    @Override
    public int read() {
      if (position == line.length) {
        if (next == count) {
          return -1;
        }
        line =
            ("{\"externalId\":\"m-"
                    + next
                    + "\",\"metadata\":{\"n\":"
                    + next
                    + "},\"data\":{\"prompt\":\"question "
                    + next
                    + "\",\"responseA\":\"first answer\",\"responseB\":\"second answer\"}}\n")
                .getBytes(StandardCharsets.UTF_8);
        next++;
        position = 0;
      }
      return line[position++];
    }

    @Override
    public int read(byte[] b, int off, int len) {
      int n = 0;
      while (n < len) {
        int c = read();
        if (c < 0) {
          return n == 0 ? -1 : n;
        }
        b[off + n++] = (byte) c;
      }
      return n;
    }
  }
}
