import { describe, expect, it } from 'vitest';
import { initialDraft } from './correction';
import {
  answerBody,
  answerContext,
  draftAnswer,
  progressText,
  qualificationAnswerApi,
  qualificationKeyAction,
  qualificationNextApi,
  qualificationPath,
  readAnswerOutcome,
  readShownItem,
  readTests,
  resultMessage,
  scoreText,
  testAction,
  testStatus,
  timeUntil,
  type QualificationTest,
} from './qualifications';

const NOW = new Date('2030-01-01T12:00:00Z');

function test(patch: Partial<QualificationTest>): QualificationTest {
  return { id: 'q1', name: 'Pairs', kind: 'pairwise', instructions: '', items: 5, status: 'available', cooldownUntil: null, ...patch };
}

describe('paths', () => {
  it('encodes the test id', () => {
    expect(qualificationNextApi('q 1')).toBe('/api/v1/annotator/qualifications/q%201/next');
    expect(qualificationAnswerApi('q1')).toBe('/api/v1/annotator/qualifications/q1/answer');
    expect(qualificationPath('a/b')).toBe('/qualifications/a%2Fb');
  });
});

describe('readTests', () => {
  it('reads the list and drops entries without an id', () => {
    expect(
      readTests([
        { id: 'q1', name: 'Pairs', kind: 'pairwise', instructions: 'Be careful', items: 5, status: 'cooldown', cooldownUntil: '2030-01-02T00:00:00Z' },
        { name: 'no id' },
        { id: 'q2', items: -3, cooldownUntil: 'soon' },
        'junk',
      ]),
    ).toEqual([
      { id: 'q1', name: 'Pairs', kind: 'pairwise', instructions: 'Be careful', items: 5, status: 'cooldown', cooldownUntil: '2030-01-02T00:00:00Z' },
      { id: 'q2', name: '', kind: '', instructions: '', items: 0, status: 'available', cooldownUntil: null },
    ]);
    expect(readTests(null)).toEqual([]);
  });
});

describe('status and action', () => {
  it('offers start, continue and retake', () => {
    expect(testAction(test({}), NOW)).toBe('Start');
    expect(testAction(test({ status: 'in-progress' }), NOW)).toBe('Continue');
    expect(testStatus(test({ status: 'in-progress' }), NOW).label).toBe('In progress');
  });

  it('offers nothing once passed', () => {
    expect(testAction(test({ status: 'passed' }), NOW)).toBeNull();
    expect(testStatus(test({ status: 'passed' }), NOW)).toEqual({ status: 'passed', label: 'Passed', detail: '' });
  });

  it('says how long a cooldown lasts, and lets the test be retaken once it is over', () => {
    const cooling = test({ status: 'cooldown', cooldownUntil: '2030-01-01T15:30:00Z' });
    expect(testAction(cooling, NOW)).toBeNull();
    const status = testStatus(cooling, NOW);
    expect(status.status).toBe('cooldown');
    expect(status.detail).toContain('in 3 h 30 min');
    const over = test({ status: 'cooldown', cooldownUntil: '2030-01-01T11:00:00Z' });
    expect(testAction(over, NOW)).toBe('Take again');
    expect(testStatus(over, NOW).status).toBe('available');
  });

  it('writes the time left', () => {
    expect(timeUntil('2030-01-01T12:00:20Z', NOW)).toBe('less than a minute');
    expect(timeUntil('2030-01-01T12:12:00Z', NOW)).toBe('12 min');
    expect(timeUntil('2030-01-01T14:00:00Z', NOW)).toBe('2 h');
    expect(timeUntil('2030-01-03T15:00:00Z', NOW)).toBe('2 d 3 h');
  });
});

const ITEM = {
  qualificationId: 'q1',
  attemptId: 'att_1',
  position: 1,
  total: 3,
  kind: 'classification',
  instructions: 'Label it',
  answerSettings: { labels: ['spam', 'ham'] },
  data: { text: 'win a prize' },
};

