package dev.quorum.dispatch.project;

import static dev.quorum.dispatch.store.jooq.Tables.PROJECT;
import static dev.quorum.dispatch.store.jooq.Tables.TASK;
import static dev.quorum.dispatch.store.jooq.Tables.WORK_UNIT;

import dev.quorum.dispatch.store.jooq.enums.ProjectStatus;
import dev.quorum.dispatch.store.jooq.enums.TaskStatus;
import dev.quorum.dispatch.store.jooq.enums.UnitStatus;
import dev.quorum.dispatch.store.jooq.enums.WorkKind;
import dev.quorum.dispatch.store.jooq.tables.records.ProjectRecord;
import dev.quorum.platform.db.Tx;
import dev.quorum.platform.error.ProblemException;
import dev.quorum.platform.events.Outbox;
import dev.quorum.platform.events.Topics;
import dev.quorum.platform.id.Ids;
import dev.quorum.platform.json.Json;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Projects of an org: creation with validated, defaulted settings, lookup and progress. */
@Singleton
public class ProjectService {

  /** The kinds whose whole path (import, workbench, export) works today. */
  static final Set<WorkKind> SUPPORTED = EnumSet.of(WorkKind.pairwise);

  private final Tx tx;
  private final Outbox outbox;
  private final Json json;

  ProjectService(Tx tx, Outbox outbox, Json json) {
    this.tx = tx;
    this.outbox = outbox;
    this.json = json;
  }

  public Project create(String orgId, ProjectRequest request) {
    if (request.name() == null || request.name().isBlank()) {
      throw ProblemException.invalidField("name", "must not be blank");
    }
    WorkKind kind = kind(request.kind());
    ProjectSettings settings = settings(request);
    ProjectStatus status = initialStatus(request.status());
    return tx.write(
        dsl -> {
          ProjectRecord row = dsl.newRecord(PROJECT);
          row.setId(Ids.newId("prj"));
          row.setOrgId(orgId);
          row.setName(request.name().trim());
          row.setKind(kind);
          row.setInstructions(request.instructions() == null ? "" : request.instructions());
          row.setSettings(json.jsonb(settings));
          row.setOverlapMin(settings.overlap().min());
          row.setOverlapMax(settings.overlap().max());
          row.setPriority(settings.priority());
          row.setLeaseSeconds(settings.leaseSeconds());
          row.setRequiredLanguages(settings.requirements().languages().toArray(String[]::new));
          row.setMinTier(settings.requirements().minTier());
          row.setStatus(status);
          row.setCreatedAt(OffsetDateTime.now(ZoneOffset.UTC));
          row.store();
          outbox.append(
              Topics.ASSIGNMENTS,
              "project.created",
              row.getId(),
              new ProjectCreated(row.getId(), orgId, kind.getLiteral()));
          return toProject(row);
        });
  }

  /** The project if it belongs to {@code orgId}; another org's project does not exist. */
  public Optional<Project> find(String orgId, String projectId) {
    return tx.read(
            dsl ->
                dsl.selectFrom(PROJECT)
                    .where(PROJECT.ID.eq(projectId))
                    .and(PROJECT.ORG_ID.eq(orgId))
                    .fetchOptional())
        .map(this::toProject);
  }

  public Project require(String orgId, String projectId) {
    return find(orgId, projectId)
        .orElseThrow(() -> ProblemException.notFound("project " + projectId));
  }

  /** A project by id alone, for code that already checked who may see it. */
  public Optional<Project> findAnyOrg(String projectId) {
    return tx.read(dsl -> dsl.selectFrom(PROJECT).where(PROJECT.ID.eq(projectId)).fetchOptional())
        .map(this::toProject);
  }

  public List<Project> list(String orgId) {
    return tx
        .read(
            dsl ->
                dsl.selectFrom(PROJECT)
                    .where(PROJECT.ORG_ID.eq(orgId))
                    .orderBy(PROJECT.CREATED_AT.desc())
                    .fetch())
        .stream()
        .map(this::toProject)
        .toList();
  }

  /** Counts of tasks by status and of units by status. */
  public Progress progress(String projectId) {
    return tx.read(
        dsl -> {
          Map<TaskStatus, Integer> tasks =
              dsl.select(TASK.STATUS, org.jooq.impl.DSL.count())
                  .from(TASK)
                  .where(TASK.PROJECT_ID.eq(projectId))
                  .groupBy(TASK.STATUS)
                  .fetchMap(TASK.STATUS, org.jooq.impl.DSL.count());
          Map<UnitStatus, Integer> units =
              dsl.select(WORK_UNIT.STATUS, org.jooq.impl.DSL.count())
                  .from(WORK_UNIT)
                  .where(WORK_UNIT.PROJECT_ID.eq(projectId))
                  .groupBy(WORK_UNIT.STATUS)
                  .fetchMap(WORK_UNIT.STATUS, org.jooq.impl.DSL.count());
          int open = tasks.getOrDefault(TaskStatus.open, 0);
          int resolved = tasks.getOrDefault(TaskStatus.resolved, 0);
          int contested = tasks.getOrDefault(TaskStatus.contested, 0);
          return new Progress(
              open + resolved + contested,
              open,
              resolved,
              contested,
              units.getOrDefault(UnitStatus.ready, 0),
              units.getOrDefault(UnitStatus.leased, 0),
              units.getOrDefault(UnitStatus.submitted, 0));
        });
  }

