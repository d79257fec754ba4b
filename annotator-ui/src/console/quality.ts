// The project's quality dashboard: reading GET /api/v1/projects/{id}/quality defensively and
// formatting its numbers (null is "—"), the summary tiles and the trust chart rows. No React.

import { projectApi, projectPath } from './projects';

export type Signal = 'position-bias' | 'too-fast' | 'straight-lining' | 'low-agreement';

export interface Flag {
  signal: Signal | string;
  detail: string;
  evidence: Record<string, unknown>;
}

export interface Trust {
  mean: number;
  lower: number;
  upper: number;
  scored: number;
}

export interface AnnotatorQuality {
  annotatorId: string;
  name: string;
  judgements: number;
  goldScored: number;
  goldCorrect: number;
  goldAccuracy: number | null;
  trust: Trust | null;
  status: 'active' | 'paused' | string;
  agreementWithConsensus: number | null;
  flags: Flag[];
}

export interface Quality {
  projectId: string;
  kind: string;
  agreement: {
    krippendorffAlpha: number | null;
    level: 'nominal' | 'ordinal' | 'interval' | string;
    fleissKappa: number | null;
    percentAgreement: number | null;
    judgedTasks: number;
  };
  gold: { scored: number; correct: number; accuracy: number | null };
  tasks: { resolved: number; contested: number; accepted: number; rejected: number; judgementsPerResolvedTask: number | null };
  cost: { currency: string; spent: string | null; perAcceptedLabel: string | null };
  annotators: AnnotatorQuality[];
  contested: Array<{ taskId: string; externalId: string; agreement: number | null; judgements: number }>;
  batches: Array<{ batchId: string; name: string; agreement: number | null; resolved: number }>;
}

export function qualityApi(projectId: string): string {
  return `${projectApi(projectId)}/quality`;
}

export function qualityPath(projectId: string): string {
  return `${projectPath(projectId)}/quality`;
}

type Obj = Record<string, unknown>;

function obj(value: unknown): Obj {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {};
}

function objects(value: unknown): Obj[] {
  return Array.isArray(value) ? value.filter((v) => v && typeof v === 'object' && !Array.isArray(v)).map(obj) : [];
}

function numOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function count(value: unknown): number {
  const n = numOrNull(value);
  return n === null ? 0 : Math.max(0, n);
}

function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : fallback;
}

/** A decimal money amount as the server sends it ("12.50"), or null. */
function money(value: unknown): string | null {
  const text = str(value).trim();
  return text !== '' && Number.isFinite(Number(text)) ? text : null;
}

function readTrust(value: unknown): Trust | null {
  const t = obj(value);
  const mean = numOrNull(t.mean);
  if (mean === null) return null;
  const lower = numOrNull(t.lower) ?? mean;
  const upper = numOrNull(t.upper) ?? mean;
  return { mean, lower: Math.min(lower, mean), upper: Math.max(upper, mean), scored: count(t.scored) };
}

export function readQuality(value: unknown): Quality {
  const q = obj(value);
  const agreement = obj(q.agreement);
  const gold = obj(q.gold);
  const tasks = obj(q.tasks);
  const cost = obj(q.cost);
  return {
    projectId: str(q.projectId),
    kind: str(q.kind),
    agreement: {
      krippendorffAlpha: numOrNull(agreement.krippendorffAlpha),
      level: str(agreement.level, 'nominal'),
      fleissKappa: numOrNull(agreement.fleissKappa),
      percentAgreement: numOrNull(agreement.percentAgreement),
      judgedTasks: count(agreement.judgedTasks),
    },
    gold: { scored: count(gold.scored), correct: count(gold.correct), accuracy: numOrNull(gold.accuracy) },
    tasks: {
      resolved: count(tasks.resolved),
      contested: count(tasks.contested),
      accepted: count(tasks.accepted),
      rejected: count(tasks.rejected),
      judgementsPerResolvedTask: numOrNull(tasks.judgementsPerResolvedTask),
    },
    cost: { currency: str(cost.currency, 'USD'), spent: money(cost.spent), perAcceptedLabel: money(cost.perAcceptedLabel) },
    annotators: objects(q.annotators).map((a) => ({
      annotatorId: str(a.annotatorId),
      name: str(a.name),
      judgements: count(a.judgements),
      goldScored: count(a.goldScored),
      goldCorrect: count(a.goldCorrect),
      goldAccuracy: numOrNull(a.goldAccuracy),
      trust: readTrust(a.trust),
      status: str(a.status, 'active'),
      agreementWithConsensus: numOrNull(a.agreementWithConsensus),
      flags: objects(a.flags).map((f) => ({ signal: str(f.signal), detail: str(f.detail), evidence: obj(f.evidence) })),
    })),
    contested: objects(q.contested).map((c) => ({
      taskId: str(c.taskId),
      externalId: str(c.externalId),
      agreement: numOrNull(c.agreement),
      judgements: count(c.judgements),
    })),
    batches: objects(q.batches).map((b) => ({
      batchId: str(b.batchId),
      name: str(b.name),
      agreement: numOrNull(b.agreement),
      resolved: count(b.resolved),
    })),
  };
}

export const DASH = '—';

/** A statistic such as alpha or kappa with `digits` decimals, or "—". */
export function formatStat(value: number | null, digits = 2): string {
  return value === null ? DASH : value.toFixed(digits);
}

/** A 0..1 share as a percentage with one decimal at most ("83.3%", "100%"), or "—". */
export function formatRatio(value: number | null): string {
  if (value === null) return DASH;
  return `${Math.round(value * 1000) / 10}%`;
}

