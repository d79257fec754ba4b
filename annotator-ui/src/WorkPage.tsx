import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { ApiError, api, type User } from './api';
import { Blocks } from './Blocks';
import { GoldFeedbackPanel } from './GoldFeedbackPanel';
import { afterSubmit, feedbackKeyAction, type GoldFeedback } from './goldFeedback';
import { KEY_HINTS, keyAction } from './keys';
import { AppNav } from './AppFrame';
import { useSession } from './session';
import {
  DEFAULT_STRENGTH,
  STRENGTHS,
  isLeaseLost,
  newIdempotencyKey,
  nextTaskFailure,
  pairwiseView,
  submitBody,
  type Assignment,
  type Choice,
  type PairwiseView,
  type Strength,
  type SubmitResponse,
} from './workbench';

type Phase =
  | { name: 'loading' }
  | { name: 'empty' }
  | { name: 'failed' }
  /** next-task answered 403: the annotator may not work now; `message` is the server's reason. */
  | { name: 'blocked'; message: string }
  | {
      name: 'task';
      assignment: Assignment;
      /** Null when the kind is not pairwise or the data does not have the pairwise shape. */
      view: PairwiseView | null;
      shownAt: number;
    }
  /** A gold task was answered: its feedback stays until the annotator continues. */
  | { name: 'feedback'; assignment: Assignment; given: unknown; feedback: GoldFeedback };

/** The annotator's workbench: one task at a time, answered with the keyboard or the buttons. */
export function WorkPage() {
  const { user, loading, logout } = useSession();
  if (loading) return <p className="muted">Loading…</p>;
  if (!user) return <Navigate to="/login" replace />;
  return <Workbench user={user} logout={logout} />;
}

