package dev.quorum.dispatch.lease;

import static dev.quorum.dispatch.store.jooq.Tables.ASSIGNMENT;
import static dev.quorum.dispatch.store.jooq.Tables.EXCLUSION;
import static dev.quorum.dispatch.store.jooq.Tables.PROJECT;
import static dev.quorum.dispatch.store.jooq.Tables.TASK;
import static dev.quorum.dispatch.store.jooq.Tables.WORK_UNIT;
import static dev.quorum.platform.db.RenderedQuery.param;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.selectOne;

import dev.quorum.dispatch.batch.BatchService;
import dev.quorum.dispatch.kind.TaskKind;
import dev.quorum.dispatch.store.jooq.enums.AssignmentStatus;
import dev.quorum.dispatch.store.jooq.enums.ProjectStatus;
import dev.quorum.dispatch.store.jooq.enums.UnitStatus;
import dev.quorum.dispatch.store.jooq.enums.WorkKind;
import dev.quorum.dispatch.store.jooq.tables.records.AssignmentRecord;
import dev.quorum.platform.db.RenderedQuery;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.events.Outbox;
import dev.quorum.platform.events.Topics;
import dev.quorum.platform.id.Ids;
import dev.quorum.platform.json.Json;
import dev.quorum.workforce.annotator.AnnotatorService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Param;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leases work units to annotators. A lease first picks a project by priority-weighted fair share
 * among the active projects the annotator qualifies for (languages, skills, tier) that have ready
 * work; then, in one short transaction, a single {@code UPDATE … WHERE id = (SELECT … FOR UPDATE
 * SKIP LOCKED)} over the partial index of that project's ready units, oldest first, plus the
 * assignment and the exclusion row that keeps the annotator from ever getting another unit of the
 * same task. At the project's gold ratio a gold task the annotator has not seen is leased instead,
 * through a unit made for them.
 */
