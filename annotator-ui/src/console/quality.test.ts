import { describe, expect, it } from 'vitest';
import {
  alphaReading,
  formatMoney,
  formatRatio,
  formatStat,
  formatTrust,
  meanPosition,
  qualityApi,
  qualityPath,
  readQuality,
  signalLabel,
  sortAnnotators,
  summaryTiles,
  trustChartRows,
  trustDomain,
  type AnnotatorQuality,
} from './quality';

const FULL = {
  projectId: 'prj_1',
  kind: 'pairwise',
  agreement: { krippendorffAlpha: 0.7234, level: 'nominal', fleissKappa: 0.61, percentAgreement: 0.8333, judgedTasks: 40 },
  gold: { scored: 12, correct: 10, accuracy: 0.8333 },
  tasks: { resolved: 30, contested: 4, accepted: 25, rejected: 2, judgementsPerResolvedTask: 3.25 },
  cost: { currency: 'USD', spent: '12.50', perAcceptedLabel: '0.42' },
  annotators: [
    {
      annotatorId: 'ann_1',
      name: 'Ada',
      judgements: 20,
      goldScored: 6,
      goldCorrect: 6,
      goldAccuracy: 1,
      trust: { mean: 0.9, lower: 0.8, upper: 0.95, scored: 6 },
      status: 'active',
      agreementWithConsensus: 0.9,
      flags: [],
    },
    {
      annotatorId: 'ann_2',
      name: 'Bob',
      judgements: 15,
      goldScored: 6,
      goldCorrect: 4,
      goldAccuracy: 0.6667,
      trust: { mean: 0.6, lower: 0.4, upper: 0.75, scored: 6 },
      status: 'paused',
      agreementWithConsensus: null,
      flags: [{ signal: 'position-bias', detail: 'chose the left response 90% of the time', evidence: { left: 0.9 } }],
    },
  ],
  contested: [{ taskId: 'tsk_1', externalId: 'ext-1', agreement: 0.5, judgements: 4 }],
  batches: [{ batchId: 'b1', name: 'week 1', agreement: null, resolved: 10 }],
};

describe('readQuality', () => {
  it('reads a full answer', () => {
    const q = readQuality(FULL);
    expect(q.agreement.krippendorffAlpha).toBe(0.7234);
    expect(q.cost).toEqual({ currency: 'USD', spent: '12.50', perAcceptedLabel: '0.42' });
    expect(q.annotators[1].flags[0]).toEqual(FULL.annotators[1].flags[0]);
    expect(q.contested).toEqual(FULL.contested);
    expect(q.batches).toEqual(FULL.batches);
  });

  it('keeps nulls as nulls and fills what is missing', () => {
    const q = readQuality({
      agreement: { krippendorffAlpha: null, fleissKappa: 'x' },
      cost: { perAcceptedLabel: null, spent: 'lots' },
      annotators: [{ annotatorId: 'a', trust: null }, { annotatorId: 'b', trust: { mean: 0.5 } }, 7],
    });
    expect(q.agreement).toEqual({
      krippendorffAlpha: null,
      level: 'nominal',
      fleissKappa: null,
      percentAgreement: null,
      judgedTasks: 0,
    });
    expect(q.cost).toEqual({ currency: 'USD', spent: null, perAcceptedLabel: null });
    expect(q.annotators).toHaveLength(2);
    expect(q.annotators[0].trust).toBeNull();
    expect(q.annotators[1].trust).toEqual({ mean: 0.5, lower: 0.5, upper: 0.5, scored: 0 });
    expect(readQuality(null).annotators).toEqual([]);
  });
});

describe('formatting', () => {
  it('shows null as a dash', () => {
    expect(formatStat(null)).toBe('—');
    expect(formatRatio(null)).toBe('—');
    expect(formatMoney(null, 'USD')).toBe('—');
    expect(formatTrust(null)).toBe('—');
  });

  it('formats statistics, shares, money and trust', () => {
    expect(formatStat(0.7234)).toBe('0.72');
    expect(formatStat(-0.1)).toBe('-0.10');
    expect(formatStat(3.25, 1)).toBe('3.3');
    expect(formatRatio(0.8333)).toBe('83.3%');
    expect(formatRatio(1)).toBe('100%');
    expect(formatMoney('0.42', 'USD')).toBe('$0.42');
    expect(formatMoney('12.5', 'USD')).toBe('$12.50');
    expect(formatMoney('0.0425', 'USD')).toBe('$0.0425');
    expect(formatMoney('3', 'EUR')).toBe('€3.00');
    expect(formatMoney('3', 'NOPE')).toBe('3 NOPE');
    expect(formatTrust({ mean: 0.9, lower: 0.8, upper: 0.95, scored: 6 })).toBe('0.90 (0.80–0.95)');
  });

  it('reads alpha', () => {
    expect(alphaReading(null)).toMatch(/not enough/);
    expect(alphaReading(0.85)).toBe('reliable');
    expect(alphaReading(0.7)).toBe('tentative');
    expect(alphaReading(0.2)).toMatch(/low/);
  });

  it('labels signals', () => {
    expect(signalLabel('too-fast')).toBe('Too fast');
    expect(signalLabel('straight-lining')).toBe('Straight-lining');
    expect(signalLabel('new-signal')).toBe('new-signal');
  });

  it('paths', () => {
    expect(qualityApi('prj 1')).toBe('/api/v1/projects/prj%201/quality');
    expect(qualityPath('prj_1')).toBe('/console/projects/prj_1/quality');
  });
});

