/** A project or batch status as a small coloured label. */
export function StatusBadge({ status, id }: { status: string; id?: string }) {
  return (
    <span id={id} className="badge" data-status={status}>
      {status}
    </span>
  );
}
