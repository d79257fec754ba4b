package dev.quorum.export.job;

import static dev.quorum.export.store.jooq.Tables.EXPORT_FILE;
import static dev.quorum.export.store.jooq.Tables.EXPORT_JOB;

import dev.quorum.dispatch.DispatchService;
import dev.quorum.dispatch.TaskData;
import dev.quorum.export.formats.PreferenceRows;
import dev.quorum.export.store.jooq.enums.ExportStatus;
import dev.quorum.export.store.jooq.tables.records.ExportJobRecord;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.events.EventProgress;
import dev.quorum.platform.events.Outbox;
import dev.quorum.platform.events.Topics;
import dev.quorum.platform.json.Json;
import dev.quorum.platform.json.Sha256;
import dev.quorum.platform.worker.PollingWorker;
import dev.quorum.quality.QualityService;
import dev.quorum.quality.resolution.ResolvedTask;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs queued exports one at a time per instance: waits until the event consumers have handled
 * everything up to the job's watermark, then writes the files. Rows are ordered by external id, so
 * the same snapshot always gives the same bytes.
 */
@Singleton
@Requires(property = "quorum.export.runner.enabled", notEquals = "false")
public class ExportRunner extends PollingWorker {

  private static final Logger LOG = LoggerFactory.getLogger(ExportRunner.class);

  private final Tx tx;
  private final EventProgress progress;
  private final QualityService quality;
  private final DispatchService dispatch;
  private final Outbox outbox;
  private final Json json;
  private final Duration catchUpTimeout;

  ExportRunner(
      Tx tx,
      EventProgress progress,
      QualityService quality,
      DispatchService dispatch,
      Outbox outbox,
      Json json,
      @Value("${quorum.export.catch-up-timeout:5m}") Duration catchUpTimeout) {
    super("export-runner", 250);
    this.tx = tx;
    this.progress = progress;
    this.quality = quality;
    this.dispatch = dispatch;
    this.outbox = outbox;
    this.json = json;
    this.catchUpTimeout = catchUpTimeout;
  }

  @Override
  protected boolean runOnce() throws InterruptedException {
    Optional<ExportJobRecord> job = claim();
    if (job.isEmpty()) {
      return false;
    }
    run(job.get());
    return true;
  }

  private Optional<ExportJobRecord> claim() {
    return tx.write(
        dsl ->
            dsl.update(EXPORT_JOB)
                .set(EXPORT_JOB.STATUS, ExportStatus.running)
                .set(EXPORT_JOB.STARTED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .where(
                    EXPORT_JOB.ID.eq(
                        dsl.select(EXPORT_JOB.ID)
                            .from(EXPORT_JOB)
                            .where(EXPORT_JOB.STATUS.eq(DSL.inline(ExportStatus.queued)))
                            .orderBy(EXPORT_JOB.REQUESTED_AT)
                            .limit(1)
                            .forUpdate()
                            .skipLocked()))
                .returning()
                .fetchOptional());
  }

  private void run(ExportJobRecord job) throws InterruptedException {
    try {
      awaitConsumers(job);
      List<ExportFile> files = preference(job);
      tx.run(
          dsl -> {
            for (ExportFile file : files) {
              dsl.insertInto(EXPORT_FILE)
                  .set(EXPORT_FILE.EXPORT_ID, job.getId())
                  .set(EXPORT_FILE.NAME, file.name())
                  .set(EXPORT_FILE.CONTENT, file.content())
                  .set(EXPORT_FILE.BYTES, (long) file.content().length)
                  .set(EXPORT_FILE.ROWS, file.rows())
                  .set(EXPORT_FILE.SHA256, Sha256.hex(file.content()))
                  .execute();
            }
            ExportFile manifest = files.get(files.size() - 1);
            dsl.update(EXPORT_JOB)
                .set(EXPORT_JOB.STATUS, ExportStatus.done)
                .set(EXPORT_JOB.FINISHED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .set(
                    EXPORT_JOB.MANIFEST,
                    org.jooq.JSONB.valueOf(new String(manifest.content(), StandardCharsets.UTF_8)))
                .where(EXPORT_JOB.ID.eq(job.getId()))
                .execute();
            outbox.append(
                Topics.EXPORTS,
                "export.done",
                job.getProjectId(),
                new ExportService.ExportEvent(
                    job.getId(), job.getProjectId(), job.getFormat(), "done"));
          });
      LOG.info("export {} of project {} done", job.getId(), job.getProjectId());
    } catch (RuntimeException e) {
      LOG.warn("export {} failed", job.getId(), e);
      tx.run(
          dsl -> {
            dsl.update(EXPORT_JOB)
                .set(EXPORT_JOB.STATUS, ExportStatus.failed)
                .set(EXPORT_JOB.FINISHED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .set(EXPORT_JOB.ERROR, e.getMessage() == null ? e.toString() : e.getMessage())
                .where(EXPORT_JOB.ID.eq(job.getId()))
                .execute();
            outbox.append(
                Topics.EXPORTS,
                "export.failed",
                job.getProjectId(),
                new ExportService.ExportEvent(
                    job.getId(), job.getProjectId(), job.getFormat(), "failed"));
          });
    }
  }

  private void awaitConsumers(ExportJobRecord job) throws InterruptedException {
    long deadline = System.nanoTime() + catchUpTimeout.toNanos();
    for (Map.Entry<String, String> consumer : QualityService.CONSUMERS_BY_TOPIC.entrySet()) {
      while (progress.behind(
              consumer.getValue(), consumer.getKey(), job.getProjectId(), job.getWatermark())
          > 0) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "quality has not processed all work submitted before the export within "
                  + catchUpTimeout.toSeconds()
                  + " s; request the export again later");
        }
        Thread.sleep(100);
      }
    }
  }