@Singleton
public class LeaseService {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseService.class);
  private static final int PREFETCH = 2;

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
    // One transaction for the whole call: each commit is a round trip and, for a write, a WAL
    // flush, and next-task is the hottest path there is.
    return retrying(() -> tx.write(dsl -> nextInTransaction(annotatorId)));
  }

  private Optional<NextTask> nextInTransaction(String annotatorId) {
    START.fetchOptional(tx.dsl(), row -> Boolean.TRUE, annotatorId);
    AnnotatorService.WorkProfile profile = annotators.workProfile(annotatorId);
    profile
        .blocked()
        .ifPresent(
            reason -> {
              throw ProblemException.forbidden(reason);
            });
    List<AssignmentRecord> live = new ArrayList<>(liveAssignments(annotatorId));
    // Leases taken before quality paused the annotator on a project go back to the pool.
    for (AssignmentRecord paused :
        live.stream().filter(a -> profile.pausedProjects().contains(a.getProjectId())).toList()) {
      releaseOne(annotatorId, paused);
      live.remove(paused);
    }
    List<EligibleProject> projects = live.size() < PREFETCH ? eligibleProjects(profile) : List.of();
    while (live.size() < PREFETCH && !projects.isEmpty()) {
      Optional<AssignmentRecord> leased = leaseOne(annotatorId, profile, projects);
      if (leased.isEmpty()) {
        break;
      }
      live.add(leased.get());
    }
    if (live.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(views(live));
  }

  /** Gives back every live lease of the annotator (logout, skip-all); returns how many. */
  public int releaseAll(String annotatorId) {
    return tx.write(
        dsl -> {
          List<AssignmentRecord> live =
              dsl.update(ASSIGNMENT)
                  .set(ASSIGNMENT.STATUS, AssignmentStatus.released)
                  .where(ASSIGNMENT.ANNOTATOR_ID.eq(annotatorId))
                  .and(ASSIGNMENT.STATUS.eq(AssignmentStatus.leased))
                  .returning()
                  .fetch();
          for (AssignmentRecord a : live) {
            release(dsl, a.getUnitId(), annotatorId);
            forgetLease(dsl, a);
            event(a, "assignment.released", null);
          }
          return live.size();
        });
  }

  private void releaseOne(String annotatorId, AssignmentRecord assignment) {
    tx.run(
        dsl -> {
          int changed =
              dsl.update(ASSIGNMENT)
                  .set(ASSIGNMENT.STATUS, AssignmentStatus.released)
                  .where(ASSIGNMENT.ID.eq(assignment.getId()))
                  .and(ASSIGNMENT.STATUS.eq(AssignmentStatus.leased))
                  .execute();
          if (changed > 0) {
            release(dsl, assignment.getUnitId(), annotatorId);
            forgetLease(dsl, assignment);
            event(assignment, "assignment.released", null);
          }
        });
  }

  /*
   * The statements of every next-task are rendered once (RenderedQuery): jOOQ's rendering of them
   * cost more than their round trips.
   */

  /** The first of the two numbers of the annotators' next-task locks ('next' in ASCII). */
  private static final int NEXT_TASK_LOCKS = 0x6e657874;

  /**
   * The first statement of a next-task, one round trip for two things. Binds: annotator.
   *
   * <ul>
   *   <li>Its commit need not wait for the WAL flush: the disk's stalls then never reach next-task
   *       (up to 170 ms after a large import, BENCHMARKS.md). A crash can lose the last few hundred
   *       ms of leases; their units are ready again, and a submit for one gets a 404 rather than
   *       storing anything. A submit's commit waits for the flush, which makes the lease it closes
   *       durable first.
   *   <li>The annotator's next-task calls take turns (a transaction-level advisory lock): two calls
   *       at once, a double click, would each see fewer than two live leases and each lease more,
   *       past the limit of a current and a prefetched one.
   * </ul>
   */
  private static final RenderedQuery START =
      RenderedQuery.of(
          dsl ->
              dsl.resultQuery(
                  "select set_config('synchronous_commit', 'off', true),"
                      + " pg_advisory_xact_lock({0}, hashtext({1}))",
                  DSL.inline(NEXT_TASK_LOCKS), param(ASSIGNMENT.ANNOTATOR_ID)));

  private static final RenderedQuery LIVE_ASSIGNMENTS =
      RenderedQuery.of(
          dsl ->
              dsl.selectFrom(ASSIGNMENT)
                  .where(ASSIGNMENT.ANNOTATOR_ID.eq(param(ASSIGNMENT.ANNOTATOR_ID)))
                  .and(ASSIGNMENT.STATUS.eq(DSL.inline(AssignmentStatus.leased)))
                  .and(ASSIGNMENT.LEASE_EXPIRES_AT.gt(currentOffsetDateTime()))
                  .orderBy(ASSIGNMENT.LEASED_AT, ASSIGNMENT.ID)
                  .limit(DSL.inline(PREFETCH)));

  private static final RenderedQuery.Row<AssignmentRecord> ASSIGNMENT_ROW =
      RenderedQuery.into(ASSIGNMENT);

  private List<AssignmentRecord> liveAssignments(String annotatorId) {
    return tx.read(dsl -> LIVE_ASSIGNMENTS.fetch(dsl, ASSIGNMENT_ROW, annotatorId));
  }

  /*
   * Statuses that partial indexes filter on are inlined as literals: with a bind parameter
   * PostgreSQL cannot prove the index predicate and sorts every ready unit instead.
   */

  /** Active projects this annotator qualifies for that have ready work. */
  List<EligibleProject> eligibleProjects(AnnotatorService.WorkProfile profile) {
    return new ArrayList<>(
        tx.read(
            dsl ->
                ELIGIBLE_PROJECTS.fetch(
                    dsl,
                    row -> new EligibleProject(row.getString(1), row.getInt(2), row.getDouble(3)),
                    profile.tier(),
                    profile.languages().toArray(String[]::new),
                    json.write(profile.skills()),
                    profile.qualifications().toArray(String[]::new),
                    profile.pausedProjects().toArray(String[]::new))));
  }

  /** Binds: tier, languages (text[]), skills (JSON object), qualifications, paused projects. */
  private static final RenderedQuery ELIGIBLE_PROJECTS =
      RenderedQuery.of(
          dsl -> {
            var unit = WORK_UNIT.as("u");
            return dsl.select(PROJECT.ID, PROJECT.PRIORITY, PROJECT.GOLD_RATIO)
                .from(PROJECT)
                .where(PROJECT.STATUS.eq(DSL.inline(ProjectStatus.active)))
                .and(PROJECT.MIN_TIER.le(param(PROJECT.MIN_TIER)))
                .and(PROJECT.DEADLINE.isNull().or(PROJECT.DEADLINE.gt(currentOffsetDateTime())))
                // No required languages, or one the annotator speaks; a required pt is met by
                // pt-BR.
                .and(
                    DSL.condition(
                        "cardinality({0}) = 0 or exists (select 1 from unnest({0}) r,"
                            + " unnest({1}::text[]) s where s = r or s like r || '-%')",
                        PROJECT.REQUIRED_LANGUAGES, param(PROJECT.REQUIRED_LANGUAGES)))
                // Every required skill at its minimum level or above.
                .and(
                    DSL.condition(
                        "not exists (select 1 from jsonb_each_text({0}) r"
                            + " where coalesce(({1}::jsonb ->> r.key)::int, 0) < r.value::int)",
                        PROJECT.REQUIRED_SKILLS, DSL.val(null, SQLDataType.VARCHAR)))
                .and(
                    PROJECT
                        .REQUIRED_QUALIFICATION
                        .isNull()
                        .or(PROJECT.REQUIRED_QUALIFICATION.eq(DSL.any(textArray()))))
                .andNot(PROJECT.ID.eq(DSL.any(textArray())))
                // A scalar subquery, not EXISTS: PostgreSQL turns an EXISTS into a join that
                // reads every ready unit of every project (45 ms with 30k), while this probes
                // the partial index of ready units once per project, from its newest end:
                // leases take the oldest units, so the oldest end holds the entries of
                // just-leased units until vacuum (hundreds of dead rows per probe under load).
                // Without an ORDER BY the plan was a table scan that walked every other
                // project's units first (10-45 ms); with one, it relies on fresh statistics,
                // which FreshStatistics keeps up during imports.
                .and(
                    DSL.field(
                            selectOne()
                                .from(unit)
                                .where(unit.PROJECT_ID.eq(PROJECT.ID))
                                .and(unit.STATUS.eq(DSL.inline(UnitStatus.ready)))
                                .orderBy(unit.READY_SINCE.desc())
                                .limit(DSL.inline(1)))
                        .isNotNull());
          });

  private static Param<String[]> textArray() {
    return DSL.val(null, SQLDataType.VARCHAR.array());
  }

  /**
   * Leases one unit from the projects, chosen by fair share; a project with nothing left for this
   * annotator is dropped from {@code projects}.
   */
  private Optional<AssignmentRecord> leaseOne(
      String annotatorId, AnnotatorService.WorkProfile profile, List<EligibleProject> projects) {
    while (!projects.isEmpty()) {
      int chosen = FairShare.pick(projects, ThreadLocalRandom.current());
      EligibleProject project = projects.get(chosen);
      boolean gold =
          project.goldRatio() > 0 && ThreadLocalRandom.current().nextDouble() < project.goldRatio();
      DSLContext dsl = tx.dsl();
      Optional<AssignmentRecord> leased =
          gold ? tryLeaseGold(dsl, annotatorId, project.id()) : Optional.empty();
      if (leased.isEmpty()) {
        leased = tryLease(dsl, annotatorId, profile, project.id());
      }
      if (leased.isPresent()) {
        return leased;
      }
      projects.remove(chosen);
    }
    return Optional.empty();
  }

  /**
   * Retries the whole call when a parallel call of the same annotator took the same task (unique
   * exclusion): the violation ends the transaction, so only the outermost call can replay it.
   */
  private static <T> T retrying(java.util.function.Supplier<T> lease) {
    for (int attempt = 1; ; attempt++) {
      try {
        return lease.get();
      } catch (DataAccessException e) {
        if (attempt >= 5 || !"23505".equals(e.sqlState())) {
          throw e;
        }
        LOG.debug("raced for the same task, leasing again");
      }
    }
  }

  /**
   * The lease, the exclusion and the assignment in one statement: the oldest ready unit of the
   * project that this annotator may take, locked with {@code SKIP LOCKED} so that parallel leases
   * pass each other instead of waiting. Binds, in order: annotator, project, tier, annotator,
   * annotator, assignment id, project, annotator, swapped.
   */
  private static final RenderedQuery LEASE =
      RenderedQuery.of(
          dsl ->
              dsl.resultQuery(
                  """
                  with leased as (
                    update dispatch.work_unit u
                       set status = 'leased', leased_by = ?,
                           lease_expires_at = now() + make_interval(secs => p.lease_seconds)
                      from dispatch.project p
                     where p.id = u.project_id
                       and u.id = (select c.id from dispatch.work_unit c
                                    where c.project_id = ? and c.status = 'ready'
                                      and c.min_tier <= ?::int
                                      and not exists (select 1 from dispatch.exclusion e
                                                       where e.annotator_id = ?
                                                         and e.task_id = c.task_id)
                                    order by c.ready_since, c.id
                                    limit 1
                                      for update of c skip locked)
                    returning u.id, u.task_id, u.lease_expires_at
                  ), excluded as (
                    insert into dispatch.exclusion (annotator_id, task_id, reason)
                    select ?, task_id, 'leased' from leased
                  )
                  insert into dispatch.assignment
                    (id, unit_id, task_id, project_id, annotator_id, status, swapped, leased_at,
                     lease_expires_at)
                  select ?, id, task_id, ?, ?, 'leased', ?::boolean, now(), lease_expires_at
                    from leased
                  returning *
                  """,
                  new Object[9]));

  private Optional<AssignmentRecord> tryLease(
      DSLContext dsl, String annotatorId, AnnotatorService.WorkProfile profile, String projectId) {
    Optional<AssignmentRecord> assignment =
        LEASE.fetchOptional(
            dsl,
            ASSIGNMENT_ROW,
            annotatorId,
            projectId,
            profile.tier(),
            annotatorId,
            annotatorId,
            Ids.newId("asg"),
            projectId,
            annotatorId,
            ThreadLocalRandom.current().nextBoolean());
    assignment.ifPresent(a -> event(a, "assignment.leased", null));
    return assignment;
  }

  /** A gold task this annotator has not seen, through a unit made for them. */
  private Optional<AssignmentRecord> tryLeaseGold(
      DSLContext dsl, String annotatorId, String projectId) {
    Optional<String> taskId =
        dsl.select(TASK.ID)
            .from(TASK)
            .where(TASK.PROJECT_ID.eq(projectId))
            .and(TASK.IS_GOLD.isTrue())
            .andNotExists(
                selectOne()
                    .from(EXCLUSION)
                    .where(EXCLUSION.ANNOTATOR_ID.eq(annotatorId))
                    .and(EXCLUSION.TASK_ID.eq(TASK.ID)))
            .orderBy(DSL.rand())
            .limit(1)
            .fetchOptional(TASK.ID);
    if (taskId.isEmpty()) {
      return Optional.empty();
    }
    Integer replicas =
        dsl.select(DSL.max(WORK_UNIT.REPLICA))
            .from(WORK_UNIT)
            .where(WORK_UNIT.TASK_ID.eq(taskId.get()))
            .fetchOne(0, Integer.class);
    String unitId = Ids.newId("unt");
    OffsetDateTime expires =
        dsl.insertInto(WORK_UNIT)
            .set(WORK_UNIT.ID, unitId)
            .set(WORK_UNIT.TASK_ID, taskId.get())
            .set(WORK_UNIT.PROJECT_ID, projectId)
            .set(WORK_UNIT.REPLICA, (replicas == null ? 0 : replicas) + 1)
            .set(WORK_UNIT.STATUS, UnitStatus.leased)
            .set(WORK_UNIT.LEASED_BY, annotatorId)
            .set(
                WORK_UNIT.LEASE_EXPIRES_AT,
                DSL.field(
                    "now() + make_interval(secs => {0})",
                    OffsetDateTime.class,
                    dsl.select(PROJECT.LEASE_SECONDS)
                        .from(PROJECT)
                        .where(PROJECT.ID.eq(projectId))
                        .asField()))
            .returningResult(WORK_UNIT.LEASE_EXPIRES_AT)
            .fetchSingle()
            .value1();
    return Optional.of(assign(dsl, annotatorId, projectId, unitId, taskId.get(), expires));
  }

  private AssignmentRecord assign(
      DSLContext dsl,
      String annotatorId,
      String projectId,
      String unitId,
      String taskId,
      OffsetDateTime expires) {
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
    assignment.setSwapped(ThreadLocalRandom.current().nextBoolean());
    assignment.setLeasedAt(OffsetDateTime.now());
    assignment.setLeaseExpiresAt(expires);
    assignment.store();
    event(assignment, "assignment.leased", null);
    return assignment;
  }

  private static Field<OffsetDateTime> leaseEnd() {
    return DSL.field(
        "now() + make_interval(secs => {0})", OffsetDateTime.class, PROJECT.LEASE_SECONDS);
  }

  /** The first live assignment, with the second as the prefetched next one; one query for both. */
  private NextTask views(List<AssignmentRecord> live) {
    Map<String, Shown> shown = new HashMap<>();
    SHOWN_TASKS
        .fetch(
            tx.dsl(),
            row ->
                new Shown(
                    row.getString(1),
                    WorkKind.lookupLiteral(row.getString(2)),
                    row.getString(3),
                    JSONB.valueOf(row.getString(4))),
            (Object) live.stream().map(AssignmentRecord::getTaskId).toArray(String[]::new))
        .forEach(task -> shown.put(task.id(), task));
    NextTask next = null;
    for (int i = live.size() - 1; i >= 0; i--) {
      next = view(live.get(i), shown.get(live.get(i).getTaskId()), next);
    }
    return next;
  }

  private record Shown(String id, WorkKind kind, String instructions, JSONB data) {}

  private static final RenderedQuery SHOWN_TASKS =
      RenderedQuery.of(
          dsl ->
              dsl.select(TASK.ID, PROJECT.KIND, PROJECT.INSTRUCTIONS, TASK.DATA)
                  .from(TASK)
                  .join(PROJECT)
                  .on(PROJECT.ID.eq(TASK.PROJECT_ID))
                  .where(TASK.ID.eq(DSL.any(textArray()))));

  private NextTask view(AssignmentRecord assignment, Shown row, @Nullable NextTask next) {
    TaskKind kind = TaskKind.of(row.kind().getLiteral());
    return new NextTask(
        assignment.getId(),
        assignment.getLeaseExpiresAt().toInstant(),
        new NextTask.ShownTask(
            assignment.getTaskId(),
            assignment.getProjectId(),
            row.kind().getLiteral(),
            row.instructions(),
            kind.display(json.tree(row.data()), assignment.getSwapped())),
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
          event(assignment, "assignment.skipped", assignment.getSkipReason());
        });
  }

  /** Extends a live lease by the project's lease length. */
  public OffsetDateTime heartbeat(String annotatorId, String assignmentId) {
    return tx.write(
        dsl -> {
          AssignmentRecord assignment = ownLiveAssignment(dsl, annotatorId, assignmentId);
          OffsetDateTime until =
              dsl.update(WORK_UNIT)
                  .set(WORK_UNIT.LEASE_EXPIRES_AT, leaseEnd())
                  .from(PROJECT)
                  .where(WORK_UNIT.ID.eq(assignment.getUnitId()))
                  .and(WORK_UNIT.LEASED_BY.eq(annotatorId))
                  .and(PROJECT.ID.eq(WORK_UNIT.PROJECT_ID))
                  .returningResult(WORK_UNIT.LEASE_EXPIRES_AT)
                  .fetchSingle()
                  .value1();
          assignment.setLeaseExpiresAt(until);
          assignment.store();
          return until;
        });
  }

  /** Returns units whose lease ran out to the ready pool (or to hold, in a paused batch). */
  @Scheduled(fixedDelay = "${quorum.dispatch.expiry-interval:2s}", initialDelay = "2s")
  public int expireLeases() {
    int expired =
        tx.write(
            dsl -> {
              List<String> units =
                  dsl.update(WORK_UNIT)
                      .set(WORK_UNIT.STATUS, UnitStatus.ready)
                      .setNull(WORK_UNIT.LEASED_BY)
                      .setNull(WORK_UNIT.LEASE_EXPIRES_AT)
                      .where(WORK_UNIT.STATUS.eq(DSL.inline(UnitStatus.leased)))
                      .and(WORK_UNIT.LEASE_EXPIRES_AT.lt(currentOffsetDateTime()))
                      .returningResult(WORK_UNIT.ID)
                      .fetch(WORK_UNIT.ID);
              if (units.isEmpty()) {
                return 0;
              }
              BatchService.holdPaused(dsl, units);
              List<AssignmentRecord> assignments =
                  dsl.update(ASSIGNMENT)
                      .set(ASSIGNMENT.STATUS, AssignmentStatus.expired)
                      .where(ASSIGNMENT.UNIT_ID.in(units))
                      .and(ASSIGNMENT.STATUS.eq(AssignmentStatus.leased))
                      .returning()
                      .fetch();
              for (AssignmentRecord a : assignments) {
                forgetLease(dsl, a);
                event(a, "assignment.expired", null);
              }
              return units.size();
            });
    if (expired > 0) {
      LOG.info("{} expired lease(s) returned to the pool", expired);
    }
    return expired;
  }

  /** An ended lease that was not a judgement: the task may come back to this annotator. */
  private static void forgetLease(DSLContext dsl, AssignmentRecord a) {
    dsl.deleteFrom(EXCLUSION)
        .where(EXCLUSION.ANNOTATOR_ID.eq(a.getAnnotatorId()))
        .and(EXCLUSION.TASK_ID.eq(a.getTaskId()))
        .and(EXCLUSION.REASON.eq("leased"))
        .execute();
  }

  private static void release(DSLContext dsl, String unitId, String annotatorId) {
    int released =
        dsl.update(WORK_UNIT)
            .set(WORK_UNIT.STATUS, UnitStatus.ready)
            .setNull(WORK_UNIT.LEASED_BY)
            .setNull(WORK_UNIT.LEASE_EXPIRES_AT)
            .where(WORK_UNIT.ID.eq(unitId))
            .and(WORK_UNIT.LEASED_BY.eq(annotatorId))
            .and(WORK_UNIT.STATUS.eq(UnitStatus.leased))
            .execute();
    if (released > 0) {
      BatchService.holdPaused(dsl, List.of(unitId));
    }
  }

  private void event(AssignmentRecord a, String type, @Nullable String reason) {
    outbox.append(
        Topics.ASSIGNMENTS,
        type,
        a.getProjectId(),
        new AssignmentEvent(
            a.getId(), a.getUnitId(), a.getTaskId(), a.getProjectId(), a.getAnnotatorId(), reason));
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

  /** Payload of assignment.leased / skipped / expired / released events. */
  @Serdeable
  public record AssignmentEvent(
      String assignmentId,
      String unitId,
      String taskId,
      String projectId,
      String annotatorId,
      @Nullable String reason) {}
}
