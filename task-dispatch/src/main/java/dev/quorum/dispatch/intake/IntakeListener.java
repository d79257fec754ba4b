package dev.quorum.dispatch.intake;

import static dev.quorum.dispatch.store.jooq.Tables.PROJECT;

import dev.quorum.dispatch.batch.BatchService;
import dev.quorum.dispatch.kind.TaskKind;
import dev.quorum.dispatch.project.ProjectSettings;
import dev.quorum.dispatch.store.jooq.enums.ProjectStatus;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.events.Topics;
import dev.quorum.platform.json.Json;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Property;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Consumes the intake topic in batches. Every record is checked against its project (the import
 * endpoint's records and those customers produce directly alike); a record that fails goes to
 * {@code quorum.task-intake.dead-letter} with the reason. Offsets are committed after the batch is
 * written and the rejects are acknowledged, so nothing is lost.
 */
@KafkaListener(
    groupId = "quorum-dispatch-intake",
    batch = true,
    offsetReset = OffsetReset.EARLIEST,
    offsetStrategy = OffsetStrategy.SYNC,
    properties = @Property(name = ConsumerConfig.MAX_POLL_RECORDS_CONFIG, value = "2000"))
class IntakeListener {

  private final TaskWriter writer;
  private final Json json;
  private final Tx tx;
  private final BatchService batches;
  private final IntakeProducer producer;

  IntakeListener(
      TaskWriter writer, Json json, Tx tx, BatchService batches, IntakeProducer producer) {
    this.writer = writer;
    this.json = json;
    this.tx = tx;
    this.batches = batches;
    this.producer = producer;
  }

  /** What a rejected intake record becomes on the dead-letter topic. */
  @Serdeable
  record DeadLetter(String reason, String topic, int partition, long offset, String value) {}

  private record Target(TaskKind kind, ProjectSettings settings, Set<String> finalizedBatches) {}

  @Topic(Topics.TASK_INTAKE)
  void receive(List<ConsumerRecord<String, String>> records) {
    Map<String, Target> projects = new HashMap<>();
    List<ValidTask> valid = new ArrayList<>(records.size());
    List<Future<RecordMetadata>> rejects = new ArrayList<>();
    for (ConsumerRecord<String, String> record : records) {
      String reason;
      try {
        IntakeRecord intake = json.read(record.value(), IntakeRecord.class);
        if (intake.projectId() == null || intake.task() == null) {
          throw new TaskLine.Invalid("a record needs projectId and task");
        }
        Target target = projects.computeIfAbsent(intake.projectId(), this::target);
        if (target == null) {
          throw new TaskLine.Invalid(
              "project " + intake.projectId() + " does not exist or takes no tasks");
        }
        TaskLine task = TaskLine.parse(intake.task(), target.kind(), target.settings());
        if (task.batch() != null && target.finalizedBatches().contains(task.batch())) {
          throw new TaskLine.Invalid(
              "batch '" + task.batch() + "' is finalized and takes no new tasks");
        }
        valid.add(new ValidTask(intake.projectId(), intake.importId(), task));
        continue;
      } catch (TaskLine.Invalid e) {
        reason = e.getMessage();
      } catch (RuntimeException e) {
        reason = "not an intake record: " + (e.getCause() == null ? e : e.getCause()).getMessage();
      }
      rejects.add(
          producer.send(
              Topics.TASK_INTAKE_DEAD_LETTER,
              record.key(),
              json.write(
                  new DeadLetter(
                      reason,
                      record.topic(),
                      record.partition(),
                      record.offset(),
                      record.value()))));
    }
    writer.write(valid);
    for (Future<RecordMetadata> ack : rejects) {
      try {
        ack.get(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while dead-lettering intake records", e);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("the dead-letter topic did not take a rejected record", e);
      }
    }
  }

  /** The project's kind and settings, or null when it is missing or completed. */
  private Target target(String projectId) {
    var row =
        tx.read(
            dsl ->
                dsl.select(PROJECT.KIND, PROJECT.SETTINGS, PROJECT.STATUS)
                    .from(PROJECT)
                    .where(PROJECT.ID.eq(projectId))
                    .fetchOptional());
    if (row.isEmpty() || row.get().value3() == ProjectStatus.completed) {
      return null;
    }
    return new Target(
        TaskKind.of(row.get().value1().getLiteral()),
        json.read(row.get().value2(), ProjectSettings.class),
        batches.finalized(projectId));
  }
}
