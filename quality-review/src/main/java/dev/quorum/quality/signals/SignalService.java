package dev.quorum.quality.signals;

import static dev.quorum.quality.store.jooq.Tables.FLAG;
import static dev.quorum.quality.store.jooq.Tables.JUDGEMENT;
import static dev.quorum.quality.store.jooq.Tables.TASK_OUTCOME;

import dev.quorum.platform.json.Json;
import dev.quorum.quality.resolution.TaskDecider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Keeps an annotator's flags on a project current: position bias, answers faster than the project's
 * 5th percentile, straight-lining, low agreement with consensus. A flag is raised with its evidence
 * when its test holds and cleared when it no longer does.
 */
@Singleton
public class SignalService {

  /** How many of an annotator's latest judgements the signals look at. */
  static final int RECENT = 500;

  /** How many of a project's latest timed judgements its 5th percentile is taken over. */
  static final int PROJECT_SAMPLE = 5000;

  private final Json json;

  /**
   * A project's 5th percentile moves slowly; computing it once a minute rather than on every
   * submission keeps submissions cheap on large projects.
   */
  private final Map<String, Timed> fifthPercentiles = new ConcurrentHashMap<>();

  private record Timed(@Nullable Double value, long expiresAtNanos) {}

  SignalService(Json json) {
    this.json = json;
  }

  private @Nullable Double cachedFifthPercentile(DSLContext dsl, String projectId) {
    long now = System.nanoTime();
    Timed cached = fifthPercentiles.get(projectId);
    if (cached != null && cached.expiresAtNanos() - now > 0) {
      return cached.value();
    }
    Double value = fifthPercentile(dsl, projectId);
    fifthPercentiles.put(projectId, new Timed(value, now + TimeUnit.MINUTES.toNanos(1)));
    return value;
  }

  /** Recomputes the annotator's flags on the project; joins the caller's transaction. */
  public void update(DSLContext dsl, String projectId, String annotatorId, String kind) {
    List<Signals.Judged> judged = new ArrayList<>();
    Map<String, String> consensus = new HashMap<>();
    // Habits are recent: the latest RECENT judgements keep the cost of a submission bounded however
    // long the annotator has worked on the project. Their tasks' outcomes come in the same
    // statement: a list of RECENT task ids cost PostgreSQL more to plan than to look up.
    var recent =
        dsl.select(
                JUDGEMENT.TASK_ID,
                JUDGEMENT.ANSWER,
                JUDGEMENT.SWAPPED,
                JUDGEMENT.DURATION_MS,
                JUDGEMENT.SUBMITTED_AT)
            .from(JUDGEMENT)
            .where(JUDGEMENT.PROJECT_ID.eq(projectId))
            .and(JUDGEMENT.ANNOTATOR_ID.eq(annotatorId))
            .and(JUDGEMENT.GOLD.isFalse())
            .orderBy(JUDGEMENT.SUBMITTED_AT.desc())
            .limit(RECENT)
            .asTable("recent");
    Field<String> taskId = recent.field(JUDGEMENT.TASK_ID);
    dsl.select(
            taskId,
            recent.field(JUDGEMENT.ANSWER),
            recent.field(JUDGEMENT.SWAPPED),
            recent.field(JUDGEMENT.DURATION_MS),
            TASK_OUTCOME.CONSENSUS)
        .from(recent)
        .leftJoin(TASK_OUTCOME)
        .on(TASK_OUTCOME.TASK_ID.eq(taskId))
        .orderBy(recent.field(JUDGEMENT.SUBMITTED_AT).desc())
        .fetch()
        .forEach(
            r -> {
              JsonNode answer = json.tree(r.value2());
              judged.add(
                  new Signals.Judged(
                      r.value1(),
                      TaskDecider.consensusKey(kind, answer),
                      kind.equals("pairwise") ? leftOrRight(answer, r.value3()) : null,
                      r.value4()));
              String key =
                  r.value5() == null ? null : TaskDecider.outcomeKey(kind, json.tree(r.value5()));
              if (key != null) {
                consensus.put(r.value1(), key);
              }
            });
    Double fifthPercentile = cachedFifthPercentile(dsl, projectId);
    store(dsl, projectId, annotatorId, Signals.evaluate(kind, judged, fifthPercentile, consensus));
  }

  /** The project's 5th percentile of answer time, over its latest timed judgements. */
  private static Double fifthPercentile(DSLContext dsl, String projectId) {
    var latest =
        DSL.select(JUDGEMENT.DURATION_MS)
            .from(JUDGEMENT)
            .where(JUDGEMENT.PROJECT_ID.eq(projectId))
            .and(JUDGEMENT.DURATION_MS.isNotNull())
            .orderBy(JUDGEMENT.SUBMITTED_AT.desc())
            .limit(PROJECT_SAMPLE)
            .asTable("latest");
    Field<Long> duration = latest.field(JUDGEMENT.DURATION_MS);
    return dsl.select(DSL.percentileCont(0.05).withinGroupOrderBy(duration).cast(Double.class))
        .from(latest)
        .having(DSL.count().ge(Signals.MIN_PROJECT_DURATIONS))
        .fetchOne(0, Double.class);
  }

  private void store(
      DSLContext dsl, String projectId, String annotatorId, List<Signals.Flag> flags) {
    dsl.deleteFrom(FLAG)
        .where(FLAG.PROJECT_ID.eq(projectId))
        .and(FLAG.ANNOTATOR_ID.eq(annotatorId))
        .and(FLAG.SIGNAL.notIn(flags.stream().map(Signals.Flag::signal).toList()))
        .execute();
    for (Signals.Flag flag : flags) {
      dsl.insertInto(FLAG)
          .set(FLAG.PROJECT_ID, projectId)
          .set(FLAG.ANNOTATOR_ID, annotatorId)
          .set(FLAG.SIGNAL, flag.signal())
          .set(FLAG.DETAIL, flag.detail())
          .set(FLAG.EVIDENCE, json.jsonb(flag.evidence()))
          .onConflict(FLAG.PROJECT_ID, FLAG.ANNOTATOR_ID, FLAG.SIGNAL)
          .doUpdate()
          .set(FLAG.DETAIL, flag.detail())
          .set(FLAG.EVIDENCE, json.jsonb(flag.evidence()))
          .execute();
    }
  }

  /** The side of the screen the annotator chose, or null for a tie. */
  static String leftOrRight(JsonNode answer, boolean swapped) {
    JsonNode choice = answer.get("choice");
    if (choice == null || !choice.isString() || choice.getStringValue().equals("tie")) {
      return null;
    }
    boolean customerA = choice.getStringValue().equals("A");
    return customerA != swapped ? "left" : "right";
  }
}
