import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { api } from '../api';
import { fetchBlob, saveBlob } from './download';
import {
  exportFilePath,
  formatBytes,
  isFinished,
  parseExportJob,
  parseExportStarted,
  type ExportFile,
  type ExportJob,
} from './exports';
import { pollUntil } from './poll';
import { projectApi } from './projects';
import { useErrorMessage } from './useErrorMessage';

const POLL_MS = 1000;

/** Start a preference-dataset export, follow it, download its files. */
export function ExportPanel({ projectId }: { projectId: string }) {
  const errorMessage = useErrorMessage();
  const [job, setJob] = useState<ExportJob | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState<string | null>(null);
  const pollAbort = useRef<AbortController | null>(null);

  useEffect(() => () => pollAbort.current?.abort(), []);

  async function start() {
    if (starting || (job && !isFinished(job.status))) return;
    pollAbort.current?.abort();
    const controller = new AbortController();
    pollAbort.current = controller;
    setStarting(true);
    setError(null);
    try {
      const started = parseExportStarted(
        await api<unknown>(`${projectApi(projectId)}/exports`, {
          method: 'POST',
          body: JSON.stringify({ format: 'preference' }),
        }),
      );
      setJob({ id: started.exportId, status: started.status, files: [], manifest: null, error: null });
      setStarting(false);
      await pollUntil({
        fetch: async () => {
          const view = parseExportJob(await api<unknown>(`/api/v1/exports/${encodeURIComponent(started.exportId)}`));
          return { ...view, id: view.id || started.exportId };
        },
        isDone: (j) => isFinished(j.status),
        onUpdate: setJob,
        intervalMs: POLL_MS,
        signal: controller.signal,
      });
    } catch (e) {
      if (!controller.signal.aborted) setError(errorMessage(e));
    } finally {
      setStarting(false);
    }
  }

  async function download(event: MouseEvent, exportId: string, file: ExportFile) {
    event.preventDefault();
    if (downloading) return;
    setDownloading(file.name);
    setError(null);
    try {
      saveBlob(await fetchBlob(exportFilePath(exportId, file.name)), file.name);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setDownloading(null);
    }
  }

  const running = starting || (job !== null && !isFinished(job.status));

  return (
    <section id="export-section" className="card">
      <h2>Export</h2>
      <p className="muted">
        Builds the preference dataset from the project's resolved tasks. Its files are listed here when it is done.
      </p>
      <div className="actions">
        <button id="export-start" type="button" disabled={running} onClick={() => void start()}>
          {running ? 'Exporting…' : 'Export preference dataset'}
        </button>
      </div>

      {error && (
        <p className="error banner" role="alert">
          {error}
        </p>
      )}

      {job && (
        <div className="export-job" data-export-id={job.id}>
          <p>
            Export <code>{job.id}</code>:{' '}
            <span id="export-status" className="badge" data-status={job.status}>
              {job.status}
            </span>
          </p>
          {job.status === 'failed' && job.error && (
            <p id="export-error" className="error">
              {job.error}
            </p>
          )}
          {job.status === 'done' && job.files.length === 0 && <p className="muted">The export has no files.</p>}
          {job.status === 'done' && job.files.length > 0 && (
            <div className="table-wrap">
              <table id="export-files" className="table compact">
                <thead>
                  <tr>
                    <th>File</th>
                    <th className="num">Rows</th>
                    <th className="num">Size</th>
                    <th>SHA-256</th>
                  </tr>
                </thead>
                <tbody>
                  {job.files.map((f) => (
                    <tr key={f.name}>
                      <td>
                        <a
                          className="export-file"
                          data-name={f.name}
                          href={exportFilePath(job.id, f.name)}
                          download={f.name}
                          onClick={(e) => void download(e, job.id, f)}
                        >
                          {downloading === f.name ? `${f.name} (downloading…)` : f.name}
                        </a>
                      </td>
                      <td className="num">{f.rows.toLocaleString()}</td>
                      <td className="num">{formatBytes(f.bytes)}</td>
                      <td>
                        <code className="hash" title={f.sha256}>
                          {f.sha256.slice(0, 12)}
                          {f.sha256.length > 12 ? '…' : ''}
                        </code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {job.status === 'done' && job.manifest !== null && (
            <details className="manifest">
              <summary>Manifest</summary>
              <pre id="export-manifest">{JSON.stringify(job.manifest, null, 2)}</pre>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
