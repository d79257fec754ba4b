package dev.quorum.platform.events;

import java.util.List;

/** Kafka topic names. Task events are keyed by project id, workforce events by annotator id. */
public final class Topics {

  public static final String TASK_INTAKE = "quorum.task-intake";
  public static final String TASK_INTAKE_DEAD_LETTER = "quorum.task-intake.dead-letter";
  public static final String ASSIGNMENTS = "quorum.assignments";
  public static final String ANNOTATIONS = "quorum.annotations";
  public static final String REVIEWS = "quorum.reviews";
  public static final String QUALITY = "quorum.quality";
  public static final String WORKFORCE = "quorum.workforce";
  public static final String EXPORTS = "quorum.exports";
  public static final String PLATFORM = "quorum.platform";

  public static final List<String> ALL =
      List.of(
          TASK_INTAKE,
          TASK_INTAKE_DEAD_LETTER,
          ASSIGNMENTS,
          ANNOTATIONS,
          REVIEWS,
          QUALITY,
          WORKFORCE,
          EXPORTS,
          PLATFORM);

  /** The intake topics, whose records are tasks (and dead letters of tasks) of up to 1 MiB. */
  public static final List<String> INTAKE = List.of(TASK_INTAKE, TASK_INTAKE_DEAD_LETTER);

  /**
   * The largest record the intake topics take, and their producers send: a 1 MiB task line in its
   * envelope, or a dead letter that holds such a record escaped as a JSON string.
   */
  public static final int INTAKE_RECORD_BYTES = 8 << 20;

  private Topics() {}
}
