import { useCallback, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { api } from './api';
import { useLatest } from './useLatest';
import { AppFrame } from './AppFrame';
import {
  FEEDBACK_API,
  MAX_APPEAL_COMMENT,
  appealBody,
  appealPath,
  appealStatusLabel,
  appealView,
  pauseMessage,
  readAnnotatorFeedback,
  withAppeal,
  type Rejection,
} from './annotatorFeedback';
import { formatDateTime } from './console/projects';
import { useErrorMessage } from './console/useErrorMessage';

/** The annotator's reviews: pauses, rejected work and appeals. */
export function FeedbackPage() {
  return (
    <AppFrame role="ANNOTATOR" title="Your feedback">
      {() => <Feedback />}
    </AppFrame>
  );
}

function Feedback() {
  const {
    value: feedback,
    setValue: setFeedback,
    error,
    load,
    invalidate,
  } = useLatest(FEEDBACK_API, readAnnotatorFeedback);

  const onAppealed = useCallback(
    (reviewId: string, comment: string) => {
      invalidate(); // a reload in flight must not bring back the form
      setFeedback((f) => (f ? withAppeal(f, reviewId, { status: 'pending', comment }) : f));
    },
    [invalidate, setFeedback],
  );

  return (
    <main className="feedback-page">
      <section className="card">
        <div className="page-head">
          <h1>Your feedback</h1>
          <span className="spacer" />
          <button id="refresh-feedback" type="button" className="secondary" onClick={() => void load()}>
            Refresh
          </button>
        </div>
        <p className="muted">
          Work that reviewers rejected, and projects you are paused on. You can appeal a rejection once; a reviewer
          decides.
        </p>
        {error && (
          <p className="error banner" role="alert">
            {error}
          </p>
        )}
      </section>

      {feedback === null && !error && <p className="muted center">Loading your feedback…</p>}

      {feedback && (
        <>
          <section id="pauses" className="card">
            <h2>Pauses</h2>
            {feedback.pauses.length === 0 ? (
              <p id="no-pauses" className="empty">
                You are not paused on any project.
              </p>
            ) : (
              <ul className="notice-list">
                {feedback.pauses.map((pause) => (
                  <li key={pause.projectId || pause.projectName} className="notice warning" data-project={pause.projectId}>
                    <div className="text">{pauseMessage(pause)}</div>
                    {pause.since && <div className="muted small">since {formatDateTime(pause.since)}</div>}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section id="rejections" className="card">
            <h2>Rejected work</h2>
            {feedback.rejections.length === 0 ? (
              <p id="no-rejections" className="empty">
                None of your work has been rejected.
              </p>
            ) : (
              <ul className="rejection-list">
                {feedback.rejections.map((r) => (
                  <RejectionItem key={r.reviewId} rejection={r} onAppealed={onAppealed} />
                ))}
              </ul>
            )}
          </section>
          <p className="center-actions">
            <Link to="/work">Back to annotating</Link>
          </p>
        </>
      )}
    </main>
  );
}

function RejectionItem({
  rejection: r,
  onAppealed,
}: {
  rejection: Rejection;
  onAppealed(reviewId: string, comment: string): void;
}) {
  const view = appealView(r);
  return (
    <li className="rejection" data-review-id={r.reviewId}>
      <div className="rejection-head">
        <strong className="project-name">{r.projectName || 'Project'}</strong>
        <span className="muted small">rejected {formatDateTime(r.reviewedAt)}</span>
        <span className="spacer" />
        {view.type === 'appealed' && (
          <span className="badge appeal-status" data-status={view.appeal.status}>
            {appealStatusLabel(view.appeal.status)}
          </span>
        )}
        {view.type === 'closed' && <span className="badge">Not appealable</span>}
      </div>
      {r.taskPreview && <blockquote className="text preview">{r.taskPreview}</blockquote>}
      <p className="reason">
        <span className="muted">Reason: </span>
        <span className="text">{r.reason || '(no reason given)'}</span>
      </p>
      {view.type === 'appealed' && view.appeal.comment && (
        <p className="appeal-comment">
          <span className="muted">Your appeal: </span>
          <span className="text">{view.appeal.comment}</span>
        </p>
      )}
      {view.type === 'form' && <AppealForm reviewId={r.reviewId} onAppealed={onAppealed} />}
    </li>
  );
}

function AppealForm({ reviewId, onAppealed }: { reviewId: string; onAppealed(reviewId: string, comment: string): void }) {
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const request = appealBody(comment);
    if ('error' in request) {
      setError(request.error);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api<unknown>(appealPath(reviewId), { method: 'POST', body: JSON.stringify(request.body) });
      onAppealed(reviewId, request.body.comment);
    } catch (e) {
      setError(errorMessage(e)); // a 409 (already appealed) shows the server's detail
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <button type="button" className="secondary small appeal-open" onClick={() => setOpen(true)}>
        Appeal
      </button>
    );
  }
  const fieldId = `appeal-comment-${reviewId}`;
  return (
    <form className="appeal-form" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={fieldId}>Why was your answer right?</label>
      <textarea
        id={fieldId}
        className="appeal-text"
        rows={3}
        maxLength={MAX_APPEAL_COMMENT}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        required
        autoFocus
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="appeal-submit" disabled={busy}>
          {busy ? 'Sending…' : 'Send appeal'}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
