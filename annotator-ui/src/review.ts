// The reviewer's page: the review item the server sends, why it was picked, and the verdict
// request. Answers here are in the customer's terms (A is the customer's A). No React, no DOM.

export const REVIEW_NEXT_API = '/api/v1/review/next';

export function verdictPath(reviewId: string): string {
  return `/api/v1/reviews/${encodeURIComponent(reviewId)}`;
}

export type ReviewReason = 'sample' | 'low-trust' | 'contested' | 'appeal';
export type Verdict = 'accept' | 'reject' | 'correct';

export interface ReviewProject {
  id: string;
  name: string;
  kind: string;
  instructions: string;
  labels: string[] | null;
  scale: { min: number; max: number } | null;
  criteria: string[] | null;
  /** Not in the review payload today; null means "unknown", so several labels are allowed. */
  multiLabel: boolean | null;
}

export interface ReviewItem {
  reviewId: string;
  reason: ReviewReason | string;
  project: ReviewProject;
  task: { id: string; externalId: string; data: unknown };
  judgement: { assignmentId: string; answer: unknown; durationMs: number | null };
  others: Array<{ answer: unknown }>;
  consensus: unknown | null;
  agreement: number | null;
  outcome: 'resolved' | 'contested' | string | null;
  appeal: { comment: string; previousReason: string } | null;
}

type Obj = Record<string, unknown>;

function obj(value: unknown): Obj | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : null;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

function numOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function stringsOrNull(value: unknown): string[] | null {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null;
}

/** A review item with every field present, or null when the body is not a review item. */
export function readReviewItem(value: unknown): ReviewItem | null {
  const v = obj(value);
  if (!v || !str(v.reviewId)) return null;
  const project = obj(v.project) ?? {};
  const task = obj(v.task) ?? {};
  const judgement = obj(v.judgement) ?? {};
  const scale = obj(project.scale);
  const min = numOrNull(scale?.min);
  const max = numOrNull(scale?.max);
  const appeal = obj(v.appeal);
  return {
    reviewId: str(v.reviewId),
    reason: str(v.reason),
    project: {
      id: str(project.id),
      name: str(project.name),
      kind: str(project.kind),
      instructions: str(project.instructions),
      labels: stringsOrNull(project.labels),
      scale: min !== null && max !== null && min <= max ? { min, max } : null,
      criteria: stringsOrNull(project.criteria),
      multiLabel: typeof project.multiLabel === 'boolean' ? project.multiLabel : null,
    },
    task: { id: str(task.id), externalId: str(task.externalId), data: task.data ?? null },
    judgement: {
      assignmentId: str(judgement.assignmentId),
      answer: judgement.answer ?? null,
      durationMs: numOrNull(judgement.durationMs),
    },
    others: Array.isArray(v.others) ? v.others.map((o) => ({ answer: obj(o)?.answer ?? null })) : [],
    consensus: v.consensus ?? null,
    agreement: numOrNull(v.agreement),
    outcome: typeof v.outcome === 'string' ? v.outcome : null,
    appeal: appeal ? { comment: str(appeal.comment), previousReason: str(appeal.previousReason) } : null,
  };
}

const REASONS: Record<string, string> = {
  sample: 'Random sample: a share of all work is checked by reviewers.',
  'low-trust': "Low trust: this annotator's work is checked more often.",
  contested: 'Contested: the annotators did not agree on this task.',
  appeal: 'Appeal: the annotator appealed an earlier rejection of this judgement.',
};

/** Why the item is in the review queue, in words. */
export function reasonText(reason: string): string {
  return REASONS[reason] ?? (reason ? `Picked for review: ${reason}` : 'Picked for review.');
}

/** "850 ms", "12 s", "2 min 5 s", or "—" when unknown. */
export function formatDuration(ms: number | null): string {
  if (ms === null || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}

/** A 0..1 share as "67%", or "—". */
export function formatShare(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`;
}

export interface VerdictBody {
  verdict: Verdict;
  reason?: string;
  correction?: unknown;
}

/**
 * The body of a verdict, or what is missing: a reject needs a reason, a correction needs the
 * corrected answer (`correction` is the editor's result). A reason is optional otherwise.
 */
export function verdictRequest(
  verdict: Verdict,
  reason: string,
  correction?: { answer: unknown } | { error: string },
): { body: VerdictBody } | { error: string } {
  const trimmed = reason.trim();
  if (verdict === 'reject' && !trimmed) return { error: 'Give a reason for the rejection: the annotator sees it.' };
  const body: VerdictBody = { verdict };
  if (trimmed) body.reason = trimmed;
  if (verdict === 'correct') {
    if (!correction) return { error: 'Enter the corrected answer.' };
    if ('error' in correction) return { error: correction.error };
    body.correction = correction.answer;
  }
  return { body };
}

/** A 404 or 409 on a verdict: the item is gone or already decided; move on to the next one. */
export function isReviewGone(status: number): boolean {
  return status === 404 || status === 409;
}