function Workbench({ user, logout }: { user: User; logout: () => void }) {
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });
  const [choice, setChoice] = useState<Choice | null>(null);
  const [strength, setStrength] = useState<Strength>(DEFAULT_STRENGTH);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(0);
  const busyRef = useRef(false);
  const requestSeq = useRef(0);
  const started = useRef(false);
  const idempotencyKeys = useRef(new Map<string, string>());

  const showError = useCallback(
    (e: unknown) => {
      if (e instanceof ApiError && e.status === 401) {
        logout(); // the token expired: back to the login page
        return;
      }
      if (e instanceof ApiError) setError(e.message);
      else setError(`Could not reach the server: ${e instanceof Error ? e.message : String(e)}`);
    },
    [logout],
  );

  const loadNext = useCallback(async () => {
    const seq = ++requestSeq.current;
    setPhase({ name: 'loading' });
    try {
      const assignment = await api<Assignment | null>('/api/v1/annotator/next-task', { method: 'POST' });
      if (seq !== requestSeq.current) return;
      setChoice(null);
      setStrength(DEFAULT_STRENGTH);
      if (!assignment) {
        setPhase({ name: 'empty' });
        return;
      }
      if (typeof assignment !== 'object' || !assignment.assignmentId || !assignment.task) {
        throw new Error('the server sent a task the workbench does not understand');
      }
      const view = assignment.task.kind === 'pairwise' ? pairwiseView(assignment.task.data) : null;
      setPhase({ name: 'task', assignment, view, shownAt: performance.now() });
    } catch (e) {
      if (seq !== requestSeq.current) return;
      const failure = nextTaskFailure(e instanceof ApiError ? e.status : null);
      if (failure === 'blocked') {
        setPhase({ name: 'blocked', message: e instanceof Error ? e.message : String(e) });
        return;
      }
      setPhase({ name: 'failed' });
      showError(e);
    }
  }, [showError]);

  useEffect(() => {
    if (started.current) return; // StrictMode runs effects twice in development
    started.current = true;
    void loadNext();
  }, [loadNext]);

  const assignmentId = phase.name === 'task' ? phase.assignment.assignmentId : null;
  useEffect(() => {
    if (assignmentId) window.scrollTo(0, 0);
  }, [assignmentId]);

  function idempotencyKey(id: string): string {
    let key = idempotencyKeys.current.get(id);
    if (!key) {
      key = newIdempotencyKey();
      idempotencyKeys.current.set(id, key);
    }
    return key;
  }

  /**
   * Runs a submit or skip call with the busy guard, then loads the next task unless `onSuccess`
   * says to stay (gold feedback to read); a lost lease moves on to the next task.
   */
  async function act<T>(call: () => Promise<T>, onSuccess: (result: T) => 'next' | 'stay') {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      const result = await call();
      if (onSuccess(result) === 'next') void loadNext();
    } catch (e) {
      showError(e);
      if (e instanceof ApiError && isLeaseLost(e.status)) void loadNext();
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }

  function submit() {
    if (phase.name !== 'task' || !phase.view || !choice) return;
    const { assignment } = phase;
    const id = assignment.assignmentId;
    const body = submitBody(choice, strength, performance.now() - phase.shownAt);
    void act(
      () =>
        api<SubmitResponse>(`/api/v1/assignments/${encodeURIComponent(id)}/submit`, {
          method: 'POST',
          headers: { 'Idempotency-Key': idempotencyKey(id) },
          body: JSON.stringify(body),
        }),
      (response) => {
        setDone((n) => n + 1);
        const next = afterSubmit(response);
        if (next.type === 'next') return 'next';
        requestSeq.current++; // nothing in flight may replace the feedback
        setPhase({ name: 'feedback', assignment, given: body.answer, feedback: next.feedback });
        return 'stay';
      },
    );
  }

  function continueAfterFeedback() {
    if (phase.name !== 'feedback') return;
    void loadNext();
  }

  function skip(reason: string) {
    if (phase.name !== 'task') return;
    const id = phase.assignment.assignmentId;
    void act(
      () =>
        api<unknown>(`/api/v1/assignments/${encodeURIComponent(id)}/skip`, {
          method: 'POST',
          body: JSON.stringify({ reason }),
        }),
      () => 'next',
    );
  }

  function retry() {
    setError(null);
    void loadNext();
  }

  // The key handler sees the latest state through a ref, so the listener is added once.
  const onKeyRef = useRef<(event: KeyboardEvent) => void>(() => {});
  onKeyRef.current = (event: KeyboardEvent) => {
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (phase.name === 'feedback') {
      const next = feedbackKeyAction({
        key: event.key,
        repeat: event.repeat,
        targetTag: target?.tagName,
        editable: target?.isContentEditable,
        ctrlKey: event.ctrlKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
      });
      if (next) {
        event.preventDefault(); // the focused Continue button must not also be clicked
        continueAfterFeedback();
      }
      return;
    }
    if (phase.name !== 'task' || !phase.view) return;
    const action = keyAction({
      key: event.key,
      targetTag: target?.tagName,
      editable: target?.isContentEditable,
      ctrlKey: event.ctrlKey,
      altKey: event.altKey,
      metaKey: event.metaKey,
    });
    if (!action) return;
    if (action.type === 'choose') {
      event.preventDefault();
      setChoice(action.choice);
    } else if (choice) {
      event.preventDefault(); // keeps a focused button from also being clicked
      if (!event.repeat) submit();
    }
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyRef.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <div className="workbench">
      <header className="topbar">
        <Link to="/" className="brand">
          Quorum
        </Link>
        <AppNav roles={user.roles} />
        <span className="spacer" />
        <span id="done-count">Done this session: {done}</span>
        <span id="user-name" className="user-name">
          {user.name}
        </span>
        <button id="sign-out" type="button" className="link" onClick={logout}>
          Sign out
        </button>
      </header>

      {error && (
        <p className="error banner" role="alert">
          {error}
        </p>
      )}

      {phase.name === 'loading' && (
        <p id="loading" className="muted center">
          Loading the next task…
        </p>
      )}

      {phase.name === 'empty' && (
        <section className="card center-card">
          <p id="no-tasks">No tasks left. New work will appear here when it is ready.</p>
          <button id="check-again" type="button" onClick={retry}>
            Check again
          </button>
        </section>
      )}

      {phase.name === 'blocked' && (
        <section id="blocked" className="card center-card">
          <h2>You cannot take tasks right now</h2>
          <p id="blocked-reason" className="text">
            {phase.message}
          </p>
          <div className="actions center-actions">
            <Link className="button secondary" to="/feedback">
              See your feedback
            </Link>
            <button id="check-again" type="button" onClick={retry}>
              Check again
            </button>
          </div>
        </section>
      )}

      {phase.name === 'feedback' && (
        <GoldFeedbackPanel
          kind={phase.assignment.task.kind}
          data={phase.assignment.task.data}
          given={phase.given}
          feedback={phase.feedback}
          onContinue={continueAfterFeedback}
        />
      )}

      {phase.name === 'failed' && (
        <section className="card center-card">
          <p>The next task could not be loaded.</p>
          <button id="retry" type="button" onClick={retry}>
            Try again
          </button>
        </section>
      )}

      {phase.name === 'task' && phase.view && (
        <PairwiseTask
          instructions={phase.assignment.task.instructions ?? ''}
          leaseExpiresAt={phase.assignment.leaseExpiresAt}
          view={phase.view}
          choice={choice}
          strength={strength}
          busy={busy}
          onChoose={setChoice}
          onStrength={setStrength}
          onSubmit={submit}
        />
      )}

      {phase.name === 'task' && !phase.view && (
        <section id="unsupported" className="card center-card">
          {phase.assignment.task.kind === 'pairwise' ? (
            <p>This pairwise task has data the workbench cannot show.</p>
          ) : (
            <p>
              This task kind is not supported in the workbench yet{' '}
              <span className="muted">
                (<code>{phase.assignment.task.kind}</code>)
              </span>
            </p>
          )}
          <button
            id="skip"
            type="button"
            disabled={busy}
            onClick={() => skip(phase.assignment.task.kind === 'pairwise' ? 'invalid task data' : 'unsupported kind')}
          >
            {busy ? 'Skipping…' : 'Skip'}
          </button>
        </section>
      )}
    </div>
  );
}

