// The annotator's qualification tests: the list with where the annotator stands, the item to
// answer (its data in the order shown), the answer request, and the response with the feedback and,
// after the last item, the result. Read defensively; no React, no DOM.

import type { Draft, EditorContext } from './correction';
import { correctionAnswer } from './correction';
import { feedbackKeyAction, readFeedback, type GoldFeedback } from './goldFeedback';
import { isTypingTarget, type KeyEventLike } from './keys';
import type { Choice } from './workbench';

export const QUALIFICATIONS_API = '/api/v1/annotator/qualifications';

export function qualificationNextApi(id: string): string {
  return `${QUALIFICATIONS_API}/${encodeURIComponent(id)}/next`;
}

export function qualificationAnswerApi(id: string): string {
  return `${QUALIFICATIONS_API}/${encodeURIComponent(id)}/answer`;
}

/** The page that takes test `id`. */
export function qualificationPath(id: string): string {
  return `/qualifications/${encodeURIComponent(id)}`;
}

export type TestStatus = 'available' | 'in-progress' | 'passed' | 'cooldown';

export interface QualificationTest {
  id: string;
  name: string;
  kind: string;
  instructions: string;
  items: number;
  status: TestStatus | string;
  /** When a failed test may be taken again (status cooldown). */
  cooldownUntil: string | null;
}

type Obj = Record<string, unknown>;

function obj(value: unknown): Obj | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : null;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 0;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function isoOrNull(value: unknown): string | null {
  return typeof value === 'string' && !Number.isNaN(new Date(value).getTime()) ? value : null;
}

export function readTests(value: unknown): QualificationTest[] {
  if (!Array.isArray(value)) return [];
  return value
    .map(obj)
    .filter((t): t is Obj => t !== null && str(t.id) !== '')
    .map((t) => ({
      id: str(t.id),
      name: str(t.name),
      kind: str(t.kind),
      instructions: str(t.instructions),
      items: count(t.items),
      status: str(t.status) || 'available',
      cooldownUntil: isoOrNull(t.cooldownUntil),
    }));
}

