/** A labelled horizontal bar; `value` of `max`, with the label as its text. */
export function ProgressBar({
  id,
  value,
  max,
  label,
  title,
}: {
  id?: string;
  value: number;
  max: number;
  label: string;
  title?: string;
}) {
  const percent = max > 0 ? Math.min(100, Math.max(0, (value / max) * 100)) : 0;
  return (
    <div
      id={id}
      className="progress"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-label={title}
    >
      <div className="progress-track">
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress-label">{label}</span>
    </div>
  );
}
