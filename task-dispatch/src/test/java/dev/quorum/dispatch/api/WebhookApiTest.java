package dev.quorum.dispatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.quorum.dispatch.webhook.Signature;
import dev.quorum.test.Api;
import dev.quorum.test.Fixtures;
import dev.quorum.test.Harness;
import dev.quorum.test.QuorumTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signed deliveries to a receiver on this machine, retried until it answers 2xx. */
@QuorumTest
class WebhookApiTest {

  @Inject
  @Client("/")
  HttpClient client;

  HttpServer receiver;
  final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
  final AtomicInteger failuresLeft = new AtomicInteger(2);

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              Map.of(
                  "body", body,
                  "signature",
                      String.valueOf(exchange.getRequestHeaders().getFirst(Signature.HEADER)),
                  "event", String.valueOf(exchange.getRequestHeaders().getFirst("Quorum-Event"))));
          int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  @Test
  void shouldSignDeliveriesAndRetryUntilTheReceiverAccepts() {
    Harness h = new Harness(new Api(client));
    Fixtures.Customer customer = h.fixtures.customer();
    String projectId = (String) h.project(customer.apiKey(), "pairwise", Map.of()).get("id");
    String base = "/api/v1/projects/" + projectId + "/webhooks";
    Api.Response bad = h.api.post(base, customer.apiKey(), Map.of("url", "ftp://nowhere"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat((String) bad.get("detail")).startsWith("url:");
    assertThat(
            h.api
                .post(
                    base,
                    customer.apiKey(),
                    Map.of("url", "http://x.test/h", "events", List.of("bogus")))
                .status())
        .isEqualTo(400);

    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    Api.Response webhook =
        h.api.post(
            base, customer.apiKey(), Map.of("url", url, "events", List.of("annotation.submitted")));
    assertThat(webhook.status()).isEqualTo(201);
    String secret = webhook.get("secret");
    assertThat(secret).startsWith("whsec_");
    assertThat(h.api.get(base, customer.apiKey()).list().toString()).doesNotContain(secret);

    h.importLines(customer.apiKey(), projectId, List.of(Harness.pairwise("w-1", "")));
    h.awaitTasks(customer.apiKey(), projectId, 1);
    Fixtures.Person annotator = h.fixtures.annotator(List.of(h.language), 1);
    Api.Response next = h.next(annotator.token());
    h.submit(annotator.token(), next.get("assignmentId"), Map.of("choice", "A"));

    String deliveries = base + "/" + webhook.get("id") + "/deliveries";
    Api.Response log =
        Harness.await(
            () -> h.api.get(deliveries, customer.apiKey()),
            r ->
                !r.list().isEmpty()
                    && "delivered".equals(((Map<?, ?>) r.list().get(0)).get("status")));
    Map<?, ?> delivery = (Map<?, ?>) log.list().get(0);
    assertThat(delivery.get("eventType")).isEqualTo("annotation.submitted");
    assertThat(delivery.get("attempts")).as("two failures, then success").isEqualTo(3);
    assertThat(delivery.get("lastStatus")).isEqualTo(204);
    assertThat(delivery.get("nextAttemptAt"))
        .as("a delivered delivery has no next attempt")
        .isNull();

    assertThat(received).hasSize(3);
    for (Map<String, String> attempt : received) {
      String[] parts = attempt.get("signature").split(",");
      long t = Long.parseLong(parts[0].substring(2));
      assertThat(parts[1]).isEqualTo("v1=" + Signature.hmac(secret, t + "." + attempt.get("body")));
      assertThat(Math.abs(System.currentTimeMillis() / 1000 - t)).isLessThan(300);
      assertThat(attempt.get("event")).isEqualTo("annotation.submitted");
      assertThat(attempt.get("body"))
          .contains("\"type\":\"annotation.submitted\"")
          .contains(projectId);
    }
    assertThat(received.get(1).get("body"))
        .as("the same event each time")
        .isEqualTo(received.get(0).get("body"));
  }
}
