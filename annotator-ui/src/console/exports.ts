// Dataset exports: the job's status as the server reports it, and the files it produced.

export type ExportStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface ExportFile {
  name: string;
  bytes: number;
  rows: number;
  sha256: string;
}

export interface ExportJob {
  id: string;
  status: ExportStatus | string;
  files: ExportFile[];
  manifest: unknown;
  error: string | null;
}

type Obj = Record<string, unknown>;

function obj(value: unknown): Obj {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {};
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

export function parseExportStarted(value: unknown): { exportId: string; status: string } {
  const body = obj(value);
  if (typeof body.exportId !== 'string' || !body.exportId) {
    throw new Error('the server did not say which export it started');
  }
  return { exportId: body.exportId, status: typeof body.status === 'string' ? body.status : 'queued' };
}

export function parseExportJob(value: unknown): ExportJob {
  const body = obj(value);
  return {
    id: typeof body.id === 'string' ? body.id : '',
    status: typeof body.status === 'string' ? body.status : 'queued',
    files: (Array.isArray(body.files) ? body.files : [])
      .map((f) => {
        const file = obj(f);
        return {
          name: typeof file.name === 'string' ? file.name : '',
          bytes: num(file.bytes),
          rows: num(file.rows),
          sha256: typeof file.sha256 === 'string' ? file.sha256 : '',
        };
      })
      .filter((f) => f.name.length > 0),
    manifest: body.manifest ?? null,
    error: typeof body.error === 'string' && body.error ? body.error : null,
  };
}

/** True once the job will not change any more. */
export function isFinished(status: string): boolean {
  return status === 'done' || status === 'failed' || status === 'cancelled';
}

export function exportFilePath(exportId: string, name: string): string {
  return `/api/v1/exports/${encodeURIComponent(exportId)}/files/${encodeURIComponent(name)}`;
}

/** "512 B", "1.5 KB", "12.3 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : Math.round(value * 10) / 10} ${units[unit]}`;
}
