import { useEffect, useRef } from 'react';
import { moveInOrder, toggleLabel, type Draft, type EditorContext } from './correction';
import { STRENGTHS, type Choice } from './workbench';

const CHOICES: ReadonlyArray<{ value: Choice; key: string; label: string }> = [
  { value: 'A', key: '1', label: 'A is better' },
  { value: 'tie', key: '2', label: 'Tie' },
  { value: 'B', key: '3', label: 'B is better' },
];

const WORDS = {
  correction: {
    editorId: 'correction-editor',
    choicePrefix: 'correct',
    choice: 'Corrected choice',
    labels: 'Corrected labels',
    textId: 'correction-text',
    response: 'Corrected response',
    json: 'Corrected answer as JSON',
  },
  answer: {
    editorId: 'answer-editor',
    choicePrefix: 'choose',
    choice: 'Your choice',
    labels: 'Your labels',
    textId: 'answer-text',
    response: 'Your response',
    json: 'Your answer as JSON',
  },
} as const;

/**
 * An answer edited in a form suited to the kind; keys are handled by the page. `purpose` is a
 * reviewer's correction (the default) or an annotator's own answer (a qualification test).
 */
export function CorrectionEditor({
  draft,
  ctx,
  onChange,
  purpose = 'correction',
}: {
  draft: Draft;
  ctx: EditorContext;
  onChange(draft: Draft): void;
  purpose?: 'correction' | 'answer';
}) {
  const words = WORDS[purpose];
  const firstField = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  // Text editors take the focus, so that typing goes into them; the others work by keys.
  useEffect(() => firstField.current?.focus(), [draft.kind]);

  switch (draft.kind) {
    case 'pairwise':
      return (
        <div className="editor" id={words.editorId}>
          <div className="choices" role="group" aria-label={words.choice}>
            {CHOICES.map((c) => (
              <button
                key={c.value}
                id={`${words.choicePrefix}-${c.value.toLowerCase()}`}
                type="button"
                className={draft.choice === c.value ? 'choice selected' : 'choice'}
                aria-pressed={draft.choice === c.value}
                onClick={() => onChange({ ...draft, choice: c.value })}
              >
                <kbd>{c.key}</kbd> {c.label}
              </button>
            ))}
          </div>
          {draft.choice !== 'tie' && (
            <div className="strength" role="group" aria-label="How much better?">
              {STRENGTHS.map((s) => (
                <button
                  key={s.value}
                  id={`${words.choicePrefix}-strength-${s.value}`}
                  type="button"
                  className={draft.strength === s.value ? 'strength-option selected' : 'strength-option'}
                  aria-pressed={draft.strength === s.value}
                  onClick={() => onChange({ ...draft, strength: s.value })}
                >
                  {s.label}
                </button>
              ))}
            </div>
          )}
        </div>
      );
    case 'classification':
      return (
        <div className="editor" id={words.editorId}>
          {ctx.labels.length === 0 ? (
            <p className="muted">The project lists no labels.</p>
          ) : (
            <div className="choices wrap" role="group" aria-label={words.labels}>
              {ctx.labels.map((label, i) => {
                const on = draft.labels.includes(label);
                return (
                  <button
                    key={label}
                    id={`${words.choicePrefix}-label-${i}`}
                    type="button"
                    className={on ? 'choice selected' : 'choice'}
                    aria-pressed={on}
                    data-label={label}
                    onClick={() => onChange({ ...draft, labels: toggleLabel(draft.labels, label, ctx.multiLabel) })}
                  >
                    {i < 9 && <kbd>{i + 1}</kbd>} {label}
                  </button>
                );
              })}
            </div>
          )}
          <span className="hint">{ctx.multiLabel === false ? 'One label.' : 'One or more labels.'}</span>
        </div>
      );
    case 'rating':
      return (
        <div className="editor scores" id={words.editorId}>
          {ctx.criteria.map((criterion, i) => (
            <label key={criterion} className="score">
              <span>{criterion}</span>
              <input
                id={`${words.choicePrefix}-score-${i}`}
                ref={i === 0 ? firstField : undefined}
                type="number"
                inputMode="numeric"
                min={ctx.scale.min}
                max={ctx.scale.max}
                step={1}
                value={draft.scores[criterion] ?? ''}
                onChange={(e) => onChange({ ...draft, scores: { ...draft.scores, [criterion]: e.target.value } })}
              />
              <span className="hint">
                {ctx.scale.min}–{ctx.scale.max}
              </span>
            </label>
          ))}
        </div>
      );
    case 'ranking':
      return (
        <div className="editor" id={words.editorId}>
          <ol className="ranking-editor">
            {draft.order.map((id, i) => (
              <li key={id} data-response={id}>
                <span className="rank">{i + 1}.</span>
                <span className="ranked-id">{id}</span>
                <button
                  type="button"
                  className="secondary small"
                  aria-label={`Move ${id} up`}
                  disabled={i === 0}
                  onClick={() => onChange({ ...draft, order: moveInOrder(draft.order, i, -1) })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="secondary small"
                  aria-label={`Move ${id} down`}
                  disabled={i === draft.order.length - 1}
                  onClick={() => onChange({ ...draft, order: moveInOrder(draft.order, i, 1) })}
                >
                  ↓
                </button>
              </li>
            ))}
          </ol>
          <span className="hint">Best first.</span>
        </div>
      );
    case 'sft':
    case 'json':
      return (
        <div className="editor" id={words.editorId}>
          <textarea
            ref={firstField}
            id={words.textId}
            rows={draft.kind === 'sft' ? 8 : 6}
            className={draft.kind === 'json' ? 'code' : undefined}
            aria-label={draft.kind === 'sft' ? words.response : words.json}
            value={draft.kind === 'sft' ? draft.response : draft.text}
            onChange={(e) =>
              onChange(draft.kind === 'sft' ? { ...draft, response: e.target.value } : { ...draft, text: e.target.value })
            }
          />
          <span className="hint">
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd> sends
          </span>
        </div>
      );
  }
}
