package dev.quorum.dispatch.lease;

import static dev.quorum.dispatch.store.jooq.Tables.ASSIGNMENT;
import static dev.quorum.dispatch.store.jooq.Tables.WORK_UNIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.dispatch.intake.ImportService;
import dev.quorum.dispatch.project.Project;
import dev.quorum.dispatch.project.ProjectRequest;
import dev.quorum.dispatch.project.ProjectService;
import dev.quorum.dispatch.store.jooq.enums.AssignmentStatus;
import dev.quorum.dispatch.store.jooq.enums.UnitStatus;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.identity.Caller;
import dev.quorum.platform.identity.Role;
import dev.quorum.test.Fixtures;
import dev.quorum.test.QuorumTest;
import dev.quorum.test.Unique;
import dev.quorum.workforce.annotator.AnnotatorService;
import dev.quorum.workforce.annotator.NewAnnotator;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** Many annotators lease and submit at once: every unit is judged once, by distinct people. */
@QuorumTest
class ConcurrentLeaseTest {

  static final int TASKS = 150;
  static final int OVERLAP = 3;
  static final int ANNOTATORS = 12;

  @Inject ProjectService projects;
  @Inject ImportService imports;
  @Inject LeaseService leases;
  @Inject SubmissionService submissions;
  @Inject AnnotatorService annotators;
  @Inject Tx tx;

  @Test
  void shouldNeverHandOneUnitToTwoPeopleNorOneTaskTwiceToAPerson() throws Exception {
    String language = Fixtures.isolatedLanguage();
    Project project =
        projects.create(
            "org_concurrency",
            new ProjectRequest(
                "concurrency",
                "pairwise",
                null,
                new ProjectRequest.OverlapRequest(OVERLAP, OVERLAP, null),
                null,
                new ProjectRequest.RequirementsRequest(List.of(language), null, null),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < TASKS; i++) {
      body.append("{\"externalId\":\"c-")
          .append(i)
          .append("\",\"data\":{\"prompt\":\"p\",\"responseA\":\"a\",\"responseB\":\"b\"}}\n");
    }
    imports.importTasks(
        project, new ByteArrayInputStream(body.toString().getBytes(StandardCharsets.UTF_8)));
    awaitUnits(project.id(), TASKS * OVERLAP);

    Caller admin = new Caller(null, null, EnumSet.of(Role.ADMIN), null, null);
    List<String> people = new ArrayList<>();
    for (int i = 0; i < ANNOTATORS; i++) {
      people.add(
          annotators
              .create(
                  admin,
                  new NewAnnotator(
                      Unique.email("racer"),
                      "racer-password",
                      "Racer",
                      List.of(language),
                      null,
                      1,
                      null,
                      null,
                      null,
                      null,
                      false))
              .id());
    }
    AtomicInteger submitted = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(ANNOTATORS);
    List<Future<?>> work = new ArrayList<>();
    JsonNode answer = JsonNode.createObjectNode(Map.of("choice", JsonNode.createStringNode("A")));
    for (String person : people) {
      work.add(
          pool.submit(
              () -> {
                while (true) {
                  Optional<NextTask> next = leases.next(person);
                  if (next.isEmpty()) {
                    return null;
                  }
                  submissions.submit(person, next.get().assignmentId(), answer, 10L, null);
                  submitted.incrementAndGet();
                }
              }));
    }
    for (Future<?> f : work) {
      f.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();

    assertThat(submitted.get()).isEqualTo(TASKS * OVERLAP);
    tx.read(
        dsl -> {
          assertThat(
                  dsl.fetchCount(
                      WORK_UNIT,
                      WORK_UNIT
                          .PROJECT_ID
                          .eq(project.id())
                          .and(WORK_UNIT.STATUS.ne(UnitStatus.submitted))))
              .isZero();
          // One submitted assignment per unit.
          var perUnit =
              dsl.select(ASSIGNMENT.UNIT_ID, DSL.count())
                  .from(ASSIGNMENT)
                  .where(ASSIGNMENT.PROJECT_ID.eq(project.id()))
                  .and(ASSIGNMENT.STATUS.eq(AssignmentStatus.submitted))
                  .groupBy(ASSIGNMENT.UNIT_ID)
                  .fetch();
          assertThat(perUnit)
              .hasSize(TASKS * OVERLAP)
              .allSatisfy(r -> assertThat(r.value2()).isEqualTo(1));
          // Each task judged by exactly OVERLAP distinct annotators.
          var perTask =
              dsl.select(
                      ASSIGNMENT.TASK_ID, DSL.countDistinct(ASSIGNMENT.ANNOTATOR_ID), DSL.count())
                  .from(ASSIGNMENT)
                  .where(ASSIGNMENT.PROJECT_ID.eq(project.id()))
                  .and(ASSIGNMENT.STATUS.eq(AssignmentStatus.submitted))
                  .groupBy(ASSIGNMENT.TASK_ID)
                  .fetch();
          assertThat(perTask)
              .hasSize(TASKS)
              .allSatisfy(
                  r -> {
                    assertThat(r.value2()).isEqualTo(OVERLAP);
                    assertThat(r.value3()).isEqualTo(OVERLAP);
                  });
          return null;
        });
  }

  private void awaitUnits(String projectId, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (tx.read(dsl -> dsl.fetchCount(WORK_UNIT, WORK_UNIT.PROJECT_ID.eq(projectId))) < count) {
      assertThat(System.nanoTime()).as("units written in time").isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
