package dev.quorum.dispatch.webhook;

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
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The fan-out claims no events: the delivery's unique key alone keeps a redelivery from repeating.
 */
@QuorumTest
class WebhookFanOutTest {

  @Inject
  @Client("/")
  HttpClient client;

  @Inject WebhookFanOut fanOut;

  @Test
  void shouldMakeOneDeliveryOfAnEventThatKafkaDeliversTwice() {
    Harness h = new Harness(new Api(client));
    Fixtures.Customer customer = h.fixtures.customer();
    String projectId = (String) h.project(customer.apiKey(), "pairwise", Map.of()).get("id");
    String base = "/api/v1/projects/" + projectId + "/webhooks";
    Api.Response webhook =
        h.api.post(
            base,
            customer.apiKey(),
            Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("task.completed")));
    assertThat(webhook.status()).isEqualTo(201);

    String event =
        """
        {"id":"%s","type":"task.completed","key":"%s","occurredAt":"2026-11-24T12:00:00Z",\
        "version":1,"payload":{"taskId":"tsk_x"}}"""
            .formatted(UUID.randomUUID(), projectId);
    String other = event.replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"" + UUID.randomUUID() + "\"");
    fanOut.acceptAll(List.of(event, event));
    fanOut.accept(event);
    fanOut.accept(other);

    List<?> deliveries =
        h.api.get(base + "/" + webhook.get("id") + "/deliveries", customer.apiKey()).list();
    assertThat(deliveries).as("one per distinct event, however often it came").hasSize(2);
  }
}
