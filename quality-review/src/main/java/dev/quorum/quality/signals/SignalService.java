package dev.quorum.quality.signals;

import static dev.quorum.quality.store.jooq.Tables.FLAG;
import static dev.quorum.quality.store.jooq.Tables.JUDGEMENT;
import static dev.quorum.quality.store.jooq.Tables.TASK_OUTCOME;

import dev.quorum.platform.json.Json;
import dev.quorum.quality.resolution.TaskDecider;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Keeps an annotator's flags on a project current: position bias, answers faster than the project's
 * 5th percentile, straight-lining, low agreement with consensus. A flag is raised with its evidence
 * when its test holds and cleared when it no longer does.
 */
@Singleton
public class SignalService {

  private final Json json;

  SignalService(Json json) {
    this.json = json;
  }

  /** Recomputes the annotator's flags on the project; joins the caller's transaction. */
  public void update(DSLContext dsl, String projectId, String annotatorId, String kind) {
    List<Signals.Judged> judged = new ArrayList<>();
    dsl.select(JUDGEMENT.TASK_ID, JUDGEMENT.ANSWER, JUDGEMENT.SWAPPED, JUDGEMENT.DURATION_MS)
        .from(JUDGEMENT)
        .where(JUDGEMENT.PROJECT_ID.eq(projectId))
        .and(JUDGEMENT.ANNOTATOR_ID.eq(annotatorId))
        .and(JUDGEMENT.GOLD.isFalse())
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
            });
    Double fifthPercentile =
        dsl.select(
                DSL.percentileCont(0.05)
                    .withinGroupOrderBy(JUDGEMENT.DURATION_MS)
                    .cast(Double.class))
            .from(JUDGEMENT)
            .where(JUDGEMENT.PROJECT_ID.eq(projectId))
            .and(JUDGEMENT.DURATION_MS.isNotNull())
            .having(DSL.count().ge(Signals.MIN_PROJECT_DURATIONS))
            .fetchOne(0, Double.class);
    Map<String, String> consensus = new HashMap<>();
    dsl.select(TASK_OUTCOME.TASK_ID, TASK_OUTCOME.CONSENSUS)
        .from(TASK_OUTCOME)
        .join(JUDGEMENT)
        .on(JUDGEMENT.TASK_ID.eq(TASK_OUTCOME.TASK_ID))
        .where(JUDGEMENT.PROJECT_ID.eq(projectId))
        .and(JUDGEMENT.ANNOTATOR_ID.eq(annotatorId))
        .fetch()
        .forEach(
            r -> {
              String key = TaskDecider.outcomeKey(kind, json.tree(r.value2()));
              if (key != null) {
                consensus.put(r.value1(), key);
              }
            });
    List<Signals.Flag> flags = Signals.evaluate(kind, judged, fifthPercentile, consensus);
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
