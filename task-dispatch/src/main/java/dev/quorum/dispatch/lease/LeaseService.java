package dev.quorum.dispatch.lease;

import static dev.quorum.dispatch.store.jooq.Tables.ASSIGNMENT;
import static dev.quorum.dispatch.store.jooq.Tables.EXCLUSION;
import static dev.quorum.dispatch.store.jooq.Tables.PROJECT;
import static dev.quorum.dispatch.store.jooq.Tables.TASK;
import static dev.quorum.dispatch.store.jooq.Tables.WORK_UNIT;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.selectOne;

import dev.quorum.dispatch.kind.Pairwise;
import dev.quorum.dispatch.store.jooq.enums.AssignmentStatus;
import dev.quorum.dispatch.store.jooq.enums.ProjectStatus;
import dev.quorum.dispatch.store.jooq.enums.UnitStatus;
import dev.quorum.dispatch.store.jooq.tables.records.AssignmentRecord;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.events.Outbox;
import dev.quorum.platform.events.Topics;
import dev.quorum.platform.id.Ids;
import dev.quorum.platform.json.Json;
import dev.quorum.workforce.annotator.AnnotatorService;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leases work units to annotators. One lease is one short transaction: a single {@code UPDATE …
 * WHERE id = (SELECT … FOR UPDATE SKIP LOCKED)} over the partial index of ready units, plus the
 * assignment and the exclusion row that keeps the annotator from ever getting another unit of the
 * same task.
 */
