package dev.quorum.server.quality;

import static dev.quorum.test.Harness.await;
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
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A finalized batch is shown as completed once quality has decided its last task. */
@QuorumTest
class BatchCompletionTest {

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void shouldShowAFinalizedBatchAsCompletedWhenItsLastTaskIsDecided() {
    Api api = new Api(client);
    Harness work = new Harness(api);
    Fixtures.Customer customer = work.fixtures.customer();
    String projectId = (String) work.project(customer.apiKey(), "pairwise", Map.of()).get("id");
    List<String> lines =
        List.of(
            Harness.pairwise("done-1", ",\"batch\":\"wb\""),
            Harness.pairwise("done-2", ",\"batch\":\"wb\""));
    assertThat(work.importLines(customer.apiKey(), projectId, lines).status()).isEqualTo(202);
    work.awaitTasks(customer.apiKey(), projectId, 2);
    String batches = "/api/v1/projects/" + projectId + "/batches";
    assertThat(api.post(batches + "/wb/finalize", customer.apiKey(), null).status()).isEqualTo(200);
    assertThat(status(api, customer, batches)).contains("finalized");

    Fixtures.Person annotator = work.fixtures.annotator(List.of(work.language), 1);
    for (int i = 0; i < 2; i++) {
      Api.Response next = work.next(annotator.token());
      assertThat(next.status()).as(next.toString()).isEqualTo(200);
      assertThat(
              work.submit(annotator.token(), next.get("assignmentId"), Map.of("choice", "A"))
                  .status())
          .isEqualTo(200);
    }

    assertThat(await(() -> status(api, customer, batches), s -> s.equals(Optional.of("completed"))))
        .contains("completed");
  }

  private static Optional<String> status(Api api, Fixtures.Customer customer, String path) {
    return api.get(path, customer.apiKey()).list().stream()
        .map(row -> (Map<?, ?>) row)
        .filter(batch -> "wb".equals(batch.get("batch")))
        .map(batch -> (String) batch.get("status"))
        .findFirst();
  }
}
