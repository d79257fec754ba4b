// The create-project form's state and the request body built from it: empty optional fields are
// left out (the server fills its defaults), comma lists are split, obvious mistakes are caught
// before the request. The server still validates everything and names the field it rejects.

import type { DifficultyRule, Kind, Skill } from './projects';
import { buildQualityRequest, emptyQualityForm, type QualityFormState, type QualityRequest } from './qualitySettings';

export interface SkillRow {
  name: string;
  minLevel: string;
}

export interface RuleRow {
  minDifficulty: string;
  minTier: string;
}

/** Everything as the inputs hold it: strings for numbers, so an empty field stays empty. */
export interface ProjectFormState {
  name: string;
  kind: Kind;
  instructions: string;
  overlapMin: string;
  overlapMax: string;
  agreementTarget: string;
  goldRatio: string;
  languages: string;
  skills: SkillRow[];
  minTier: string;
  rules: RuleRow[];
  payAmount: string;
  payCurrency: string;
  priority: string;
  /** The value of a datetime-local input ("2030-01-31T17:00"), in the viewer's time zone. */
  deadline: string;
  leaseSeconds: string;
  draft: boolean;
  labels: string;
  multiLabel: boolean;
  scaleMin: string;
  scaleMax: string;
  ratingCriteria: string;
  pairwiseCriteria: string;
  /** Review, trust and gold scoring; only the fields set are sent. */
  quality: QualityFormState;
}

export function initialFormState(): ProjectFormState {
  return {
    name: '',
    kind: 'pairwise',
    instructions: '',
    overlapMin: '',
    overlapMax: '',
    agreementTarget: '',
    goldRatio: '',
    languages: '',
    skills: [],
    minTier: '',
    rules: [],
    payAmount: '',
    payCurrency: '',
    priority: '',
    deadline: '',
    leaseSeconds: '600',
    draft: false,
    labels: '',
    multiLabel: false,
    scaleMin: '1',
    scaleMax: '5',
    ratingCriteria: 'overall',
    pairwiseCriteria: '',
    quality: emptyQualityForm(),
  };
}

export interface ProjectRequestBody {
  name: string;
  kind: Kind;
  instructions?: string;
  overlap?: { min?: number; max?: number; agreementTarget?: number };
  goldRatio?: number;
  requirements?: { languages?: string[]; skills?: Skill[]; minTier?: number };
  difficultyRules?: DifficultyRule[];
  pay?: { amount?: number; currency?: string };
  priority?: number;
  deadline?: string;
  leaseSeconds?: number;
  labels?: string[];
  multiLabel?: boolean;
  scale?: { min: number; max: number };
  criteria?: string[];
  quality?: QualityRequest;
  status?: 'draft';
}

export type BuildResult = { ok: true; body: ProjectRequestBody } | { ok: false; errors: string[] };

/** "a, b,,c " → ["a", "b", "c"]; also splits on new lines. */
export function parseList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Loose BCP 47: a 2–3 letter language (or 4–8 registered), then subtags of 1–8 letters/digits. */
export const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

