import { describe, expect, it } from 'vitest';
import { reviewKeyAction, type ReviewKeyState } from './reviewKeys';

const idle: ReviewKeyState = { mode: null, kind: 'pairwise' };

describe('reviewKeyAction', () => {
  it('chooses the verdict with A, R and C, in either case', () => {
    expect(reviewKeyAction({ key: 'a', targetTag: 'BODY' }, idle)).toEqual({ type: 'mode', mode: 'accept' });
    expect(reviewKeyAction({ key: 'R', targetTag: 'BODY' }, idle)).toEqual({ type: 'mode', mode: 'reject' });
    expect(reviewKeyAction({ key: 'c', targetTag: 'BUTTON' }, idle)).toEqual({ type: 'mode', mode: 'correct' });
    expect(reviewKeyAction({ key: 'r' }, { mode: 'correct', kind: 'sft' })).toEqual({ type: 'mode', mode: 'reject' });
  });

  it('sends with Enter only once a verdict is chosen', () => {
    expect(reviewKeyAction({ key: 'Enter', targetTag: 'BODY' }, idle)).toBeNull();
    expect(reviewKeyAction({ key: 'Enter', targetTag: 'BODY' }, { ...idle, mode: 'accept' })).toEqual({
      type: 'submit',
    });
  });

  it('never fires letters, digits or Enter while typing in a field', () => {
    const rejecting: ReviewKeyState = { mode: 'reject', kind: 'pairwise' };
    for (const tag of ['INPUT', 'TEXTAREA', 'select']) {
      expect(reviewKeyAction({ key: 'a', targetTag: tag }, rejecting)).toBeNull();
      expect(reviewKeyAction({ key: 'C', targetTag: tag }, rejecting)).toBeNull();
      expect(reviewKeyAction({ key: 'Enter', targetTag: tag }, rejecting)).toBeNull();
      expect(reviewKeyAction({ key: '1', targetTag: tag }, { mode: 'correct', kind: 'pairwise' })).toBeNull();
    }
    expect(reviewKeyAction({ key: 'a', targetTag: 'DIV', editable: true }, idle)).toBeNull();
  });

  it('sends with Ctrl or Cmd+Enter from a multi-line field, and cancels with Esc anywhere', () => {
    const correcting: ReviewKeyState = { mode: 'correct', kind: 'sft' };
    expect(reviewKeyAction({ key: 'Enter', ctrlKey: true, targetTag: 'TEXTAREA' }, correcting)).toEqual({
      type: 'submit',
    });
    expect(reviewKeyAction({ key: 'Enter', metaKey: true, targetTag: 'TEXTAREA' }, correcting)).toEqual({
      type: 'submit',
    });
    expect(reviewKeyAction({ key: 'Enter', ctrlKey: true }, idle)).toBeNull();
    expect(reviewKeyAction({ key: 'Escape', targetTag: 'TEXTAREA' }, correcting)).toEqual({ type: 'cancel' });
    expect(reviewKeyAction({ key: 'Escape' }, idle)).toBeNull();
  });

  it('ignores letters with modifiers (browser shortcuts)', () => {
    expect(reviewKeyAction({ key: 'r', ctrlKey: true }, idle)).toBeNull();
    expect(reviewKeyAction({ key: 'c', metaKey: true }, idle)).toBeNull();
    expect(reviewKeyAction({ key: 'a', altKey: true }, idle)).toBeNull();
  });

  it('picks the pairwise correction with 1, 2, 3 like the workbench', () => {
    const correcting: ReviewKeyState = { mode: 'correct', kind: 'pairwise' };
    expect(reviewKeyAction({ key: '1' }, correcting)).toEqual({ type: 'choose', choice: 'A' });
    expect(reviewKeyAction({ key: '2' }, correcting)).toEqual({ type: 'choose', choice: 'tie' });
    expect(reviewKeyAction({ key: '3' }, correcting)).toEqual({ type: 'choose', choice: 'B' });
    expect(reviewKeyAction({ key: '4' }, correcting)).toBeNull();
    expect(reviewKeyAction({ key: '1' }, idle)).toBeNull();
    expect(reviewKeyAction({ key: '1' }, { mode: 'reject', kind: 'pairwise' })).toBeNull();
  });

  it('toggles classification labels with 1..9 while correcting', () => {
    const correcting: ReviewKeyState = { mode: 'correct', kind: 'classification' };
    expect(reviewKeyAction({ key: '1' }, correcting)).toEqual({ type: 'toggle-label', index: 0 });
    expect(reviewKeyAction({ key: '9' }, correcting)).toEqual({ type: 'toggle-label', index: 8 });
    expect(reviewKeyAction({ key: '0' }, correcting)).toBeNull();
    expect(reviewKeyAction({ key: '1' }, { mode: 'correct', kind: 'rating' })).toBeNull();
  });
});
