// Pure logic of the customer console: the project shapes the server sends, reading them
// defensively, and formatting progress, dates and settings for display. No React, no DOM.

import { roleAccess, type Access } from '../access';
import type { User } from '../api';
import { readQualitySettings, type QualitySettingsView } from './qualitySettings';

export const KINDS = ['pairwise', 'ranking', 'rating', 'classification', 'sft'] as const;
export type Kind = (typeof KINDS)[number];

export const KIND_LABELS: Record<Kind, string> = {
  pairwise: 'Pairwise preference',
  ranking: 'Ranking',
  rating: 'Rating',
  classification: 'Classification',
  sft: 'SFT (write a response)',
};

export type ProjectStatus = 'draft' | 'active' | 'paused' | 'completed';

export interface Progress {
  tasks: number;
  open: number;
  resolved: number;
  contested: number;
  unitsReady: number;
  unitsLeased: number;
  unitsSubmitted: number;
}

export interface Skill {
  name: string;
  minLevel: number;
}

export interface DifficultyRule {
  minDifficulty: number;
  minTier: number;
}

export interface ProjectView {
  id: string;
  orgId: string;
  name: string;
  kind: string;
  instructions: string;
  status: string;
  overlap: { min: number; max: number; agreementTarget: number };
  goldRatio: number;
  requirements: { languages: string[]; skills: Skill[]; minTier: number };
  difficultyRules: DifficultyRule[];
  priority: number;
  leaseSeconds: number;
  deadline: string | null;
  pay: { amount: number; currency: string };
  criteria: string[];
  labels: string[];
  multiLabel: boolean;
  scale: { min: number; max: number } | null;
  quality: QualitySettingsView;
  createdAt: string;
  progress: Progress;
}

export const EMPTY_PROGRESS: Progress = {
  tasks: 0,
  open: 0,
  resolved: 0,
  contested: 0,
  unitsReady: 0,
  unitsLeased: 0,
  unitsSubmitted: 0,
};

type Obj = Record<string, unknown>;

function obj(value: unknown): Obj {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {};
}

function num(value: unknown, fallback: number): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return fallback;
}

function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function readProgress(value: unknown): Progress {
  const p = obj(value);
  const out = { ...EMPTY_PROGRESS };
  for (const key of Object.keys(out) as Array<keyof Progress>) out[key] = Math.max(0, num(p[key], 0));
  return out;
}

/**
 * A project view with every field present: the server's defaults fill anything missing, so the
 * pages never crash on an older or partial response. Text stays text.
 */
export function readProject(value: unknown): ProjectView {
  const p = obj(value);
  const overlap = obj(p.overlap);
  const requirements = obj(p.requirements);
  const pay = obj(p.pay);
  const scale = p.scale && typeof p.scale === 'object' ? obj(p.scale) : null;
  const overlapMin = num(overlap.min, 1);
  return {
    id: str(p.id),
    orgId: str(p.orgId),
    name: str(p.name),
    kind: str(p.kind),
    instructions: str(p.instructions),
    status: str(p.status, 'active'),
    overlap: {
      min: overlapMin,
      max: num(overlap.max, overlapMin),
      agreementTarget: num(overlap.agreementTarget, 0),
    },
    goldRatio: num(p.goldRatio, 0),
    requirements: {
      languages: strings(requirements.languages),
      skills: (Array.isArray(requirements.skills) ? requirements.skills : []).map((s) => ({
        name: str(obj(s).name),
        minLevel: num(obj(s).minLevel, 1),
      })),
      minTier: num(requirements.minTier, 1),
    },
    difficultyRules: (Array.isArray(p.difficultyRules) ? p.difficultyRules : []).map((r) => ({
      minDifficulty: num(obj(r).minDifficulty, 1),
      minTier: num(obj(r).minTier, 1),
    })),
    priority: num(p.priority, 1),
    leaseSeconds: num(p.leaseSeconds, 600),
    deadline: typeof p.deadline === 'string' && p.deadline ? p.deadline : null,
    pay: { amount: num(pay.amount, 0), currency: str(pay.currency, 'USD') },
    criteria: strings(p.criteria),
    labels: strings(p.labels),
    multiLabel: p.multiLabel === true,
    scale: scale ? { min: num(scale.min, 1), max: num(scale.max, 5) } : null,
    quality: readQualitySettings(p.quality),
    createdAt: str(p.createdAt),
    progress: readProgress(p.progress),
  };
}

export function readProjects(value: unknown): ProjectView[] {
  return Array.isArray(value) ? value.map(readProject) : [];
}

/** Share of tasks resolved, 0..100, rounded down so 100 means every task is resolved. */
export function resolvedPercent(progress: Progress): number {
  if (progress.tasks <= 0) return 0;
  return Math.min(100, Math.floor((progress.resolved / progress.tasks) * 100));
}

/** "12 / 40 resolved (30%)", or "no tasks yet". */
export function progressLabel(progress: Progress): string {
  if (progress.tasks <= 0) return 'no tasks yet';
  return `${progress.resolved} / ${progress.tasks} resolved (${resolvedPercent(progress)}%)`;
}

/** A date and time in the viewer's locale, or an em dash for missing or unreadable values. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : date.toLocaleString();
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : date.toLocaleDateString();
}

export function formatPay(pay: { amount: number; currency: string }): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: pay.currency }).format(pay.amount);
  } catch {
    return `${pay.amount} ${pay.currency}`;
  }
}

export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}

/** "10 min", "1 h 30 min", "45 s". */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const parts: string[] = [];
  if (h) parts.push(`${h} h`);
  if (m) parts.push(`${m} min`);
  if (s) parts.push(`${s} s`);
  return parts.join(' ');
}

export type StatusAction = { id: string; label: string; status: ProjectStatus; confirm?: string };

/** The status changes offered for a project in `status`. */
export function statusActions(status: string): StatusAction[] {
  const actions: StatusAction[] = [];
  if (status === 'active') actions.push({ id: 'pause-project', label: 'Pause', status: 'paused' });
  if (status === 'paused') actions.push({ id: 'resume-project', label: 'Resume', status: 'active' });
  if (status === 'draft') actions.push({ id: 'resume-project', label: 'Activate', status: 'active' });
  if (status !== 'completed') {
    actions.push({
      id: 'complete-project',
      label: 'Mark completed',
      status: 'completed',
      confirm: 'Mark this project completed? Annotators will get no more of its tasks.',
    });
  }
  return actions;
}

export type ConsoleAccess = Access;

export function consoleAccess(user: User | null, loading: boolean): ConsoleAccess {
  return roleAccess(user, loading, 'CUSTOMER');
}

export function projectPath(id: string): string {
  return `/console/projects/${encodeURIComponent(id)}`;
}

export function projectApi(id: string): string {
  return `/api/v1/projects/${encodeURIComponent(id)}`;
}
