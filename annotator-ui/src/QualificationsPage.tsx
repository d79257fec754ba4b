import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useLatest } from './useLatest';
import { Link, useParams } from 'react-router-dom';
import { ApiError, api } from './api';
import { AppFrame } from './AppFrame';
import { TaskContent } from './Blocks';
import { ProgressBar } from './console/ProgressBar';
import { useErrorMessage } from './console/useErrorMessage';
import { CorrectionEditor } from './CorrectionEditor';
import { initialDraft, toggleLabel, type Draft, type EditorContext } from './correction';
import { GoldFeedbackPanel } from './GoldFeedbackPanel';
import type { GoldFeedback } from './goldFeedback';
import {
  QUALIFICATIONS_API,
  answerBody,
  answerContext,
  draftAnswer,
  progressText,
  qualificationAnswerApi,
  qualificationKeyAction,
  qualificationKeyHints,
  qualificationNextApi,
  qualificationPath,
  readAnswerOutcome,
  readShownItem,
  readTests,
  resultMessage,
  scoreText,
  testAction,
  testStatus,
  type AnswerOutcome,
  type ShownItem,
  type TestResult,
} from './qualifications';
import { taskView, type TaskView } from './taskView';

/** Qualification tests: the list, and taking one test item by item with instant feedback. */
export function QualificationsPage() {
  return (
    <AppFrame role="ANNOTATOR" title="Qualification tests">
      {() => <Qualifications />}
    </AppFrame>
  );
}

function Qualifications() {
  const { id } = useParams();
  return id ? <TakeTest key={id} id={id} /> : <TestList />;
}

