package dev.quorum.dispatch.intake;

import dev.quorum.platform.error.ProblemException;
import io.micronaut.http.HttpStatus;
import java.time.Duration;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Kafka's acknowledgements of one import's records. Reading the body never waits for them (that
 * stalled every chunk for a round trip); the answer waits for all of them, so nothing it counts as
 * accepted can be lost.
 */
final class ImportAcks implements Callback {

  private int pending;
  private int acknowledged;
  private Exception failure;

  /** Called before each send, so that an acknowledgement can never arrive before its count. */
  synchronized void sending() {
    pending++;
  }

  /** For a send that threw instead of ever calling back. */
  synchronized void notSent() {
    pending--;
    notifyAll();
  }

  @Override
  public synchronized void onCompletion(RecordMetadata metadata, Exception exception) {
    pending--;
    if (exception == null) {
      acknowledged++;
    } else if (failure == null) {
      failure = exception;
    }
    if (pending == 0) {
      notifyAll();
    }
  }

  /** Throws as soon as Kafka refused any record, so that a failing import stops reading. */
  synchronized void throwIfFailed() {
    if (failure != null) {
      throw unavailable("Kafka did not accept the imported tasks (" + failure.getMessage() + ")");
    }
  }

  /**
   * A 503: the records sent before the failure may still be written, so the caller is told that
   * sending the body again is the way to finish, not a risk.
   */
  private static ProblemException unavailable(String what) {
    return new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        what
            + ". Lines before the failure may have been accepted; send the same body again to"
            + " finish the import: tasks whose externalId the project has count as duplicates.");
  }

  /**
   * Waits until every record sent so far is acknowledged or failed, or the timeout passed.
   * Interrupted, it stops waiting and keeps the interrupt.
   */
  synchronized void awaitAll(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (long left = timeout.toNanos(); pending > 0 && left > 0; ) {
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      left = deadline - System.nanoTime();
    }
  }

  /** Throws unless Kafka acknowledged every record sent. */
  synchronized void requireAll() {
    throwIfFailed();
    if (pending > 0) {
      throw unavailable("Kafka did not acknowledge " + pending + " imported tasks in time");
    }
  }

  synchronized int acknowledged() {
    return acknowledged;
  }
}
