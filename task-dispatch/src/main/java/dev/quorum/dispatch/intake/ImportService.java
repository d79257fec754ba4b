package dev.quorum.dispatch.intake;

import static dev.quorum.dispatch.store.jooq.Tables.TASK_IMPORT;

import dev.quorum.dispatch.batch.BatchService;
import dev.quorum.dispatch.kind.TaskKind;
import dev.quorum.dispatch.project.Project;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.events.Topics;
import dev.quorum.platform.id.Ids;
import dev.quorum.platform.io.BoundedLineReader;
import dev.quorum.platform.json.Json;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a JSONL body line by line (never the whole body at once), validates each line against the
 * project's kind, counts duplicates (within the body and against the project), and hands accepted
 * tasks to the intake topic. It answers only once Kafka has acknowledged every accepted task, so an
 * accepted task is never lost. Each record carries the time its line was accepted ({@link
 * AcceptClock}), which orders the task's units (the lease takes the oldest first), so records are
 * keyed by project and chunk: a large import is spread over the topic's partitions and written by
 * all writers at once, and its tasks are still offered in line order.
 */
@Singleton
public class ImportService {

  static final int MAX_LINE_BYTES = 1 << 20;
  static final int REPORTED_ERRORS = 1000;
  static final int CHUNK = 5000;
  static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

  private final Tx tx;
  private final BatchService batches;
  private final Json json;
  private final IntakeProducer producer;

  ImportService(Tx tx, Json json, BatchService batches, IntakeProducer producer) {
    this.tx = tx;
    this.batches = batches;
    this.json = json;
    this.producer = producer;
  }

  public ImportResult importTasks(Project project, InputStream body) {
    if (project.status().equals("completed")) {
      throw ProblemException.conflict(
          "project " + project.id() + " is completed and takes no new tasks");
    }
    Set<String> finalized = batches.finalized(project.id());
    String importId = Ids.newId("imp");
    tx.run(
        dsl ->
            dsl.insertInto(TASK_IMPORT)
                .set(TASK_IMPORT.ID, importId)
                .set(TASK_IMPORT.PROJECT_ID, project.id())
                .set(TASK_IMPORT.ACCEPTED, 0)
                .set(TASK_IMPORT.DUPLICATES, 0)
                .set(TASK_IMPORT.REJECTED, 0)
                .execute());
    Counts counts = new Counts();
    List<ImportResult.LineError> rejected = new ArrayList<>();
    ImportAcks acks = new ImportAcks();
    try {
      readAndSend(project, importId, body, finalized, counts, rejected, acks);
    } finally {
      acks.awaitAll(ACK_TIMEOUT);
      tx.run(
          dsl ->
              dsl.update(TASK_IMPORT)
                  .set(TASK_IMPORT.ACCEPTED, acks.acknowledged())
                  .set(TASK_IMPORT.DUPLICATES, counts.duplicates)
                  .set(TASK_IMPORT.REJECTED, counts.rejected)
                  .where(TASK_IMPORT.ID.eq(importId))
                  .execute());
    }
    acks.requireAll();
    return new ImportResult(
        importId, acks.acknowledged(), counts.duplicates, rejected, counts.rejected);
  }

  private void readAndSend(
      Project project,
      String importId,
      InputStream body,
      Set<String> finalized,
      Counts counts,
      List<ImportResult.LineError> rejected,
      ImportAcks acks) {
    TaskKind kind = TaskKind.of(project.kind());
    // The line goes to Kafka as it came: wrapping it costs nothing, writing a parsed tree back
    // as JSON cost more than parsing it.
    String recordStart =
        "{\"projectId\":"
            + json.write(project.id())
            + ",\"importId\":"
            + json.write(importId)
            + ",\"acceptedAt\":\"";
    Set<String> seen = new HashSet<>();
    List<Pending> chunk = new ArrayList<>(CHUNK);
    BoundedLineReader lines = new BoundedLineReader(body, MAX_LINE_BYTES);
    try {
      long lineNo = 0;
      long chunks = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        TaskLine task;
        try {
          task = validate(line, kind, project, finalized);
        } catch (TaskLine.Invalid e) {
          counts.rejected++;
          if (rejected.size() < REPORTED_ERRORS) {
            rejected.add(new ImportResult.LineError(lineNo, e.getMessage()));
          }
          continue;
        }
        if (!seen.add(task.externalId())) {
          counts.duplicates++;
          continue;
        }
        chunk.add(
            new Pending(
                task.externalId(), recordStart + AcceptClock.next() + "\",\"task\":" + line + "}"));
        if (chunk.size() == CHUNK) {
          send(project, project.id() + "/" + chunks++, chunk, counts, acks);
          chunk.clear();
        }
      }
      send(project, project.id() + "/" + chunks, chunk, counts, acks);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the import body failed", e);
    }
  }

  private static TaskLine validate(
      String line, TaskKind kind, Project project, Set<String> finalized) throws TaskLine.Invalid {
    if (line == BoundedLineReader.TOO_LONG) {
      throw new TaskLine.Invalid("the line is longer than 1 MiB");
    }
    if (line == BoundedLineReader.NOT_UTF8) {
      throw new TaskLine.Invalid("the line is not valid UTF-8");
    }
    JsonNode raw;
    try {
      raw = StrictJson.parse(line);
    } catch (StrictJson.Malformed e) {
      throw new TaskLine.Invalid("malformed JSON: " + e.getMessage());
    }
    TaskLine task = TaskLine.parse(raw, kind, project.settings());
    if (task.batch() != null && finalized.contains(task.batch())) {
      throw new TaskLine.Invalid(
          "batch '" + task.batch() + "' is finalized and takes no new tasks");
    }
    return task;
  }

  /** A line that passed, as the record that will carry it. */
  private record Pending(String externalId, String record) {}

  private static final class Counts {
    int duplicates;
    int rejected;
  }

  /**
   * Sends the chunk's tasks that the project does not have yet under one key, without waiting for
   * Kafka.
   */
  private void send(
      Project project, String key, List<Pending> chunk, Counts counts, ImportAcks acks) {
    if (chunk.isEmpty()) {
      return;
    }
    Set<String> existing =
        tx.read(
            dsl ->
                TakenExternalIds.of(
                    dsl, project.id(), chunk.stream().map(Pending::externalId).toList()));
    for (Pending pending : chunk) {
      if (existing.contains(pending.externalId())) {
        counts.duplicates++;
        continue;
      }
      acks.sending();
      try {
        producer.send(Topics.TASK_INTAKE, key, pending.record(), acks);
      } catch (RuntimeException e) {
        acks.notSent();
        throw e;
      }
    }
    acks.throwIfFailed();
  }
}