/** A decimal amount in its currency ("$0.42"), or "—". */
export function formatMoney(amount: string | null, currency: string): string {
  if (amount === null) return DASH;
  const n = Number(amount);
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: Math.max(2, amount.split('.')[1]?.length ?? 0),
    }).format(n);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** How far apart the annotators are, by the usual reading of alpha (Krippendorff's cut-offs). */
export function alphaReading(alpha: number | null): string {
  if (alpha === null) return 'not enough overlapping judgements yet';
  if (alpha >= 0.8) return 'reliable';
  if (alpha >= 0.667) return 'tentative';
  return 'low: annotators disagree often';
}

export interface Tile {
  id: string;
  label: string;
  value: string;
  hint: string;
}

export function summaryTiles(q: Quality): Tile[] {
  const { agreement, gold, tasks, cost } = q;
  return [
    {
      id: 'quality-alpha',
      label: "Krippendorff's α",
      value: formatStat(agreement.krippendorffAlpha),
      hint: `${agreement.level}, ${agreement.judgedTasks} tasks · ${alphaReading(agreement.krippendorffAlpha)}`,
    },
    {
      id: 'quality-kappa',
      label: "Fleiss' κ",
      value: formatStat(agreement.fleissKappa),
      hint: `raw agreement ${formatRatio(agreement.percentAgreement)}`,
    },
    {
      id: 'quality-gold',
      label: 'Gold accuracy',
      value: formatRatio(gold.accuracy),
      hint: gold.scored ? `${gold.correct} of ${gold.scored} gold answers correct` : 'no gold answers scored yet',
    },
    {
      id: 'quality-per-task',
      label: 'Judgements per resolved task',
      value: formatStat(tasks.judgementsPerResolvedTask, 1),
      hint: `${tasks.resolved} resolved, ${tasks.contested} contested`,
    },
    {
      id: 'quality-cost',
      label: 'Cost per accepted label',
      value: formatMoney(cost.perAcceptedLabel, cost.currency),
      hint: `${formatMoney(cost.spent, cost.currency)} spent · ${tasks.accepted} accepted, ${tasks.rejected} rejected`,
    },
  ];
}

export const SIGNAL_LABELS: Record<string, string> = {
  'position-bias': 'Position bias',
  'too-fast': 'Too fast',
  'straight-lining': 'Straight-lining',
  'low-agreement': 'Low agreement',
};

export function signalLabel(signal: string): string {
  return SIGNAL_LABELS[signal] ?? (signal || 'Flag');
}

/** "0.82 (0.70–0.90)", or "—" without a trust score. */
export function formatTrust(trust: Trust | null): string {
  if (!trust) return DASH;
  return `${trust.mean.toFixed(2)} (${trust.lower.toFixed(2)}–${trust.upper.toFixed(2)})`;
}

/**
 * The annotators to look at first: paused ones, then flagged ones, then by the lower end of
 * their trust interval (the least proven first); no trust score last. Stable otherwise.
 */
export function sortAnnotators(annotators: AnnotatorQuality[]): AnnotatorQuality[] {
  const rank = (a: AnnotatorQuality) => (a.status === 'paused' ? 0 : a.flags.length ? 1 : 2);
  return [...annotators].sort((x, y) => {
    const byRank = rank(x) - rank(y);
    if (byRank) return byRank;
    const lx = x.trust?.lower ?? Number.POSITIVE_INFINITY;
    const ly = y.trust?.lower ?? Number.POSITIVE_INFINITY;
    return lx === ly ? 0 : lx < ly ? -1 : 1;
  });
}

export interface TrustRow {
  annotatorId: string;
  name: string;
  trust: number;
  /** The trust interval [lower, upper], drawn as a floating bar. */
  range: [number, number];
  lower: number;
  upper: number;
  goldAccuracy: number | null;
  paused: boolean;
}

/**
 * Rows for the trust chart: annotators with a trust score, lowest mean first, at most `limit`
 * (the chart stays readable; the table lists everyone).
 */
export function trustChartRows(annotators: AnnotatorQuality[], limit = 30): { rows: TrustRow[]; hidden: number } {
  const scored = annotators
    .filter((a): a is AnnotatorQuality & { trust: Trust } => a.trust !== null)
    .sort((x, y) => x.trust.mean - y.trust.mean);
  const rows = scored.slice(0, Math.max(0, limit)).map((a) => ({
    annotatorId: a.annotatorId,
    name: a.name || a.annotatorId,
    trust: a.trust.mean,
    range: [a.trust.lower, a.trust.upper] as [number, number],
    lower: a.trust.lower,
    upper: a.trust.upper,
    goldAccuracy: a.goldAccuracy,
    paused: a.status === 'paused',
  }));
  return { rows, hidden: scored.length - rows.length };
}

/**
 * Where the mean lies inside the drawn interval, 0 (at lower) to 1 (at upper); the chart's scale
 * is linear, so this places the mean's mark in pixels. A zero-width interval puts it at 0.
 */
export function meanPosition(row: Pick<TrustRow, 'trust' | 'lower' | 'upper'>): number {
  const width = row.upper - row.lower;
  if (width <= 0) return 0;
  return Math.min(1, Math.max(0, (row.trust - row.lower) / width));
}

/** The chart's value axis: 0..1 unless a value lies outside it. */
export function trustDomain(rows: TrustRow[]): [number, number] {
  let min = 0;
  let max = 1;
  for (const r of rows) {
    min = Math.min(min, r.lower, r.goldAccuracy ?? 0);
    max = Math.max(max, r.upper, r.goldAccuracy ?? 0);
  }
  return [min, max];
}
