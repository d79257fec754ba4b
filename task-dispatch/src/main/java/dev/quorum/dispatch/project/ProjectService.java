package dev.quorum.dispatch.project;

import static dev.quorum.dispatch.store.jooq.Tables.PROJECT;
import static dev.quorum.dispatch.store.jooq.Tables.TASK;
import static dev.quorum.dispatch.store.jooq.Tables.WORK_UNIT;
import static org.jooq.impl.DSL.count;

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
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/** Projects of an org: creation and update with validated settings, lookup and progress. */
@Singleton
public class ProjectService {

  private static final Set<String> KINDS =
      Set.of("pairwise", "ranking", "rating", "classification", "sft");

  private final Tx tx;
  private final Outbox outbox;
  private final Json json;
  private final QualificationDirectory qualifications;

  ProjectService(Tx tx, Outbox outbox, Json json, @Nullable QualificationDirectory qualifications) {
    this.tx = tx;
    this.outbox = outbox;
    this.json = json;
    this.qualifications = qualifications;
  }

  public Project create(String orgId, ProjectRequest request) {
    if (request.name() == null || request.name().isBlank()) {
      throw ProblemException.invalidField("name", "must not be blank");
    }
    String kind = kind(request.kind());
    ProjectSettings settings =
        ProjectSettingsRules.resolve(kind, request, ProjectSettingsRules.defaults(kind));
    requireUsableQualification(orgId, settings);
    ProjectStatus status = initialStatus(request.status());
    return tx.write(
        dsl -> {
          ProjectRecord row = dsl.newRecord(PROJECT);
          row.setId(Ids.newId("prj"));
          row.setOrgId(orgId);
          row.setName(request.name().trim());
          row.setKind(WorkKind.valueOf(kind));
          row.setInstructions(request.instructions() == null ? "" : request.instructions());
          row.setStatus(status);
          row.setCreatedAt(OffsetDateTime.now(ZoneOffset.UTC));
          apply(row, settings);
          row.store();
          outbox.append(
              Topics.ASSIGNMENTS,
              "project.created",
              row.getId(),
              new ProjectChanged(row.getId(), orgId, kind, status.getLiteral()));
          return toProject(row);
        });
  }

  /** Changes what the request names; {@code kind} cannot change, a completed project is final. */
  public Project update(String orgId, String projectId, ProjectRequest request) {
    return tx.write(
        dsl -> {
          ProjectRecord row =
              dsl.selectFrom(PROJECT)
                  .where(PROJECT.ID.eq(projectId))
                  .and(PROJECT.ORG_ID.eq(orgId))
                  .forUpdate()
                  .fetchOptional()
                  .orElseThrow(() -> ProblemException.notFound("project " + projectId));
          String kind = row.getKind().getLiteral();
          if (request.kind() != null && !request.kind().equals(kind)) {
            throw ProblemException.invalidField(
                "kind", "a project's kind cannot change (it is " + kind + ")");
          }
          if (row.getStatus() == ProjectStatus.completed) {
            throw ProblemException.conflict(
                "project " + projectId + " is completed; it can no longer change");
          }
          if (request.name() != null) {
            if (request.name().isBlank()) {
              throw ProblemException.invalidField("name", "must not be blank");
            }
            row.setName(request.name().trim());
          }
          if (request.instructions() != null) {
            row.setInstructions(request.instructions());
          }
          ProjectSettings before = json.read(row.getSettings(), ProjectSettings.class);
          ProjectSettings after = ProjectSettingsRules.resolve(kind, request, before);
          if (!java.util.Objects.equals(
              before.quality().qualification(), after.quality().qualification())) {
            requireUsableQualification(orgId, after);
          }
          if (request.status() != null) {
            row.setStatus(nextStatus(row.getStatus(), request.status()));
          }
          apply(row, after);
          row.store();
          if (!before.requirements().equals(after.requirements())
              || !before.difficultyRules().equals(after.difficultyRules())) {
            retier(dsl, projectId, after);
          }
          outbox.append(
              Topics.ASSIGNMENTS,
              "project.updated",
              projectId,
              new ProjectChanged(projectId, orgId, kind, row.getStatus().getLiteral()));
          return toProject(row);
        });
  }