@Singleton
public class LeaseService {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseService.class);
  private static final int PREFETCH = 2;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Tx tx;
  private final Outbox outbox;
  private final AnnotatorService annotators;
  private final Json json;

  LeaseService(Tx tx, Outbox outbox, AnnotatorService annotators, Json json) {
    this.tx = tx;
    this.outbox = outbox;
    this.annotators = annotators;
    this.json = json;
  }

  /**
   * The annotator's current assignment and a prefetched next one, leasing as needed; empty when no
   * eligible work is left.
   */
  public Optional<NextTask> next(String annotatorId) {
    AnnotatorService.WorkProfile profile = annotators.workProfile(annotatorId);
    profile
        .blocked()
        .ifPresent(
            reason -> {
              throw ProblemException.forbidden(reason);
            });
    List<AssignmentRecord> live =
        new ArrayList<>(
            tx.read(
                dsl ->
                    dsl.selectFrom(ASSIGNMENT)
                        .where(ASSIGNMENT.ANNOTATOR_ID.eq(annotatorId))
                        .and(ASSIGNMENT.STATUS.eq(AssignmentStatus.leased))
                        .and(ASSIGNMENT.LEASE_EXPIRES_AT.gt(currentOffsetDateTime()))
                        .orderBy(ASSIGNMENT.LEASED_AT, ASSIGNMENT.ID)
                        .limit(PREFETCH)
                        .fetch()));
    while (live.size() < PREFETCH) {
      Optional<AssignmentRecord> leased = leaseOne(annotatorId, profile);
      if (leased.isEmpty()) {
        break;
      }
      live.add(leased.get());
    }
    if (live.isEmpty()) {
      return Optional.empty();
    }
    NextTask next = live.size() > 1 ? view(live.get(1), null) : null;
    return Optional.of(view(live.get(0), next));
  }

  /** Leases one unit; retries when a parallel call of the same annotator took the same task. */
  Optional<AssignmentRecord> leaseOne(String annotatorId, AnnotatorService.WorkProfile profile) {
    for (int attempt = 1; ; attempt++) {
      try {
        return tx.write(dsl -> tryLease(dsl, annotatorId, profile));
      } catch (DataAccessException e) {
        if (attempt >= 5 || !"23505".equals(e.sqlState())) {
          throw e;
        }
        LOG.debug("annotator {} raced for the same task, leasing again", annotatorId);
      }
    }
  }

  private Optional<AssignmentRecord> tryLease(
      DSLContext dsl, String annotatorId, AnnotatorService.WorkProfile profile) {
    var candidate = WORK_UNIT.as("candidate");
    var candidateProject = PROJECT.as("candidate_project");
    var pick =
        DSL.select(candidate.ID)
            .from(candidate)
            .join(candidateProject)
            .on(candidateProject.ID.eq(candidate.PROJECT_ID))
            .where(candidate.STATUS.eq(UnitStatus.ready))
            .and(candidateProject.STATUS.eq(ProjectStatus.active))
            .and(candidateProject.MIN_TIER.le(profile.tier()))
            .and(speaksARequiredLanguage(candidateProject.REQUIRED_LANGUAGES, profile.languages()))
            .andNotExists(
                selectOne()
                    .from(EXCLUSION)
                    .where(EXCLUSION.ANNOTATOR_ID.eq(annotatorId))
                    .and(EXCLUSION.TASK_ID.eq(candidate.TASK_ID)))
            .orderBy(candidateProject.PRIORITY.desc(), candidate.READY_SINCE, candidate.ID)
            .limit(1)
            .forUpdate()
            .of(candidate)
            .skipLocked();
    Field<OffsetDateTime> expires =
        DSL.field(
            "now() + make_interval(secs => {0})", OffsetDateTime.class, PROJECT.LEASE_SECONDS);
    var unit =
        dsl.update(WORK_UNIT)
            .set(WORK_UNIT.STATUS, UnitStatus.leased)
            .set(WORK_UNIT.LEASED_BY, annotatorId)
            .set(WORK_UNIT.LEASE_EXPIRES_AT, expires)
            .from(PROJECT)
            .where(WORK_UNIT.ID.eq(pick))
            .and(PROJECT.ID.eq(WORK_UNIT.PROJECT_ID))
            .returningResult(
                WORK_UNIT.ID, WORK_UNIT.TASK_ID, WORK_UNIT.PROJECT_ID, WORK_UNIT.LEASE_EXPIRES_AT)
            .fetchOptional();
    if (unit.isEmpty()) {
      return Optional.empty();
    }
    String unitId = unit.get().value1();
    String taskId = unit.get().value2();
    String projectId = unit.get().value3();
    dsl.insertInto(EXCLUSION)
        .set(EXCLUSION.ANNOTATOR_ID, annotatorId)
        .set(EXCLUSION.TASK_ID, taskId)
        .set(EXCLUSION.REASON, "leased")
        .execute();
    AssignmentRecord assignment = dsl.newRecord(ASSIGNMENT);
    assignment.setId(Ids.newId("asg"));
    assignment.setUnitId(unitId);
    assignment.setTaskId(taskId);
    assignment.setProjectId(projectId);
    assignment.setAnnotatorId(annotatorId);
    assignment.setStatus(AssignmentStatus.leased);
    assignment.setSwapped(RANDOM.nextBoolean());
    assignment.setLeasedAt(OffsetDateTime.now());
    assignment.setLeaseExpiresAt(unit.get().value4());
    assignment.store();
    outbox.append(
        Topics.ASSIGNMENTS,
        "assignment.leased",
        projectId,
        new AssignmentEvent(assignment.getId(), unitId, taskId, projectId, annotatorId, null));
    return Optional.of(assignment);
  }

  /**
   * No required languages, or one the annotator speaks; a required {@code pt} is met by {@code
   * pt-BR}.
   */
  private static org.jooq.Condition speaksARequiredLanguage(
      Field<String[]> required, List<String> spoken) {
    return DSL.condition(
        "cardinality({0}) = 0 or exists (select 1 from unnest({0}) r, unnest({1}::text[]) s"
            + " where s = r or s like r || '-%')",
        required, DSL.val(spoken.toArray(String[]::new)));
  }

  private NextTask view(AssignmentRecord assignment, NextTask next) {
    var row =
        tx.read(
            dsl ->
                dsl.select(PROJECT.KIND, PROJECT.INSTRUCTIONS, TASK.DATA)
                    .from(TASK)
                    .join(PROJECT)
                    .on(PROJECT.ID.eq(TASK.PROJECT_ID))
                    .where(TASK.ID.eq(assignment.getTaskId()))
                    .fetchSingle());
    JsonNode data = json.tree(row.value3());
    return new NextTask(
        assignment.getId(),
        assignment.getLeaseExpiresAt().toInstant(),
        new NextTask.ShownTask(
            assignment.getTaskId(),
            assignment.getProjectId(),
            row.value1().getLiteral(),
            row.value2(),
            Pairwise.display(data, assignment.getSwapped())),
        next);
  }

  /** Gives the unit back for someone else; the annotator will not see this task again. */
  public void skip(String annotatorId, String assignmentId, String reason) {
    tx.run(
        dsl -> {
          AssignmentRecord assignment = ownLiveAssignment(dsl, annotatorId, assignmentId);
          assignment.setStatus(AssignmentStatus.skipped);
          assignment.setSkipReason(reason == null || reason.isBlank() ? "skipped" : reason);
          assignment.store();
          release(dsl, assignment.getUnitId(), annotatorId);
          dsl.update(EXCLUSION)
              .set(EXCLUSION.REASON, "skipped")
              .where(EXCLUSION.ANNOTATOR_ID.eq(annotatorId))
              .and(EXCLUSION.TASK_ID.eq(assignment.getTaskId()))
              .execute();
          outbox.append(
              Topics.ASSIGNMENTS,
              "assignment.skipped",
              assignment.getProjectId(),
              new AssignmentEvent(
                  assignment.getId(),
                  assignment.getUnitId(),
                  assignment.getTaskId(),
                  assignment.getProjectId(),
                  annotatorId,
                  assignment.getSkipReason()));
        });
  }

  /** Extends a live lease by the project's lease length. */
  public OffsetDateTime heartbeat(String annotatorId, String assignmentId) {
    return tx.write(
        dsl -> {
          AssignmentRecord assignment = ownLiveAssignment(dsl, annotatorId, assignmentId);
          Field<OffsetDateTime> expires =
              DSL.field(
                  "now() + make_interval(secs => {0})",
                  OffsetDateTime.class,
                  dsl.select(PROJECT.LEASE_SECONDS)
                      .from(PROJECT)
                      .where(PROJECT.ID.eq(assignment.getProjectId()))
                      .asField());
          OffsetDateTime until =
              dsl.update(WORK_UNIT)
                  .set(WORK_UNIT.LEASE_EXPIRES_AT, expires)
                  .where(WORK_UNIT.ID.eq(assignment.getUnitId()))
                  .and(WORK_UNIT.LEASED_BY.eq(annotatorId))
                  .returningResult(WORK_UNIT.LEASE_EXPIRES_AT)
                  .fetchSingle()
                  .value1();
          assignment.setLeaseExpiresAt(until);
          assignment.store();
          return until;
        });
  }

  /** Returns units whose lease ran out to the ready pool. */
  @Scheduled(fixedDelay = "${quorum.dispatch.expiry-interval:2s}", initialDelay = "5s")
  void expireLeases() {
    int expired =
        tx.write(
            dsl -> {
              var units =
                  dsl.update(WORK_UNIT)
                      .set(WORK_UNIT.STATUS, UnitStatus.ready)
                      .setNull(WORK_UNIT.LEASED_BY)
                      .setNull(WORK_UNIT.LEASE_EXPIRES_AT)
                      .where(WORK_UNIT.STATUS.eq(UnitStatus.leased))
                      .and(WORK_UNIT.LEASE_EXPIRES_AT.lt(currentOffsetDateTime()))
                      .returningResult(WORK_UNIT.ID)
                      .fetch(WORK_UNIT.ID);
              if (units.isEmpty()) {
                return 0;
              }
              var assignments =
                  dsl.update(ASSIGNMENT)
                      .set(ASSIGNMENT.STATUS, AssignmentStatus.expired)
                      .where(ASSIGNMENT.UNIT_ID.in(units))
                      .and(ASSIGNMENT.STATUS.eq(AssignmentStatus.leased))
                      .returning()
                      .fetch();
              for (AssignmentRecord a : assignments) {
                // An expired lease is not a judgement: the task may come back to this annotator.
                dsl.deleteFrom(EXCLUSION)
                    .where(EXCLUSION.ANNOTATOR_ID.eq(a.getAnnotatorId()))
                    .and(EXCLUSION.TASK_ID.eq(a.getTaskId()))
                    .and(EXCLUSION.REASON.eq("leased"))
                    .execute();
                outbox.append(
                    Topics.ASSIGNMENTS,
                    "assignment.expired",
                    a.getProjectId(),
                    new AssignmentEvent(
                        a.getId(),
                        a.getUnitId(),
                        a.getTaskId(),
                        a.getProjectId(),
                        a.getAnnotatorId(),
                        null));
              }
              return units.size();
            });
    if (expired > 0) {
      LOG.info("{} expired lease(s) returned to the ready pool", expired);
    }
  }

  static void release(DSLContext dsl, String unitId, String annotatorId) {
    dsl.update(WORK_UNIT)
        .set(WORK_UNIT.STATUS, UnitStatus.ready)
        .setNull(WORK_UNIT.LEASED_BY)
        .setNull(WORK_UNIT.LEASE_EXPIRES_AT)
        .where(WORK_UNIT.ID.eq(unitId))
        .and(WORK_UNIT.LEASED_BY.eq(annotatorId))
        .and(WORK_UNIT.STATUS.eq(UnitStatus.leased))
        .execute();
  }

  private static AssignmentRecord ownLiveAssignment(
      DSLContext dsl, String annotatorId, String assignmentId) {
    AssignmentRecord assignment =
        dsl.selectFrom(ASSIGNMENT)
            .where(ASSIGNMENT.ID.eq(assignmentId))
            .and(ASSIGNMENT.ANNOTATOR_ID.eq(annotatorId))
            .forUpdate()
            .fetchOptional()
            .orElseThrow(() -> ProblemException.notFound("assignment " + assignmentId));
    if (assignment.getStatus() != AssignmentStatus.leased) {
      throw ProblemException.conflict(
          "assignment "
              + assignmentId
              + " is "
              + assignment.getStatus().getLiteral()
              + ", not leased: fetch a new task");
    }
    return assignment;
  }

  /** Payload of assignment.leased / skipped / expired events. */
  @Serdeable
  public record AssignmentEvent(
      String assignmentId,
      String unitId,
      String taskId,
      String projectId,
      String annotatorId,
      @io.micronaut.core.annotation.Nullable String reason) {}
}
