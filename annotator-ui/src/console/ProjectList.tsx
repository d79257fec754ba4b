import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api';
import { ProgressBar } from './ProgressBar';
import { StatusBadge } from './StatusBadge';
import { formatDate, progressLabel, projectPath, resolvedPercent, readProjects, type ProjectView } from './projects';
import { useErrorMessage } from './useErrorMessage';

/** The org's projects with their progress. */
export function ProjectList() {
  const errorMessage = useErrorMessage();
  const [projects, setProjects] = useState<ProjectView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setProjects(readProjects(await api<unknown>('/api/v1/projects')));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [errorMessage]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <main className="card wide">
      <div className="page-head">
        <h1>Projects</h1>
        <span className="spacer" />
        <button type="button" className="secondary" onClick={() => void load()}>
          Refresh
        </button>
        <Link id="new-project" className="button" to="/console/projects/new">
          New project
        </Link>
      </div>

      {error && (
        <p className="error banner" role="alert">
          {error}
        </p>
      )}

      {projects === null && !error && <p className="muted">Loading projects…</p>}

      {projects !== null && projects.length === 0 && (
        <p id="no-projects" className="empty">
          No projects yet. Create one, then import its tasks.
        </p>
      )}

      {projects !== null && projects.length > 0 && (
        <div className="table-wrap">
          <table id="projects" className="table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Kind</th>
                <th>Status</th>
                <th className="progress-col">Progress</th>
                <th className="num">Tasks</th>
                <th className="num">Resolved</th>
                <th className="num">Contested</th>
                <th className="num" title="Work units waiting for an annotator">
                  Units ready
                </th>
                <th className="num">Leased</th>
                <th className="num">Submitted</th>
                <th className="num">Priority</th>
                <th>Created</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.id} data-project-id={p.id}>
                  <td>
                    <Link className="project-link" to={projectPath(p.id)}>
                      {p.name || p.id}
                    </Link>
                  </td>
                  <td>{p.kind}</td>
                  <td>
                    <StatusBadge status={p.status} />
                  </td>
                  <td className="progress-col">
                    <ProgressBar
                      value={p.progress.resolved}
                      max={p.progress.tasks}
                      label={p.progress.tasks > 0 ? `${resolvedPercent(p.progress)}%` : '—'}
                      title={progressLabel(p.progress)}
                    />
                  </td>
                  <td className="num">{p.progress.tasks}</td>
                  <td className="num">{p.progress.resolved}</td>
                  <td className="num">{p.progress.contested}</td>
                  <td className="num">{p.progress.unitsReady}</td>
                  <td className="num">{p.progress.unitsLeased}</td>
                  <td className="num">{p.progress.unitsSubmitted}</td>
                  <td className="num">{p.priority}</td>
                  <td>{formatDate(p.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