  private void requireUsableQualification(String orgId, ProjectSettings settings) {
    String id = settings.quality().qualification();
    if (id != null && qualifications != null && !qualifications.usableBy(orgId, id)) {
      throw ProblemException.invalidField(
          "quality.qualification",
          "no qualification test '"
              + id
              + "' exists for this org: create it with POST /api/v1/qualifications, or leave the"
              + " field out");
    }
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

  public ProjectView view(Project project) {
    return ProjectView.of(project, progress(project.id()));
  }

  public List<ProjectView> list(String orgId) {
    return tx
        .read(
            dsl ->
                dsl.selectFrom(PROJECT)
                    .where(PROJECT.ORG_ID.eq(orgId))
                    .orderBy(PROJECT.CREATED_AT.desc())
                    .fetch())
        .stream()
        .map(this::toProject)
        .map(this::view)
        .toList();
  }

  /** Counts of tasks by status and of units by status. */
  public Progress progress(String projectId) {
    return tx.read(
        dsl -> {
          Map<TaskStatus, Integer> tasks =
              dsl.select(TASK.STATUS, count())
                  .from(TASK)
                  .where(TASK.PROJECT_ID.eq(projectId))
                  .and(TASK.IS_GOLD.isFalse())
                  .groupBy(TASK.STATUS)
                  .fetchMap(TASK.STATUS, count());
          Map<UnitStatus, Integer> units =
              dsl.select(WORK_UNIT.STATUS, count())
                  .from(WORK_UNIT)
                  .where(WORK_UNIT.PROJECT_ID.eq(projectId))
                  .groupBy(WORK_UNIT.STATUS)
                  .fetchMap(WORK_UNIT.STATUS, count());
          return Progress.of(tasks, units);
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
      int unitsSubmitted) {

    static Progress of(Map<TaskStatus, Integer> tasks, Map<UnitStatus, Integer> units) {
      int open = tasks.getOrDefault(TaskStatus.open, 0);
      int resolved = tasks.getOrDefault(TaskStatus.resolved, 0);
      int contested = tasks.getOrDefault(TaskStatus.contested, 0);
      return new Progress(
          open + resolved + contested,
          open,
          resolved,
          contested,
          units.getOrDefault(UnitStatus.ready, 0) + units.getOrDefault(UnitStatus.held, 0),
          units.getOrDefault(UnitStatus.leased, 0),
          units.getOrDefault(UnitStatus.submitted, 0));
    }
  }

  @Serdeable
  public record ProjectChanged(String projectId, String orgId, String kind, String status) {}

  private void apply(ProjectRecord row, ProjectSettings settings) {
    row.setSettings(json.jsonb(settings));
    row.setOverlapMin(settings.overlap().min());
    row.setOverlapMax(settings.overlap().max());
    row.setPriority(settings.priority());
    row.setLeaseSeconds(settings.leaseSeconds());
    row.setGoldRatio(settings.goldRatio());
    row.setRequiredLanguages(settings.requirements().languages().toArray(String[]::new));
    Map<String, Integer> skills = new LinkedHashMap<>();
    settings.requirements().skills().forEach(s -> skills.merge(s.name(), s.minLevel(), Math::max));
    row.setRequiredSkills(json.jsonb(skills));
    row.setMinTier(settings.requirements().minTier());
    row.setRequiredQualification(settings.quality().qualification());
    row.setDeadline(
        settings.deadline() == null
            ? null
            : java.time.OffsetDateTime.ofInstant(settings.deadline(), java.time.ZoneOffset.UTC));
  }

  /** Units not yet judged take the tier their task's difficulty now needs. */
  private static void retier(DSLContext dsl, String projectId, ProjectSettings settings) {
    for (Integer difficulty : Arrays.asList(null, 1, 2, 3, 4, 5)) {
      dsl.update(WORK_UNIT)
          .set(WORK_UNIT.MIN_TIER, settings.tierFor(difficulty))
          .where(WORK_UNIT.PROJECT_ID.eq(projectId))
          .and(WORK_UNIT.STATUS.ne(UnitStatus.submitted))
          .and(
              WORK_UNIT.TASK_ID.in(
                  dsl.select(TASK.ID)
                      .from(TASK)
                      .where(TASK.PROJECT_ID.eq(projectId))
                      .and(TASK.DIFFICULTY.isNotDistinctFrom(difficulty))))
          .execute();
    }
  }

  private static String kind(String kind) {
    if (kind == null || !KINDS.contains(kind)) {
      throw ProblemException.invalidField(
          "kind",
          (kind == null ? "is missing" : "'" + kind + "' is not a kind")
              + ": use pairwise, ranking, rating, classification or sft");
    }
    return kind;
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

  private static ProjectStatus nextStatus(ProjectStatus current, String requested) {
    ProjectStatus next =
        Arrays.stream(ProjectStatus.values())
            .filter(s -> s.getLiteral().equals(requested))
            .findFirst()
            .orElseThrow(
                () ->
                    ProblemException.invalidField(
                        "status",
                        "'" + requested + "' is not a status: use active, paused or completed"));
    if (next == ProjectStatus.draft && current != ProjectStatus.draft) {
      throw ProblemException.invalidField("status", "a project cannot go back to draft");
    }
    return next;
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
