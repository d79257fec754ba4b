import { describe, expect, it } from 'vitest';
import {
  correctionAnswer,
  editorContext,
  initialDraft,
  moveInOrder,
  toggleLabel,
  type EditorContext,
} from './correction';
import { readReviewItem, type ReviewItem } from './review';

function item(over: Record<string, unknown>): ReviewItem {
  const value = readReviewItem({ reviewId: 'rv', ...over });
  if (!value) throw new Error('bad item');
  return value;
}

const ctx = (over: Partial<EditorContext>): EditorContext => ({
  kind: 'pairwise',
  labels: [],
  multiLabel: null,
  criteria: ['overall'],
  scale: { min: 1, max: 5 },
  responseIds: [],
  ...over,
});

describe('editorContext', () => {
  it('takes labels, criteria and scale from the project', () => {
    const c = editorContext(
      item({
        project: { kind: 'rating', labels: null, criteria: ['helpful', 'safe'], scale: { min: 0, max: 3 } },
      }),
      [],
    );
    expect(c).toMatchObject({ kind: 'rating', criteria: ['helpful', 'safe'], scale: { min: 0, max: 3 } });
  });

  it('falls back to the labels and criteria the annotators used, then to defaults', () => {
    const c = editorContext(
      item({
        project: { kind: 'classification' },
        judgement: { answer: { labels: ['spam'] } },
        others: [{ answer: { labels: ['ham', 'spam'] } }],
      }),
      [],
    );
    expect(c.labels).toEqual(['spam', 'ham']);
    expect(c.scale).toEqual({ min: 1, max: 5 });
    expect(editorContext(item({ project: { kind: 'rating' }, judgement: { answer: { scores: { x: 1 } } } }), []).criteria).toEqual(['x']);
    expect(editorContext(item({ project: { kind: 'rating' } }), []).criteria).toEqual(['overall']);
  });
});

describe('pairwise corrections', () => {
  it('start without a choice and keep the strength', () => {
    expect(initialDraft(ctx({}), { choice: 'A', strength: 3 })).toEqual({ kind: 'pairwise', choice: null, strength: 3 });
    expect(initialDraft(ctx({}), null)).toEqual({ kind: 'pairwise', choice: null, strength: 2 });
  });

  it('need a choice; a tie has no strength', () => {
    const c = ctx({});
    expect(correctionAnswer({ kind: 'pairwise', choice: null, strength: 2 }, c)).toEqual({
      error: expect.stringContaining('Choose'),
    });
    expect(correctionAnswer({ kind: 'pairwise', choice: 'B', strength: 1 }, c)).toEqual({
      answer: { choice: 'B', strength: 1 },
    });
    expect(correctionAnswer({ kind: 'pairwise', choice: 'tie', strength: 3 }, c)).toEqual({ answer: { choice: 'tie' } });
  });
});

describe('classification corrections', () => {
  const c = ctx({ kind: 'classification', labels: ['toxic', 'ok'] });

  it('start from the judgement labels that the project knows', () => {
    expect(initialDraft(c, { labels: ['toxic', 'gone'] })).toEqual({ kind: 'classification', labels: ['toxic'] });
  });

  it('toggle labels, one at a time when the project allows only one', () => {
    expect(toggleLabel(['toxic'], 'ok', null)).toEqual(['toxic', 'ok']);
    expect(toggleLabel(['toxic', 'ok'], 'toxic', null)).toEqual(['ok']);
    expect(toggleLabel(['toxic'], 'ok', false)).toEqual(['ok']);
    expect(toggleLabel(['toxic'], 'ok', true)).toEqual(['toxic', 'ok']);
  });

  it('need at least one label, and only one when single-label', () => {
    expect(correctionAnswer({ kind: 'classification', labels: [] }, c)).toEqual({
      error: 'Choose at least one label.',
    });
    expect(correctionAnswer({ kind: 'classification', labels: ['ok', 'toxic'] }, { ...c, multiLabel: false })).toEqual({
      error: 'Choose exactly one label.',
    });
    expect(correctionAnswer({ kind: 'classification', labels: ['ok'] }, c)).toEqual({ answer: { labels: ['ok'] } });
  });
});

