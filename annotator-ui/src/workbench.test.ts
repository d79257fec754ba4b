import { describe, expect, it } from 'vitest';
import { isLeaseLost, newIdempotencyKey, nextTaskFailure, pairwiseView, submitBody } from './workbench';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('pairwiseView', () => {
  it('normalises prompt and responses', () => {
    expect(
      pairwiseView({
        prompt: [{ role: 'user', content: 'Q?' }],
        responseA: 'first',
        responseB: [{ role: 'assistant', content: 'second' }],
      }),
    ).toEqual({
      prompt: [{ role: 'user', text: 'Q?' }],
      responseA: [{ role: null, text: 'first' }],
      responseB: [{ role: 'assistant', text: 'second' }],
    });
  });

  it('shows a missing prompt as empty', () => {
    expect(pairwiseView({ responseA: 'a', responseB: 'b' })?.prompt).toEqual([]);
  });

  it('rejects data without the pairwise shape', () => {
    expect(pairwiseView(null)).toBeNull();
    expect(pairwiseView('text')).toBeNull();
    expect(pairwiseView([])).toBeNull();
    expect(pairwiseView({ prompt: 'p', responseA: 'a' })).toBeNull();
    expect(pairwiseView({ prompt: 'p', responseA: 'a', responseB: 3 })).toBeNull();
    expect(pairwiseView({ prompt: { x: 1 }, responseA: 'a', responseB: 'b' })).toBeNull();
  });
});

describe('submitBody', () => {
  it('wraps the answer and rounds the duration', () => {
    expect(submitBody('A', 3, 1234.6)).toEqual({ answer: { choice: 'A', strength: 3 }, durationMs: 1235 });
    expect(submitBody('tie', 2, -5)).toEqual({ answer: { choice: 'tie', strength: 2 }, durationMs: 0 });
  });
});

describe('nextTaskFailure', () => {
  it('tells a blocked annotator from an expired token and other errors', () => {
    expect(nextTaskFailure(403)).toBe('blocked');
    expect(nextTaskFailure(401)).toBe('signed-out');
    expect(nextTaskFailure(500)).toBe('failed');
    expect(nextTaskFailure(404)).toBe('failed');
    expect(nextTaskFailure(null)).toBe('failed');
  });
});

describe('isLeaseLost', () => {
  it('is true for 404 and 409 only', () => {
    expect(isLeaseLost(404)).toBe(true);
    expect(isLeaseLost(409)).toBe(true);
    expect(isLeaseLost(400)).toBe(false);
    expect(isLeaseLost(500)).toBe(false);
  });
});

describe('newIdempotencyKey', () => {
  it('uses crypto.randomUUID when there is one', () => {
    expect(newIdempotencyKey({ randomUUID: () => 'fixed' })).toBe('fixed');
    expect(newIdempotencyKey()).toMatch(UUID);
  });

  it('falls back to getRandomValues, then Math.random, outside secure contexts', () => {
    const fromBytes = newIdempotencyKey({
      getRandomValues: (array) => array.fill(0xff),
    });
    expect(fromBytes).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(newIdempotencyKey(undefined)).toMatch(UUID);
    expect(newIdempotencyKey({})).toMatch(UUID);
  });

  it('gives a different key each time', () => {
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });
});
