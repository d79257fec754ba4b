package dev.quorum.quality.qualification;

import dev.quorum.dispatch.project.ProjectRequest;
import dev.quorum.dispatch.project.ProjectSettings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The body of {@code POST /api/v1/qualifications}. {@code labels}, {@code scale}, {@code criteria},
 * {@code multiLabel} and {@code quality} mean what they mean for a project of the same kind: they
 * decide which answers are valid and how they are scored.
 */
@Serdeable
public record QualificationRequest(
    @Nullable String name,
    @Nullable String kind,
    @Nullable String instructions,
    @Nullable List<String> labels,
    @Nullable ProjectSettings.Scale scale,
    @Nullable List<String> criteria,
    @Nullable Boolean multiLabel,
    @Nullable ProjectRequest.QualityRequest quality,
    @Nullable Grants grants,
    @Nullable Double passScore,
    @Nullable Integer cooldownHours,
    @Nullable List<Item> items) {

  /** What passing grants besides access to the projects that name the test. */
  @Serdeable
  public record Grants(@Nullable Skill skill) {}

  @Serdeable
  public record Skill(@Nullable String name, @Nullable Integer level) {}

  /** One gold item: task data as for a project of the kind, and {@code {answer, explanation}}. */
  @Serdeable
  public record Item(@Nullable JsonNode data, @Nullable JsonNode gold) {}
}
