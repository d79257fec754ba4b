package dev.quorum.quality.qualification;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.quorum.dispatch.project.QualitySettings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A test as its makers see it; the gold answers stay out so that a view never leaks them. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QualificationView(
    String id,
    @Nullable String ownerOrgId,
    String name,
    String kind,
    String instructions,
    AnswerSettings answerSettings,
    QualitySettings quality,
    @Nullable Grants grants,
    double passScore,
    int cooldownHours,
    int items,
    Instant createdAt) {

  @Serdeable
  public record Grants(Skill skill) {}

  @Serdeable
  public record Skill(String name, int level) {}

  static QualificationView of(Qualification q) {
    return new QualificationView(
        q.id(),
        q.ownerOrgId(),
        q.name(),
        q.kind(),
        q.instructions(),
        AnswerSettings.of(q.settings()),
        q.settings().quality(),
        q.grantSkill() == null ? null : new Grants(new Skill(q.grantSkill(), q.grantLevel())),
        q.passScore(),
        q.cooldownHours(),
        q.items(),
        q.createdAt());
  }
}
