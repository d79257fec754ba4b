package dev.quorum.quality.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.dispatch.events.AnnotationSubmitted;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.events.EventEnvelope;
import dev.quorum.platform.json.Json;
import dev.quorum.quality.trust.Trust;
import dev.quorum.quality.trust.TrustService;
import dev.quorum.test.Api;
import dev.quorum.test.Harness;
import dev.quorum.test.QuorumTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A submission event handled twice (Kafka redelivery, relay re-send) changes quality once. */
@QuorumTest
class RedeliveredSubmissionTest {

  @Inject
  @Client("/")
  HttpClient client;

  @Inject SubmissionConsumer consumer;
  @Inject TrustService trust;
  @Inject Tx tx;
  @Inject Json json;

  @Test
  void shouldScoreAGoldJudgementOnceHoweverOftenItArrives() {
    Harness work = new Harness(new Api(client));
    var customer = work.fixtures.customer();
    String projectId = (String) work.project(customer.apiKey(), "pairwise", Map.of()).get("id");
    String annotatorId = "usr_redelivered_" + UUID.randomUUID();
    AnnotationSubmitted event =
        new AnnotationSubmitted(
            "asg_" + UUID.randomUUID(),
            "unt_x",
            "tsk_x",
            projectId,
            customer.orgId(),
            annotatorId,
            "pairwise",
            JsonNode.createObjectNode(Map.of("choice", JsonNode.createStringNode("A"))),
            false,
            true,
            false,
            1200L,
            Instant.now(),
            1,
            1,
            0.0,
            BigDecimal.ONE,
            "USD");
    String record = envelope(UUID.randomUUID(), event);

    assertThat(consumer.accept(record)).isTrue();
    assertThat(consumer.accept(record)).as("the same event again").isFalse();
    // The same judgement under a new event id (published twice) is recognised too.
    consumer.accept(envelope(UUID.randomUUID(), event));

    Trust scored = tx.read(dsl -> trust.trust(dsl, projectId, annotatorId)).orElseThrow();
    assertThat(scored.scored()).isEqualTo(1);
    assertThat(scored.correct()).isZero();
  }

  private String envelope(UUID id, AnnotationSubmitted event) {
    return json.write(
        new EventEnvelope(
            id,
            AnnotationSubmitted.TYPE,
            event.projectId(),
            Instant.now(),
            1,
            json.tree(json.write(event))));
  }
}
