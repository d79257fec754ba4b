package dev.quorum.quality.qualification;

import dev.quorum.dispatch.kind.TaskKind;
import dev.quorum.dispatch.project.ProjectRequest;
import dev.quorum.dispatch.project.ProjectSettings;
import dev.quorum.platform.error.Problem;
import dev.quorum.platform.error.ProblemException;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a create request into a complete test: defaults filled in, scoring settings validated as
 * for a project of the kind, and every item's data and gold answer checked with the kind. Every
 * error is a 400 whose detail starts with the field to fix ({@code items[3].gold.answer.choice}).
 */
final class QualificationRules {

  static final double DEFAULT_PASS_SCORE = 0.8;
  static final int DEFAULT_COOLDOWN_HOURS = 24;
  static final int MAX_ITEMS = 500;

  /** Kinds whose answers are scored automatically; sft goes to human review instead. */
  private static final Set<String> SCORABLE =
      Set.of("pairwise", "ranking", "rating", "classification");

  private QualificationRules() {}

  /**
   * @param mayGrantSkills whether the caller may make a test that raises a skill (admins and
   *     managers; a customer's test only grants access to its org's projects)
   */
  static NewQualification validate(QualificationRequest request, boolean mayGrantSkills) {
    if (request.name() == null || request.name().isBlank()) {
      throw ProblemException.invalidField("name", "must not be blank");
    }
    String kind = kind(request.kind());
    ProjectSettings settings = ProjectSettings.resolve(kind, projectRequest(kind, request));
    if (request.quality() != null && request.quality().qualification() != null) {
      throw ProblemException.invalidField(
          "quality.qualification", "a test cannot require another test; leave it out");
    }
    double passScore = request.passScore() == null ? DEFAULT_PASS_SCORE : request.passScore();
    if (!(passScore > 0 && passScore <= 1)) {
      throw ProblemException.invalidField(
          "passScore", "must be above 0 and at most 1 (the share of items answered correctly)");
    }
    int cooldown =
        request.cooldownHours() == null ? DEFAULT_COOLDOWN_HOURS : request.cooldownHours();
    if (cooldown < 0 || cooldown > 8760) {
      throw ProblemException.invalidField("cooldownHours", "must be between 0 and 8760");
    }
    QualificationRequest.Skill skill = request.grants() == null ? null : request.grants().skill();
    if (skill != null) {
      if (!mayGrantSkills) {
        throw ProblemException.invalidField(
            "grants.skill",
            "only admins and workforce managers make skill tests; a customer's test grants access"
                + " to the org's projects that name it in quality.qualification");
      }
      if (skill.name() == null || skill.name().isBlank()) {
        throw ProblemException.invalidField("grants.skill.name", "name the skill to grant");
      }
      if (skill.level() == null || skill.level() < 1 || skill.level() > 5) {
        throw ProblemException.invalidField("grants.skill.level", "must be from 1 to 5");
      }
    }
    return new NewQualification(
        request.name().trim(),
        kind,
        settings,
        request.instructions() == null ? "" : request.instructions(),
        skill == null ? null : skill.name().trim(),
        skill == null ? null : skill.level(),
        passScore,
        cooldown,
        items(request.items(), TaskKind.of(kind), settings));
  }

  private static String kind(String kind) {
    if ("sft".equals(kind)) {
      throw ProblemException.invalidField(
          "kind",
          "sft answers are written text and cannot be scored automatically; make the test"
              + " pairwise, ranking, rating or classification");
    }
    if (kind == null || !SCORABLE.contains(kind)) {
      throw ProblemException.invalidField(
          "kind",
          (kind == null ? "is missing" : "'" + kind + "' is not a kind")
              + ": use pairwise, ranking, rating or classification");
    }
    return kind;
  }

  /** The request's scoring settings as a project request, so that they are validated alike. */
  private static ProjectRequest projectRequest(String kind, QualificationRequest r) {
    return new ProjectRequest(
        r.name(),
        kind,
        r.instructions(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        r.criteria(),
        r.labels(),
        r.multiLabel(),
        r.scale(),
        r.quality(),
        null);
  }

  private static List<QualificationItem> items(
      List<QualificationRequest.Item> items, TaskKind kind, ProjectSettings settings) {
    if (items == null || items.isEmpty()) {
      throw ProblemException.invalidField("items", "a test needs at least one gold item");
    }
    if (items.size() > MAX_ITEMS) {
      throw ProblemException.invalidField("items", "at most " + MAX_ITEMS + " items");
    }
    List<QualificationItem> checked = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      checked.add(item(i, items.get(i), kind, settings));
    }
    return checked;
  }

  private static QualificationItem item(
      int i, QualificationRequest.Item item, TaskKind kind, ProjectSettings settings) {
    String at = "items[" + i + "]";
    if (item == null) {
      throw ProblemException.invalidField(at, "must be {\"data\": {…}, \"gold\": {…}}");
    }
    JsonNode data = item.data();
    kind.dataError(data)
        .ifPresent(
            error -> {
              // The kinds phrase data errors from "data…" on: prefix the item, keep their words.
              throw invalid(
                  at + ".data",
                  error.startsWith("data") ? at + "." + error : at + ".data: " + error,
                  error);
            });
    JsonNode gold = item.gold();
    if (gold == null || !gold.isObject() || gold.get("answer") == null) {
      throw ProblemException.invalidField(
          at + ".gold.answer", "is missing: every item needs {\"answer\": {…}, \"explanation\"?}");
    }
    for (Map.Entry<String, JsonNode> field : gold.entries()) {
      if (!field.getKey().equals("answer") && !field.getKey().equals("explanation")) {
        throw ProblemException.invalidField(
            at + ".gold." + field.getKey(), "is not a gold field (answer, explanation)");
      }
    }
    JsonNode explanation = gold.get("explanation");
    if (explanation != null && !explanation.isNull() && !explanation.isString()) {
      throw ProblemException.invalidField(at + ".gold.explanation", "must be a string");
    }
    JsonNode answer;
    try {
      answer = kind.validateAnswer(gold.get("answer"), settings);
    } catch (ProblemException e) {
      // The kinds name fields from "answer…" on.
      Problem.FieldError error =
          e.errors().isEmpty()
              ? new Problem.FieldError("answer", e.getMessage())
              : e.errors().get(0);
      throw invalid(at + ".gold." + error.field(), at + ".gold." + e.getMessage(), error.message());
    }
    JsonNode checked = answer;
    kind.answerError(checked, data)
        .ifPresent(
            error -> {
              throw invalid(at + ".gold.answer", at + ".gold." + error, error);
            });
    return new QualificationItem(
        i,
        data,
        checked,
        explanation == null || explanation.isNull() ? null : explanation.getStringValue());
  }

  private static ProblemException invalid(String field, String detail, String message) {
    return new ProblemException(
        HttpStatus.BAD_REQUEST, detail, List.of(new Problem.FieldError(field, message)));
  }
}