/** A datetime-local value read in the viewer's time zone, as ISO 8601 UTC; null if unreadable. */
export function localToIso(local: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(local.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (Number.isNaN(date.getTime()) || date.getMonth() !== Number(mo) - 1) return null;
  return date.toISOString();
}

/**
 * The POST /api/v1/projects body for the form, or the list of problems to fix first
 * (each "field: message", like the server's problem detail).
 */
export function buildProjectRequest(state: ProjectFormState): BuildResult {
  const errors: string[] = [];
  const fail = (field: string, message: string) => errors.push(`${field}: ${message}`);

  /** An optional number field: undefined when empty, NaN (and an error) when not a valid number. */
  function number(
    field: string,
    text: string,
    opts: { integer?: boolean; min?: number; max?: number; below?: number } = {},
  ): number | undefined {
    const trimmed = text.trim();
    if (trimmed === '') return undefined;
    const value = Number(trimmed);
    if (!Number.isFinite(value)) {
      fail(field, 'must be a number');
      return undefined;
    }
    if (opts.integer && !Number.isInteger(value)) fail(field, 'must be a whole number');
    else if (opts.min !== undefined && opts.max !== undefined && (value < opts.min || value > opts.max)) {
      fail(field, `must be between ${opts.min} and ${opts.max}`);
    } else if (opts.min !== undefined && opts.below !== undefined && (value < opts.min || value >= opts.below)) {
      fail(field, `must be at least ${opts.min} and below ${opts.below}`);
    } else if (opts.min !== undefined && value < opts.min) fail(field, `must be at least ${opts.min}`);
    return value;
  }

  const name = state.name.trim();
  if (!name) fail('name', 'must not be blank');
  const body: ProjectRequestBody = { name, kind: state.kind };

  if (state.instructions.trim()) body.instructions = state.instructions;

  const overlapMin = number('overlap.min', state.overlapMin, { integer: true, min: 1 });
  const overlapMax = number('overlap.max', state.overlapMax, { integer: true, min: 1 });
  const agreementTarget = number('overlap.agreementTarget', state.agreementTarget, { min: 0, max: 1 });
  if (overlapMin !== undefined && overlapMax !== undefined && overlapMax < overlapMin) {
    fail('overlap.max', 'must be at least overlap.min');
  }
  const overlap = omitUndefined({ min: overlapMin, max: overlapMax, agreementTarget });
  if (Object.keys(overlap).length > 0) body.overlap = overlap;

  const goldRatio = number('goldRatio', state.goldRatio, { min: 0, below: 1 });
  if (goldRatio !== undefined) body.goldRatio = goldRatio;

  const languages = unique(parseList(state.languages));
  for (const tag of languages) {
    if (!LANGUAGE_TAG.test(tag)) fail('requirements.languages', `'${tag}' is not a BCP 47 language tag`);
  }
  const skills: Skill[] = [];
  const skillNames = new Set<string>();
  state.skills.forEach((row) => {
    const skillName = row.name.trim();
    if (!skillName) return; // an untouched row
    const level = number(`requirements.skills.${skillName}`, row.minLevel || '1', { integer: true, min: 1, max: 5 });
    if (skillNames.has(skillName)) fail('requirements.skills', `'${skillName}' is listed twice`);
    skillNames.add(skillName);
    skills.push({ name: skillName, minLevel: level ?? 1 });
  });
  const minTier = number('requirements.minTier', state.minTier, { integer: true, min: 1, max: 5 });
  const requirements = omitUndefined({
    languages: languages.length ? languages : undefined,
    skills: skills.length ? skills : undefined,
    minTier,
  });
  if (Object.keys(requirements).length > 0) body.requirements = requirements;

  const rules: DifficultyRule[] = [];
  state.rules.forEach((row, i) => {
    const minDifficulty = number(`difficultyRules[${i + 1}].minDifficulty`, row.minDifficulty, {
      integer: true,
      min: 1,
      max: 5,
    });
    const ruleTier = number(`difficultyRules[${i + 1}].minTier`, row.minTier, { integer: true, min: 1, max: 5 });
    if (minDifficulty === undefined || ruleTier === undefined) {
      fail(`difficultyRules[${i + 1}]`, 'needs a minimum difficulty and a minimum tier');
      return;
    }
    rules.push({ minDifficulty, minTier: ruleTier });
  });
  if (rules.length) body.difficultyRules = rules;

  const amount = number('pay.amount', state.payAmount, { min: 0 });
  const currency = state.payCurrency.trim().toUpperCase();
  if (currency && !/^[A-Z]{3}$/.test(currency)) fail('pay.currency', `'${currency}' is not an ISO 4217 code`);
  const pay = omitUndefined({ amount, currency: currency || undefined });
  if (Object.keys(pay).length > 0) body.pay = pay;

  const priority = number('priority', state.priority, { integer: true, min: 1 });
  if (priority !== undefined) body.priority = priority;

  if (state.deadline.trim()) {
    const iso = localToIso(state.deadline);
    if (iso === null) fail('deadline', 'is not a date and time');
    else body.deadline = iso;
  }

  const lease = number('leaseSeconds', state.leaseSeconds, { integer: true, min: 30, max: 86400 });
  if (lease !== undefined) body.leaseSeconds = lease;

  if (state.kind === 'classification') {
    const labels = parseList(state.labels);
    if (labels.length === 0) fail('labels', 'a classification project needs at least one label');
    const seen = new Set<string>();
    for (const label of labels) {
      if (seen.has(label)) fail('labels', `'${label}' is listed twice`);
      seen.add(label);
    }
    if (labels.length) body.labels = labels;
    body.multiLabel = state.multiLabel;
  }

  if (state.kind === 'rating') {
    const min = number('scale.min', state.scaleMin, { integer: true });
    const max = number('scale.max', state.scaleMax, { integer: true });
    if (min === undefined || max === undefined) fail('scale', 'needs a minimum and a maximum');
    else if (Number.isInteger(min) && Number.isInteger(max)) {
      if (max <= min) fail('scale.max', 'must be greater than scale.min');
      else body.scale = { min, max };
    }
    const criteria = unique(parseList(state.ratingCriteria));
    if (criteria.length) body.criteria = criteria;
  }

  if (state.kind === 'pairwise') {
    const criteria = unique(parseList(state.pairwiseCriteria));
    if (criteria.length) body.criteria = criteria;
  }

  const quality = buildQualityRequest(state.quality, state.kind);
  errors.push(...quality.errors);
  if (quality.quality) body.quality = quality.quality;

  if (state.draft) body.status = 'draft';

  return errors.length ? { ok: false, errors } : { ok: true, body };
}

function unique(values: string[]): string[] {
  return Array.from(new Set(values));
}

function omitUndefined<T extends Record<string, unknown>>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}
