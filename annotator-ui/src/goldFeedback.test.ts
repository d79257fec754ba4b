import { describe, expect, it } from 'vitest';
import { afterSubmit, feedbackKeyAction, feedbackTitle, readFeedback } from './goldFeedback';

describe('afterSubmit', () => {
  it('goes straight to the next task without feedback', () => {
    expect(afterSubmit({ status: 'submitted' })).toEqual({ type: 'next' });
    expect(afterSubmit({ status: 'resolved', feedback: null })).toEqual({ type: 'next' });
    expect(afterSubmit(null)).toEqual({ type: 'next' });
    expect(afterSubmit('ok')).toEqual({ type: 'next' });
  });

  it('stops to show feedback when the response carries it', () => {
    expect(
      afterSubmit({
        status: 'submitted',
        feedback: { correct: false, expected: { choice: 'A' }, explanation: 'A cites the source' },
      }),
    ).toEqual({
      type: 'feedback',
      feedback: { correct: false, expected: { choice: 'A' }, explanation: 'A cites the source' },
    });
  });

  it('ignores feedback it cannot read', () => {
    expect(afterSubmit({ feedback: { expected: { choice: 'A' } } })).toEqual({ type: 'next' });
    expect(afterSubmit({ feedback: { correct: 'yes' } })).toEqual({ type: 'next' });
    expect(afterSubmit({ feedback: [true] })).toEqual({ type: 'next' });
  });
});

describe('readFeedback', () => {
  it('fills a missing explanation and expected answer', () => {
    expect(readFeedback({ feedback: { correct: true } })).toEqual({ correct: true, expected: null, explanation: '' });
    expect(readFeedback({ feedback: { correct: true, explanation: 7 } })?.explanation).toBe('');
  });

  it('titles', () => {
    expect(feedbackTitle({ correct: true, expected: null, explanation: '' })).toBe('Correct');
    expect(feedbackTitle({ correct: false, expected: null, explanation: '' })).toBe('Not correct');
  });
});

describe('feedbackKeyAction', () => {
  it('continues on Enter', () => {
    expect(feedbackKeyAction({ key: 'Enter', targetTag: 'BODY' })).toBe('continue');
    expect(feedbackKeyAction({ key: 'Enter', targetTag: 'BUTTON' })).toBe('continue');
  });

  it('does not continue on a held-down Enter, other keys, modifiers or in fields', () => {
    expect(feedbackKeyAction({ key: 'Enter', repeat: true })).toBeNull();
    expect(feedbackKeyAction({ key: '1' })).toBeNull();
    expect(feedbackKeyAction({ key: ' ' })).toBeNull();
    expect(feedbackKeyAction({ key: 'Enter', ctrlKey: true })).toBeNull();
    expect(feedbackKeyAction({ key: 'Enter', targetTag: 'TEXTAREA' })).toBeNull();
    expect(feedbackKeyAction({ key: 'Enter', targetTag: 'DIV', editable: true })).toBeNull();
  });
});
