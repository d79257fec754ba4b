import { describe, expect, it } from 'vitest';
import { batchActionPath, batchActions, parseBatches } from './batches';

describe('batches', () => {
  it('reads the list', () => {
    expect(parseBatches([{ batch: 'b1', status: 'paused', tasks: 4, resolved: 1, unitsHeld: 3 }, null, 'x'])).toEqual([
      {
        batch: 'b1',
        status: 'paused',
        tasks: 4,
        open: 0,
        resolved: 1,
        contested: 0,
        unitsReady: 0,
        unitsLeased: 0,
        unitsSubmitted: 0,
        unitsHeld: 3,
      },
    ]);
    expect(parseBatches(null)).toEqual([]);
  });

  it('offers the actions that fit the status', () => {
    expect(batchActions('active')).toEqual(['pause', 'finalize']);
    expect(batchActions('paused')).toEqual(['resume', 'finalize']);
    expect(batchActions('finalized')).toEqual([]);
  });

  it('encodes the batch name in the path', () => {
    expect(batchActionPath('prj_1', 'wave 2/de', 'finalize')).toBe(
      '/api/v1/projects/prj_1/batches/wave%202%2Fde/finalize',
    );
  });
});
