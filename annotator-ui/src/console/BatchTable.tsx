import { useState } from 'react';
import { api } from '../api';
import { useLatest } from '../useLatest';
import {
  BATCH_ACTION_LABELS,
  batchActionPath,
  batchActions,
  finalizeConfirmation,
  parseBatches,
  type Batch,
  type BatchAction,
} from './batches';
import { StatusBadge } from './StatusBadge';
import { projectApi } from './projects';
import { useErrorMessage } from './useErrorMessage';

/** The project's batches with their counts and per-batch pause / resume / finalize. */
export function BatchTable({
  projectId,
  reloadKey,
  onChanged,
}: {
  projectId: string;
  reloadKey: number;
  onChanged(): void;
}) {
  const errorMessage = useErrorMessage();
  const {
    value: batches,
    error: loadError,
    load,
  } = useLatest(`${projectApi(projectId)}/batches`, parseBatches, reloadKey);
  const [actionError, setActionError] = useState<string | null>(null);
  const error = actionError ?? loadError;
  const [pending, setPending] = useState<string | null>(null);

  async function run(batch: Batch, action: BatchAction) {
    if (pending) return;
    if (action === 'finalize' && !window.confirm(finalizeConfirmation(batch.batch))) return;
    setPending(batch.batch);
    setActionError(null);
    try {
      await api<unknown>(batchActionPath(projectId, batch.batch, action), { method: 'POST' });
      await load();
      onChanged();
    } catch (e) {
      setActionError(errorMessage(e));
    } finally {
      setPending(null);
    }
  }

  return (
    <section id="batches-section" className="card">
      <h2>Batches</h2>
      {error && (
        <p className="error banner" role="alert">
          {error}
        </p>
      )}
      {batches === null && !error && <p className="muted">Loading batches…</p>}
      {batches !== null && batches.length === 0 && (
        <p id="no-batches" className="empty">
          No batches yet. Tasks imported with a <code>batch</code> field are grouped here.
        </p>
      )}
      {batches !== null && batches.length > 0 && (
        <div className="table-wrap">
          <table id="batches" className="table">
            <thead>
              <tr>
                <th>Batch</th>
                <th>Status</th>
                <th className="num">Tasks</th>
                <th className="num">Open</th>
                <th className="num">Resolved</th>
                <th className="num">Contested</th>
                <th className="num">Units ready</th>
                <th className="num">Held</th>
                <th className="num">Leased</th>
                <th className="num">Submitted</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.batch} data-batch={b.batch}>
                  <td className="batch-name">{b.batch || <span className="muted">(default)</span>}</td>
                  <td>
                    <StatusBadge status={b.status} />
                  </td>
                  <td className="num">{b.tasks}</td>
                  <td className="num">{b.open}</td>
                  <td className="num">{b.resolved}</td>
                  <td className="num">{b.contested}</td>
                  <td className="num">{b.unitsReady}</td>
                  <td className="num">{b.unitsHeld}</td>
                  <td className="num">{b.unitsLeased}</td>
                  <td className="num">{b.unitsSubmitted}</td>
                  <td className="row-actions">
                    {/* Tasks without a batch have nothing to pause or finalize on their own. */}
                    {(b.batch ? batchActions(b.status) : []).map((action) => (
                      <button
                        key={action}
                        type="button"
                        className={`small ${action === 'finalize' ? 'secondary' : ''} batch-${action}`}
                        data-batch={b.batch}
                        disabled={pending !== null}
                        onClick={() => void run(b, action)}
                      >
                        {BATCH_ACTION_LABELS[action]}
                      </button>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