describe('rating corrections', () => {
  const c = ctx({ kind: 'rating', criteria: ['helpful', 'safe'], scale: { min: 1, max: 5 } });

  it('start from the judgement scores', () => {
    expect(initialDraft(c, { scores: { helpful: 4 } })).toEqual({ kind: 'rating', scores: { helpful: '4', safe: '' } });
  });

  it('need a whole number on the scale for every criterion', () => {
    expect(correctionAnswer({ kind: 'rating', scores: { helpful: '4', safe: '' } }, c)).toEqual({
      error: 'safe: enter a whole number from 1 to 5.',
    });
    expect(correctionAnswer({ kind: 'rating', scores: { helpful: '4.5', safe: '2' } }, c)).toMatchObject({
      error: expect.stringContaining('helpful'),
    });
    expect(correctionAnswer({ kind: 'rating', scores: { helpful: '6', safe: '2' } }, c)).toMatchObject({
      error: expect.stringContaining('helpful'),
    });
    expect(correctionAnswer({ kind: 'rating', scores: { helpful: ' 5 ', safe: '1' } }, c)).toEqual({
      answer: { scores: { helpful: 5, safe: 1 } },
    });
  });
});

describe('ranking corrections', () => {
  const c = ctx({ kind: 'ranking', responseIds: ['r1', 'r2', 'r3'] });

  it('start from the judgement order when it ranks every response, else the listed order', () => {
    expect(initialDraft(c, { order: ['r3', 'r1', 'r2'] })).toEqual({ kind: 'ranking', order: ['r3', 'r1', 'r2'] });
    expect(initialDraft(c, { order: ['r3', 'r1'] })).toEqual({ kind: 'ranking', order: ['r1', 'r2', 'r3'] });
    expect(initialDraft(c, { order: ['r3', 'r3', 'r1'] })).toEqual({ kind: 'ranking', order: ['r1', 'r2', 'r3'] });
  });

  it('move responses up and down within the ends', () => {
    expect(moveInOrder(['r1', 'r2', 'r3'], 2, -1)).toEqual(['r1', 'r3', 'r2']);
    expect(moveInOrder(['r1', 'r2', 'r3'], 0, 1)).toEqual(['r2', 'r1', 'r3']);
    expect(moveInOrder(['r1', 'r2', 'r3'], 0, -1)).toEqual(['r1', 'r2', 'r3']);
    expect(moveInOrder(['r1', 'r2', 'r3'], 5, 1)).toEqual(['r1', 'r2', 'r3']);
  });

  it('send the full order', () => {
    expect(correctionAnswer({ kind: 'ranking', order: ['r2', 'r1', 'r3'] }, c)).toEqual({
      answer: { order: ['r2', 'r1', 'r3'] },
    });
    expect(correctionAnswer({ kind: 'ranking', order: ['r2', 'r1'] }, c)).toMatchObject({ error: expect.any(String) });
  });
});

describe('sft and other corrections', () => {
  it('sft needs a written response', () => {
    const c = ctx({ kind: 'sft' });
    expect(initialDraft(c, { response: 'old' })).toEqual({ kind: 'sft', response: 'old' });
    expect(correctionAnswer({ kind: 'sft', response: '  ' }, c)).toEqual({ error: 'Write the corrected response.' });
    expect(correctionAnswer({ kind: 'sft', response: 'new\n' }, c)).toEqual({ answer: { response: 'new\n' } });
  });

  it('unknown kinds are edited as a JSON object', () => {
    const c = ctx({ kind: 'video' });
    expect(initialDraft(c, { frames: [1] })).toEqual({ kind: 'json', text: '{\n  "frames": [\n    1\n  ]\n}' });
    expect(correctionAnswer({ kind: 'json', text: '{"a":1}' }, c)).toEqual({ answer: { a: 1 } });
    expect(correctionAnswer({ kind: 'json', text: '[1]' }, c)).toEqual({ error: 'The answer must be a JSON object.' });
    expect(correctionAnswer({ kind: 'json', text: '{' }, c)).toEqual({ error: 'The answer is not valid JSON.' });
  });
});
