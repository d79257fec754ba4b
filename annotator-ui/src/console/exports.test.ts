import { describe, expect, it } from 'vitest';
import { exportFilePath, formatBytes, isFinished, parseExportJob, parseExportStarted } from './exports';

describe('exports', () => {
  it('reads the 202 of a started export', () => {
    expect(parseExportStarted({ exportId: 'exp_1', status: 'queued' })).toEqual({ exportId: 'exp_1', status: 'queued' });
    expect(() => parseExportStarted({})).toThrow();
  });

  it('reads a job and drops nameless files', () => {
    expect(
      parseExportJob({
        id: 'exp_1',
        status: 'done',
        files: [{ name: 'preferences.jsonl', bytes: 2048, rows: 10, sha256: 'ab' }, { bytes: 1 }],
        manifest: { rows: 10 },
        error: null,
      }),
    ).toEqual({
      id: 'exp_1',
      status: 'done',
      files: [{ name: 'preferences.jsonl', bytes: 2048, rows: 10, sha256: 'ab' }],
      manifest: { rows: 10 },
      error: null,
    });
    expect(parseExportJob({ status: 'failed', error: 'no resolved tasks' })).toMatchObject({
      files: [],
      manifest: null,
      error: 'no resolved tasks',
    });
  });

  it('knows when to stop polling', () => {
    expect(['queued', 'running'].map(isFinished)).toEqual([false, false]);
    expect(['done', 'failed', 'cancelled'].map(isFinished)).toEqual([true, true, true]);
  });

  it('builds encoded file paths', () => {
    expect(exportFilePath('exp_1', 'a b.jsonl')).toBe('/api/v1/exports/exp_1/files/a%20b.jsonl');
  });

  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MB');
    expect(formatBytes(150 * 1024)).toBe('150 KB');
  });
});