function TestList() {
  const { value: tests, error, load } = useLatest(QUALIFICATIONS_API, readTests);

  const now = new Date();
  return (
    <main className="qualifications-page">
      <section className="card">
        <div className="page-head">
          <h1>Qualification tests</h1>
          <span className="spacer" />
          <button id="refresh-tests" type="button" className="secondary" onClick={() => void load()}>
            Refresh
          </button>
        </div>
        <p className="muted">
          Some projects offer their work only to annotators who passed a test. A test is a few items with known
          answers: you see after each answer whether it was right. If you do not pass, you can try again after a
          cooldown.
        </p>
        {error && (
          <p className="error banner" role="alert">
            {error}
          </p>
        )}
      </section>

      {tests === null && !error && <p className="muted center">Loading the tests…</p>}

      {tests && (
        <section className="card">
          {tests.length === 0 ? (
            <p id="no-tests" className="empty">
              There are no qualification tests yet.
            </p>
          ) : (
            <ul id="qualification-list" className="test-list">
              {tests.map((test) => {
                const status = testStatus(test, now);
                const action = testAction(test, now);
                return (
                  <li key={test.id} className="test" data-qualification={test.id} data-status={status.status}>
                    <div className="test-head">
                      <strong className="test-name">{test.name || test.id}</strong>
                      <span className="badge kind">{test.kind}</span>
                      <span className="muted small">
                        {test.items} {test.items === 1 ? 'item' : 'items'}
                      </span>
                      <span className="spacer" />
                      <span className="badge test-status" data-status={status.status}>
                        {status.label}
                      </span>
                      {action && (
                        <Link className="button small take-test" to={qualificationPath(test.id)}>
                          {action}
                        </Link>
                      )}
                    </div>
                    {status.detail && <p className="test-detail muted small">{status.detail}</p>}
                    {test.instructions.trim() && (
                      <details className="instructions">
                        <summary>Instructions</summary>
                        <div className="text">{test.instructions}</div>
                      </details>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}
      <p className="center-actions">
        <Link to="/work">Back to annotating</Link>
      </p>
    </main>
  );
}

type Phase =
  | { name: 'loading' }
  /** The server has no item left in the attempt (a safeguard: the last answer ends it). */
  | { name: 'empty' }
  | { name: 'failed' }
  /** 403 or 409: the test cannot be taken now; `message` is the server's reason. */
  | { name: 'refused'; message: string }
  | { name: 'item'; item: ShownItem; view: TaskView | null; ctx: EditorContext }
  /** An answer's feedback stays until the annotator continues. */
  | { name: 'feedback'; item: ShownItem; ctx: EditorContext; given: unknown; outcome: AnsweredOutcome }
  | { name: 'result'; result: TestResult; total: number };

type AnsweredOutcome = AnswerOutcome & { feedback: GoldFeedback };

function TakeTest({ id }: { id: string }) {
  const errorMessage = useErrorMessage();
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const requestSeq = useRef(0);
  const started = useRef(false);

  const loadNext = useCallback(async () => {
    const seq = ++requestSeq.current;
    setPhase({ name: 'loading' });
    setDraft(null);
    try {
      const body = await api<unknown>(qualificationNextApi(id), { method: 'POST' });
      if (seq !== requestSeq.current) return;
      if (body === null) {
        setPhase({ name: 'empty' });
        return;
      }
      const item = readShownItem(body);
      if (!item) throw new Error('the server sent a test item this page does not understand');
      const view = taskView(item.kind, item.data);
      const ctx = answerContext(item, view?.responseIds ?? []);
      setDraft(initialDraft(ctx, null));
      setPhase({ name: 'item', item, view, ctx });
    } catch (e) {
      if (seq !== requestSeq.current) return;
      const message = errorMessage(e);
      if (e instanceof ApiError && (e.status === 403 || e.status === 404 || e.status === 409)) {
        setPhase({ name: 'refused', message: message ?? '' });
        return;
      }
      setPhase({ name: 'failed' });
      setError(message);
    }
  }, [id, errorMessage]);

  useEffect(() => {
    if (started.current) return; // StrictMode runs effects twice in development
    started.current = true;
    void loadNext();
    // The test's name is only in the list.
    api<unknown>(QUALIFICATIONS_API)
      .then((list) => setName(readTests(list).find((t) => t.id === id)?.name ?? ''))
      .catch(() => {});
  }, [id, loadNext]);

  const position = phase.name === 'item' ? phase.item.position : null;
  useEffect(() => {
    if (position !== null) window.scrollTo(0, 0);
  }, [position]);

  async function submit() {
    if (phase.name !== 'item' || !draft || busyRef.current) return;
    const { item, ctx } = phase;
    const built = draftAnswer(draft, ctx);
    if ('error' in built) {
      setError(built.error);
      return;
    }
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      const outcome = readAnswerOutcome(
        await api<unknown>(qualificationAnswerApi(id), {
          method: 'POST',
          body: JSON.stringify(answerBody(item, built.answer)),
        }),
      );
      requestSeq.current++; // nothing in flight may replace what comes next
      if (outcome.feedback) {
        setPhase({ name: 'feedback', item, ctx, given: built.answer, outcome: { ...outcome, feedback: outcome.feedback } });
      } else if (outcome.result) {
        setPhase({ name: 'result', result: outcome.result, total: outcome.total || item.total });
      } else {
        void loadNext();
      }
    } catch (e) {
      setError(errorMessage(e));
      // 409: the item was not shown or the attempt is over; 422: another answer is stored.
      if (e instanceof ApiError && (e.status === 409 || e.status === 422)) void loadNext();
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }

  function continueAfterFeedback() {
    if (phase.name !== 'feedback') return;
    const { outcome, item } = phase;
    if (outcome.result) setPhase({ name: 'result', result: outcome.result, total: outcome.total || item.total });
    else void loadNext();
  }

  function onFormSubmit(event: FormEvent) {
    event.preventDefault();
    void submit();
  }

  // The key handler sees the latest state through a ref, so the listener is added once.
  const onKeyRef = useRef<(event: KeyboardEvent) => void>(() => {});
  onKeyRef.current = (event: KeyboardEvent) => {
    if (phase.name !== 'item' && phase.name !== 'feedback') return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    const action = qualificationKeyAction(
      {
        key: event.key,
        repeat: event.repeat,
        targetTag: target?.tagName,
        editable: target?.isContentEditable,
        ctrlKey: event.ctrlKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
      },
      { phase: phase.name, kind: phase.item.kind },
    );
    if (!action) return;
    event.preventDefault(); // the focused button must not also be clicked
    switch (action.type) {
      case 'continue':
        continueAfterFeedback();
        break;
      case 'submit':
        if (!event.repeat) void submit();
        break;
      case 'choose':
        setDraft((d) => (d?.kind === 'pairwise' ? { ...d, choice: action.choice } : d));
        break;
      case 'toggle-label': {
        if (phase.name !== 'item') break;
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

  const title = name || 'Qualification test';
  return (
    <div className="take-test">
      <p className="crumbs">
        <Link to="/qualifications">Qualification tests</Link> / <span id="test-name">{title}</span>
      </p>

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
          <p id="no-items">This attempt has no item left to answer.</p>
          <Link className="button" to="/qualifications">
            Back to the tests
          </Link>
        </section>
      )}

      {phase.name === 'failed' && (
        <section className="card center-card">
          <p>The next item could not be loaded.</p>
          <button id="retry" type="button" onClick={() => void loadNext()}>
            Try again
          </button>
        </section>
      )}

      {phase.name === 'refused' && (
        <section id="test-refused" className="card center-card">
          <h1>{title}</h1>
          <p id="refused-reason" className="text">
            {phase.message || 'You cannot take this test now.'}
          </p>
          <Link className="button" to="/qualifications">
            Back to the tests
          </Link>
        </section>
      )}

      {phase.name === 'item' && draft && (
        <main className="task" data-position={phase.item.position}>
          <section className="card test-item-head">
            <div className="page-head">
              <h1>{title}</h1>
              <span className="badge kind">{phase.item.kind}</span>
              <span className="spacer" />
              <span id="test-progress" className="muted">
                {progressText(phase.item.position, phase.item.total)}
              </span>
            </div>
            <ProgressBar
              value={phase.item.position}
              max={phase.item.total}
              label={`${phase.item.position} answered`}
              title="Answered"
            />
            {phase.item.instructions.trim() && (
              <div id="instructions" className="text test-instructions">
                {phase.item.instructions}
              </div>
            )}
          </section>

          {phase.view ? (
            <TaskContent view={phase.view} />
          ) : (
            <section className="card">
              <h2>Item</h2>
              <p className="muted">This item's data does not have the {phase.item.kind} shape; shown as JSON.</p>
              <pre id="item-json" className="text code">
                {JSON.stringify(phase.item.data, null, 2)}
              </pre>
            </section>
          )}

          <form className="actionbar answer-bar" onSubmit={onFormSubmit} noValidate>
            <CorrectionEditor
              key={`${phase.item.attemptId}:${phase.item.position}`}
              draft={draft}
              ctx={phase.ctx}
              onChange={setDraft}
              purpose="answer"
            />
            <span className="spacer" />
            <button id="answer-submit" type="submit" disabled={busy}>
              {busy ? 'Sending…' : 'Answer'} <kbd>Enter</kbd>
            </button>
          </form>

          <p id="key-hints" className="hints muted">
            Keys:{' '}
            {qualificationKeyHints(phase.item.kind).map((h, i) => (
              <span key={h.key}>
                {i > 0 && ' · '}
                <kbd>{h.key}</kbd> {h.label}
              </span>
            ))}
          </p>
        </main>
      )}

      {phase.name === 'feedback' && (
        <GoldFeedbackPanel
          kind={phase.item.kind}
          data={phase.item.data}
          given={phase.given}
          feedback={phase.outcome.feedback}
          scale={phase.ctx.scale}
          heading="Feedback"
          progress={`${phase.outcome.answered} of ${phase.outcome.total || phase.item.total} answered`}
          continueLabel={phase.outcome.result ? 'See your result' : 'Next item'}
          onContinue={continueAfterFeedback}
        />
      )}

      {phase.name === 'result' && <Result result={phase.result} total={phase.total} />}
    </div>
  );
}

function Result({ result, total }: { result: TestResult; total: number }) {
  const backRef = useRef<HTMLAnchorElement>(null);
  useEffect(() => backRef.current?.focus(), []);
  return (
    <section
      id="qualification-result"
      className={result.passed ? 'card center-card test-result passed' : 'card center-card test-result failed'}
      data-passed={result.passed}
      role="status"
    >
      <h1 id="result-verdict">{result.passed ? '✓ You passed' : '✗ You did not pass'}</h1>
      <p id="result-score" className="result-score">
        Score: {scoreText(result.score, total)}
      </p>
      <p id="result-next" className="text">
        {resultMessage(result, new Date())}
      </p>
      <div className="actions center-actions">
        <Link id="back-to-tests" ref={backRef} className="button" to="/qualifications">
          Back to the tests
        </Link>
        {result.passed && (
          <Link className="button secondary" to="/work">
            Start annotating
          </Link>
        )}
      </div>
    </section>
  );
}
