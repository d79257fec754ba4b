// Keyboard shortcuts of the reviewer's page. A accept, R reject, C correct choose the verdict;
// Enter sends it. While correcting: pairwise 1 = A, 2 = tie, 3 = B (as in the workbench),
// classification 1..9 toggle the labels in the order listed. Esc cancels.

import { isTypingTarget, type KeyEventLike } from './keys';
import type { Verdict } from './review';
import type { Choice } from './workbench';

/** The verdict being prepared, or null before one is chosen. */
export type ReviewMode = Verdict | null;

export type ReviewKeyAction =
  | { type: 'mode'; mode: Verdict }
  | { type: 'submit' }
  | { type: 'cancel' }
  | { type: 'choose'; choice: Choice }
  | { type: 'toggle-label'; index: number };

export interface ReviewKeyState {
  mode: ReviewMode;
  kind: string;
}

const MODE_KEYS: Record<string, Verdict> = { a: 'accept', r: 'reject', c: 'correct' };
const CHOICE_KEYS: Record<string, Choice> = { '1': 'A', '2': 'tie', '3': 'B' };

/**
 * The action for a key press, or null to leave the key alone. Letters and digits never act while
 * the reviewer types in a field; there Enter belongs to the field's form, except Ctrl+Enter,
 * which sends from a multi-line field, and Esc, which cancels.
 */
export function reviewKeyAction(event: KeyEventLike, state: ReviewKeyState): ReviewKeyAction | null {
  const typing = isTypingTarget(event.targetTag, event.editable);
  if (event.key === 'Escape') return state.mode ? { type: 'cancel' } : null;
  if (event.altKey) return null;
  if (event.ctrlKey || event.metaKey) {
    return event.key === 'Enter' && state.mode ? { type: 'submit' } : null;
  }
  if (typing) return null;
  if (event.key === 'Enter') return state.mode ? { type: 'submit' } : null;
  const mode = MODE_KEYS[event.key.toLowerCase()];
  if (mode) return { type: 'mode', mode };
  if (state.mode === 'correct') {
    if (state.kind === 'pairwise') {
      const choice = CHOICE_KEYS[event.key];
      if (choice) return { type: 'choose', choice };
    }
    if (state.kind === 'classification' && /^[1-9]$/.test(event.key)) {
      return { type: 'toggle-label', index: Number(event.key) - 1 };
    }
  }
  return null;
}

export const REVIEW_KEY_HINTS: ReadonlyArray<{ key: string; label: string }> = [
  { key: 'A', label: 'Accept' },
  { key: 'R', label: 'Reject' },
  { key: 'C', label: 'Correct' },
  { key: 'Enter', label: 'Send' },
  { key: 'Esc', label: 'Cancel' },
];
