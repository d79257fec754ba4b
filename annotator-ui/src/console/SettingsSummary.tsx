import type { ReactNode } from 'react';
import { formatDateTime, formatPay, formatPercent, formatSeconds, type ProjectView } from './projects';

/** The project's settings as read-only text. */
export function SettingsSummary({ project: p }: { project: ProjectView }) {
  const rows: Array<[string, ReactNode]> = [
    [
      'Overlap',
      `${p.overlap.min}${p.overlap.max !== p.overlap.min ? ` to ${p.overlap.max}` : ''} per task` +
        (p.overlap.agreementTarget > 0 ? `, agreement target ${formatPercent(p.overlap.agreementTarget)}` : ''),
    ],
    ['Gold ratio', formatPercent(p.goldRatio)],
    ['Languages', p.requirements.languages.length ? p.requirements.languages.join(', ') : 'any'],
    ['Minimum tier', p.requirements.minTier],
    [
      'Skills',
      p.requirements.skills.length ? p.requirements.skills.map((s) => `${s.name} ≥ ${s.minLevel}`).join(', ') : 'none',
    ],
    [
      'Difficulty rules',
      p.difficultyRules.length
        ? p.difficultyRules.map((r) => `difficulty ≥ ${r.minDifficulty} → tier ≥ ${r.minTier}`).join('; ')
        : 'none',
    ],
    ['Pay per judgement', formatPay(p.pay)],
    ['Priority', p.priority],
    ['Lease', formatSeconds(p.leaseSeconds)],
    ['Deadline', p.deadline ? formatDateTime(p.deadline) : 'none'],
  ];
  if (p.kind === 'pairwise' || p.kind === 'rating' || p.criteria.length) {
    rows.push(['Criteria', p.criteria.length ? p.criteria.join(', ') : 'none']);
  }
  if (p.kind === 'rating' && p.scale) rows.push(['Scale', `${p.scale.min} to ${p.scale.max}`]);
  if (p.kind === 'classification' || p.labels.length) {
    rows.push(['Labels', p.labels.length ? p.labels.join(', ') : 'none']);
    rows.push(['Multiple labels', p.multiLabel ? 'allowed' : 'one per task']);
  }
  rows.push(['Created', formatDateTime(p.createdAt)]);

  return (
    <section id="project-settings" className="card">
      <h2>Settings</h2>
      <dl className="settings">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <details className="instructions">
        <summary>Instructions</summary>
        {p.instructions.trim() ? (
          <div id="project-instructions-text" className="text">
            {p.instructions}
          </div>
        ) : (
          <p className="muted">No instructions.</p>
        )}
      </details>
    </section>
  );
}
