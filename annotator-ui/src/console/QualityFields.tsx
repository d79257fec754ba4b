import { qualityFields, type QualityField, type QualityFormState } from './qualitySettings';

interface FieldMeta {
  id: string;
  label: string;
  hint: string;
  placeholder?: string;
  min?: number;
  max?: number;
  step?: number;
  /** A select's options; the first one's value is '' (not set). */
  options?: ReadonlyArray<{ value: string; label: string }>;
  text?: boolean;
}

const TIERS = ['1', '2', '3', '4', '5'];

const META: Record<QualityField, FieldMeta> = {
  auditRate: {
    id: 'quality-audit-rate',
    label: 'Audit rate',
    hint: '0 to 1, share of work reviewers check',
    placeholder: '0.05',
    min: 0,
    max: 1,
    step: 0.01,
  },
  trustThreshold: {
    id: 'quality-trust-threshold',
    label: 'Trust threshold',
    hint: '0 to 1, annotators below it are paused',
    placeholder: '0.7',
    min: 0,
    max: 1,
    step: 0.05,
  },
  trustMinScored: {
    id: 'quality-trust-min-scored',
    label: 'Trust applies after',
    hint: 'checked answers, 1 to 1000',
    placeholder: '10',
    min: 1,
    max: 1000,
    step: 1,
  },
  escalationTier: {
    id: 'quality-escalation-tier',
    label: 'Escalation tier',
    hint: 'tier for units added on disagreement',
    options: [{ value: '', label: 'None' }, ...TIERS.map((t) => ({ value: t, label: `Tier ${t}` }))],
  },
  qualification: {
    id: 'quality-qualification',
    label: 'Qualification test',
    hint: 'id of a test annotators must pass first',
    placeholder: 'none',
    text: true,
  },
  pairwiseTies: {
    id: 'quality-pairwise-ties',
    label: 'Gold ties',
    hint: 'how pairwise gold is matched',
    options: [
      { value: '', label: 'Default (strict)' },
      { value: 'strict', label: 'Strict: the exact choice' },
      { value: 'lenient', label: 'Lenient: a tie is never wrong' },
    ],
  },
  classificationMatch: {
    id: 'quality-classification-match',
    label: 'Gold label match',
    hint: 'how classification gold is matched',
    options: [
      { value: '', label: 'Default (exact)' },
      { value: 'exact', label: 'Exact: the same labels' },
      { value: 'overlap', label: 'Overlap: one label in common' },
    ],
  },
  rankingMinTau: {
    id: 'quality-ranking-min-tau',
    label: "Gold ranking: Kendall's τ",
    hint: '-1 to 1, correct at or above it',
    placeholder: '0.6',
    min: -1,
    max: 1,
    step: 0.05,
  },
  ratingTolerance: {
    id: 'quality-rating-tolerance',
    label: 'Gold rating tolerance',
    hint: 'points off per criterion, still correct',
    placeholder: '1',
    min: 0,
    max: 100,
    step: 1,
  },
};

/**
 * The quality settings of a project of `kind`: review sampling, trust, escalation, the required
 * test, and the gold scoring rule of the kind. Errors naming a field show under it.
 */
export function QualityFields({
  form,
  kind,
  errors,
  onChange,
  tierRequired = false,
}: {
  form: QualityFormState;
  kind: string;
  errors: Partial<Record<QualityField, string>>;
  /** `field` is the one just edited, so that its error can go. */
  onChange(form: QualityFormState, field: QualityField): void;
  /** The project already has an escalation tier: the API cannot remove it, so "None" is off. */
  tierRequired?: boolean;
}) {
  return (
    <div id="quality-fields" className="form-grid">
      {qualityFields(kind).map((field) => {
        const meta = META[field];
        const error = errors[field];
        const common = {
          id: meta.id,
          value: form[field],
          'aria-invalid': error ? true : undefined,
          'aria-describedby': error ? `${meta.id}-error` : undefined,
          onChange: (e: { target: { value: string } }) => onChange({ ...form, [field]: e.target.value }, field),
        };
        return (
          <label key={field} className={field === 'qualification' ? 'span-2' : undefined}>
            {meta.label} <span className="hint">{meta.hint}</span>
            {meta.options ? (
              <select {...common}>
                {meta.options.map((o) => (
                  <option key={o.value} value={o.value} disabled={tierRequired && field === 'escalationTier' && o.value === ''}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : meta.text ? (
              <input {...common} placeholder={meta.placeholder} maxLength={100} />
            ) : (
              <input {...common} type="number" min={meta.min} max={meta.max} step={meta.step} placeholder={meta.placeholder} />
            )}
            {error && (
              <span id={`${meta.id}-error`} className="field-error" role="alert">
                {error}
              </span>
            )}
          </label>
        );
      })}
    </div>
  );
}
