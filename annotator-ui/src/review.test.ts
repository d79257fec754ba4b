import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatShare,
  isReviewGone,
  readReviewItem,
  reasonText,
  verdictPath,
  verdictRequest,
} from './review';

const APPEAL_ITEM = {
  reviewId: 'rv_9',
  reason: 'appeal',
  project: {
    id: 'prj_1',
    name: 'Toxicity',
    kind: 'classification',
    instructions: 'Label it',
    labels: ['toxic', 'ok'],
    scale: null,
    criteria: null,
  },
  task: { id: 'tsk_1', externalId: 'ext-1', data: { text: 'hello' } },
  judgement: { assignmentId: 'asg_1', answer: { labels: ['toxic'] }, durationMs: 4200 },
  others: [{ answer: { labels: ['ok'] } }, { answer: { labels: ['ok'] } }],
  consensus: { labels: ['ok'] },
  agreement: 0.67,
  outcome: 'resolved',
  appeal: { comment: 'It is an insult', previousReason: 'not toxic' },
};

describe('readReviewItem', () => {
  it('reads every field of a review item', () => {
    const item = readReviewItem(APPEAL_ITEM);
    expect(item).toEqual({
      ...APPEAL_ITEM,
      project: { ...APPEAL_ITEM.project, multiLabel: null },
    });
  });

  it('fills what is missing and rejects bodies that are not review items', () => {
    expect(readReviewItem(null)).toBeNull();
    expect(readReviewItem({ reason: 'sample' })).toBeNull();
    const item = readReviewItem({ reviewId: 'rv', project: { scale: { min: 5, max: 1 } }, others: [3] });
    expect(item).toMatchObject({
      reviewId: 'rv',
      project: { kind: '', labels: null, scale: null, criteria: null },
      judgement: { answer: null, durationMs: null },
      others: [{ answer: null }],
      consensus: null,
      agreement: null,
      outcome: null,
      appeal: null,
    });
  });

  it('reads the scale and multiLabel when present', () => {
    const item = readReviewItem({ reviewId: 'rv', project: { scale: { min: 0, max: 10 }, multiLabel: false } });
    expect(item?.project.scale).toEqual({ min: 0, max: 10 });
    expect(item?.project.multiLabel).toBe(false);
  });
});

describe('reasonText', () => {
  it('explains each reason', () => {
    expect(reasonText('sample')).toMatch(/Random sample/);
    expect(reasonText('low-trust')).toMatch(/Low trust/);
    expect(reasonText('contested')).toMatch(/did not agree/);
    expect(reasonText('appeal')).toMatch(/appealed/);
    expect(reasonText('new-rule')).toBe('Picked for review: new-rule');
    expect(reasonText('')).toBe('Picked for review.');
  });
});

describe('verdictRequest', () => {
  it('accepts without a reason', () => {
    expect(verdictRequest('accept', '  ')).toEqual({ body: { verdict: 'accept' } });
  });

  it('requires a reason to reject, trimmed', () => {
    expect(verdictRequest('reject', ' ')).toEqual({ error: expect.stringContaining('reason') });
    expect(verdictRequest('reject', ' wrong side \n')).toEqual({ body: { verdict: 'reject', reason: 'wrong side' } });
  });

  it('requires a valid correction to correct', () => {
    expect(verdictRequest('correct', '')).toEqual({ error: 'Enter the corrected answer.' });
    expect(verdictRequest('correct', '', { error: 'Choose at least one label.' })).toEqual({
      error: 'Choose at least one label.',
    });
    expect(verdictRequest('correct', 'typo', { answer: { labels: ['ok'] } })).toEqual({
      body: { verdict: 'correct', reason: 'typo', correction: { labels: ['ok'] } },
    });
  });
});

describe('formatting', () => {
  it('durations', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(4200)).toBe('4 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(120_000)).toBe('2 min');
  });

  it('shares', () => {
    expect(formatShare(0.67)).toBe('67%');
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(null)).toBe('—');
  });

  it('paths and gone items', () => {
    expect(verdictPath('rv 1')).toBe('/api/v1/reviews/rv%201');
    expect(isReviewGone(409)).toBe(true);
    expect(isReviewGone(404)).toBe(true);
    expect(isReviewGone(400)).toBe(false);
  });
});
