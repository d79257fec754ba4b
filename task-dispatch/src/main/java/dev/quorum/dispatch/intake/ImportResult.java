package dev.quorum.dispatch.intake;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The answer to an import: counts, and the first rejected lines with their reasons. */
@Serdeable
public record ImportResult(
    String importId, int accepted, int duplicates, List<LineError> rejected, int rejectedCount) {

  @Serdeable
  public record LineError(long line, String error) {}
}