describe('summaryTiles', () => {
  it('summarises agreement, gold, overlap and cost', () => {
    const tiles = summaryTiles(readQuality(FULL));
    expect(tiles.map((t) => [t.id, t.value])).toEqual([
      ['quality-alpha', '0.72'],
      ['quality-kappa', '0.61'],
      ['quality-gold', '83.3%'],
      ['quality-per-task', '3.3'],
      ['quality-cost', '$0.42'],
    ]);
    expect(tiles[2].hint).toBe('10 of 12 gold answers correct');
    expect(tiles[4].hint).toBe('$12.50 spent · 25 accepted, 2 rejected');
  });

  it('shows dashes for a project without data', () => {
    const tiles = summaryTiles(readQuality({}));
    expect(tiles.map((t) => t.value)).toEqual(['—', '—', '—', '—', '—']);
    expect(tiles[2].hint).toBe('no gold answers scored yet');
  });
});

function annotator(id: string, over: Partial<AnnotatorQuality> = {}): AnnotatorQuality {
  return {
    annotatorId: id,
    name: id.toUpperCase(),
    judgements: 1,
    goldScored: 0,
    goldCorrect: 0,
    goldAccuracy: null,
    trust: null,
    status: 'active',
    agreementWithConsensus: null,
    flags: [],
    ...over,
  };
}

const trust = (mean: number, lower: number, upper: number) => ({ mean, lower, upper, scored: 5 });

describe('sortAnnotators', () => {
  it('puts paused, then flagged, then the least proven first', () => {
    const sorted = sortAnnotators([
      annotator('ok', { trust: trust(0.9, 0.85, 0.95) }),
      annotator('none'),
      annotator('weak', { trust: trust(0.7, 0.5, 0.8) }),
      annotator('flagged', { trust: trust(0.95, 0.9, 1), flags: [{ signal: 'too-fast', detail: '', evidence: {} }] }),
      annotator('paused', { status: 'paused', trust: trust(0.3, 0.2, 0.4) }),
    ]);
    expect(sorted.map((a) => a.annotatorId)).toEqual(['paused', 'flagged', 'weak', 'ok', 'none']);
  });
});

describe('trustChartRows', () => {
  const annotators = [
    annotator('a', { trust: trust(0.9, 0.8, 0.95), goldAccuracy: 1 }),
    annotator('b', { trust: trust(0.6, 0.4, 0.75), status: 'paused' }),
    annotator('c'),
    annotator('d', { name: '', trust: trust(0.7, 0.7, 0.7) }),
  ];

  it('gives the mean, the interval as distances and gold accuracy, lowest first', () => {
    const { rows, hidden } = trustChartRows(annotators);
    expect(hidden).toBe(0);
    expect(rows.map((r) => r.annotatorId)).toEqual(['b', 'd', 'a']);
    expect(rows[0]).toMatchObject({ name: 'B', trust: 0.6, lower: 0.4, upper: 0.75, paused: true, goldAccuracy: null });
    expect(rows[0].range).toEqual([0.4, 0.75]);
    expect(rows[1].name).toBe('d');
    expect(rows[2].goldAccuracy).toBe(1);
  });

  it('keeps the chart to a limit', () => {
    const { rows, hidden } = trustChartRows(annotators, 2);
    expect(rows.map((r) => r.annotatorId)).toEqual(['b', 'd']);
    expect(hidden).toBe(1);
  });

  it('places the mean inside its interval', () => {
    expect(meanPosition({ trust: 0.6, lower: 0.4, upper: 0.8 })).toBeCloseTo(0.5);
    expect(meanPosition({ trust: 0.9, lower: 0.8, upper: 0.95 })).toBeCloseTo(2 / 3);
    expect(meanPosition({ trust: 0.7, lower: 0.7, upper: 0.7 })).toBe(0);
    expect(meanPosition({ trust: 1.2, lower: 0, upper: 1 })).toBe(1);
  });

  it('spans 0..1 unless a value lies outside', () => {
    expect(trustDomain(trustChartRows(annotators).rows)).toEqual([0, 1]);
    expect(trustDomain(trustChartRows([annotator('x', { trust: trust(2, 1.5, 2.5) })]).rows)).toEqual([0, 2.5]);
  });
});
