// Task import: reading the 202 of POST /projects/:id/tasks and the progress of the background
// write that follows it. No React, no DOM.

export const IMPORT_ACCEPT = '.jsonl,.ndjson,.json,.txt';

export interface LineError {
  line: number;
  error: string;
}

export interface ImportResult {
  importId: string;
  accepted: number;
  duplicates: number;
  rejected: LineError[];
  rejectedCount: number;
}

export interface ImportProgress {
  importId: string;
  accepted: number;
  duplicates: number;
  rejectedCount: number;
  written: number;
  /** Accepted lines the database then refused; they are on the dead-letter topic. */
  failed: number;
  done: boolean;
}

type Obj = Record<string, unknown>;

function obj(value: unknown): Obj {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {};
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/** The import response; throws when it has no import id (nothing to follow). */
export function parseImportResult(value: unknown): ImportResult {
  const body = obj(value);
  if (typeof body.importId !== 'string' || !body.importId) {
    throw new Error('the server did not say which import it started');
  }
  const rejected = (Array.isArray(body.rejected) ? body.rejected : []).map((item) => {
    const e = obj(item);
    return {
      line: count(e.line),
      error: typeof e.error === 'string' ? e.error : JSON.stringify(e.error ?? null),
    };
  });
  return {
    importId: body.importId,
    accepted: count(body.accepted),
    duplicates: count(body.duplicates),
    rejected,
    rejectedCount: Math.max(count(body.rejectedCount), rejected.length),
  };
}

export function parseImportProgress(value: unknown, fallback: ImportResult): ImportProgress {
  const body = obj(value);
  const accepted = typeof body.accepted === 'number' ? count(body.accepted) : fallback.accepted;
  const written = count(body.written);
  return {
    importId: typeof body.importId === 'string' ? body.importId : fallback.importId,
    accepted,
    duplicates: typeof body.duplicates === 'number' ? count(body.duplicates) : fallback.duplicates,
    rejectedCount: typeof body.rejectedCount === 'number' ? count(body.rejectedCount) : fallback.rejectedCount,
    written,
    failed: count(body.failed),
    done: body.done === true,
  };
}

/** Written share of the accepted tasks, 0..100 (100 when nothing needed writing). */
export function writtenPercent(written: number, accepted: number): number {
  if (accepted <= 0) return 100;
  return Math.min(100, Math.floor((written / accepted) * 100));
}

/** The note under the line-error table when the server listed only some of them. */
export function truncationNote(result: Pick<ImportResult, 'rejected' | 'rejectedCount'>): string | null {
  if (result.rejectedCount <= result.rejected.length) return null;
  return `Only the first ${result.rejected.length.toLocaleString('en-US')} of ${result.rejectedCount.toLocaleString('en-US')} rejected lines are listed.`;
}

export function importSummary(result: Pick<ImportResult, 'accepted' | 'duplicates' | 'rejectedCount'>): string {
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
  return [
    `${plural(result.accepted, 'task', 'tasks')} accepted`,
    `${plural(result.duplicates, 'duplicate', 'duplicates')} skipped`,
    `${plural(result.rejectedCount, 'line', 'lines')} rejected`,
  ].join(', ');
}
