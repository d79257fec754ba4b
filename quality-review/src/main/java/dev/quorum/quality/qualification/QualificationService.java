package dev.quorum.quality.qualification;

import static dev.quorum.quality.store.jooq.Tables.QUALIFICATION;
import static dev.quorum.quality.store.jooq.Tables.QUALIFICATION_ATTEMPT;
import static dev.quorum.quality.store.jooq.Tables.QUALIFICATION_ITEM;

import dev.quorum.dispatch.project.ProjectSettings;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.id.Ids;
import dev.quorum.platform.identity.Caller;
import dev.quorum.platform.identity.Role;
import dev.quorum.platform.json.Json;
import dev.quorum.quality.store.jooq.tables.records.QualificationAttemptRecord;
import dev.quorum.quality.store.jooq.tables.records.QualificationRecord;
import dev.quorum.workforce.annotator.Annotator;
import dev.quorum.workforce.annotator.AnnotatorService;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Qualification tests as their makers see them: creation, the definition, and the results. Admins
 * and workforce managers make platform-wide tests (which may raise a skill); a customer makes tests
 * owned by its org, for its projects to name in {@code quality.qualification}.
 */
@Singleton
public class QualificationService {

  private final Tx tx;
  private final Json json;
  private final AnnotatorService annotators;

  QualificationService(Tx tx, Json json, AnnotatorService annotators) {
    this.tx = tx;
    this.json = json;
    this.annotators = annotators;
  }

  public Qualification create(Caller caller, QualificationRequest request) {
    boolean staff = isStaff(caller);
    // Checked before validation: a caller who may not make tests at all learns that first.
    String owner = staff ? null : caller.customerOrg();
    NewQualification q = QualificationRules.validate(request, staff);
    return tx.write(
        dsl -> {
          QualificationRecord row = dsl.newRecord(QUALIFICATION);
          row.setId(Ids.newId("qal"));
          row.setOwnerOrgId(owner);
          row.setName(q.name());
          row.setKind(q.kind());
          row.setSettings(json.jsonb(q.settings()));
          row.setInstructions(q.instructions());
          row.setGrantSkill(q.grantSkill());
          row.setGrantLevel(q.grantLevel());
          row.setPassScore(q.passScore());
          row.setCooldownHours(q.cooldownHours());
          row.setCreatedBy(caller.userId() != null ? caller.userId() : caller.apiKeyId());
          row.setCreatedAt(OffsetDateTime.now(ZoneOffset.UTC));
          row.store();
          for (QualificationItem item : q.items()) {
            dsl.insertInto(QUALIFICATION_ITEM)
                .set(QUALIFICATION_ITEM.QUALIFICATION_ID, row.getId())
                .set(QUALIFICATION_ITEM.POSITION, item.position())
                .set(QUALIFICATION_ITEM.DATA, json.jsonb(item.data()))
                .set(QUALIFICATION_ITEM.ANSWER, json.jsonb(item.answer()))
                .set(QUALIFICATION_ITEM.EXPLANATION, item.explanation())
                .execute();
          }
          return toQualification(row, q.items().size());
        });
  }

  /**
   * The test if {@code caller} manages it: admins and managers every test, a customer only its
   * org's. Anything else does not exist for the caller.
   */
  public Qualification requireManaged(Caller caller, String id) {
    return find(id)
        .filter(
            q ->
                isStaff(caller)
                    || (caller.orgId() != null && caller.orgId().equals(q.ownerOrgId())))
        .orElseThrow(() -> ProblemException.notFound("qualification " + id));
  }

  /** Any test, as annotators may take every test. */
  public Optional<Qualification> find(String id) {
    return tx.read(
        dsl ->
            dsl.selectFrom(QUALIFICATION)
                .where(QUALIFICATION.ID.eq(id))
                .fetchOptional()
                .map(row -> toQualification(row, itemCount(dsl, id))));
  }

