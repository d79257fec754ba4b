import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, api } from './api';
import { describeAnswer, type AnswerContext } from './answers';
import { AppFrame } from './AppFrame';
import { AnswerLines, TaskContent } from './Blocks';
import { CorrectionEditor } from './CorrectionEditor';
import { correctionAnswer, editorContext, initialDraft, toggleLabel, type Draft, type EditorContext } from './correction';
import {
  REVIEW_NEXT_API,
  formatDuration,
  formatShare,
  isReviewGone,
  readReviewItem,
  reasonText,
  verdictPath,
  verdictRequest,
  type ReviewItem,
  type Verdict,
} from './review';
import { REVIEW_KEY_HINTS, reviewKeyAction, type ReviewMode } from './reviewKeys';
import { useErrorMessage } from './console/useErrorMessage';
import { taskView, type TaskView } from './taskView';

type Phase =
  | { name: 'loading' }
  | { name: 'empty' }
  | { name: 'failed' }
  | { name: 'item'; item: ReviewItem; view: TaskView | null; ctx: EditorContext };

const VERDICT_LABELS: Record<Verdict, string> = { accept: 'Accept', reject: 'Reject', correct: 'Correct' };
const VERDICT_DONE: Record<Verdict, string> = { accept: 'Accepted', reject: 'Rejected', correct: 'Corrected' };

/** The reviewer's queue: one judgement at a time, accepted, rejected or corrected by keyboard. */
export function ReviewPage() {
  return (
    <AppFrame role="REVIEWER" title="Review">
      {() => <Reviewer />}
    </AppFrame>
  );
}

