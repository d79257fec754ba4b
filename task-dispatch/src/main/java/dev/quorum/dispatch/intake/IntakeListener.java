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
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Consumes the intake topic in batches. A record is {@code {"projectId": …, "importId": …,
 * "acceptedAt": …, "task": …}}: {@code task} is one line of the JSONL import format, only the
 * import endpoint sets {@code importId}, and {@code acceptedAt} (optional, an ISO-8601 instant)
 * orders the task's units among the project's others (oldest first; without it, the time of
 * writing). Its key does not matter here (customers use the project id). Every record is checked
 * against its project (the import endpoint's records and those customers produce directly alike); a
 * record that fails, or that the database refuses, goes to {@code quorum.task-intake.dead-letter}
 * with the reason. Offsets are committed after the batch is written and the rejects are
 * acknowledged, so nothing is lost.
 *
 * <p>Polls are large and wait briefly to fill, because each batch is one COPY and one transaction;
 * the batch is taken as {@link ConsumerRecords}, which the framework passes on without binding
 * every record. Several consumers write at once ({@code quorum.intake.writers}): the import
 * endpoint keys its records by project and chunk, so one large import is written by all of them,
 * and {@code acceptedAt} keeps its line order whichever writes first.
 */
@KafkaListener(
    groupId = "quorum-dispatch-intake",
    batch = true,
    threadsValue = "${quorum.intake.writers:2}",
    offsetReset = OffsetReset.EARLIEST,
    offsetStrategy = OffsetStrategy.SYNC,
    properties = {
      @Property(name = ConsumerConfig.MAX_POLL_RECORDS_CONFIG, value = "10000"),
      @Property(name = ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, value = "8388608"),
      @Property(name = ConsumerConfig.FETCH_MIN_BYTES_CONFIG, value = "262144"),
      @Property(name = ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, value = "100")
    })
class IntakeListener {

  private final TaskWriter writer;
  private final Json json;
  private final Tx tx;
  private final BatchService batches;
  private final IntakeProducer producer;
  private final FreshStatistics statistics;

  IntakeListener(
      TaskWriter writer,
      Json json,
      Tx tx,
      BatchService batches,
      IntakeProducer producer,
      FreshStatistics statistics) {
    this.writer = writer;
    this.statistics = statistics;
    this.json = json;
    this.tx = tx;
    this.batches = batches;
    this.producer = producer;
  }

  /** What a rejected intake record becomes on the dead-letter topic. */
  @Serdeable
  record DeadLetter(String reason, String topic, int partition, long offset, String value) {}

  /** The parts of a record's task that are stored as JSON, as the record wrote them. */
  private static final Set<String> TASK_SOURCES = Set.of("task.data", "task.metadata", "task.gold");

  private record Target(TaskKind kind, ProjectSettings settings, Set<String> finalizedBatches) {}

  @Topic(Topics.TASK_INTAKE)
  void receive(ConsumerRecords<String, String> records) {
    Map<String, Target> projects = new HashMap<>();
    List<ValidTask> valid = new ArrayList<>(records.count());
    Map<ValidTask, ConsumerRecord<String, String>> sources = new IdentityHashMap<>(records.count());
    List<Future<RecordMetadata>> rejects = new ArrayList<>();
    for (ConsumerRecord<String, String> record : records) {
      try {
        ValidTask task = validate(record.value(), projects);
        valid.add(task);
        sources.put(task, record);
      } catch (TaskLine.Invalid e) {
        rejects.add(deadLetter(record, e.getMessage()));
      }
    }
    List<TaskWriter.Refused> refused = writer.write(valid);
    for (TaskWriter.Refused refusal : refused) {
      rejects.add(deadLetter(sources.get(refusal.task()), refusal.reason()));
    }
    statistics.written(valid.size() - refused.size());
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

  private ValidTask validate(String value, Map<String, Target> projects) throws TaskLine.Invalid {
    StrictJson.Parsed parsed;
    try {
      parsed = StrictJson.parse(value == null ? "" : value, TASK_SOURCES);
    } catch (StrictJson.Malformed e) {
      throw new TaskLine.Invalid("not an intake record: " + e.getMessage());
    }
    JsonNode intake = parsed.tree();
    JsonNode projectId = intake.get("projectId");
    JsonNode importId = intake.get("importId");
    JsonNode task = intake.get("task");
    Instant acceptedAt = acceptedAt(intake.get("acceptedAt"));
    if (projectId == null || !projectId.isString() || task == null || task.isNull()) {
      throw new TaskLine.Invalid("a record needs projectId and task");
    }
    if (importId != null && !importId.isNull() && !importId.isString()) {
      throw new TaskLine.Invalid("importId must be a string");
    }
    Target target = projects.computeIfAbsent(projectId.getStringValue(), this::target);
    if (target == null) {
      throw new TaskLine.Invalid(
          "project " + projectId.getStringValue() + " does not exist or takes no tasks");
    }
    TaskLine line = TaskLine.parse(task, target.kind(), target.settings());
    if (line.batch() != null && target.finalizedBatches().contains(line.batch())) {
      throw new TaskLine.Invalid(
          "batch '" + line.batch() + "' is finalized and takes no new tasks");
    }
    return new ValidTask(
        projectId.getStringValue(),
        importId == null || importId.isNull() ? null : importId.getStringValue(),
        line,
        acceptedAt,
        value,
        new TaskSources(
            parsed.sources().get("task.data"),
            line.metadata() == null ? null : parsed.sources().get("task.metadata"),
            line.gold() == null ? null : parsed.sources().get("task.gold")));
  }

  private static Instant acceptedAt(JsonNode acceptedAt) throws TaskLine.Invalid {
    if (acceptedAt == null || acceptedAt.isNull()) {
      return null;
    }
    try {
      if (acceptedAt.isString()) {
        return AcceptClock.parse(acceptedAt.getStringValue());
      }
    } catch (DateTimeException e) {
      // reported below
    }
    throw new TaskLine.Invalid(
        "acceptedAt must be an ISO-8601 instant such as 2026-01-01T00:00:00.000001Z");
  }

  private Future<RecordMetadata> deadLetter(ConsumerRecord<String, String> record, String reason) {
    return producer.send(
        Topics.TASK_INTAKE_DEAD_LETTER,
        record.key(),
        json.write(
            new DeadLetter(
                reason, record.topic(), record.partition(), record.offset(), record.value())));
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
