package dev.quorum.quality.qualification;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.quorum.dispatch.project.ProjectSettings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What an answer may say, shown with the test and with each item: a test is not a project, so the
 * annotator cannot look the labels, criteria or scale up anywhere else.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AnswerSettings(
    List<String> criteria,
    List<String> labels,
    boolean multiLabel,
    @Nullable ProjectSettings.Scale scale) {

  static AnswerSettings of(ProjectSettings settings) {
    return new AnswerSettings(
        settings.criteria(), settings.labels(), settings.multiLabel(), settings.scale());
  }
}