  /** Every test, newest first, with its item count. */
  public List<Qualification> all() {
    return tx.read(
        dsl -> {
          Map<String, Integer> counts =
              dsl.select(QUALIFICATION_ITEM.QUALIFICATION_ID, org.jooq.impl.DSL.count())
                  .from(QUALIFICATION_ITEM)
                  .groupBy(QUALIFICATION_ITEM.QUALIFICATION_ID)
                  .fetchMap(QUALIFICATION_ITEM.QUALIFICATION_ID, org.jooq.impl.DSL.count());
          return dsl.selectFrom(QUALIFICATION)
              .orderBy(QUALIFICATION.CREATED_AT.desc(), QUALIFICATION.ID.desc())
              .fetch(row -> toQualification(row, counts.getOrDefault(row.getId(), 0)));
        });
  }

  /**
   * The attempts at a test, newest first. A manager sees the attempts of their vendor's annotators
   * only, the annotators whose profiles they may see; a customer sees every attempt at its org's
   * test, by annotator id.
   */
  public Results results(Caller caller, String id) {
    Qualification q = requireManaged(caller, id);
    List<QualificationAttemptRecord> rows =
        tx.read(
            dsl ->
                dsl.selectFrom(QUALIFICATION_ATTEMPT)
                    .where(QUALIFICATION_ATTEMPT.QUALIFICATION_ID.eq(id))
                    .orderBy(
                        QUALIFICATION_ATTEMPT.STARTED_AT.desc(), QUALIFICATION_ATTEMPT.ID.desc())
                    .fetch());
    // One profile lookup per annotator: it says both whether the caller may see them and the name.
    // Customers never see annotator profiles, so their lookups are skipped.
    Map<String, Optional<Annotator>> profiles = new HashMap<>();
    boolean vendorOnly = !caller.isAdmin() && caller.has(Role.MANAGER);
    boolean names = isStaff(caller);
    List<Results.Attempt> attempts =
        rows.stream()
            .filter(r -> !vendorOnly || profile(profiles, caller, r.getAnnotatorId()).isPresent())
            .map(
                r ->
                    attempt(
                        r,
                        q.items(),
                        names
                            ? profile(profiles, caller, r.getAnnotatorId())
                                .map(Annotator::name)
                                .orElse(null)
                            : null))
            .toList();
    return new Results(q.id(), q.name(), q.items(), q.passScore(), attempts);
  }

  private Optional<Annotator> profile(
      Map<String, Optional<Annotator>> profiles, Caller caller, String annotatorId) {
    return profiles.computeIfAbsent(annotatorId, id -> annotators.find(caller, id));
  }

  private static Results.Attempt attempt(QualificationAttemptRecord r, int total, String name) {
    boolean finished = r.getFinishedAt() != null;
    return new Results.Attempt(
        r.getId(),
        r.getAnnotatorId(),
        name,
        r.getStartedAt().toInstant(),
        finished ? r.getFinishedAt().toInstant() : null,
        r.getAnswered(),
        r.getCorrect(),
        finished && total > 0 ? (double) r.getCorrect() / total : null,
        r.getPassed(),
        r.getCooldownUntil() == null ? null : r.getCooldownUntil().toInstant());
  }

  private static boolean isStaff(Caller caller) {
    return caller.isAdmin() || caller.has(Role.MANAGER);
  }

  private static int itemCount(DSLContext dsl, String id) {
    return dsl.fetchCount(QUALIFICATION_ITEM, QUALIFICATION_ITEM.QUALIFICATION_ID.eq(id));
  }

  private Qualification toQualification(QualificationRecord row, int items) {
    return new Qualification(
        row.getId(),
        row.getOwnerOrgId(),
        row.getName(),
        row.getKind(),
        json.read(row.getSettings(), ProjectSettings.class),
        row.getInstructions(),
        row.getGrantSkill(),
        row.getGrantLevel(),
        row.getPassScore(),
        row.getCooldownHours(),
        items,
        row.getCreatedAt().toInstant());
  }
}
