package dev.quorum.export.job;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** An export as its org sees it: status, files, and the manifest once done. */
@Serdeable
public record ExportView(
    String id,
    String projectId,
    String format,
    String status,
    Instant requestedAt,
    @Nullable Instant finishedAt,
    @Nullable String error,
    List<FileView> files,
    @Nullable JsonNode manifest) {

  @Serdeable
  public record FileView(String name, long bytes, int rows, String sha256) {}
}
