package dev.quorum.export.job;

import static dev.quorum.export.store.jooq.Tables.EXPORT_FILE;
import static dev.quorum.export.store.jooq.Tables.EXPORT_JOB;

import dev.quorum.dispatch.project.Project;
import dev.quorum.export.store.jooq.enums.ExportStatus;
import dev.quorum.export.store.jooq.tables.records.ExportJobRecord;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.events.EventProgress;
import dev.quorum.platform.events.Outbox;
import dev.quorum.platform.events.Topics;
import dev.quorum.platform.id.Ids;
import dev.quorum.platform.json.Json;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;

/** Export requests, their status and their files, scoped by org. */
@Singleton
public class ExportService {

  static final Set<String> FORMATS = Set.of("preference");

  private final Tx tx;
  private final EventProgress progress;
  private final Outbox outbox;
  private final Json json;

  ExportService(Tx tx, EventProgress progress, Outbox outbox, Json json) {
    this.tx = tx;
    this.progress = progress;
    this.outbox = outbox;
    this.json = json;
  }

  /** Queues an export of everything submitted up to now. */
  public String request(Project project, String format) {
    if (format == null || !FORMATS.contains(format)) {
      throw ProblemException.invalidField(
          "format", "'" + format + "' is not an export format; use one of " + FORMATS);
    }
    if (!project.kind().equals("pairwise")) {
      throw ProblemException.invalidField(
          "format",
          "the preference format needs a pairwise project; this one is " + project.kind());
    }
    long watermark = progress.watermark();
    return tx.write(
        dsl -> {
          String id = Ids.newId("exp");
          dsl.insertInto(EXPORT_JOB)
              .set(EXPORT_JOB.ID, id)
              .set(EXPORT_JOB.ORG_ID, project.orgId())
              .set(EXPORT_JOB.PROJECT_ID, project.id())
              .set(EXPORT_JOB.FORMAT, format)
              .set(EXPORT_JOB.WATERMARK, watermark)
              .execute();
          outbox.append(
              Topics.EXPORTS,
              "export.requested",
              project.id(),
              new ExportEvent(id, project.id(), format, "queued"));
          return id;
        });
  }

  public Optional<ExportView> find(String orgId, String exportId) {
    return tx.read(
        dsl -> {
          Optional<ExportJobRecord> job =
              dsl.selectFrom(EXPORT_JOB)
                  .where(EXPORT_JOB.ID.eq(exportId))
                  .and(EXPORT_JOB.ORG_ID.eq(orgId))
                  .fetchOptional();
          return job.map(
              j ->
                  new ExportView(
                      j.getId(),
                      j.getProjectId(),
                      j.getFormat(),
                      j.getStatus().getLiteral(),
                      j.getRequestedAt().toInstant(),
                      j.getFinishedAt() == null ? null : j.getFinishedAt().toInstant(),
                      j.getError(),
                      dsl.select(
                              EXPORT_FILE.NAME,
                              EXPORT_FILE.BYTES,
                              EXPORT_FILE.ROWS,
                              EXPORT_FILE.SHA256)
                          .from(EXPORT_FILE)
                          .where(EXPORT_FILE.EXPORT_ID.eq(exportId))
                          .orderBy(EXPORT_FILE.NAME)
                          .fetch(
                              r ->
                                  new ExportView.FileView(
                                      r.value1(), r.value2(), r.value3(), r.value4())),
                      json.tree(j.getManifest())));
        });
  }

  /** A file of a finished export of the org. */
  public Optional<byte[]> file(String orgId, String exportId, String name) {
    return tx.read(
        dsl ->
            dsl.select(EXPORT_FILE.CONTENT)
                .from(EXPORT_FILE)
                .join(EXPORT_JOB)
                .on(EXPORT_JOB.ID.eq(EXPORT_FILE.EXPORT_ID))
                .where(EXPORT_FILE.EXPORT_ID.eq(exportId))
                .and(EXPORT_JOB.ORG_ID.eq(orgId))
                .and(EXPORT_FILE.NAME.eq(name))
                .and(EXPORT_JOB.STATUS.eq(ExportStatus.done))
                .fetchOptional(EXPORT_FILE.CONTENT));
  }

  /** Event payload for export.requested / done / failed. */
  @Serdeable
  public record ExportEvent(String exportId, String projectId, String format, String status) {}
}