interface PairwiseTaskProps {
  instructions: string;
  leaseExpiresAt: string;
  view: PairwiseView;
  choice: Choice | null;
  strength: Strength;
  busy: boolean;
  onChoose(choice: Choice): void;
  onStrength(strength: Strength): void;
  onSubmit(): void;
}

const CHOICES: ReadonlyArray<{ value: Choice; id: string; key: string; label: string }> = [
  { value: 'A', id: 'choose-a', key: '1', label: 'A is better' },
  { value: 'tie', id: 'choose-tie', key: '2', label: 'Tie' },
  { value: 'B', id: 'choose-b', key: '3', label: 'B is better' },
];

function PairwiseTask(props: PairwiseTaskProps) {
  const { instructions, view, choice, strength, busy } = props;
  const lease = new Date(props.leaseExpiresAt);
  return (
    <main className="task">
      {instructions.trim() && (
        <section className="card">
          <h2>Instructions</h2>
          <div id="instructions" className="text">
            {instructions}
          </div>
        </section>
      )}

      <section className="card">
        <h2>Prompt</h2>
        <div id="prompt">
          <Blocks blocks={view.prompt} />
        </div>
      </section>

      <div className="responses">
        <section className="card response">
          <h2 className="side">A</h2>
          <div id="response-a">
            <Blocks blocks={view.responseA} />
          </div>
        </section>
        <section className="card response">
          <h2 className="side">B</h2>
          <div id="response-b">
            <Blocks blocks={view.responseB} />
          </div>
        </section>
      </div>

      <div className="actionbar">
        <div className="choices" role="group" aria-label="Which response is better?">
          {CHOICES.map((c) => (
            <button
              key={c.value}
              id={c.id}
              type="button"
              className={choice === c.value ? 'choice selected' : 'choice'}
              aria-pressed={choice === c.value}
              onClick={() => props.onChoose(c.value)}
            >
              <kbd>{c.key}</kbd> {c.label}
            </button>
          ))}
        </div>
        {choice !== 'tie' && (
          <div className="strength" role="group" aria-label="How much better?">
            <span className="muted">{choice ? `How much better is ${choice}?` : 'How much better?'}</span>
            {STRENGTHS.map((s) => (
              <button
                key={s.value}
                id={`strength-${s.value}`}
                type="button"
                className={strength === s.value ? 'strength-option selected' : 'strength-option'}
                aria-pressed={strength === s.value}
                onClick={() => props.onStrength(s.value)}
              >
                {s.label}
              </button>
            ))}
          </div>
        )}
        <span className="spacer" />
        <button id="submit" type="button" disabled={!choice || busy} onClick={props.onSubmit}>
          {busy ? 'Submitting…' : 'Submit'} <kbd>Enter</kbd>
        </button>
      </div>

      <p id="key-hints" className="hints muted">
        Keys:{' '}
        {KEY_HINTS.map((h, i) => (
          <span key={h.key}>
            {i > 0 && ' · '}
            <kbd>{h.key}</kbd> {h.label}
          </span>
        ))}
        {!Number.isNaN(lease.getTime()) && <> · lease until {lease.toLocaleTimeString()}</>}
      </p>
    </main>
  );
}