  record ExportFile(String name, byte[] content, int rows) {}

  private List<ExportFile> preference(ExportJobRecord job) {
    List<ResolvedTask> resolved = quality.resolvedTasks(job.getProjectId());
    Map<String, TaskData> tasks =
        dispatch.tasks(job.getProjectId(), resolved.stream().map(ResolvedTask::taskId).toList());
    List<ResolvedTask> ordered = new ArrayList<>(resolved);
    ordered.removeIf(t -> !tasks.containsKey(t.taskId()));
    ordered.sort(Comparator.comparing(t -> tasks.get(t.taskId()).externalId()));
    ByteArrayOutputStream train = new ByteArrayOutputStream();
    int rows = 0;
    int withoutPreference = 0;
    int judgements = 0;
    for (ResolvedTask task : ordered) {
      TaskData data = tasks.get(task.taskId());
      List<PreferenceRows.Vote> votes =
          task.judgements().stream()
              .map(
                  j ->
                      new PreferenceRows.Vote(
                          j.answer().get("choice").getStringValue(), strength(j.answer())))
              .toList();
      judgements += votes.size();
      Optional<Map<String, JsonNode>> row = PreferenceRows.row(data.data(), data.metadata(), votes);
      if (row.isEmpty()) {
        withoutPreference++;
        continue;
      }
      train.writeBytes(json.write(row.get()).getBytes(StandardCharsets.UTF_8));
      train.write('\n');
      rows++;
    }
    byte[] trainBytes = train.toByteArray();
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("exportId", job.getId());
    manifest.put("projectId", job.getProjectId());
    manifest.put("format", job.getFormat());
    manifest.put("watermark", job.getWatermark());
    manifest.put(
        "filters", Map.of("taskStatus", "resolved", "excluded", List.of("contested", "rejected")));
    manifest.put(
        "counts",
        Map.of(
            "resolvedTasks", ordered.size(),
            "rows", rows,
            "tasksWithoutPreference", withoutPreference,
            "judgements", judgements));
    manifest.put(
        "files",
        List.of(
            Map.of(
                "name",
                "train.jsonl",
                "rows",
                rows,
                "bytes",
                trainBytes.length,
                "sha256",
                Sha256.hex(trainBytes))));
    manifest.put("columns", List.of("prompt", "chosen", "rejected", "margin", "metadata"));
    byte[] manifestBytes = json.write(manifest).getBytes(StandardCharsets.UTF_8);
    return List.of(
        new ExportFile("train.jsonl", trainBytes, rows),
        new ExportFile("manifest.json", manifestBytes, 0));
  }

  private static int strength(JsonNode answer) {
    JsonNode strength = answer.get("strength");
    return strength == null || strength.isNull() ? 1 : strength.getIntValue();
  }
}
