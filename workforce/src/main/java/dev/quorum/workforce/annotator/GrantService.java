package dev.quorum.workforce.annotator;

import static dev.quorum.platform.db.RenderedQuery.param;
import static dev.quorum.workforce.store.jooq.Tables.ANNOTATOR;
import static dev.quorum.workforce.store.jooq.Tables.PROJECT_PAUSE;
import static dev.quorum.workforce.store.jooq.Tables.QUALIFICATION_GRANT;

import dev.quorum.platform.db.RenderedQuery;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.events.Outbox;
import dev.quorum.platform.events.Topics;
import dev.quorum.platform.json.Json;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

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

  @Serdeable
  public record Granted(String annotatorId, String what, String value) {}

  /** What dispatch must respect besides the profile: qualifications held, projects paused on. */
  public record Restrictions(Set<String> qualifications, Set<String> pausedProjects) {}

  /** Both sets in one round trip: it is read on every next-task. */
  public Restrictions restrictions(String annotatorId) {
    Set<String> qualifications = new HashSet<>();
    Set<String> paused = new HashSet<>();
    tx.read(
            dsl ->
                RESTRICTIONS.fetch(
                    dsl,
                    row -> List.of(row.getString(1), row.getString(2)),
                    annotatorId,
                    annotatorId))
        .forEach(r -> (r.get(0).equals("q") ? qualifications : paused).add(r.get(1)));
    return new Restrictions(qualifications, paused);
  }

  // Every next-task reads them: rendered once (RenderedQuery). Binds: annotator, annotator.
  private static final RenderedQuery RESTRICTIONS =
      RenderedQuery.of(
          dsl ->
              dsl.select(DSL.inline("q").as("kind"), QUALIFICATION_GRANT.QUALIFICATION_ID.as("id"))
                  .from(QUALIFICATION_GRANT)
                  .where(
                      QUALIFICATION_GRANT.ANNOTATOR_ID.eq(param(QUALIFICATION_GRANT.ANNOTATOR_ID)))
                  .unionAll(
                      DSL.select(DSL.inline("p"), PROJECT_PAUSE.PROJECT_ID)
                          .from(PROJECT_PAUSE)
                          .where(
                              PROJECT_PAUSE.ANNOTATOR_ID.eq(param(PROJECT_PAUSE.ANNOTATOR_ID)))));

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
