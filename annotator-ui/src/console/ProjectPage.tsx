import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import { Link, NavLink, useParams } from 'react-router-dom';
import { ApiError, api } from '../api';
import { BatchTable } from './BatchTable';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { ProgressCard } from './ProgressCard';
import { QualitySettingsCard } from './QualitySettingsCard';
import { SettingsSummary } from './SettingsSummary';
import { StatusBadge } from './StatusBadge';
import { projectApi, projectPath, readProject, statusActions, type ProjectView, type StatusAction } from './projects';
import { qualityPath } from './quality';
import { useErrorMessage } from './useErrorMessage';

// The chart library is big: only the quality tab loads it.
const QualityPanel = lazy(() => import('./QualityPanel').then((m) => ({ default: m.QualityPanel })));

export type ProjectTab = 'overview' | 'quality';

/**
 * One project: status controls, then either the overview (settings, progress, batches, task
 * import and export) or the quality dashboard with the quality settings.
 */
export function ProjectPage({ tab = 'overview' }: { tab?: ProjectTab }) {
  const { id = '' } = useParams();
  const errorMessage = useErrorMessage();
  const [project, setProject] = useState<ProjectView | null>(null);
  const [loadError, setLoadError] = useState<{ status: number | null; message: string } | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [batchesKey, setBatchesKey] = useState(0);
  const seq = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const view = readProject(await api<unknown>(projectApi(id)));
      if (mine !== seq.current) return;
      setProject(view);
      setLoadError(null);
    } catch (e) {
      if (mine !== seq.current) return;
      const message = errorMessage(e);
      if (message) setLoadError({ status: e instanceof ApiError ? e.status : null, message });
    }
  }, [id, errorMessage]);

  useEffect(() => {
    setProject(null);
    setLoadError(null);
    void refresh();
  }, [refresh]);

  const refreshAll = useCallback(() => {
    void refresh();
    setBatchesKey((k) => k + 1);
  }, [refresh]);

  async function changeStatus(action: StatusAction) {
    if (busy) return;
    if (action.confirm && !window.confirm(action.confirm)) return;
    setBusy(true);
    setActionError(null);
    try {
      const updated = await api<unknown>(projectApi(id), {
        method: 'PATCH',
        body: JSON.stringify({ status: action.status }),
      });
      if (updated && typeof updated === 'object') {
        seq.current++; // a refresh still in flight must not overwrite the new status
        setProject(readProject(updated));
      } else void refresh();
    } catch (e) {
      setActionError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  if (loadError && !project) {
    return (
      <main className="card wide">
        <p className="error banner" role="alert">
          {loadError.status === 404 ? `Project ${id} was not found in your organisation.` : loadError.message}
        </p>
        <p>
          <Link to="/console">Back to projects</Link>
        </p>
      </main>
    );
  }
  if (!project) return <p className="muted center">Loading the project…</p>;

  return (
    <main className="console-page" data-project-id={project.id}>
      <section className="card">
        <p className="crumbs">
          <Link to="/console">Projects</Link> / <span className="muted">{project.id}</span>
        </p>
        <div className="page-head">
          <h1 id="project-title">{project.name || project.id}</h1>
          <span id="project-kind-badge" className="badge kind">
            {project.kind}
          </span>
          <StatusBadge id="project-status" status={project.status} />
          <span className="spacer" />
          <button id="refresh-project" type="button" className="secondary" onClick={refreshAll}>
            Refresh
          </button>
          {statusActions(project.status).map((action) => (
            <button
              key={action.id}
              id={action.id}
              type="button"
              className={action.status === 'completed' ? 'secondary' : undefined}
              disabled={busy}
              onClick={() => void changeStatus(action)}
            >
              {action.label}
            </button>
          ))}
        </div>
        {(actionError || loadError) && (
          <p className="error banner" role="alert">
            {actionError ?? loadError?.message}
          </p>
        )}
        <nav className="tabs" aria-label="Project sections">
          <NavLink id="tab-overview" to={projectPath(project.id)} end>
            Overview
          </NavLink>
          <NavLink id="tab-quality" to={qualityPath(project.id)}>
            Quality
          </NavLink>
        </nav>
      </section>

      {tab === 'quality' ? (
        <>
          <Suspense fallback={<p className="muted center">Loading the quality dashboard…</p>}>
            <QualityPanel projectId={project.id} />
          </Suspense>
          <QualitySettingsCard
            project={project}
            onSaved={(updated) => {
              seq.current++; // a refresh still in flight must not bring back the old settings
              setProject(updated);
            }}
          />
        </>
      ) : (
        <>
          <div className="two-col">
            <ProgressCard progress={project.progress} />
            <SettingsSummary project={project} />
          </div>

          <BatchTable projectId={project.id} reloadKey={batchesKey} onChanged={() => void refresh()} />

          <ImportPanel projectId={project.id} onImported={refreshAll} />

          {project.kind === 'pairwise' && <ExportPanel projectId={project.id} />}
        </>
      )}
    </main>
  );
}
