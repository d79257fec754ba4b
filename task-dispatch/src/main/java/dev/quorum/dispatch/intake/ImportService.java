package dev.quorum.dispatch.intake;

import static dev.quorum.dispatch.store.jooq.Tables.TASK;
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
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Reads a JSONL body line by line (never the whole body at once), validates each line against the
 * project's kind, counts duplicates (within the body and against the project), and hands accepted
 * tasks to the intake topic. It answers only once Kafka has acknowledged every accepted task, so an
 * accepted task is never lost.
 */
@Singleton
public class ImportService {

  static final int MAX_LINE_CHARS = 1 << 20;
  static final int REPORTED_ERRORS = 1000;
  static final int CHUNK = 1000;

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
    TaskKind kind = TaskKind.of(project.kind());
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
    Set<String> seen = new HashSet<>();
    List<Parsed> chunk = new ArrayList<>(CHUNK);
    BoundedLineReader lines =
        new BoundedLineReader(new InputStreamReader(body, StandardCharsets.UTF_8), MAX_LINE_CHARS);
    try {
      long lineNo = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String error = null;
        TaskLine task = null;
        JsonNode raw = null;
        if (line == BoundedLineReader.TOO_LONG) {
          error = "the line is longer than 1 MiB";
        } else {
          try {
            raw = parseJson(line);
            task = TaskLine.parse(raw, kind, project.settings());
            if (task.batch() != null && finalized.contains(task.batch())) {
              throw new TaskLine.Invalid(
                  "batch '" + task.batch() + "' is finalized and takes no new tasks");
            }
          } catch (TaskLine.Invalid e) {
            error = e.getMessage();
          }
        }
        if (error != null) {
          counts.rejected++;
          if (rejected.size() < REPORTED_ERRORS) {
            rejected.add(new ImportResult.LineError(lineNo, error));
          }
          continue;
        }
        if (!seen.add(task.externalId())) {
          counts.duplicates++;
          continue;
        }
        chunk.add(new Parsed(task, raw));
        if (chunk.size() == CHUNK) {
          send(project, importId, chunk, counts);
          chunk.clear();
        }
      }
      send(project, importId, chunk, counts);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the import body failed", e);
    } finally {
      tx.run(
          dsl ->
              dsl.update(TASK_IMPORT)
                  .set(TASK_IMPORT.ACCEPTED, counts.accepted)
                  .set(TASK_IMPORT.DUPLICATES, counts.duplicates)
                  .set(TASK_IMPORT.REJECTED, counts.rejected)
                  .where(TASK_IMPORT.ID.eq(importId))
                  .execute());
    }
    return new ImportResult(
        importId, counts.accepted, counts.duplicates, rejected, counts.rejected);
  }

  private record Parsed(TaskLine task, JsonNode raw) {}

  private static final class Counts {
    int accepted;
    int duplicates;
    int rejected;
  }

  private JsonNode parseJson(String line) throws TaskLine.Invalid {
    try {
      return json.tree(line);
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
      int cut = reason.indexOf('\n');
      throw new TaskLine.Invalid(
          "malformed JSON: " + (cut > 0 ? reason.substring(0, cut) : reason));
    }
  }

  /** Sends the chunk's new tasks and waits for Kafka to acknowledge them. */
  private void send(Project project, String importId, List<Parsed> chunk, Counts counts) {
    if (chunk.isEmpty()) {
      return;
    }
    Set<String> existing =
        new HashSet<>(
            tx.read(
                dsl ->
                    dsl.select(TASK.EXTERNAL_ID)
                        .from(TASK)
                        .where(TASK.PROJECT_ID.eq(project.id()))
                        .and(
                            TASK.EXTERNAL_ID.in(
                                chunk.stream().map(p -> p.task().externalId()).toList()))
                        .fetch(TASK.EXTERNAL_ID)));
    List<Future<RecordMetadata>> acks = new ArrayList<>(chunk.size());
    for (Parsed parsed : chunk) {
      if (existing.contains(parsed.task().externalId())) {
        counts.duplicates++;
        continue;
      }
      acks.add(
          producer.send(
              Topics.TASK_INTAKE,
              project.id(),
              json.write(new IntakeRecord(project.id(), importId, parsed.raw()))));
    }
    for (Future<RecordMetadata> ack : acks) {
      try {
        ack.get(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while handing tasks to Kafka", e);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("Kafka did not accept the imported tasks", e);
      }
    }
    counts.accepted += acks.size();
  }
}
