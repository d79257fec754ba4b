import type { RuleRow, SkillRow } from './projectForm';

const LEVELS = ['1', '2', '3', '4', '5'];

function replace<T>(rows: T[], index: number, row: T): T[] {
  return rows.map((r, i) => (i === index ? row : r));
}

function Levels({ id, value, onChange, label }: { id: string; value: string; onChange(v: string): void; label: string }) {
  return (
    <select id={id} aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {LEVELS.map((l) => (
        <option key={l} value={l}>
          {l}
        </option>
      ))}
    </select>
  );
}

/** Required skills: a name and a minimum level from 1 to 5 per row. */
export function SkillRows({ rows, onChange }: { rows: SkillRow[]; onChange(rows: SkillRow[]): void }) {
  return (
    <div className="rows" id="skills">
      <div className="rows-head">
        <span className="field-title">Skills</span>
        <span className="hint">annotators need each skill at the level or above</span>
      </div>
      {rows.length > 0 && (
        <table className="table compact">
          <thead>
            <tr>
              <th>Skill</th>
              <th>Minimum level</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                <td>
                  <input
                    id={`skill-name-${i}`}
                    aria-label={`Skill ${i + 1} name`}
                    value={row.name}
                    placeholder="e.g. medicine"
                    onChange={(e) => onChange(replace(rows, i, { ...row, name: e.target.value }))}
                  />
                </td>
                <td>
                  <Levels
                    id={`skill-level-${i}`}
                    label={`Skill ${i + 1} minimum level`}
                    value={row.minLevel}
                    onChange={(v) => onChange(replace(rows, i, { ...row, minLevel: v }))}
                  />
                </td>
                <td className="row-actions">
                  <button type="button" className="link" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button id="add-skill" type="button" className="secondary small" onClick={() => onChange([...rows, { name: '', minLevel: '1' }])}>
        Add skill
      </button>
    </div>
  );
}

/** Difficulty rules: tasks of at least this difficulty need annotators of at least this tier. */
export function RuleRows({ rows, onChange }: { rows: RuleRow[]; onChange(rows: RuleRow[]): void }) {
  return (
    <div className="rows" id="difficulty-rules">
      <div className="rows-head">
        <span className="field-title">Difficulty rules</span>
        <span className="hint">harder tasks go to higher tiers</span>
      </div>
      {rows.length > 0 && (
        <table className="table compact">
          <thead>
            <tr>
              <th>Difficulty at least</th>
              <th>Needs tier at least</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                <td>
                  <Levels
                    id={`rule-difficulty-${i}`}
                    label={`Rule ${i + 1} minimum difficulty`}
                    value={row.minDifficulty}
                    onChange={(v) => onChange(replace(rows, i, { ...row, minDifficulty: v }))}
                  />
                </td>
                <td>
                  <Levels
                    id={`rule-tier-${i}`}
                    label={`Rule ${i + 1} minimum tier`}
                    value={row.minTier}
                    onChange={(v) => onChange(replace(rows, i, { ...row, minTier: v }))}
                  />
                </td>
                <td className="row-actions">
                  <button type="button" className="link" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button
        id="add-rule"
        type="button"
        className="secondary small"
        onClick={() => onChange([...rows, { minDifficulty: '3', minTier: '2' }])}
      >
        Add rule
      </button>
    </div>
  );
}
