// A project's quality settings in the project form and on the quality tab: the form's state, the
// `quality` object of the create (POST) and change (PATCH) requests, and which field an error
// names. Only what the customer set is sent: the server fills its defaults on create and keeps
// the current value of anything left out on change. No React, no DOM.

export interface QualitySettingsView {
  pairwiseTies: string;
  classificationMatch: string;
  rankingMinTau: number;
  ratingTolerance: number;
  trustMinScored: number;
  trustThreshold: number;
  auditRate: number;
  escalationTier: number | null;
  qualification: string | null;
}

/** The server's defaults (quality-review README, "Project quality settings"). */
export const QUALITY_DEFAULTS: QualitySettingsView = {
  pairwiseTies: 'strict',
  classificationMatch: 'exact',
  rankingMinTau: 0.6,
  ratingTolerance: 1,
  trustMinScored: 10,
  trustThreshold: 0.7,
  auditRate: 0.05,
  escalationTier: null,
  qualification: null,
};

/** Everything as the inputs hold it; an empty string is "not set". */
export interface QualityFormState {
  auditRate: string;
  trustThreshold: string;
  trustMinScored: string;
  escalationTier: string;
  qualification: string;
  pairwiseTies: string;
  classificationMatch: string;
  rankingMinTau: string;
  ratingTolerance: string;
}

export type QualityField = keyof QualityFormState;

export interface QualityRequest {
  auditRate?: number;
  trustThreshold?: number;
  trustMinScored?: number;
  escalationTier?: number;
  /** An empty string removes the requirement (PATCH). */
  qualification?: string;
  pairwiseTies?: 'strict' | 'lenient';
  classificationMatch?: 'exact' | 'overlap';
  rankingMinTau?: number;
  ratingTolerance?: number;
}

export function emptyQualityForm(): QualityFormState {
  return {
    auditRate: '',
    trustThreshold: '',
    trustMinScored: '',
    escalationTier: '',
    qualification: '',
    pairwiseTies: '',
    classificationMatch: '',
    rankingMinTau: '',
    ratingTolerance: '',
  };
}

/** The form filled with a project's current settings, for changing them. */
export function qualityFormFrom(current: QualitySettingsView): QualityFormState {
  return {
    auditRate: String(current.auditRate),
    trustThreshold: String(current.trustThreshold),
    trustMinScored: String(current.trustMinScored),
    escalationTier: current.escalationTier === null ? '' : String(current.escalationTier),
    qualification: current.qualification ?? '',
    pairwiseTies: current.pairwiseTies,
    classificationMatch: current.classificationMatch,
    rankingMinTau: String(current.rankingMinTau),
    ratingTolerance: String(current.ratingTolerance),
  };
}

type Obj = Record<string, unknown>;

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** The `quality` of a project view, defaults for anything missing (older projects have none). */
export function readQualitySettings(value: unknown): QualitySettingsView {
  const q: Obj = value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {};
  const d = QUALITY_DEFAULTS;
  const tier = q.escalationTier;
  return {
    pairwiseTies: q.pairwiseTies === 'lenient' ? 'lenient' : d.pairwiseTies,
    classificationMatch: q.classificationMatch === 'overlap' ? 'overlap' : d.classificationMatch,
    rankingMinTau: num(q.rankingMinTau, d.rankingMinTau),
    ratingTolerance: num(q.ratingTolerance, d.ratingTolerance),
    trustMinScored: num(q.trustMinScored, d.trustMinScored),
    trustThreshold: num(q.trustThreshold, d.trustThreshold),
    auditRate: num(q.auditRate, d.auditRate),
    escalationTier: typeof tier === 'number' && Number.isInteger(tier) ? tier : null,
    qualification: typeof q.qualification === 'string' && q.qualification.trim() ? q.qualification : null,
  };
}

/** The one gold-scoring field that applies to a kind (SFT gold is scored by reviewers). */
export function kindQualityField(kind: string): QualityField | null {
  switch (kind) {
    case 'pairwise':
      return 'pairwiseTies';
    case 'classification':
      return 'classificationMatch';
    case 'ranking':
      return 'rankingMinTau';
    case 'rating':
      return 'ratingTolerance';
    default:
      return null;
  }
}

/** The fields the form shows for a project of `kind`, in order. */
export function qualityFields(kind: string): QualityField[] {
  const fields: QualityField[] = ['auditRate', 'trustThreshold', 'trustMinScored', 'escalationTier', 'qualification'];
  const own = kindQualityField(kind);
  return own ? [...fields, own] : fields;
}

/**
 * The `quality` object for a project of `kind` with only the fields set in the form (null when
 * none is), or the problems to fix first, each "quality.<field>: message" like the server's.
 * A kind-specific field of another kind is never sent.
 */
