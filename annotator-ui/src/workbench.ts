// Pure logic of the annotator's workbench: the shapes the server sends, reading pairwise task
// data, building the submit body and the idempotency key. No React, no DOM.

import { toBlocks, type Block } from './content';

export type Choice = 'A' | 'tie' | 'B';
export type Strength = 1 | 2 | 3;

export interface Task {
  id: string;
  projectId: string;
  kind: string;
  instructions?: string | null;
  data: unknown;
}

/** The body of a 200 from POST /api/v1/annotator/next-task (a 204 means no task is left). */
export interface Assignment {
  assignmentId: string;
  leaseExpiresAt: string;
  task: Task;
  /** Prefetched following task; the next next-task call returns it, so the page just calls again. */
  next?: unknown;
}

export interface SubmitResponse {
  status: 'submitted' | 'resolved';
  feedback?: unknown;
}

export const DEFAULT_STRENGTH: Strength = 2;

export const STRENGTHS: ReadonlyArray<{ value: Strength; label: string }> = [
  { value: 1, label: 'slightly better' },
  { value: 2, label: 'clearly better' },
  { value: 3, label: 'much better' },
];

export interface PairwiseView {
  prompt: Block[];
  responseA: Block[];
  responseB: Block[];
}

function isContent(value: unknown): boolean {
  return typeof value === 'string' || Array.isArray(value);
}

/**
 * The normalised content of a pairwise task, or null when the data does not have the pairwise
 * shape (both responses must be a string or a list of messages; a missing prompt shows as empty).
 */
export function pairwiseView(data: unknown): PairwiseView | null {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const { prompt, responseA, responseB } = data as Record<string, unknown>;
  if (!isContent(responseA) || !isContent(responseB)) return null;
  if (prompt !== undefined && prompt !== null && !isContent(prompt)) return null;
  return { prompt: toBlocks(prompt), responseA: toBlocks(responseA), responseB: toBlocks(responseB) };
}

export function submitBody(choice: Choice, strength: Strength, durationMs: number) {
  return {
    answer: { choice, strength },
    durationMs: Math.max(0, Math.round(durationMs)),
  };
}

/**
 * What a failed next-task call means: 401 the token expired (sign in again), 403 the annotator
 * may not take work now (suspended, or paused on every project: the detail says why), else an
 * error worth a retry. `status` is null when the server was not reached.
 */
export type NextTaskFailure = 'signed-out' | 'blocked' | 'failed';

export function nextTaskFailure(status: number | null): NextTaskFailure {
  if (status === 401) return 'signed-out';
  if (status === 403) return 'blocked';
  return 'failed';
}

/** A 404 or 409 on submit or skip means the lease is gone: show the message and move on. */
export function isLeaseLost(status: number): boolean {
  return status === 404 || status === 409;
}

interface CryptoLike {
  randomUUID?: () => string;
  getRandomValues?: (array: Uint8Array<ArrayBuffer>) => unknown;
}

/**
 * A random UUID (v4) for the Idempotency-Key header. crypto.randomUUID only exists in secure
 * contexts (https or localhost), so plain-http deployments fall back to getRandomValues.
 */
export function newIdempotencyKey(source: CryptoLike | undefined = globalThis.crypto): string {
  if (source?.randomUUID) return source.randomUUID();
  const bytes = new Uint8Array(16);
  if (source?.getRandomValues) source.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
