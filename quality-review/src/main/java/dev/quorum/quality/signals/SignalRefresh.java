package dev.quorum.quality.signals;

import dev.quorum.platform.db.Tx;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;

/**
 * Paces signal refreshes. A refresh reads the annotator's latest 500 judgements, which costs far
 * more than the submission that asks for it; so an annotator's signals on a project are refreshed
 * on a submission at most once per {@link #INTERVAL_NANOS}, and a submission that finds them fresh
 * leaves a mark that {@link #refreshMarked} picks up once the interval has passed. Flags are
 * therefore at most about ten seconds behind the latest judgement, whatever the rate of
 * submissions.
 *
 * <p>Marks live in memory: after a restart, an annotator's next submission refreshes as usual.
 */
@Singleton
public class SignalRefresh {

  // A refresh reads 500 judgements and their outcomes (about 3.5 ms of PostgreSQL); with 64
  // annotators submitting every few hundred milliseconds, refreshing every 3 s spent 0.4 ms of
  // PostgreSQL per submission in a benchmark probe, and every 10 s a third of that.
  static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private record Key(String projectId, String annotatorId, String kind) {}

  private final SignalService signals;
  private final Tx tx;
  private final Map<Key, Long> lastRefresh = new ConcurrentHashMap<>();
  private final Map<Key, Boolean> marked = new ConcurrentHashMap<>();

  SignalRefresh(SignalService signals, Tx tx) {
    this.signals = signals;
    this.tx = tx;
  }

  /** A judgement of this annotator arrived; refreshes now, in the caller's transaction, if due. */
  public void judged(DSLContext dsl, String projectId, String annotatorId, String kind) {
    Key key = new Key(projectId, annotatorId, kind);
    if (claimIfDue(key)) {
      marked.remove(key);
      signals.update(dsl, projectId, annotatorId, kind);
    } else {
      marked.put(key, Boolean.TRUE);
    }
  }

  @Scheduled(fixedDelay = "1s", initialDelay = "1s")
  void refreshMarked() {
    for (Key key : marked.keySet()) {
      if (claimIfDue(key)) {
        marked.remove(key);
        tx.run(dsl -> signals.update(dsl, key.projectId(), key.annotatorId(), key.kind()));
      }
    }
  }

  private boolean claimIfDue(Key key) {
    long now = System.nanoTime();
    boolean[] due = {false};
    lastRefresh.compute(
        key,
        (k, last) -> {
          due[0] = last == null || now - last >= INTERVAL_NANOS;
          return due[0] ? now : last;
        });
    return due[0];
  }
}
