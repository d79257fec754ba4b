package dev.quorum.dispatch.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.dispatch.project.ProjectRequest;
import dev.quorum.dispatch.project.ProjectService;
import dev.quorum.platform.db.Tx;
import dev.quorum.test.Harness;
import dev.quorum.test.QuorumTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The writer's COPY straight into the tables, when another writer takes an external id first. */
@QuorumTest
class TaskWriterTest {

  @Inject TaskWriter writer;
  @Inject ProjectService projects;
  @Inject Tx tx;

  /**
   * Another transaction inserts the external id after the writer found it free: the writer's COPY
   * waits for it, fails on the unique key when it commits, and the batch is written the staged way,
   * which skips the taken id. Nothing is refused and the task exists once.
   */
  @Test
  void shouldStageTheBatchWhenAnotherWriterTakesAnExternalIdDuringItsCopy() throws Exception {
    String projectId = projects.create("org_writer", ProjectRequest.of("race", "pairwise")).id();
    CountDownLatch inserted = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    CompletableFuture<Void> other =
        CompletableFuture.runAsync(
            () ->
                tx.run(
                    dsl -> {
                      dsl.execute(
                          "insert into dispatch.task (id, project_id, external_id, data)"
                              + " values ('tsk_other_writer', ?, 'raced', '{}')",
                          projectId);
                      inserted.countDown();
                      await(commit);
                    }));
    await(inserted);

    CompletableFuture<List<TaskWriter.Refused>> written =
        CompletableFuture.supplyAsync(() -> writer.write(List.of(record(projectId, "raced"))));
    Harness.await(this::copiesWaitingForALock, waiting -> waiting > 0);
    commit.countDown();
    other.get(60, TimeUnit.SECONDS);

    assertThat(written.get(60, TimeUnit.SECONDS)).as("refused records").isEmpty();
    List<String> taskIds =
        tx.read(
            dsl ->
                dsl.resultQuery("select id from dispatch.task where project_id = ?", projectId)
                    .fetch(0, String.class));
    assertThat(taskIds).containsExactly("tsk_other_writer");
    Integer units =
        count("select count(*) from dispatch.work_unit where project_id = ?", projectId);
    assertThat(units).as("units written by the writer that lost").isZero();
  }

  /**
   * A batch that repeats an external id the project has (a record sent to the topic again): the
   * direct COPY fails on the unique key, and the staged write skips the taken id and writes the
   * rest, with their units.
   */
  @Test
  void shouldWriteTheNewRecordsOfABatchThatRepeatsATakenExternalId() {
    String projectId = projects.create("org_writer", ProjectRequest.of("resent", "pairwise")).id();
    assertThat(writer.write(List.of(record(projectId, "sent-before")))).isEmpty();

    assertThat(
            writer.write(
                List.of(
                    record(projectId, "new-1"),
                    record(projectId, "sent-before"),
                    record(projectId, "new-2"))))
        .as("refused records")
        .isEmpty();

    List<String> externalIds =
        tx.read(
            dsl ->
                dsl.resultQuery(
                        "select external_id from dispatch.task where project_id = ?"
                            + " order by external_id",
                        projectId)
                    .fetch(0, String.class));
    assertThat(externalIds).containsExactly("new-1", "new-2", "sent-before");
    assertThat(count("select count(*) from dispatch.work_unit where project_id = ?", projectId))
        .as("one unit per task (overlap 1), none twice")
        .isEqualTo(3);
  }

  private int copiesWaitingForALock() {
    return count(
        "select count(*) from pg_stat_activity"
            + " where wait_event_type = 'Lock' and query like 'COPY%task%'");
  }

  private int count(String sql, Object... binds) {
    return tx.read(dsl -> dsl.resultQuery(sql, binds).fetchSingle(0, Integer.class));
  }

  private static ValidTask record(String projectId, String externalId) {
    String data = "{\"prompt\":\"p\",\"responseA\":\"a\",\"responseB\":\"b\"}";
    String record =
        "{\"projectId\":\""
            + projectId
            + "\",\"task\":{\"externalId\":\""
            + externalId
            + "\",\"data\":"
            + data
            + "}}";
    try {
      StrictJson.Parsed parsed = StrictJson.parse(record, Set.of("task.data"));
      TaskLine line =
          new TaskLine(externalId, null, null, null, parsed.tree().get("task").get("data"), null);
      return new ValidTask(projectId, null, line, null, record, new TaskSources(data, null, null));
    } catch (StrictJson.Malformed e) {
      throw new AssertionError(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(60, TimeUnit.SECONDS)).as("latch released").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
