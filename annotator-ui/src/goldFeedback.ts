// Instant feedback on gold tasks in the workbench: reading it from the submit response, what
// the page does after a submit, and the key that moves on. No React, no DOM.

import { isTypingTarget, type KeyEventLike } from './keys';

export interface GoldFeedback {
  correct: boolean;
  /** The expected answer in the order the annotator saw (A is the left response). */
  expected: unknown;
  /** Empty when the gold task has no explanation. */
  explanation: string;
}

/** The feedback of a submit response, or null when there is none or it is unreadable. */
export function readFeedback(response: unknown): GoldFeedback | null {
  if (!response || typeof response !== 'object') return null;
  const feedback = (response as { feedback?: unknown }).feedback;
  if (!feedback || typeof feedback !== 'object' || Array.isArray(feedback)) return null;
  const { correct, expected, explanation } = feedback as Record<string, unknown>;
  if (typeof correct !== 'boolean') return null;
  return {
    correct,
    expected: expected ?? null,
    explanation: typeof explanation === 'string' ? explanation : '',
  };
}

/** After a stored answer: straight to the next task, or show the feedback and wait. */
export type AfterSubmit = { type: 'next' } | { type: 'feedback'; feedback: GoldFeedback };

export function afterSubmit(response: unknown): AfterSubmit {
  const feedback = readFeedback(response);
  return feedback ? { type: 'feedback', feedback } : { type: 'next' };
}

/**
 * While feedback is shown, Enter moves on; held-down Enter (the one that submitted) does not,
 * nor Enter typed into a field or with a modifier.
 */
export function feedbackKeyAction(event: KeyEventLike & { repeat?: boolean }): 'continue' | null {
  if (event.key !== 'Enter' || event.repeat) return null;
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  if (isTypingTarget(event.targetTag, event.editable)) return null;
  return 'continue';
}

export function feedbackTitle(feedback: GoldFeedback): string {
  return feedback.correct ? 'Correct' : 'Not correct';
}