/** "3 h 20 min", "12 min", "less than a minute" until `iso` from `now`. */
export function timeUntil(iso: string, now: Date): string {
  const ms = new Date(iso).getTime() - now.getTime();
  const minutes = Math.ceil(ms / 60000);
  if (!Number.isFinite(minutes) || minutes <= 1) return 'less than a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}

/** A cooldown whose time has passed no longer holds, even before the list is loaded again. */
function coolingDown(test: QualificationTest, now: Date): boolean {
  return test.status === 'cooldown' && (!test.cooldownUntil || new Date(test.cooldownUntil).getTime() > now.getTime());
}

/** The status as the list shows it: a label and the status to colour it by. */
export function testStatus(test: QualificationTest, now: Date): { status: string; label: string; detail: string } {
  if (test.status === 'passed') return { status: 'passed', label: 'Passed', detail: '' };
  if (test.status === 'in-progress') return { status: 'in-progress', label: 'In progress', detail: '' };
  if (coolingDown(test, now)) {
    return {
      status: 'cooldown',
      label: 'Cooldown',
      detail: test.cooldownUntil
        ? `You can take it again in ${timeUntil(test.cooldownUntil, now)} (${new Date(test.cooldownUntil).toLocaleString()}).`
        : 'You can take it again later.',
    };
  }
  return { status: 'available', label: 'Available', detail: '' };
}

/** What the list offers for a test: start, continue, retake, or nothing (passed, cooling down). */
export function testAction(test: QualificationTest, now: Date): string | null {
  if (test.status === 'passed' || coolingDown(test, now)) return null;
  if (test.status === 'in-progress') return 'Continue';
  return test.status === 'cooldown' ? 'Take again' : 'Start';
}

export interface AnswerSettings {
  criteria: string[];
  labels: string[];
  multiLabel: boolean;
  scale: { min: number; max: number } | null;
}

/** The body of POST …/{id}/next: one item of an attempt, `data` in the order shown. */
export interface ShownItem {
  qualificationId: string;
  attemptId: string;
  /** From 0. */
  position: number;
  total: number;
  kind: string;
  instructions: string;
  answerSettings: AnswerSettings;
  data: unknown;
}

export function readShownItem(value: unknown): ShownItem | null {
  const v = obj(value);
  if (!v || !str(v.attemptId) || !str(v.kind) || typeof v.position !== 'number') return null;
  const settings = obj(v.answerSettings) ?? {};
  const scale = obj(settings.scale);
  const min = typeof scale?.min === 'number' ? scale.min : null;
  const max = typeof scale?.max === 'number' ? scale.max : null;
  return {
    qualificationId: str(v.qualificationId),
    attemptId: str(v.attemptId),
    position: count(v.position),
    total: count(v.total),
    kind: str(v.kind),
    instructions: str(v.instructions),
    answerSettings: {
      criteria: strings(settings.criteria),
      labels: strings(settings.labels),
      // Left out when false: the server leaves out empty settings.
      multiLabel: settings.multiLabel === true,
      scale: min !== null && max !== null && min <= max ? { min, max } : null,
    },
    data: v.data ?? null,
  };
}

/** What the answer editor offers for an item: the test's labels, criteria and scale. */
export function answerContext(item: ShownItem, responseIds: string[]): EditorContext {
  const { criteria, labels, multiLabel, scale } = item.answerSettings;
  return {
    kind: item.kind,
    labels,
    multiLabel,
    // A rating test without criteria scores "overall", as a project does.
    criteria: item.kind === 'rating' && criteria.length === 0 ? ['overall'] : criteria,
    scale: scale ?? { min: 1, max: 5 },
    responseIds,
  };
}

/** The answer to send for the draft, in the order shown, or what is missing. */
export function draftAnswer(draft: Draft, ctx: EditorContext): { answer: unknown } | { error: string } {
  if (draft.kind === 'pairwise' && !draft.choice) return { error: 'Choose A, B or tie first (keys 1, 2, 3).' };
  if (draft.kind === 'classification' && draft.labels.length === 0) {
    return { error: 'Choose a label first (number keys or the buttons).' };
  }
  return correctionAnswer(draft, ctx);
}

export function answerBody(item: ShownItem, answer: unknown) {
  return { position: item.position, answer, attemptId: item.attemptId };
}

export interface TestResult {
  passed: boolean;
  /** 0..1: right answers ÷ items. */
  score: number;
  cooldownUntil: string | null;
}

/** The body of POST …/{id}/answer. */
export interface AnswerOutcome {
  feedback: GoldFeedback | null;
  answered: number;
  total: number;
  /** Only after the last item. */
  result: TestResult | null;
}

export function readAnswerOutcome(value: unknown): AnswerOutcome {
  const v = obj(value) ?? {};
  const result = obj(v.result);
  return {
    feedback: readFeedback(v),
    answered: count(v.answered),
    total: count(v.total),
    result:
      result && typeof result.passed === 'boolean'
        ? {
            passed: result.passed,
            score: typeof result.score === 'number' && Number.isFinite(result.score) ? result.score : 0,
            cooldownUntil: isoOrNull(result.cooldownUntil),
          }
        : null,
  };
}

/** "80% (4 of 5 right)". */
export function scoreText(score: number, total: number): string {
  const percent = `${Math.round(score * 1000) / 10}%`;
  return total > 0 ? `${percent} (${Math.round(score * total)} of ${total} right)` : percent;
}

/** What the result means for the annotator, in words. */
export function resultMessage(result: TestResult, now: Date): string {
  if (result.passed) return 'Projects that require this test now offer you their work.';
  if (!result.cooldownUntil) return 'You can take the test again.';
  return `You can take it again in ${timeUntil(result.cooldownUntil, now)}, from ${new Date(result.cooldownUntil).toLocaleString()}.`;
}

/** "Item 2 of 5". */
export function progressText(position: number, total: number): string {
  return `Item ${position + 1} of ${total}`;
}

export type QualificationKeyAction =
  | { type: 'choose'; choice: Choice }
  | { type: 'toggle-label'; index: number }
  | { type: 'submit' }
  | { type: 'continue' };

const CHOICE_KEYS: Record<string, Choice> = { '1': 'A', '2': 'tie', '3': 'B' };

/**
 * Keys while taking a test, as in the workbench: pairwise 1 = A, 2 = tie, 3 = B; classification
 * 1..9 toggle the labels in the order listed; Enter answers. While the feedback is shown, Enter
 * continues. Keys typed into a field (a rating's scores) are left to the field and its form,
 * except Ctrl+Enter, which answers.
 */
export function qualificationKeyAction(
  event: KeyEventLike & { repeat?: boolean },
  state: { phase: 'item' | 'feedback'; kind: string },
): QualificationKeyAction | null {
  if (state.phase === 'feedback') return feedbackKeyAction(event) ? { type: 'continue' } : null;
  if (event.altKey) return null;
  // Ctrl+Enter answers from a multi-line field (an answer typed as JSON for an unknown kind).
  if (event.ctrlKey || event.metaKey) return event.key === 'Enter' ? { type: 'submit' } : null;
  if (isTypingTarget(event.targetTag, event.editable)) return null;
  if (event.key === 'Enter') return { type: 'submit' };
  if (state.kind === 'pairwise') {
    const choice = CHOICE_KEYS[event.key];
    if (choice) return { type: 'choose', choice };
  }
  if (state.kind === 'classification' && /^[1-9]$/.test(event.key)) {
    return { type: 'toggle-label', index: Number(event.key) - 1 };
  }
  return null;
}

/** The key hints for a kind. */
export function qualificationKeyHints(kind: string): ReadonlyArray<{ key: string; label: string }> {
  switch (kind) {
    case 'pairwise':
      return [
        { key: '1', label: 'A is better' },
        { key: '2', label: 'Tie' },
        { key: '3', label: 'B is better' },
        { key: 'Enter', label: 'Answer' },
      ];
    case 'classification':
      return [
        { key: '1…9', label: 'toggle a label' },
        { key: 'Enter', label: 'Answer' },
      ];
    case 'rating':
      return [
        { key: 'Tab', label: 'next criterion' },
        { key: 'Enter', label: 'Answer' },
      ];
    default:
      return [{ key: 'Enter', label: 'Answer' }];
  }
}