  @Serdeable
  public record Progress(
      int tasks,
      int open,
      int resolved,
      int contested,
      int unitsReady,
      int unitsLeased,
      int unitsSubmitted) {}

  @Serdeable
  public record ProjectCreated(String projectId, String orgId, String kind) {}

  private static WorkKind kind(String kind) {
    if (kind == null || kind.isBlank()) {
      throw ProblemException.invalidField(
          "kind", "must be one of pairwise, ranking, rating, classification, sft");
    }
    WorkKind parsed =
        java.util.Arrays.stream(WorkKind.values())
            .filter(k -> k.getLiteral().equals(kind))
            .findFirst()
            .orElseThrow(
                () ->
                    ProblemException.invalidField(
                        "kind",
                        "'"
                            + kind
                            + "' is not a kind: use pairwise, ranking, rating, classification or sft"));
    if (!SUPPORTED.contains(parsed)) {
      throw ProblemException.invalidField(
          "kind",
          "'"
              + kind
              + "' projects are not available yet; supported: "
              + SUPPORTED.stream().map(WorkKind::getLiteral).collect(Collectors.joining(", ")));
    }
    return parsed;
  }

  private static ProjectStatus initialStatus(String status) {
    if (status == null || status.equals("active")) {
      return ProjectStatus.active;
    }
    if (status.equals("draft")) {
      return ProjectStatus.draft;
    }
    throw ProblemException.invalidField("status", "a new project is 'active' (default) or 'draft'");
  }

  private static ProjectSettings settings(ProjectRequest r) {
    var o = r.overlap();
    int min = o == null || o.min() == null ? 1 : o.min();
    if (min < 1 || min > 50) {
      throw ProblemException.invalidField("overlap.min", "must be between 1 and 50");
    }
    int max = o == null || o.max() == null ? min : o.max();
    if (max < min || max > 50) {
      throw ProblemException.invalidField(
          "overlap.max", "must be at least overlap.min and at most 50");
    }
    double target = o == null || o.agreementTarget() == null ? 0.0 : o.agreementTarget();
    if (target < 0 || target > 1) {
      throw ProblemException.invalidField("overlap.agreementTarget", "must be between 0 and 1");
    }
    double goldRatio = r.goldRatio() == null ? 0.0 : r.goldRatio();
    if (goldRatio < 0 || goldRatio >= 1) {
      throw ProblemException.invalidField("goldRatio", "must be at least 0 and below 1");
    }
    int priority = r.priority() == null ? 1 : r.priority();
    if (priority < 1 || priority > 100) {
      throw ProblemException.invalidField("priority", "must be between 1 and 100");
    }
    int lease = r.leaseSeconds() == null ? 600 : r.leaseSeconds();
    if (lease < 30 || lease > 86_400) {
      throw ProblemException.invalidField("leaseSeconds", "must be between 30 and 86400");
    }
    var req = r.requirements();
    int minTier = req == null || req.minTier() == null ? 1 : req.minTier();
    if (minTier < 1 || minTier > 5) {
      throw ProblemException.invalidField("requirements.minTier", "must be between 1 and 5");
    }
    List<ProjectSettings.Skill> skills =
        req == null || req.skills() == null ? List.of() : List.copyOf(req.skills());
    for (ProjectSettings.Skill skill : skills) {
      if (skill.name() == null
          || skill.name().isBlank()
          || skill.minLevel() < 1
          || skill.minLevel() > 5) {
        throw ProblemException.invalidField(
            "requirements.skills", "each skill needs a name and a minLevel from 1 to 5");
      }
    }
    List<String> languages =
        req == null || req.languages() == null ? List.of() : List.copyOf(req.languages());
    BigDecimal amount =
        r.pay() == null || r.pay().amount() == null ? BigDecimal.ZERO : r.pay().amount();
    if (amount.signum() < 0) {
      throw ProblemException.invalidField("pay.amount", "must not be negative");
    }
    String currency = r.pay() == null || r.pay().currency() == null ? "USD" : r.pay().currency();
    try {
      currency = Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getCurrencyCode();
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField(
          "pay.currency", "'" + currency + "' is not an ISO 4217 code");
    }
    List<String> criteria = r.criteria() == null ? List.of() : List.copyOf(r.criteria());
    return new ProjectSettings(
        new ProjectSettings.Overlap(min, max, target),
        goldRatio,
        new ProjectSettings.Requirements(languages, skills, minTier),
        priority,
        lease,
        new ProjectSettings.Pay(amount, currency),
        criteria);
  }

  Project toProject(ProjectRecord row) {
    return new Project(
        row.getId(),
        row.getOrgId(),
        row.getName(),
        row.getKind().getLiteral(),
        row.getInstructions(),
        row.getStatus().getLiteral(),
        json.read(row.getSettings(), ProjectSettings.class),
        row.getCreatedAt().toInstant());
  }
}
