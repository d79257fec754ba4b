import { describe, expect, it } from 'vitest';
import {
  appealBody,
  appealPath,
  appealStatusLabel,
  appealView,
  pauseMessage,
  readAnnotatorFeedback,
  withAppeal,
  type Rejection,
} from './annotatorFeedback';

const rejection = (over: Partial<Rejection> = {}): Rejection => ({
  reviewId: 'rv_1',
  projectName: 'Helpfulness',
  taskPreview: 'Which reply…',
  reason: 'picked the unsafe answer',
  reviewedAt: '2026-11-20T10:00:00Z',
  appealable: true,
  appeal: null,
  ...over,
});

describe('readAnnotatorFeedback', () => {
  it('reads rejections and pauses', () => {
    const feedback = readAnnotatorFeedback({
      rejections: [
        {
          reviewId: 'rv_1',
          projectName: 'Helpfulness',
          taskPreview: '<b>hi</b>',
          reason: 'wrong',
          reviewedAt: '2026-11-20T10:00:00Z',
          appealable: true,
          appeal: { status: 'upheld', comment: 'I disagree' },
        },
      ],
      pauses: [{ projectId: 'prj_1', projectName: 'Safety', reason: 'trust below 0.6', since: '2026-11-21' }],
    });
    expect(feedback.rejections[0]).toEqual({
      reviewId: 'rv_1',
      projectName: 'Helpfulness',
      taskPreview: '<b>hi</b>',
      reason: 'wrong',
      reviewedAt: '2026-11-20T10:00:00Z',
      appealable: true,
      appeal: { status: 'upheld', comment: 'I disagree' },
    });
    expect(feedback.pauses).toEqual([
      { projectId: 'prj_1', projectName: 'Safety', reason: 'trust below 0.6', since: '2026-11-21' },
    ]);
  });

  it('survives missing or malformed parts', () => {
    expect(readAnnotatorFeedback(null)).toEqual({ rejections: [], pauses: [] });
    expect(readAnnotatorFeedback({ rejections: 'x', pauses: [null, 3] })).toEqual({ rejections: [], pauses: [] });
    const [r] = readAnnotatorFeedback({ rejections: [{ reviewId: 'rv', appealable: 'yes' }, { reason: 'no id' }] })
      .rejections;
    expect(r).toMatchObject({ reviewId: 'rv', appealable: false, appeal: null, reason: '' });
  });
});

describe('pauseMessage', () => {
  it('names the project and the reason', () => {
    expect(pauseMessage({ projectId: 'p', projectName: 'Safety', reason: 'low trust', since: '' })).toBe(
      'You are paused on project Safety: low trust',
    );
    expect(pauseMessage({ projectId: 'p', projectName: '', reason: '', since: '' })).toBe(
      'You are paused on project p',
    );
  });
});

describe('appealView', () => {
  it('offers the form only for an appealable rejection without an appeal', () => {
    expect(appealView(rejection())).toEqual({ type: 'form' });
    expect(appealView(rejection({ appealable: false }))).toEqual({ type: 'closed' });
    expect(appealView(rejection({ appeal: { status: 'pending', comment: 'c' } }))).toEqual({
      type: 'appealed',
      appeal: { status: 'pending', comment: 'c' },
    });
  });

  it('labels every appeal status', () => {
    expect(appealStatusLabel('pending')).toBe('Appeal pending');
    expect(appealStatusLabel('overturned')).toMatch(/withdrawn/);
    expect(appealStatusLabel('upheld')).toMatch(/stands/);
    expect(appealStatusLabel('weird')).toBe('Appeal weird');
  });
});

describe('appealBody', () => {
  it('requires a comment and trims it', () => {
    expect(appealBody('   ')).toEqual({ error: expect.stringContaining('required') });
    expect(appealBody(' it was right \n')).toEqual({ body: { comment: 'it was right' } });
    expect(appealBody('x'.repeat(2001))).toEqual({ error: expect.stringContaining('too long') });
  });

  it('escapes the review id in the path', () => {
    expect(appealPath('rv/1')).toBe('/api/v1/reviews/rv%2F1/appeal');
  });
});

describe('withAppeal', () => {
  it('marks only that rejection as appealed', () => {
    const feedback = { rejections: [rejection(), rejection({ reviewId: 'rv_2' })], pauses: [] };
    const next = withAppeal(feedback, 'rv_2', { status: 'pending', comment: 'c' });
    expect(next.rejections.map((r) => r.appeal?.status ?? null)).toEqual([null, 'pending']);
    expect(appealView(next.rejections[1]).type).toBe('appealed');
    expect(feedback.rejections[1].appeal).toBeNull();
  });
});