function Reviewer() {
  const errorMessage = useErrorMessage();
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });
  const [mode, setModeState] = useState<ReviewMode>(null);
  const [reason, setReason] = useState('');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reviewed, setReviewed] = useState(0);
  const busyRef = useRef(false);
  const requestSeq = useRef(0);
  const started = useRef(false);
  const reasonRef = useRef<HTMLInputElement>(null);

  const loadNext = useCallback(async () => {
    const seq = ++requestSeq.current;
    setPhase({ name: 'loading' });
    setModeState(null);
    setReason('');
    setDraft(null);
    try {
      const body = await api<unknown>(REVIEW_NEXT_API, { method: 'POST' });
      if (seq !== requestSeq.current) return;
      if (body === null) {
        setPhase({ name: 'empty' });
        return;
      }
      const item = readReviewItem(body);
      if (!item) throw new Error('the server sent a review item this page does not understand');
      const view = taskView(item.project.kind, item.task.data);
      setPhase({ name: 'item', item, view, ctx: editorContext(item, view?.responseIds ?? []) });
    } catch (e) {
      if (seq !== requestSeq.current) return;
      setPhase({ name: 'failed' });
      setError(errorMessage(e));
    }
  }, [errorMessage]);

  useEffect(() => {
    if (started.current) return; // StrictMode runs effects twice in development
    started.current = true;
    void loadNext();
  }, [loadNext]);

  const reviewId = phase.name === 'item' ? phase.item.reviewId : null;
  useEffect(() => {
    if (reviewId) window.scrollTo(0, 0);
  }, [reviewId]);

  useEffect(() => {
    if (mode === 'reject') reasonRef.current?.focus();
  }, [mode]);

  function setMode(next: ReviewMode) {
    if (phase.name !== 'item') return;
    setError(null);
    setModeState(next);
    if (next === 'correct' && !draft) setDraft(initialDraft(phase.ctx, phase.item.judgement.answer));
  }

  function retry() {
    setError(null);
    setNotice(null);
    void loadNext();
  }

  async function send() {
    if (phase.name !== 'item' || !mode || busyRef.current) return;
    const correction = mode === 'correct' && draft ? correctionAnswer(draft, phase.ctx) : undefined;
    const request = verdictRequest(mode, reason, correction);
    if ('error' in request) {
      setError(request.error);
      if (mode === 'reject') reasonRef.current?.focus();
      return;
    }
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      await api<unknown>(verdictPath(phase.item.reviewId), { method: 'POST', body: JSON.stringify(request.body) });
      setReviewed((n) => n + 1);
      setNotice(`${VERDICT_DONE[mode]}: ${phase.item.project.name || phase.item.project.id}, task ${phase.item.task.externalId || phase.item.task.id}`);
      void loadNext();
    } catch (e) {
      const message = errorMessage(e);
      setError(message);
      if (e instanceof ApiError && isReviewGone(e.status)) {
        setNotice(null);
        void loadNext();
      }
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }

  function onFormSubmit(event: FormEvent) {
    event.preventDefault();
    void send();
  }

  // The key handler sees the latest state through a ref, so the listener is added once.
  const onKeyRef = useRef<(event: KeyboardEvent) => void>(() => {});
  onKeyRef.current = (event: KeyboardEvent) => {
    if (phase.name !== 'item') return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    const action = reviewKeyAction(
      {
        key: event.key,
        targetTag: target?.tagName,
        editable: target?.isContentEditable,
        ctrlKey: event.ctrlKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
      },
      { mode, kind: phase.item.project.kind },
    );
    if (!action) return;
    event.preventDefault(); // no letter typed into a field focused by the key, no button clicked twice
    switch (action.type) {
      case 'mode':
        setMode(action.mode);
        break;
      case 'cancel':
        setModeState(null);
        setError(null);
        if (target && target !== document.body) target.blur();
        break;
      case 'submit':
        if (!event.repeat) void send();
        break;
      case 'choose':
        setDraft((d) => (d?.kind === 'pairwise' ? { ...d, choice: action.choice } : d));
        break;
      case 'toggle-label': {
        const label = phase.ctx.labels[action.index];
        if (label) {
          setDraft((d) =>
            d?.kind === 'classification' ? { ...d, labels: toggleLabel(d.labels, label, phase.ctx.multiLabel) } : d,
          );
        }
        break;
      }
    }
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyRef.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <div className="review">
      <div className="page-status">
        <span id="reviewed-count" className="muted">
          Reviewed this session: {reviewed}
        </span>
        {notice && (
          <span id="review-notice" className="notice-inline">
            {notice}
          </span>
        )}
      </div>

      {error && (
        <p className="error banner" role="alert">
          {error}
        </p>
      )}

      {phase.name === 'loading' && (
        <p id="loading" className="muted center">
          Loading the next item…
        </p>
      )}

      {phase.name === 'empty' && (
        <section className="card center-card">
          <p id="nothing-to-review">Nothing to review right now. New items appear as annotators submit work.</p>
          <button id="check-again" type="button" onClick={retry}>
            Check again
          </button>
        </section>
      )}

      {phase.name === 'failed' && (
        <section className="card center-card">
          <p>The next item could not be loaded.</p>
          <button id="retry" type="button" onClick={retry}>
            Try again
          </button>
        </section>
      )}

      {phase.name === 'item' && (
        <main className="task" data-review-id={phase.item.reviewId}>
          <ItemHeader item={phase.item} />
          {phase.view ? (
            <TaskContent view={phase.view} />
          ) : (
            <section className="card">
              <h2>Task data</h2>
              <p className="muted">This task's data does not have the {phase.item.project.kind} shape; shown as JSON.</p>
              <pre id="task-json" className="text code">
                {JSON.stringify(phase.item.task.data, null, 2)}
              </pre>
            </section>
          )}
          <Answers item={phase.item} context={{ sides: 'customer', responseIds: phase.view?.responseIds, scale: phase.ctx.scale }} />

          <form className="actionbar verdict-bar" onSubmit={onFormSubmit} noValidate>
            <div className="choices" role="group" aria-label="Verdict">
              {(['accept', 'reject', 'correct'] as const).map((v) => (
                <button
                  key={v}
                  id={`verdict-${v}`}
                  type="button"
                  className={mode === v ? 'choice selected' : 'choice'}
                  aria-pressed={mode === v}
                  onClick={() => setMode(v)}
                >
                  <kbd>{v[0].toUpperCase()}</kbd> {VERDICT_LABELS[v]}
                </button>
              ))}
            </div>
            {mode === 'correct' && draft && (
              <div className="verdict-detail">
                <CorrectionEditor draft={draft} ctx={phase.ctx} onChange={setDraft} />
              </div>
            )}
            {(mode === 'reject' || mode === 'correct') && (
              <label className="verdict-reason">
                <span>
                  {mode === 'reject' ? 'Reason (required, the annotator sees it)' : 'Note for the annotator (optional)'}
                </span>
                <input
                  id="verdict-reason"
                  ref={reasonRef}
                  type="text"
                  value={reason}
                  maxLength={1000}
                  required={mode === 'reject'}
                  onChange={(e) => setReason(e.target.value)}
                />
              </label>
            )}
            <span className="spacer" />
            <button id="verdict-submit" type="submit" disabled={!mode || busy}>
              {busy ? 'Sending…' : mode ? `Send: ${VERDICT_LABELS[mode]}` : 'Send'} <kbd>Enter</kbd>
            </button>
          </form>

          <p id="key-hints" className="hints muted">
            Keys:{' '}
            {REVIEW_KEY_HINTS.map((h, i) => (
              <span key={h.key}>
                {i > 0 && ' · '}
                <kbd>{h.key}</kbd> {h.label}
              </span>
            ))}
            {phase.item.project.kind === 'pairwise' && <> · correcting: <kbd>1</kbd> A, <kbd>2</kbd> tie, <kbd>3</kbd> B</>}
            {phase.item.project.kind === 'classification' && <> · correcting: <kbd>1</kbd>…<kbd>9</kbd> labels</>}
          </p>
        </main>
      )}
    </div>
  );
}

