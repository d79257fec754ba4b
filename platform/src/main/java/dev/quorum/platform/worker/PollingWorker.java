package dev.quorum.platform.worker;

import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background thread that calls {@link #runOnce()} from start-up to shutdown: at once again while
 * there is more to do, after {@code idleMillis} when there is not, and after a second when it
 * failed (the failure is logged, never fatal).
 */
public abstract class PollingWorker {

  private static final Logger LOG = LoggerFactory.getLogger(PollingWorker.class);

  private final String name;
  private final long idleMillis;
  private volatile boolean running;
  private Thread thread;

  protected PollingWorker(String name, long idleMillis) {
    this.name = name;
    this.idleMillis = idleMillis;
  }

  /**
   * Does one round of work.
   *
   * @return whether more work is waiting
   */
  protected abstract boolean runOnce() throws InterruptedException;

  @EventListener
  public final void start(StartupEvent event) {
    running = true;
    thread = new Thread(this::loop, name);
    thread.setDaemon(true);
    thread.start();
  }

  @EventListener
  public final void stop(ShutdownEvent event) {
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    stopped();
  }

  /** Releases what the worker holds, after its thread ended. */
  protected void stopped() {}

  private void loop() {
    while (running) {
      try {
        if (!runOnce()) {
          Thread.sleep(idleMillis);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        LOG.warn("{} failed, retrying in 1 s: {}", name, e.toString());
        try {
          Thread.sleep(1000);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }
}
