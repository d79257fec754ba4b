import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { projectApi, readProject, type ProjectView } from './projects';
import { QualityFields } from './QualityFields';
import {
  describeQualitySettings,
  qualityChanges,
  qualityFieldErrors,
  qualityFormFrom,
  withoutFieldErrors,
  type QualityFormState,
} from './qualitySettings';
import { useErrorMessage } from './useErrorMessage';

/**
 * The project's quality settings in words, and a form that changes them: only the settings that
 * differ from the current ones are sent (PATCH keeps whatever is left out).
 */
export function QualitySettingsCard({
  project,
  onSaved,
}: {
  project: ProjectView;
  onSaved(project: ProjectView): void;
}) {
  const errorMessage = useErrorMessage();
  const [form, setForm] = useState<QualityFormState | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const current = project.quality;
  const editable = project.status !== 'completed';

  function edit() {
    setForm(qualityFormFrom(current));
    setErrors([]);
    setNotice(null);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!form || busy) return;
    const built = qualityChanges(form, project.kind, current);
    if (built.errors.length) {
      setErrors(built.errors);
      return;
    }
    if (!built.quality) {
      setForm(null);
      setErrors([]);
      setNotice('Nothing changed.');
      return;
    }
    setBusy(true);
    setErrors([]);
    try {
      const updated = await api<unknown>(projectApi(project.id), {
        method: 'PATCH',
        body: JSON.stringify({ quality: built.quality }),
      });
      onSaved(readProject(updated));
      setForm(null);
      setNotice('Quality settings saved.');
    } catch (e) {
      const message = errorMessage(e); // a 400 names the field: quality.auditRate: …
      if (message) setErrors([message]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section id="quality-settings-card" className="card settings-card">
      <div className="page-head">
        <h2 className="inline">Quality settings</h2>
        <span className="spacer" />
        {notice && !form && (
          <span id="quality-settings-notice" className="notice-inline">
            {notice}
          </span>
        )}
        {!form && editable && (
          <button id="edit-quality" type="button" className="secondary small" onClick={edit}>
            Change
          </button>
        )}
      </div>
      {form ? (
        <form id="quality-settings-form" className="console-form" onSubmit={(e) => void save(e)} noValidate>
          <QualityFields
            form={form}
            kind={project.kind}
            errors={qualityFieldErrors(errors)}
            onChange={(next, field) => {
              setForm(next);
              setErrors((list) => withoutFieldErrors(list, field));
            }}
            tierRequired={current.escalationTier !== null}
          />
          {errors.length > 0 && (
            <div id="quality-settings-error" className="error banner" role="alert">
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
            <button id="save-quality" type="submit" disabled={busy}>
              {busy ? 'Saving…' : 'Save'}
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => setForm(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <dl id="quality-settings-list" className="settings">
          {describeQualitySettings(current, project.kind).map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