function ItemHeader({ item }: { item: ReviewItem }) {
  return (
    <section className="card review-head">
      <div className="page-head">
        <h1 id="review-project">{item.project.name || item.project.id}</h1>
        <span className="badge kind">{item.project.kind}</span>
        <span className="muted small">
          task <span id="review-task">{item.task.externalId || item.task.id}</span>
        </span>
        <span className="spacer" />
        <span id="review-reason-badge" className="badge reason" data-reason={item.reason}>
          {item.reason || 'review'}
        </span>
      </div>
      <p id="review-reason" className="why">
        {reasonText(item.reason)}
      </p>
      {item.appeal && (
        <div id="review-appeal" className="notice warning">
          <div>
            <span className="muted">Rejected before because: </span>
            <span className="text">{item.appeal.previousReason || '(no reason given)'}</span>
          </div>
          <div>
            <span className="muted">The annotator's appeal: </span>
            <span className="text">{item.appeal.comment || '(no comment)'}</span>
          </div>
        </div>
      )}
      {item.project.instructions.trim() && (
        <details className="instructions">
          <summary>Instructions</summary>
          <div id="instructions" className="text">
            {item.project.instructions}
          </div>
        </details>
      )}
    </section>
  );
}

function Answers({ item, context }: { item: ReviewItem; context: AnswerContext }) {
  const kind = item.project.kind;
  return (
    <section id="review-answers" className="card answers">
      <div className="answer-grid">
        <div className="answer under-review">
          <h2>Judgement under review</h2>
          <div id="judgement-answer">
            <AnswerLines lines={describeAnswer(kind, item.judgement.answer, context)} />
          </div>
          <p className="muted small">took {formatDuration(item.judgement.durationMs)}</p>
        </div>
        <div className="answer">
          <h2>Consensus</h2>
          <div id="consensus-answer">
            {item.consensus === null ? (
              <p className="muted">No consensus yet.</p>
            ) : (
              <AnswerLines lines={describeAnswer(kind, item.consensus, context)} />
            )}
          </div>
          <p className="muted small">
            agreement <span id="review-agreement">{formatShare(item.agreement)}</span>
            {item.outcome && (
              <>
                {' · '}
                <span id="review-outcome">{item.outcome}</span>
              </>
            )}
          </p>
        </div>
        <div className="answer">
          <h2>Other annotators ({item.others.length})</h2>
          {item.others.length === 0 ? (
            <p className="muted">No other judgements.</p>
          ) : (
            <ol id="other-answers" className="other-answers">
              {item.others.map((other, i) => (
                <li key={i}>
                  <AnswerLines lines={describeAnswer(kind, other.answer, context)} />
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
    </section>
  );
}
