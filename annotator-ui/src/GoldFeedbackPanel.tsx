import { useEffect, useRef, type ReactNode } from 'react';
import { describeAnswer } from './answers';
import { AnswerLines, TaskContent } from './Blocks';
import { feedbackTitle, type GoldFeedback } from './goldFeedback';
import { taskView } from './taskView';

/**
 * What a gold item expected, next to what the annotator answered, then the item itself; Enter or
 * Continue moves on (the page handles the key). Used by the workbench and the qualification tests.
 */
export function GoldFeedbackPanel(props: {
  kind: string;
  data: unknown;
  given: unknown;
  feedback: GoldFeedback;
  onContinue(): void;
  /** Rating: the scale, to say "4 on 1–5". */
  scale?: { min: number; max: number } | null;
  heading?: string;
  /** Shown in the heading's line, e.g. "Item 2 of 5". */
  progress?: ReactNode;
  continueLabel?: string;
}) {
  const { kind, feedback } = props;
  const view = taskView(kind, props.data);
  // The expected answer comes in the order the annotator saw: A is the left response.
  const context = { sides: 'shown' as const, responseIds: view?.responseIds, scale: props.scale };
  const continueRef = useRef<HTMLButtonElement>(null);
  useEffect(() => continueRef.current?.focus(), []);
  return (
    <main className="task">
      <section
        id="gold-feedback"
        className={feedback.correct ? 'card feedback correct' : 'card feedback incorrect'}
        data-correct={feedback.correct}
        role="status"
      >
        <h2>
          {props.heading ?? 'Feedback on a test task'}
          {props.progress && <span className="heading-aside"> · {props.progress}</span>}
        </h2>
        <p id="feedback-verdict" className="feedback-verdict">
          {feedback.correct ? '✓ ' : '✗ '}
          {feedbackTitle(feedback)}
        </p>
        <dl className="feedback-answers">
          <div>
            <dt>Expected</dt>
            <dd id="feedback-expected">
              <AnswerLines lines={describeAnswer(kind, feedback.expected, context)} />
            </dd>
          </div>
          <div>
            <dt>Your answer</dt>
            <dd id="feedback-given">
              <AnswerLines lines={describeAnswer(kind, props.given, context)} />
            </dd>
          </div>
        </dl>
        {feedback.explanation.trim() && (
          <div id="feedback-explanation" className="text explanation">
            {feedback.explanation}
          </div>
        )}
        <div className="actions center-actions">
          <button id="continue" type="button" ref={continueRef} onClick={props.onContinue}>
            {props.continueLabel ?? 'Continue'} <kbd>Enter</kbd>
          </button>
        </div>
      </section>
      {view && <TaskContent view={view} />}
    </main>
  );
}
