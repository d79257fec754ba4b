package dev.quorum.quality.imports;

import static dev.quorum.quality.store.jooq.Tables.JUDGEMENT;

import dev.quorum.dispatch.DispatchService;
import dev.quorum.dispatch.TaskData;
import dev.quorum.dispatch.kind.TaskKind;
import dev.quorum.dispatch.project.Project;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.io.BoundedLineReader;
import dev.quorum.platform.json.Json;
import dev.quorum.platform.json.Sha256;
import dev.quorum.quality.resolution.TaskDecider;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judgements made in another tool, imported for aggregation and export: {@code {"externalId",
 * "annotator", "answer", "submittedAt"?}} per line. The annotator is the other tool's id, stored as
 * {@code ext:<id>}; such judgements are never dispatched. Importing the same line again changes
 * nothing.
 */
@Singleton
public class JudgementImportService {

  static final Set<String> FIELDS = Set.of("externalId", "annotator", "answer", "submittedAt");

  private final Tx tx;
  private final Json json;
  private final DispatchService dispatch;
  private final TaskDecider decider;

  JudgementImportService(Tx tx, Json json, DispatchService dispatch, TaskDecider decider) {
    this.tx = tx;
    this.json = json;
    this.dispatch = dispatch;
    this.decider = decider;
  }

  @Serdeable
  public record Result(int accepted, int duplicates, List<LineError> rejected, int rejectedCount) {}

  @Serdeable
  public record LineError(long line, String error) {}

  public Result importJudgements(Project project, InputStream body) {
    TaskKind kind = TaskKind.of(project.kind());
    BoundedLineReader lines = new BoundedLineReader(body, 1 << 20);
    int accepted = 0;
    int duplicates = 0;
    int rejectedCount = 0;
    List<LineError> rejected = new ArrayList<>();
    Set<String> decided = new LinkedHashSet<>();
    try {
      long lineNo = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        try {
          if (line == BoundedLineReader.TOO_LONG) {
            throw new IllegalArgumentException("the line is longer than 1 MiB");
          }
          if (line == BoundedLineReader.NOT_UTF8) {
            throw new IllegalArgumentException("the line is not valid UTF-8");
          }
          Parsed parsed = parse(line, project, kind);
          boolean inserted = store(project, parsed);
          if (inserted) {
            accepted++;
            decided.add(parsed.task().id());
          } else {
            duplicates++;
          }
        } catch (IllegalArgumentException | ProblemException e) {
          rejectedCount++;
          if (rejected.size() < 1000) {
            rejected.add(new LineError(lineNo, e.getMessage()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the judgements failed", e);
    }
    var settings = project.settings();
    for (String taskId : decided) {
      tx.run(
          dsl ->
              decider.decide(
                  dsl,
                  new TaskDecider.Task(
                      taskId,
                      project.id(),
                      project.orgId(),
                      project.kind(),
                      settings.overlap().min(),
                      settings.overlap().max(),
                      settings.overlap().agreementTarget(),
                      settings)));
    }
    return new Result(accepted, duplicates, rejected, rejectedCount);
  }

  private record Parsed(TaskData task, String annotator, JsonNode answer, Instant submittedAt) {}

  private Parsed parse(String line, Project project, TaskKind kind) {
    JsonNode node;
    try {
      node = json.tree(line);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("malformed JSON");
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("a line must be a JSON object");
    }
    for (Map.Entry<String, JsonNode> field : node.entries()) {
      if (!FIELDS.contains(field.getKey())) {
        throw new IllegalArgumentException(
            "unknown field '"
                + field.getKey()
                + "' (allowed: externalId, annotator, answer, submittedAt)");
      }
    }
    String externalId = text(node, "externalId");
    String annotator = text(node, "annotator");
    TaskData task =
        dispatch
            .taskByExternalId(project.id(), externalId)
            .orElseThrow(
                () -> new IllegalArgumentException("no task with externalId " + externalId));
    JsonNode answer = kind.validateAnswer(node.get("answer"), project.settings());
    kind.answerError(answer, task.data())
        .ifPresent(
            error -> {
              throw new IllegalArgumentException(error);
            });
    Instant submittedAt = Instant.now();
    JsonNode at = node.get("submittedAt");
    if (at != null && !at.isNull()) {
      try {
        submittedAt = Instant.parse(at.getStringValue());
      } catch (DateTimeParseException | IllegalStateException e) {
        throw new IllegalArgumentException(
            "submittedAt must be an ISO 8601 instant like 2026-01-31T12:00:00Z");
      }
    }
    return new Parsed(task, annotator, answer, submittedAt);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isString() || value.getStringValue().isBlank()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return value.getStringValue();
  }

  private boolean store(Project project, Parsed parsed) {
    String id =
        "ext_"
            + Sha256.hex(project.id() + "\n" + parsed.task().id() + "\n" + parsed.annotator())
                .substring(0, 32);
    return tx.write(
        dsl ->
            dsl.insertInto(JUDGEMENT)
                    .set(JUDGEMENT.ASSIGNMENT_ID, id)
                    .set(JUDGEMENT.TASK_ID, parsed.task().id())
                    .set(JUDGEMENT.PROJECT_ID, project.id())
                    .set(JUDGEMENT.ORG_ID, project.orgId())
                    .set(JUDGEMENT.ANNOTATOR_ID, "ext:" + parsed.annotator())
                    .set(JUDGEMENT.KIND, project.kind())
                    .set(JUDGEMENT.ANSWER, json.jsonb(parsed.answer()))
                    .set(JUDGEMENT.SWAPPED, false)
                    .set(
                        JUDGEMENT.SUBMITTED_AT,
                        OffsetDateTime.ofInstant(parsed.submittedAt(), ZoneOffset.UTC))
                    .onConflictDoNothing()
                    .execute()
                > 0);
  }
}
