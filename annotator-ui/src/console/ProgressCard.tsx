import { ProgressBar } from './ProgressBar';
import { progressLabel, type Progress } from './projects';

const COUNTS: ReadonlyArray<{ key: keyof Progress; id: string; label: string }> = [
  { key: 'tasks', id: 'progress-tasks', label: 'Tasks' },
  { key: 'open', id: 'progress-open', label: 'Open' },
  { key: 'resolved', id: 'progress-resolved', label: 'Resolved' },
  { key: 'contested', id: 'progress-contested', label: 'Contested' },
  { key: 'unitsReady', id: 'progress-units-ready', label: 'Units ready' },
  { key: 'unitsLeased', id: 'progress-units-leased', label: 'Units leased' },
  { key: 'unitsSubmitted', id: 'progress-units-submitted', label: 'Units submitted' },
];

export function ProgressCard({ progress }: { progress: Progress }) {
  return (
    <section id="project-progress" className="card">
      <h2>Progress</h2>
      <ProgressBar
        id="project-progress-bar"
        value={progress.resolved}
        max={progress.tasks}
        label={progressLabel(progress)}
        title="Resolved tasks"
      />
      <dl className="counts">
        {COUNTS.map((c) => (
          <div key={c.key}>
            <dt>{c.label}</dt>
            <dd id={c.id}>{progress[c.key].toLocaleString()}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
