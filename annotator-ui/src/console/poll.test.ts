import { describe, expect, it, vi } from 'vitest';
import { pollUntil } from './poll';

describe('pollUntil', () => {
  it('polls until done, reporting every answer', async () => {
    const answers = [1, 2, 3];
    const sleep = vi.fn(async () => {});
    const updates: number[] = [];
    const last = await pollUntil({
      fetch: async () => answers.shift()!,
      isDone: (n) => n === 3,
      onUpdate: (n) => updates.push(n),
      intervalMs: 500,
      signal: new AbortController().signal,
      sleep,
    });
    expect(last).toBe(3);
    expect(updates).toEqual([1, 2, 3]);
    expect(sleep).toHaveBeenCalledTimes(2);
    expect(sleep).toHaveBeenCalledWith(500, expect.anything());
  });

  it('stops when aborted, without reporting a late answer', async () => {
    const controller = new AbortController();
    const updates: number[] = [];
    let n = 0;
    const last = await pollUntil({
      fetch: async () => {
        n++;
        if (n === 2) controller.abort();
        return n;
      },
      isDone: () => false,
      onUpdate: (v) => updates.push(v),
      intervalMs: 1,
      signal: controller.signal,
      sleep: async () => {},
    });
    expect(last).toBeNull();
    expect(updates).toEqual([1]);
  });

  it('waits with real timers and wakes early on abort', async () => {
    vi.useFakeTimers();
    try {
      const controller = new AbortController();
      const fetch = vi.fn(async () => 0);
      const promise = pollUntil({
        fetch,
        isDone: () => false,
        onUpdate: () => {},
        intervalMs: 1000,
        signal: controller.signal,
      });
      await vi.advanceTimersByTimeAsync(2500);
      expect(fetch).toHaveBeenCalledTimes(3);
      controller.abort();
      await expect(promise).resolves.toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('passes a failed request on', async () => {
    await expect(
      pollUntil({
        fetch: async () => {
          throw new Error('down');
        },
        isDone: () => true,
        onUpdate: () => {},
        intervalMs: 1,
        signal: new AbortController().signal,
      }),
    ).rejects.toThrow('down');
  });
});
