import { useEffect, useRef, useState } from 'react';
import { api } from '../api';
import {
  IMPORT_ACCEPT,
  importSummary,
  parseImportProgress,
  parseImportResult,
  truncationNote,
  writtenPercent,
  type ImportProgress,
  type ImportResult,
} from './imports';
import { pollUntil } from './poll';
import { ProgressBar } from './ProgressBar';
import { projectApi } from './projects';
import { useErrorMessage } from './useErrorMessage';

const POLL_MS = 500;

/** Upload a JSONL file of tasks, show what was accepted and rejected, follow the write. */
export function ImportPanel({ projectId, onImported }: { projectId: string; onImported(): void }) {
  const errorMessage = useErrorMessage();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const pollAbort = useRef<AbortController | null>(null);
  const onImportedRef = useRef(onImported);
  onImportedRef.current = onImported;

  useEffect(() => () => pollAbort.current?.abort(), []);

  async function follow(started: ImportResult) {
    pollAbort.current?.abort();
    const controller = new AbortController();
    pollAbort.current = controller;
    try {
      const last = await pollUntil({
        fetch: async () =>
          parseImportProgress(
            await api<unknown>(`${projectApi(projectId)}/imports/${encodeURIComponent(started.importId)}`),
            started,
          ),
        isDone: (p) => p.done,
        onUpdate: setProgress,
        intervalMs: POLL_MS,
        signal: controller.signal,
      });
      if (last) onImportedRef.current();
    } catch (e) {
      if (!controller.signal.aborted) setError(errorMessage(e));
    }
  }

  async function submit() {
    if (!file || busy) return;
    pollAbort.current?.abort();
    setBusy(true);
    setError(null);
    setResult(null);
    setProgress(null);
    try {
      // The File goes out as the request body: the browser streams it from disk.
      const started = parseImportResult(
        await api<unknown>(`${projectApi(projectId)}/tasks`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-ndjson' },
          body: file,
        }),
      );
      setResult(started);
      setProgress({
        importId: started.importId,
        accepted: started.accepted,
        duplicates: started.duplicates,
        rejectedCount: started.rejectedCount,
        written: 0,
        failed: 0,
        done: false,
      });
      setFile(null);
      if (inputRef.current) inputRef.current.value = '';
      void follow(started);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const note = result ? truncationNote(result) : null;

  return (
    <section id="import-section" className="card">
      <h2>Import tasks</h2>
      <p className="muted">
        One JSON object per line (JSONL). Tasks already imported are skipped as duplicates; rejected lines are listed
        with their errors.
      </p>
      <div className="import-controls">
        <input
          id="import-file"
          ref={inputRef}
          type="file"
          accept={IMPORT_ACCEPT}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <button id="import-submit" type="button" disabled={!file || busy} onClick={() => void submit()}>
          {busy ? 'Uploading…' : 'Import'}
        </button>
      </div>

      {error && (
        <p className="error banner" role="alert">
          {error}
        </p>
      )}

      {result && (
        <div id="import-result" className="import-result" data-import-id={result.importId}>
          <p id="import-summary">{importSummary(result)}</p>
          <dl className="counts">
            <div>
              <dt>Accepted</dt>
              <dd id="import-accepted">{result.accepted.toLocaleString()}</dd>
            </div>
            <div>
              <dt>Duplicates</dt>
              <dd id="import-duplicates">{result.duplicates.toLocaleString()}</dd>
            </div>
            <div>
              <dt>Rejected</dt>
              <dd id="import-rejected">{result.rejectedCount.toLocaleString()}</dd>
            </div>
          </dl>

          {progress && (
            <div className="import-write">
              <ProgressBar
                id="import-progress"
                value={progress.written}
                max={progress.accepted}
                label={`${progress.written.toLocaleString()} / ${progress.accepted.toLocaleString()} written${
                  progress.failed > 0 ? `, ${progress.failed.toLocaleString()} refused by the database` : ''
                }${progress.done ? ' — done' : ` (${writtenPercent(progress.written, progress.accepted)}%)`}`}
                title="Tasks written"
              />
            </div>
          )}

          {result.rejected.length > 0 && (
            <>
              <h3>Rejected lines</h3>
              {note && (
                <p id="import-errors-note" className="muted">
                  {note}
                </p>
              )}
              <div className="table-wrap scroll">
                <table id="import-errors" className="table compact">
                  <thead>
                    <tr>
                      <th className="num line-col">Line</th>
                      <th>Error</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.rejected.map((r, i) => (
                      <tr key={i}>
                        <td className="num">{r.line}</td>
                        <td className="text">{r.error}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}
