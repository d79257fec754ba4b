package dev.quorum.workforce.annotator;

import static dev.quorum.workforce.store.jooq.Tables.ANNOTATOR;
import static dev.quorum.workforce.store.jooq.Tables.PROJECT_PAUSE;
import static dev.quorum.workforce.store.jooq.Tables.QUALIFICATION_GRANT;

import dev.quorum.platform.db.Tx;
import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.events.Outbox;
import dev.quorum.platform.events.Topics;
import dev.quorum.platform.json.Json;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * What others grant or withhold from an annotator: skill levels and project access won in
 * qualification tests, and pauses on a project for low trust. Every method joins the caller's
 * transaction.
 */
@Singleton
public class GrantService {

  private final Tx tx;
  private final Outbox outbox;
  private final Json json;

  GrantService(Tx tx, Outbox outbox, Json json) {
    this.tx = tx;
    this.outbox = outbox;
    this.json = json;
  }

  /** A pause on one project, as the annotator is told it. */
  @Serdeable
  public record ProjectPause(String projectId, String reason, Instant since) {}

  @Serdeable
  public record Granted(String annotatorId, String what, String value) {}

  public Set<String> qualifications(String annotatorId) {
    return tx.read(
        dsl ->
            new HashSet<>(
                dsl.select(QUALIFICATION_GRANT.QUALIFICATION_ID)
                    .from(QUALIFICATION_GRANT)
                    .where(QUALIFICATION_GRANT.ANNOTATOR_ID.eq(annotatorId))
                    .fetch(QUALIFICATION_GRANT.QUALIFICATION_ID)));
  }

  public Set<String> pausedProjects(String annotatorId) {
    return tx.read(
        dsl ->
            new HashSet<>(
                dsl.select(PROJECT_PAUSE.PROJECT_ID)
                    .from(PROJECT_PAUSE)
                    .where(PROJECT_PAUSE.ANNOTATOR_ID.eq(annotatorId))
                    .fetch(PROJECT_PAUSE.PROJECT_ID)));
  }

  public List<ProjectPause> pauses(String annotatorId) {
    return tx.read(
        dsl ->
            dsl.selectFrom(PROJECT_PAUSE)
                .where(PROJECT_PAUSE.ANNOTATOR_ID.eq(annotatorId))
                .orderBy(PROJECT_PAUSE.SINCE)
                .fetch(
                    r ->
                        new ProjectPause(
                            r.getProjectId(), r.getReason(), r.getSince().toInstant())));
  }

  /** Access to the projects that require {@code qualificationId}. */
  public void grantQualification(String annotatorId, String qualificationId) {
    tx.run(
        dsl -> {
          requireAnnotator(dsl, annotatorId);
          int inserted =
              dsl.insertInto(QUALIFICATION_GRANT)
                  .set(QUALIFICATION_GRANT.ANNOTATOR_ID, annotatorId)
                  .set(QUALIFICATION_GRANT.QUALIFICATION_ID, qualificationId)
                  .onConflictDoNothing()
                  .execute();
          if (inserted > 0) {
            outbox.append(
                Topics.WORKFORCE,
                "annotator.granted",
                annotatorId,
                new Granted(annotatorId, "qualification", qualificationId));
          }
        });
  }

  /** Raises a skill to {@code level}; a higher level already held is kept. */
  public void grantSkill(String annotatorId, String skill, int level) {
    tx.run(
        dsl -> {
          var row = requireAnnotator(dsl, annotatorId);
          Map<String, Integer> skills = new LinkedHashMap<>();
          json.tree(row.getSkills())
              .entries()
              .forEach(e -> skills.put(e.getKey(), e.getValue().getIntValue()));
          if (skills.getOrDefault(skill, 0) >= level) {
            return;
          }
          skills.put(skill, level);
          row.setSkills(json.jsonb(skills));
          row.store();
          outbox.append(
              Topics.WORKFORCE,
              "annotator.granted",
              annotatorId,
              new Granted(annotatorId, "skill", skill + ":" + level));
        });
  }

  /** Pauses the annotator on one project (idempotent: the first reason stays). */
  public void pause(DSLContext dsl, String annotatorId, String projectId, String reason) {
    dsl.insertInto(PROJECT_PAUSE)
        .set(PROJECT_PAUSE.ANNOTATOR_ID, annotatorId)
        .set(PROJECT_PAUSE.PROJECT_ID, projectId)
        .set(PROJECT_PAUSE.REASON, reason)
        .onConflictDoNothing()
        .execute();
  }

  public void resume(DSLContext dsl, String annotatorId, String projectId) {
    dsl.deleteFrom(PROJECT_PAUSE)
        .where(PROJECT_PAUSE.ANNOTATOR_ID.eq(annotatorId))
        .and(PROJECT_PAUSE.PROJECT_ID.eq(projectId))
        .execute();
  }

  private static dev.quorum.workforce.store.jooq.tables.records.AnnotatorRecord requireAnnotator(
      DSLContext dsl, String annotatorId) {
    return dsl.selectFrom(ANNOTATOR)
        .where(ANNOTATOR.USER_ID.eq(annotatorId))
        .forUpdate()
        .fetchOptional()
        .orElseThrow(() -> ProblemException.notFound("annotator " + annotatorId));
  }
}
