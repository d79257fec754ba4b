import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../api';
import { RuleRows, SkillRows } from './FormRows';
import { buildProjectRequest, initialFormState, type ProjectFormState } from './projectForm';
import { KIND_LABELS, KINDS, projectPath, readProject, type Kind } from './projects';
import { QualityFields } from './QualityFields';
import { qualityFieldErrors, qualityFieldsSet, withoutFieldErrors } from './qualitySettings';
import { useErrorMessage } from './useErrorMessage';

const TIERS = ['1', '2', '3', '4', '5'];

/** The fields edited as plain text. */
type TextKey = {
  [K in keyof ProjectFormState]: ProjectFormState[K] extends string ? (K extends 'kind' ? never : K) : never;
}[keyof ProjectFormState];

/** Creating a project of any kind; the server's problem detail is shown when it refuses. */
export function ProjectForm() {
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const [form, setForm] = useState<ProjectFormState>(initialFormState);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [qualityOpen, setQualityOpen] = useState(false);
  const qualityErrors = qualityFieldErrors(errors);

  /** Shows the errors; the quality settings open when one of them is named. */
  function showErrors(list: string[]) {
    setErrors(list);
    if (Object.keys(qualityFieldErrors(list)).length > 0) setQualityOpen(true);
  }

  function set<K extends keyof ProjectFormState>(key: K, value: ProjectFormState[K]) {
    setForm((f) => ({ ...f, [key]: value }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const built = buildProjectRequest(form);
    if (!built.ok) {
      showErrors(built.errors);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      const created = readProject(
        await api<unknown>('/api/v1/projects', { method: 'POST', body: JSON.stringify(built.body) }),
      );
      if (!created.id) throw new Error('the server did not return the new project');
      navigate(projectPath(created.id));
    } catch (e) {
      const message = errorMessage(e);
      if (message) showErrors([message]); // a 400 names the field, e.g. quality.auditRate
      setBusy(false);
    }
  }

  const text = (key: TextKey) => ({
    value: form[key],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const value = e.target.value;
      setForm((f) => ({ ...f, [key]: value }));
    },
  });

  return (
    <main className="card wide">
      <div className="page-head">
        <h1>New project</h1>
        <span className="spacer" />
        <Link to="/console">Back to projects</Link>
      </div>

      <form id="project-form" className="console-form" onSubmit={submit} noValidate>
        <fieldset>
          <legend>Basics</legend>
          <div className="form-grid">
            <label className="span-2">
              Name
              <input id="project-name" {...text('name')} required maxLength={200} autoFocus />
            </label>
            <label>
              Kind
              <select
                id="project-kind"
                value={form.kind}
                onChange={(e) => set('kind', e.target.value as Kind)}
              >
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            </label>
            <label className="span-all">
              Instructions <span className="hint">Markdown, shown to annotators with every task</span>
              <textarea id="project-instructions" rows={6} {...text('instructions')} />
            </label>
            <label className="check span-all">
              <input
                id="project-draft"
                type="checkbox"
                checked={form.draft}
                onChange={(e) => set('draft', e.target.checked)}
              />
              Start as draft (annotators get no tasks until you activate it)
            </label>
          </div>
        </fieldset>

        {form.kind === 'classification' && (
          <fieldset id="kind-settings">
            <legend>Classification</legend>
            <div className="form-grid">
              <label className="span-2">
                Labels <span className="hint">comma-separated, required</span>
                <input id="project-labels" {...text('labels')} placeholder="safe, unsafe, unsure" />
              </label>
              <label className="check">
                <input
                  id="project-multi-label"
                  type="checkbox"
                  checked={form.multiLabel}
                  onChange={(e) => set('multiLabel', e.target.checked)}
                />
                Multiple labels allowed
              </label>
            </div>
          </fieldset>
        )}

        {form.kind === 'rating' && (
          <fieldset id="kind-settings">
            <legend>Rating</legend>
            <div className="form-grid">
              <label>
                Scale minimum
                <input id="project-scale-min" type="number" step={1} {...text('scaleMin')} />
              </label>
              <label>
                Scale maximum
                <input id="project-scale-max" type="number" step={1} {...text('scaleMax')} />
              </label>
              <label>
                Criteria <span className="hint">comma-separated</span>
                <input id="project-criteria" {...text('ratingCriteria')} placeholder="overall" />
              </label>
            </div>
          </fieldset>
        )}

        {form.kind === 'pairwise' && (
          <fieldset id="kind-settings">
            <legend>Pairwise</legend>
            <div className="form-grid">
              <label className="span-2">
                Criteria <span className="hint">comma-separated, optional</span>
                <input id="project-criteria" {...text('pairwiseCriteria')} placeholder="helpfulness, harmlessness" />
              </label>
            </div>
          </fieldset>
        )}

        <fieldset>
          <legend>Overlap and gold</legend>
          <div className="form-grid">
            <label>
              Overlap minimum <span className="hint">judgements per task</span>
              <input id="project-overlap-min" type="number" min={1} step={1} placeholder="1" {...text('overlapMin')} />
            </label>
            <label>
              Overlap maximum <span className="hint">when annotators disagree</span>
              <input
                id="project-overlap-max"
                type="number"
                min={1}
                step={1}
                placeholder="same as minimum"
                {...text('overlapMax')}
              />
            </label>
            <label>
              Agreement target <span className="hint">0 to 1</span>
              <input
                id="project-agreement-target"
                type="number"
                min={0}
                max={1}
                step={0.05}
                placeholder="0"
                {...text('agreementTarget')}
              />
            </label>
            <label>
              Gold ratio <span className="hint">0 to below 1</span>
              <input
                id="project-gold-ratio"
                type="number"
                min={0}
                max={0.99}
                step={0.01}
                placeholder="0"
                {...text('goldRatio')}
              />
            </label>
          </div>
        </fieldset>

        <fieldset id="quality-settings" className={qualityOpen ? 'collapsible open' : 'collapsible'}>
          <legend>
            <button
              id="quality-toggle"
              type="button"
              className="legend-toggle"
              aria-expanded={qualityOpen}
              aria-controls="quality-fields"
              onClick={() => setQualityOpen((o) => !o)}
            >
              <span className="caret" aria-hidden="true">
                {qualityOpen ? '▾' : '▸'}
              </span>{' '}
              Quality
            </button>
          </legend>
          {qualityOpen ? (
            <QualityFields
              form={form.quality}
              kind={form.kind}
              errors={qualityErrors}
              onChange={(quality, field) => {
                set('quality', quality);
                setErrors((list) => withoutFieldErrors(list, field));
              }}
            />
          ) : (
            <p id="quality-summary" className="hint collapsed-summary">
              Review sampling, trust, escalation, a required qualification test and gold scoring.{' '}
              {qualityFieldsSet(form.quality, form.kind) > 0
                ? `${qualityFieldsSet(form.quality, form.kind)} set; the rest keep the defaults.`
                : 'Defaults: 5% of work reviewed, trust threshold 0.7 after 10 checked answers.'}
            </p>
          )}
        </fieldset>

        <fieldset>
          <legend>Who can work on it</legend>
          <div className="form-grid">
            <label className="span-2">
              Languages <span className="hint">comma-separated BCP 47 tags, e.g. en, de-CH</span>
              <input id="project-languages" {...text('languages')} placeholder="any language" />
            </label>
            <label>
              Minimum tier
              <select id="project-min-tier" value={form.minTier} onChange={(e) => set('minTier', e.target.value)}>
                <option value="">Any (1)</option>
                {TIERS.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </label>
            <div className="span-all">
              <SkillRows rows={form.skills} onChange={(rows) => set('skills', rows)} />
            </div>
            <div className="span-all">
              <RuleRows rows={form.rules} onChange={(rows) => set('rules', rows)} />
            </div>
          </div>
        </fieldset>

        <fieldset>
          <legend>Pay and scheduling</legend>
          <div className="form-grid">
            <label>
              Pay per judgement
              <input
                id="project-pay-amount"
                type="number"
                min={0}
                step={0.01}
                placeholder="0.00"
                {...text('payAmount')}
              />
            </label>
            <label>
              Currency <span className="hint">ISO 4217</span>
              <input id="project-pay-currency" maxLength={3} placeholder="USD" {...text('payCurrency')} />
            </label>
            <label>
              Priority <span className="hint">1 or more, higher first</span>
              <input id="project-priority" type="number" min={1} step={1} placeholder="1" {...text('priority')} />
            </label>
            <label>
              Deadline <span className="hint">optional, your local time</span>
              <input id="project-deadline" type="datetime-local" {...text('deadline')} />
            </label>
            <label>
              Lease seconds <span className="hint">30 to 86400</span>
              <input
                id="project-lease-seconds"
                type="number"
                min={30}
                max={86400}
                step={1}
                {...text('leaseSeconds')}
              />
            </label>
          </div>
        </fieldset>

        {errors.length > 0 && (
          <div id="form-error" className="error banner" role="alert">
            {errors.length === 1 ? (
              errors[0]
            ) : (
              <ul>
                {errors.map((e, i) => (
                  <li key={i}>{e}</li>
                ))}
              </ul>
            )}
          </div>
        )}

        <div className="actions">
          <button id="project-submit" type="submit" disabled={busy}>
            {busy ? 'Creating…' : 'Create project'}
          </button>
          <Link className="button secondary" to="/console">
            Cancel
          </Link>
        </div>
      </form>
    </main>
  );
}
