// The reviewer's answer editor: a draft per kind, edits to it, and the corrected answer in the
// customer's terms. No React, no DOM.

import type { ReviewItem } from './review';
import { DEFAULT_STRENGTH, type Choice, type Strength } from './workbench';

export type Draft =
  | { kind: 'pairwise'; choice: Choice | null; strength: Strength }
  | { kind: 'classification'; labels: string[] }
  /** Scores as typed, checked when the correction is built. */
  | { kind: 'rating'; scores: Record<string, string> }
  | { kind: 'ranking'; order: string[] }
  | { kind: 'sft'; response: string }
  /** Any other kind: the answer as JSON text. */
  | { kind: 'json'; text: string };

export interface EditorContext {
  kind: string;
  labels: string[];
  /** null: unknown, several labels allowed. */
  multiLabel: boolean | null;
  criteria: string[];
  scale: { min: number; max: number };
  responseIds: string[];
}

type Obj = Record<string, unknown>;

function obj(value: unknown): Obj | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : null;
}

function labelsOf(answer: unknown): string[] {
  const labels = obj(answer)?.labels;
  return Array.isArray(labels) ? labels.filter((l): l is string => typeof l === 'string') : [];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * What the editor offers: the project's labels (or, when the payload has none, every label the
 * annotators used), its rating criteria (else the criteria the judgement scored, else
 * "overall"), its scale (default 1..5), and the ranking's response ids.
 */
export function editorContext(item: ReviewItem, responseIds: string[]): EditorContext {
  const { project } = item;
  const answers = [item.judgement.answer, item.consensus, ...item.others.map((o) => o.answer)];
  const scored = Object.keys(obj(obj(item.judgement.answer)?.scores) ?? {});
  return {
    kind: project.kind,
    labels: project.labels?.length ? project.labels : unique(answers.flatMap(labelsOf)),
    multiLabel: project.multiLabel,
    criteria: project.criteria?.length ? project.criteria : scored.length ? scored : ['overall'],
    scale: project.scale ?? { min: 1, max: 5 },
    responseIds,
  };
}

function isPermutation(order: unknown, ids: string[]): order is string[] {
  return (
    Array.isArray(order) &&
    order.length === ids.length &&
    new Set(order).size === ids.length &&
    order.every((id) => typeof id === 'string' && ids.includes(id))
  );
}

/**
 * The editor's starting point: the judgement under review, so that the reviewer changes only
 * what is wrong. Pairwise starts without a choice, since the choice is the whole answer.
 */
export function initialDraft(ctx: EditorContext, answer: unknown): Draft {
  const a = obj(answer) ?? {};
  switch (ctx.kind) {
    case 'pairwise': {
      const s = a.strength;
      return { kind: 'pairwise', choice: null, strength: s === 1 || s === 2 || s === 3 ? s : DEFAULT_STRENGTH };
    }
    case 'classification':
      return { kind: 'classification', labels: labelsOf(answer).filter((l) => ctx.labels.includes(l)) };
    case 'rating': {
      const scores = obj(a.scores) ?? {};
      return {
        kind: 'rating',
        scores: Object.fromEntries(
          ctx.criteria.map((c) => [c, typeof scores[c] === 'number' ? String(scores[c]) : '']),
        ),
      };
    }
    case 'ranking':
      return { kind: 'ranking', order: isPermutation(a.order, ctx.responseIds) ? [...a.order] : [...ctx.responseIds] };
    case 'sft':
      return { kind: 'sft', response: typeof a.response === 'string' ? a.response : '' };
    default:
      return { kind: 'json', text: answer === null || answer === undefined ? '{}' : JSON.stringify(answer, null, 2) };
  }
}

/** Label toggled; with one label per task, choosing a label replaces the other. */
export function toggleLabel(labels: string[], label: string, multiLabel: boolean | null): string[] {
  if (labels.includes(label)) return labels.filter((l) => l !== label);
  return multiLabel === false ? [label] : [...labels, label];
}

/** The order with the item at `index` moved by `delta` places (clamped to the ends). */
export function moveInOrder(order: string[], index: number, delta: number): string[] {
  if (index < 0 || index >= order.length) return order;
  const target = Math.max(0, Math.min(order.length - 1, index + delta));
  if (target === index) return order;
  const next = [...order];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item);
  return next;
}

/** The corrected answer in the customer's terms, or what is wrong with the draft. */
export function correctionAnswer(draft: Draft, ctx: EditorContext): { answer: unknown } | { error: string } {
  switch (draft.kind) {
    case 'pairwise':
      if (!draft.choice) return { error: 'Choose A, B or tie for the corrected answer.' };
      return { answer: draft.choice === 'tie' ? { choice: 'tie' } : { choice: draft.choice, strength: draft.strength } };
    case 'classification':
      if (draft.labels.length === 0) return { error: 'Choose at least one label.' };
      if (ctx.multiLabel === false && draft.labels.length > 1) return { error: 'Choose exactly one label.' };
      return { answer: { labels: draft.labels } };
    case 'rating': {
      const scores: Record<string, number> = {};
      for (const criterion of ctx.criteria) {
        const text = (draft.scores[criterion] ?? '').trim();
        const score = Number(text);
        if (!text || !Number.isInteger(score) || score < ctx.scale.min || score > ctx.scale.max) {
          return { error: `${criterion}: enter a whole number from ${ctx.scale.min} to ${ctx.scale.max}.` };
        }
        scores[criterion] = score;
      }
      return { answer: { scores } };
    }
    case 'ranking':
      if (!isPermutation(draft.order, ctx.responseIds) || draft.order.length < 2) {
        return { error: 'The ranking must list every response once.' };
      }
      return { answer: { order: draft.order } };
    case 'sft':
      if (!draft.response.trim()) return { error: 'Write the corrected response.' };
      return { answer: { response: draft.response } };
    case 'json':
      try {
        const answer: unknown = JSON.parse(draft.text);
        if (!obj(answer)) return { error: 'The answer must be a JSON object.' };
        return { answer };
      } catch {
        return { error: 'The answer is not valid JSON.' };
      }
  }
}
