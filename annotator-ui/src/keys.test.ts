import { describe, expect, it } from 'vitest';
import { isTypingTarget, keyAction } from './keys';

describe('keyAction', () => {
  it('maps 1, 2 and 3 to A, tie and B', () => {
    expect(keyAction({ key: '1', targetTag: 'BODY' })).toEqual({ type: 'choose', choice: 'A' });
    expect(keyAction({ key: '2', targetTag: 'BODY' })).toEqual({ type: 'choose', choice: 'tie' });
    expect(keyAction({ key: '3', targetTag: 'BUTTON' })).toEqual({ type: 'choose', choice: 'B' });
  });

  it('maps Enter to submit, also when a button has the focus', () => {
    expect(keyAction({ key: 'Enter', targetTag: 'BODY' })).toEqual({ type: 'submit' });
    expect(keyAction({ key: 'Enter', targetTag: 'button' })).toEqual({ type: 'submit' });
  });

  it('ignores other keys', () => {
    expect(keyAction({ key: '4', targetTag: 'BODY' })).toBeNull();
    expect(keyAction({ key: 'a', targetTag: 'BODY' })).toBeNull();
    expect(keyAction({ key: ' ', targetTag: 'BODY' })).toBeNull();
  });

  it('ignores keys typed into inputs, textareas, selects and editable elements', () => {
    for (const tag of ['INPUT', 'textarea', 'Select']) {
      expect(keyAction({ key: '1', targetTag: tag })).toBeNull();
      expect(keyAction({ key: 'Enter', targetTag: tag })).toBeNull();
    }
    expect(keyAction({ key: '1', targetTag: 'DIV', editable: true })).toBeNull();
  });

  it('ignores shortcuts with modifiers', () => {
    expect(keyAction({ key: '1', ctrlKey: true })).toBeNull();
    expect(keyAction({ key: '2', metaKey: true })).toBeNull();
    expect(keyAction({ key: 'Enter', altKey: true })).toBeNull();
  });

  it('works without a target', () => {
    expect(keyAction({ key: '1' })).toEqual({ type: 'choose', choice: 'A' });
    expect(isTypingTarget(null)).toBe(false);
  });
});
