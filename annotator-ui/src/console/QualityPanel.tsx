import { useLatest } from '../useLatest';
import { ProgressBar } from './ProgressBar';
import {
  formatRatio,
  formatStat,
  formatTrust,
  qualityApi,
  readQuality,
  signalLabel,
  sortAnnotators,
  summaryTiles,
  trustChartRows,
  type Quality,
} from './quality';
import { StatusBadge } from './StatusBadge';
import { TrustChart } from './TrustChart';

/** The project's quality: agreement, gold, cost, trust per annotator, flags, contested tasks. */
export function QualityPanel({ projectId }: { projectId: string }) {
  const { value: quality, error, load } = useLatest(qualityApi(projectId), readQuality);

  return (
    <div id="quality" className="quality">
      <section className="card">
        <div className="page-head">
          <h2 className="inline">Quality</h2>
          <span className="spacer" />
          <button id="refresh-quality" type="button" className="secondary small" onClick={() => void load()}>
            Refresh quality
          </button>
        </div>
        {error && (
          <p className="error banner" role="alert">
            {error}
          </p>
        )}
        {!quality && !error && <p className="muted">Loading quality figures…</p>}
        {quality && (
          <dl id="quality-tiles" className="tiles">
            {summaryTiles(quality).map((tile) => (
              <div key={tile.id} className="tile">
                <dt>{tile.label}</dt>
                <dd id={tile.id}>{tile.value}</dd>
                <dd className="tile-hint">{tile.hint}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      {quality && <QualityDetails quality={quality} />}
    </div>
  );
}

function QualityDetails({ quality }: { quality: Quality }) {
  const { rows, hidden } = trustChartRows(quality.annotators);
  const annotators = sortAnnotators(quality.annotators);
  return (
    <>
      <section id="quality-trust" className="card">
        <h2>Trust per annotator</h2>
        {rows.length === 0 ? (
          <p className="empty">No annotator has a trust score yet: trust comes from scored gold answers.</p>
        ) : (
          <>
            <TrustChart rows={rows} />
            <p className="hint">
              Blue: the trust interval (lower to upper), the dark mark is the mean; paused annotators in orange. Green: share of gold answers right.
              {hidden > 0 && ` Showing the ${rows.length} lowest; ${hidden} more in the table.`}
            </p>
          </>
        )}
      </section>

      <section id="quality-annotators-section" className="card">
        <h2>Annotators</h2>
        {annotators.length === 0 ? (
          <p className="empty">No judgements yet.</p>
        ) : (
          <div className="table-wrap">
            <table id="quality-annotators" className="table">
              <thead>
                <tr>
                  <th>Annotator</th>
                  <th>Status</th>
                  <th className="num">Judgements</th>
                  <th className="num">Gold</th>
                  <th className="num">Gold accuracy</th>
                  <th className="num">Trust (interval)</th>
                  <th className="num">Agreement with consensus</th>
                  <th>Flags</th>
                </tr>
              </thead>
              <tbody>
                {annotators.map((a) => (
                  <tr key={a.annotatorId} data-annotator={a.annotatorId}>
                    <td>
                      <div className="annotator-name">{a.name || a.annotatorId}</div>
                      {a.name && <div className="muted small mono">{a.annotatorId}</div>}
                    </td>
                    <td>
                      <StatusBadge status={a.status} />
                    </td>
                    <td className="num">{a.judgements}</td>
                    <td className="num">
                      {a.goldCorrect} / {a.goldScored}
                    </td>
                    <td className="num">{formatRatio(a.goldAccuracy)}</td>
                    <td className="num">{formatTrust(a.trust)}</td>
                    <td className="num">{formatRatio(a.agreementWithConsensus)}</td>
                    <td>
                      {a.flags.length === 0 ? (
                        <span className="muted">—</span>
                      ) : (
                        <ul className="flags">
                          {a.flags.map((f, i) => (
                            <li key={i} data-signal={f.signal}>
                              <span className="badge flag">{signalLabel(f.signal)}</span>{' '}
                              <span className="text">{f.detail}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div className="two-col even">
        <section id="quality-contested" className="card">
          <h2>Contested tasks ({quality.contested.length})</h2>
          {quality.contested.length === 0 ? (
            <p className="empty">No contested tasks.</p>
          ) : (
            <div className="table-wrap scroll">
              <table className="table compact">
                <thead>
                  <tr>
                    <th>Task</th>
                    <th className="num">Agreement</th>
                    <th className="num">Judgements</th>
                  </tr>
                </thead>
                <tbody>
                  {quality.contested.map((c) => (
                    <tr key={c.taskId} data-task={c.taskId}>
                      <td>
                        <div className="batch-name">{c.externalId || c.taskId}</div>
                        {c.externalId && <div className="muted small mono">{c.taskId}</div>}
                      </td>
                      <td className="num">{formatRatio(c.agreement)}</td>
                      <td className="num">{c.judgements}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section id="quality-batches" className="card">
          <h2>Agreement per batch</h2>
          {quality.batches.length === 0 ? (
            <p className="empty">No batches.</p>
          ) : (
            <div className="table-wrap scroll">
              <table className="table compact">
                <thead>
                  <tr>
                    <th>Batch</th>
                    <th className="progress-col">Agreement</th>
                    <th className="num">Resolved</th>
                  </tr>
                </thead>
                <tbody>
                  {quality.batches.map((b) => (
                    <tr key={b.batchId || b.name} data-batch={b.batchId}>
                      <td className="batch-name">{b.name || b.batchId || <span className="muted">(default)</span>}</td>
                      <td className="progress-col">
                        {b.agreement === null ? (
                          <span className="muted">—</span>
                        ) : (
                          <ProgressBar value={b.agreement} max={1} label={formatStat(b.agreement, 2)} title="Agreement" />
                        )}
                      </td>
                      <td className="num">{b.resolved}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </>
  );
}
