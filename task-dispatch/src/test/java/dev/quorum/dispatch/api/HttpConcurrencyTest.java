package dev.quorum.dispatch.api;

import static dev.quorum.dispatch.store.jooq.Tables.ASSIGNMENT;
import static dev.quorum.dispatch.store.jooq.Tables.WORK_UNIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.dispatch.store.jooq.enums.UnitStatus;
import dev.quorum.platform.db.Tx;
import dev.quorum.test.Api;
import dev.quorum.test.Fixtures;
import dev.quorum.test.Harness;
import dev.quorum.test.QuorumTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 50 annotators over HTTP, 1,000 tasks, overlap 3: every task ends with exactly 3 distinct
 * annotators and no unit was ever leased twice.
 */
@QuorumTest
@Tag("slow")
class HttpConcurrencyTest {

  static final int ANNOTATORS = 50;
  static final int TASKS = 1000;
  static final int OVERLAP = 3;

  @Inject
  @Client("/")
  HttpClient client;

  @Inject Tx tx;

  @Test
  void shouldGiveEveryTaskExactlyThreeDistinctAnnotators() throws Exception {
    Harness h = new Harness(new Api(client));
    Fixtures.Customer customer = h.fixtures.customer();
    String projectId =
        (String)
            h.project(customer.apiKey(), "pairwise", Map.of("overlap", Map.of("min", OVERLAP)))
                .get("id");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < TASKS; i++) {
      lines.add(Harness.pairwise("c-" + i, ""));
    }
    assertThat(h.importLines(customer.apiKey(), projectId, lines).body())
        .containsEntry("accepted", TASKS);
    h.awaitTasks(customer.apiKey(), projectId, TASKS);

    List<Fixtures.Person> people = new ArrayList<>();
    for (int i = 0; i < ANNOTATORS; i++) {
      people.add(h.fixtures.annotator(List.of(h.language), 1));
    }
    AtomicInteger submitted = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(ANNOTATORS);
    List<Future<?>> work = new ArrayList<>();
    for (Fixtures.Person person : people) {
      work.add(
          pool.submit(
              () -> {
                Api api = new Api(client);
                while (true) {
                  Api.Response next = api.post("/api/v1/annotator/next-task", person.token(), null);
                  if (next.status() == 204) {
                    return null;
                  }
                  Api.Response result =
                      api.post(
                          "/api/v1/assignments/" + next.get("assignmentId") + "/submit",
                          person.token(),
                          Map.of("answer", Map.of("choice", "A")));
                  if (result.status() == 200) {
                    submitted.incrementAndGet();
                  } else {
                    refused.incrementAndGet();
                  }
                }
              }));
    }
    for (Future<?> f : work) {
      f.get(15, TimeUnit.MINUTES);
    }
    pool.shutdown();

    assertThat(refused).hasValue(0);
    assertThat(submitted).hasValue(TASKS * OVERLAP);
    tx.read(
        dsl -> {
          assertThat(
                  dsl.fetchCount(
                      WORK_UNIT,
                      WORK_UNIT
                          .PROJECT_ID
                          .eq(projectId)
                          .and(WORK_UNIT.STATUS.ne(UnitStatus.submitted))))
              .isZero();
          // Nothing expired or was released here, so every lease is an assignment: one per unit.
          var perUnit =
              dsl.select(ASSIGNMENT.UNIT_ID, DSL.count())
                  .from(ASSIGNMENT)
                  .where(ASSIGNMENT.PROJECT_ID.eq(projectId))
                  .groupBy(ASSIGNMENT.UNIT_ID)
                  .fetch();
          assertThat(perUnit)
              .hasSize(TASKS * OVERLAP)
              .allSatisfy(r -> assertThat(r.value2()).isEqualTo(1));
          var perTask =
              dsl.select(ASSIGNMENT.TASK_ID, DSL.countDistinct(ASSIGNMENT.ANNOTATOR_ID))
                  .from(ASSIGNMENT)
                  .where(ASSIGNMENT.PROJECT_ID.eq(projectId))
                  .groupBy(ASSIGNMENT.TASK_ID)
                  .fetch();
          assertThat(perTask)
              .hasSize(TASKS)
              .allSatisfy(r -> assertThat(r.value2()).isEqualTo(OVERLAP));
          return null;
        });
  }
}
