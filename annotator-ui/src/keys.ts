// Keyboard shortcuts of the workbench: 1 = A, 2 = tie, 3 = B, Enter = submit.

import type { Choice } from './workbench';

export type KeyAction = { type: 'choose'; choice: Choice } | { type: 'submit' };

export interface KeyEventLike {
  key: string;
  /** Tag name of the event target (e.g. "INPUT"), any case. */
  targetTag?: string | null;
  /** True when the target is contenteditable. */
  editable?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

export function isTypingTarget(tag: string | null | undefined, editable = false): boolean {
  return editable || (!!tag && TYPING_TAGS.has(tag.toUpperCase()));
}

const CHOICE_KEYS: Record<string, Choice> = { '1': 'A', '2': 'tie', '3': 'B' };

/** The action for a key press, or null when the page should leave the key alone. */
export function keyAction(event: KeyEventLike): KeyAction | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  if (isTypingTarget(event.targetTag, event.editable)) return null;
  const choice = CHOICE_KEYS[event.key];
  if (choice) return { type: 'choose', choice };
  if (event.key === 'Enter') return { type: 'submit' };
  return null;
}

export const KEY_HINTS: ReadonlyArray<{ key: string; label: string }> = [
  { key: '1', label: 'A is better' },
  { key: '2', label: 'Tie' },
  { key: '3', label: 'B is better' },
  { key: 'Enter', label: 'Submit' },
];