export function buildQualityRequest(
  form: QualityFormState,
  kind: string,
): { quality: QualityRequest | null; errors: string[] } {
  const errors: string[] = [];
  const fail = (field: QualityField, message: string) => errors.push(`quality.${field}: ${message}`);
  const own = kindQualityField(kind);

  function number(field: QualityField, opts: { integer?: boolean; min: number; max: number }): number | undefined {
    const text = form[field].trim();
    if (text === '') return undefined;
    const value = Number(text);
    if (!Number.isFinite(value)) fail(field, 'must be a number');
    else if (opts.integer && !Number.isInteger(value)) fail(field, 'must be a whole number');
    else if (value < opts.min || value > opts.max) fail(field, `must be between ${opts.min} and ${opts.max}`);
    else return value;
    return undefined;
  }

  function choice<T extends string>(field: QualityField, allowed: readonly T[]): T | undefined {
    const text = form[field].trim();
    if (text === '') return undefined;
    if ((allowed as readonly string[]).includes(text)) return text as T;
    fail(field, `is ${allowed.join(' or ')}`);
    return undefined;
  }

  const quality: QualityRequest = {};
  const set = <K extends keyof QualityRequest>(key: K, value: QualityRequest[K] | undefined) => {
    if (value !== undefined) quality[key] = value;
  };
  set('auditRate', number('auditRate', { min: 0, max: 1 }));
  set('trustThreshold', number('trustThreshold', { min: 0, max: 1 }));
  set('trustMinScored', number('trustMinScored', { integer: true, min: 1, max: 1000 }));
  set('escalationTier', number('escalationTier', { integer: true, min: 1, max: 5 }));
  const qualification = form.qualification.trim();
  if (qualification) quality.qualification = qualification;
  if (own === 'pairwiseTies') set('pairwiseTies', choice('pairwiseTies', ['strict', 'lenient'] as const));
  if (own === 'classificationMatch') {
    set('classificationMatch', choice('classificationMatch', ['exact', 'overlap'] as const));
  }
  if (own === 'rankingMinTau') set('rankingMinTau', number('rankingMinTau', { min: -1, max: 1 }));
  if (own === 'ratingTolerance') set('ratingTolerance', number('ratingTolerance', { integer: true, min: 0, max: 100 }));

  if (errors.length) return { quality: null, errors };
  return { quality: Object.keys(quality).length ? quality : null, errors };
}

/**
 * The PATCH `quality` for a project whose settings are `current`: only what differs from them
 * (null when nothing does). A cleared qualification is sent as "" (the server removes it); an
 * escalation tier cannot be removed through the API once set, so clearing it is an error.
 */
export function qualityChanges(
  form: QualityFormState,
  kind: string,
  current: QualitySettingsView,
): { quality: QualityRequest | null; errors: string[] } {
  const built = buildQualityRequest(form, kind);
  const errors = [...built.errors];
  if (form.escalationTier.trim() === '' && current.escalationTier !== null) {
    errors.push('quality.escalationTier: once set it cannot be removed; choose a tier from 1 to 5');
  }
  if (errors.length) return { quality: null, errors };
  const wanted = built.quality ?? {};
  const changes: QualityRequest = {};
  for (const [key, value] of Object.entries(wanted) as Array<[keyof QualityRequest, unknown]>) {
    if (value !== current[key]) Object.assign(changes, { [key]: value });
  }
  if (!wanted.qualification && current.qualification !== null) changes.qualification = '';
  return { quality: Object.keys(changes).length ? changes : null, errors };
}

/** The quality field an error message names ("quality.auditRate: must be …"), or null. */
export function qualityFieldOf(message: string): QualityField | null {
  const match = /^quality\.([A-Za-z]+)\s*:/.exec(message.trim());
  if (!match) return null;
  const field = match[1] as QualityField;
  return field in emptyQualityForm() ? field : null;
}

/** The message for each quality field that the errors name (the first one wins). */
export function qualityFieldErrors(errors: readonly string[]): Partial<Record<QualityField, string>> {
  const out: Partial<Record<QualityField, string>> = {};
  for (const error of errors) {
    const field = qualityFieldOf(error);
    if (field && !out[field]) out[field] = error.slice(error.indexOf(':') + 1).trim();
  }
  return out;
}

/** The errors without those naming `field`: an edited field's old error goes. */
export function withoutFieldErrors(errors: readonly string[], field: QualityField): string[] {
  return errors.filter((e) => qualityFieldOf(e) !== field);
}

/** How many quality fields are set in the form, for the collapsed fieldset's summary. */
export function qualityFieldsSet(form: QualityFormState, kind: string): number {
  return qualityFields(kind).filter((f) => form[f].trim() !== '').length;
}

function percent(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}

/** The settings in words, one row per setting that applies to the kind. */
export function describeQualitySettings(q: QualitySettingsView, kind: string): Array<[string, string]> {
  const rows: Array<[string, string]> = [
    ['Audit rate', `${percent(q.auditRate)} of decided work is reviewed`],
    ['Trust threshold', `${q.trustThreshold} (paused below it)`],
    ['Trust applies after', `${q.trustMinScored} checked answers`],
    ['Escalation tier', q.escalationTier === null ? 'none' : `tier ${q.escalationTier} or above`],
    ['Qualification test', q.qualification ?? 'none'],
  ];
  const own = kindQualityField(kind);
  if (own === 'pairwiseTies') {
    rows.push(['Gold ties', q.pairwiseTies === 'lenient' ? 'lenient: a tie is never wrong' : 'strict: exact choice']);
  }
  if (own === 'classificationMatch') {
    rows.push([
      'Gold labels',
      q.classificationMatch === 'overlap' ? 'overlap: one label in common' : 'exact: the same label set',
    ]);
  }
  if (own === 'rankingMinTau') rows.push(["Gold ranking: Kendall's τ at least", String(q.rankingMinTau)]);
  if (own === 'ratingTolerance') rows.push(['Gold rating tolerance', `±${q.ratingTolerance} per criterion`]);
  return rows;
}
