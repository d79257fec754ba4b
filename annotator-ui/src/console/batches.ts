// Batches of a project: their counts and the pause / resume / finalize actions.

export type BatchStatus = 'active' | 'paused' | 'finalized' | 'completed';
export type BatchAction = 'pause' | 'resume' | 'finalize';

export interface Batch {
  batch: string;
  status: BatchStatus | string;
  tasks: number;
  open: number;
  resolved: number;
  contested: number;
  unitsReady: number;
  unitsLeased: number;
  unitsSubmitted: number;
  unitsHeld: number;
}

type Obj = Record<string, unknown>;

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

export function parseBatches(value: unknown): Batch[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((b): b is Obj => !!b && typeof b === 'object' && !Array.isArray(b))
    .map((b) => ({
      batch: typeof b.batch === 'string' ? b.batch : String(b.batch ?? ''),
      status: typeof b.status === 'string' ? b.status : 'active',
      tasks: num(b.tasks),
      open: num(b.open),
      resolved: num(b.resolved),
      contested: num(b.contested),
      unitsReady: num(b.unitsReady),
      unitsLeased: num(b.unitsLeased),
      unitsSubmitted: num(b.unitsSubmitted),
      unitsHeld: num(b.unitsHeld),
    }));
}

/** The actions a batch in `status` offers, in display order. */
export function batchActions(status: string): BatchAction[] {
  if (status === 'active') return ['pause', 'finalize'];
  if (status === 'paused') return ['resume', 'finalize'];
  return [];
}

export const BATCH_ACTION_LABELS: Record<BatchAction, string> = {
  pause: 'Pause',
  resume: 'Resume',
  finalize: 'Finalize',
};

export function batchActionPath(projectId: string, batch: string, action: BatchAction): string {
  return `/api/v1/projects/${encodeURIComponent(projectId)}/batches/${encodeURIComponent(batch)}/${action}`;
}

export function finalizeConfirmation(batch: string): string {
  return `Finalize batch "${batch}"? Its open tasks will get no more judgements.`;
}
