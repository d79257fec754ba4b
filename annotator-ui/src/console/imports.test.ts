import { describe, expect, it } from 'vitest';
import { importSummary, parseImportProgress, parseImportResult, truncationNote, writtenPercent } from './imports';

const RESULT = {
  importId: 'imp_1',
  accepted: 3,
  duplicates: 1,
  rejected: [{ line: 4, error: 'responseB: is missing' }],
  rejectedCount: 1,
};

describe('parseImportResult', () => {
  it('reads the 202 body', () => {
    expect(parseImportResult(RESULT)).toEqual(RESULT);
  });

  it('tolerates missing lists and odd values', () => {
    expect(parseImportResult({ importId: 'imp_2', accepted: 2 })).toEqual({
      importId: 'imp_2',
      accepted: 2,
      duplicates: 0,
      rejected: [],
      rejectedCount: 0,
    });
    expect(parseImportResult({ importId: 'i', rejected: [{ line: 2, error: { code: 'x' } }] }).rejected).toEqual([
      { line: 2, error: '{"code":"x"}' },
    ]);
  });

  it('never counts fewer rejected lines than it lists', () => {
    expect(parseImportResult({ ...RESULT, rejectedCount: 0 }).rejectedCount).toBe(1);
  });

  it('needs an import id to follow', () => {
    expect(() => parseImportResult({ accepted: 1 })).toThrow();
    expect(() => parseImportResult(null)).toThrow();
  });
});

describe('parseImportProgress', () => {
  const started = parseImportResult(RESULT);

  it('reads the progress', () => {
    expect(
      parseImportProgress(
        { importId: 'imp_1', accepted: 3, duplicates: 1, rejectedCount: 1, written: 2, failed: 1, done: true },
        started,
      ),
    ).toEqual({ importId: 'imp_1', accepted: 3, duplicates: 1, rejectedCount: 1, written: 2, failed: 1, done: true });
  });

  it('falls back to the import response and is only done when the server says so', () => {
    expect(parseImportProgress({ written: 3 }, started)).toEqual({
      importId: 'imp_1',
      accepted: 3,
      duplicates: 1,
      rejectedCount: 1,
      written: 3,
      failed: 0,
      done: false,
    });
    expect(parseImportProgress({ written: 3, done: 'true' }, started).done).toBe(false);
  });
});

describe('display', () => {
  it('computes the written share', () => {
    expect(writtenPercent(0, 4)).toBe(0);
    expect(writtenPercent(3, 4)).toBe(75);
    expect(writtenPercent(5, 4)).toBe(100);
    expect(writtenPercent(0, 0)).toBe(100);
  });

  it('notes when only some line errors are listed', () => {
    const listed = Array.from({ length: 1000 }, (_, i) => ({ line: i + 1, error: 'bad' }));
    expect(truncationNote({ rejected: listed, rejectedCount: 1000 })).toBeNull();
    expect(truncationNote({ rejected: listed, rejectedCount: 2500 })).toBe(
      'Only the first 1,000 of 2,500 rejected lines are listed.',
    );
  });

  it('summarises the counts', () => {
    expect(importSummary(RESULT)).toBe('3 tasks accepted, 1 duplicate skipped, 1 line rejected');
    expect(importSummary({ accepted: 1, duplicates: 0, rejectedCount: 2 })).toBe(
      '1 task accepted, 0 duplicates skipped, 2 lines rejected',
    );
  });
});
