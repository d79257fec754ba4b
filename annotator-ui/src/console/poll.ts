// Polling a status endpoint until the job is finished, stoppable from outside.

export interface PollOptions<T> {
  /** One status request. */
  fetch: () => Promise<T>;
  /** True when polling can stop. */
  isDone: (value: T) => boolean;
  /** Called with every answer, the last one included. */
  onUpdate: (value: T) => void;
  intervalMs: number;
  signal: AbortSignal;
  /** Injected for tests. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

/**
 * Calls `fetch` now and then every `intervalMs` until `isDone`; resolves with the final value, or
 * null when aborted. A failed request rejects (the caller shows the error).
 */
export async function pollUntil<T>(options: PollOptions<T>): Promise<T | null> {
  const sleep = options.sleep ?? defaultSleep;
  for (;;) {
    if (options.signal.aborted) return null;
    const value = await options.fetch();
    if (options.signal.aborted) return null;
    options.onUpdate(value);
    if (options.isDone(value)) return value;
    await sleep(options.intervalMs, options.signal);
  }
}