describe('readShownItem', () => {
  it('reads an item; left-out settings are empty, multiLabel false', () => {
    expect(readShownItem(ITEM)).toEqual({
      ...ITEM,
      answerSettings: { criteria: [], labels: ['spam', 'ham'], multiLabel: false, scale: null },
    });
  });

  it('reads the scale and refuses what is not an item', () => {
    expect(readShownItem({ ...ITEM, kind: 'rating', answerSettings: { scale: { min: 0, max: 10 } } })?.answerSettings.scale).toEqual({
      min: 0,
      max: 10,
    });
    expect(readShownItem({ ...ITEM, attemptId: '' })).toBeNull();
    expect(readShownItem({ ...ITEM, position: '1' })).toBeNull();
    expect(readShownItem(null)).toBeNull();
  });
});

describe('answers', () => {
  it('gives the editor the test labels, criteria and scale', () => {
    const item = readShownItem({ ...ITEM, answerSettings: { labels: ['a', 'b'], multiLabel: true } })!;
    expect(answerContext(item, [])).toEqual({
      kind: 'classification',
      labels: ['a', 'b'],
      multiLabel: true,
      criteria: [],
      scale: { min: 1, max: 5 },
      responseIds: [],
    });
    const rating = readShownItem({ ...ITEM, kind: 'rating', answerSettings: { scale: { min: 1, max: 7 } } })!;
    expect(answerContext(rating, []).criteria).toEqual(['overall']);
    expect(answerContext(rating, []).scale).toEqual({ min: 1, max: 7 });
  });

  it('builds the answer of each kind, or says what is missing', () => {
    const pairwise = answerContext(readShownItem({ ...ITEM, kind: 'pairwise', answerSettings: {} })!, []);
    const pDraft = initialDraft(pairwise, null);
    expect(draftAnswer(pDraft, pairwise)).toEqual({ error: 'Choose A, B or tie first (keys 1, 2, 3).' });
    expect(draftAnswer({ kind: 'pairwise', choice: 'B', strength: 3 }, pairwise)).toEqual({ answer: { choice: 'B', strength: 3 } });
    expect(draftAnswer({ kind: 'pairwise', choice: 'tie', strength: 2 }, pairwise)).toEqual({ answer: { choice: 'tie' } });

    const classification = answerContext(readShownItem(ITEM)!, []);
    expect(draftAnswer({ kind: 'classification', labels: [] }, classification)).toEqual({
      error: 'Choose a label first (number keys or the buttons).',
    });
    expect(draftAnswer({ kind: 'classification', labels: ['ham'] }, classification)).toEqual({ answer: { labels: ['ham'] } });

    const rating = answerContext(
      readShownItem({ ...ITEM, kind: 'rating', answerSettings: { criteria: ['fluency', 'accuracy'], scale: { min: 1, max: 5 } } })!,
      [],
    );
    expect(draftAnswer({ kind: 'rating', scores: { fluency: '4', accuracy: '' } }, rating)).toEqual({
      error: 'accuracy: enter a whole number from 1 to 5.',
    });
    expect(draftAnswer({ kind: 'rating', scores: { fluency: '4', accuracy: '2' } }, rating)).toEqual({
      answer: { scores: { fluency: 4, accuracy: 2 } },
    });
  });

  it('sends the position and the attempt with the answer', () => {
    expect(answerBody(readShownItem(ITEM)!, { labels: ['spam'] })).toEqual({
      position: 1,
      answer: { labels: ['spam'] },
      attemptId: 'att_1',
    });
  });
});

