import { roleLabel, type Block } from './content';
import type { TaskView } from './taskView';

/** Untrusted content as text only: one block per message, labelled with its role. */
export function Blocks({ blocks }: { blocks: Block[] }) {
  if (blocks.length === 0) return <p className="muted">(empty)</p>;
  if (blocks.length === 1 && blocks[0].role === null) return <Text text={blocks[0].text} />;
  return (
    <ol className="messages">
      {blocks.map((block, i) => (
        <li key={i} className="message" data-role={block.role ?? undefined}>
          {block.role && <div className="role">{roleLabel(block.role)}</div>}
          <Text text={block.text} />
        </li>
      ))}
    </ol>
  );
}

export function Text({ text }: { text: string }) {
  if (text.length === 0) return <p className="muted">(empty)</p>;
  return <div className="text">{text}</div>;
}

/** Any kind of task: the lead sections full width, the responses side by side. */
export function TaskContent({ view }: { view: TaskView }) {
  return (
    <>
      {view.lead.map((section) => (
        <section key={section.id} className="card">
          <h2>{section.title}</h2>
          <div id={section.id}>
            <Blocks blocks={section.blocks} />
          </div>
        </section>
      ))}
      {view.responses.length > 0 && (
        <div className={view.responses.length === 2 ? 'responses' : 'responses many'}>
          {view.responses.map((section) => (
            <section key={section.id} className="card response">
              <h2 className="side">{section.title}</h2>
              <div id={section.id}>
                <Blocks blocks={section.blocks} />
              </div>
            </section>
          ))}
        </div>
      )}
    </>
  );
}

/** An answer in words, one line each, as text. */
export function AnswerLines({ lines }: { lines: string[] }) {
  if (lines.length === 1) return <div className="text">{lines[0]}</div>;
  return (
    <ul className="answer-lines">
      {lines.map((line, i) => (
        <li key={i} className="text">
          {line}
        </li>
      ))}
    </ul>
  );
}
