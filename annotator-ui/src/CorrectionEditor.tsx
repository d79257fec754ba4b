import { useEffect, useRef } from 'react';
import { moveInOrder, toggleLabel, type Draft, type EditorContext } from './correction';
import { STRENGTHS, type Choice } from './workbench';

const CHOICES: ReadonlyArray<{ value: Choice; key: string; label: string }> = [
  { value: 'A', key: '1', label: 'A is better' },
  { value: 'tie', key: '2', label: 'Tie' },
  { value: 'B', key: '3', label: 'B is better' },
];

/** The corrected answer, edited in a form suited to the kind; keys are handled by the page. */
export function CorrectionEditor({
  draft,
  ctx,
  onChange,
}: {
  draft: Draft;
  ctx: EditorContext;
  onChange(draft: Draft): void;
}) {
  const firstField = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  // Text editors take the focus, so that typing goes into them; the others work by keys.
  useEffect(() => firstField.current?.focus(), [draft.kind]);

  switch (draft.kind) {
    case 'pairwise':
      return (
        <div className="editor" id="correction-editor">
          <div className="choices" role="group" aria-label="Corrected choice">
            {CHOICES.map((c) => (
              <button
                key={c.value}
                id={`correct-${c.value.toLowerCase()}`}
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
        <div className="editor" id="correction-editor">
          {ctx.labels.length === 0 ? (
            <p className="muted">The project lists no labels.</p>
          ) : (
            <div className="choices wrap" role="group" aria-label="Corrected labels">
              {ctx.labels.map((label, i) => {
                const on = draft.labels.includes(label);
                return (
                  <button
                    key={label}
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
        <div className="editor scores" id="correction-editor">
          {ctx.criteria.map((criterion, i) => (
            <label key={criterion} className="score">
              <span>{criterion}</span>
              <input
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
        <div className="editor" id="correction-editor">
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
        <div className="editor" id="correction-editor">
          <textarea
            ref={firstField}
            id="correction-text"
            rows={draft.kind === 'sft' ? 8 : 6}
            className={draft.kind === 'json' ? 'code' : undefined}
            aria-label={draft.kind === 'sft' ? 'Corrected response' : 'Corrected answer as JSON'}
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