describe('readAnswerOutcome', () => {
  it('reads feedback and progress', () => {
    expect(readAnswerOutcome({ feedback: { correct: true, expected: { labels: ['spam'] } }, answered: 2, total: 3 })).toEqual({
      feedback: { correct: true, expected: { labels: ['spam'] }, explanation: '' },
      answered: 2,
      total: 3,
      result: null,
    });
  });

  it('reads the result after the last item', () => {
    const outcome = readAnswerOutcome({
      feedback: { correct: false, expected: { choice: 'A' }, explanation: 'A cites' },
      answered: 3,
      total: 3,
      result: { passed: false, score: 0.3333333333333333, cooldownUntil: '2030-01-02T12:00:00Z' },
    });
    expect(outcome.result).toEqual({ passed: false, score: 0.3333333333333333, cooldownUntil: '2030-01-02T12:00:00Z' });
    expect(readAnswerOutcome({ result: { passed: 'yes' } }).result).toBeNull();
  });

  it('says the score and what happens next', () => {
    expect(scoreText(0.8, 5)).toBe('80% (4 of 5 right)');
    expect(scoreText(1 / 3, 3)).toBe('33.3% (1 of 3 right)');
    expect(resultMessage({ passed: true, score: 1, cooldownUntil: null }, NOW)).toContain('now offer you their work');
    expect(resultMessage({ passed: false, score: 0, cooldownUntil: '2030-01-02T12:00:00Z' }, NOW)).toContain('in 1 d');
    expect(progressText(0, 5)).toBe('Item 1 of 5');
  });
});

describe('qualificationKeyAction', () => {
  const item = (kind: string) => ({ phase: 'item' as const, kind });

  it('chooses pairwise sides with 1, 2, 3 and answers with Enter', () => {
    expect(qualificationKeyAction({ key: '1' }, item('pairwise'))).toEqual({ type: 'choose', choice: 'A' });
    expect(qualificationKeyAction({ key: '2' }, item('pairwise'))).toEqual({ type: 'choose', choice: 'tie' });
    expect(qualificationKeyAction({ key: '3' }, item('pairwise'))).toEqual({ type: 'choose', choice: 'B' });
    expect(qualificationKeyAction({ key: 'Enter' }, item('pairwise'))).toEqual({ type: 'submit' });
    expect(qualificationKeyAction({ key: '4' }, item('pairwise'))).toBeNull();
  });

  it('toggles classification labels with number keys', () => {
    expect(qualificationKeyAction({ key: '1' }, item('classification'))).toEqual({ type: 'toggle-label', index: 0 });
    expect(qualificationKeyAction({ key: '9' }, item('classification'))).toEqual({ type: 'toggle-label', index: 8 });
    expect(qualificationKeyAction({ key: '0' }, item('classification'))).toBeNull();
  });

  it('leaves keys typed into fields and with modifiers alone', () => {
    expect(qualificationKeyAction({ key: '3', targetTag: 'input' }, item('rating'))).toBeNull();
    expect(qualificationKeyAction({ key: 'Enter', targetTag: 'INPUT' }, item('rating'))).toBeNull();
    expect(qualificationKeyAction({ key: '1', ctrlKey: true }, item('pairwise'))).toBeNull();
    expect(qualificationKeyAction({ key: 'Enter', altKey: true }, item('pairwise'))).toBeNull();
  });

  it('answers with Ctrl+Enter even from a field', () => {
    expect(qualificationKeyAction({ key: 'Enter', ctrlKey: true, targetTag: 'TEXTAREA' }, item('json'))).toEqual({
      type: 'submit',
    });
    expect(qualificationKeyAction({ key: 'Enter', metaKey: true }, item('pairwise'))).toEqual({ type: 'submit' });
    expect(qualificationKeyAction({ key: '1' }, item('rating'))).toBeNull();
  });

  it('continues after feedback with Enter, not a held-down one', () => {
    expect(qualificationKeyAction({ key: 'Enter' }, { phase: 'feedback', kind: 'pairwise' })).toEqual({ type: 'continue' });
    expect(qualificationKeyAction({ key: 'Enter', repeat: true }, { phase: 'feedback', kind: 'pairwise' })).toBeNull();
    expect(qualificationKeyAction({ key: '1' }, { phase: 'feedback', kind: 'pairwise' })).toBeNull();
  });
});
