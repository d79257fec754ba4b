import { describe, expect, it } from 'vitest';
import { describeAnswer, ordinal, sideName } from './answers';

describe('describeAnswer for pairwise', () => {
  it('names the left and right response in the order the annotator saw', () => {
    expect(describeAnswer('pairwise', { choice: 'A', strength: 3 }, { sides: 'shown' })).toEqual([
      'A (left) is much better',
    ]);
    expect(describeAnswer('pairwise', { choice: 'B' }, { sides: 'shown' })).toEqual(['B (right) is better']);
  });

  it('uses plain A and B in the customer order', () => {
    expect(describeAnswer('pairwise', { choice: 'B', strength: 1 })).toEqual(['B is slightly better']);
    expect(describeAnswer('pairwise', { choice: 'A', strength: 2 }, { sides: 'customer' })).toEqual([
      'A is clearly better',
    ]);
  });

  it('describes a tie whatever its strength', () => {
    expect(describeAnswer('pairwise', { choice: 'tie', strength: 0 }, { sides: 'shown' })).toEqual([
      'Tie: both responses are equally good',
    ]);
  });

  it('adds criteria and the rationale', () => {
    expect(
      describeAnswer(
        'pairwise',
        { choice: 'A', strength: 2, criteria: { helpfulness: 'B', honesty: 'tie' }, rationale: 'cites <b>x</b>' },
        { sides: 'shown' },
      ),
    ).toEqual([
      'A (left) is clearly better',
      'helpfulness: B (right) better',
      'honesty: tie',
      'Rationale: cites <b>x</b>',
    ]);
  });

  it('falls back to JSON for an answer without a valid choice', () => {
    expect(describeAnswer('pairwise', { choice: 'left' })).toEqual([JSON.stringify({ choice: 'left' }, null, 2)]);
  });
});

describe('describeAnswer for the other kinds', () => {
  it('lists classification labels', () => {
    expect(describeAnswer('classification', { labels: ['toxic'] })).toEqual(['Label: toxic']);
    expect(describeAnswer('classification', { labels: ['toxic', 'spam'] })).toEqual(['Labels: toxic, spam']);
    expect(describeAnswer('classification', { labels: [] })).toEqual(['No label']);
  });

  it('gives one line per rating criterion, with the scale when known', () => {
    expect(describeAnswer('rating', { scores: { overall: 4, safety: 5 } }, { scale: { min: 1, max: 5 } })).toEqual([
      'overall: 4 on 1–5',
      'safety: 5 on 1–5',
    ]);
    expect(describeAnswer('rating', { scores: { overall: 2 } })).toEqual(['overall: 2']);
  });

  it('gives the ranking best first, with where each response is listed', () => {
    expect(describeAnswer('ranking', { order: ['r3', 'r1', 'r2'] }, { responseIds: ['r1', 'r2', 'r3'] })).toEqual([
      '1st: r3 (response 3)',
      '2nd: r1 (response 1)',
      '3rd: r2 (response 2)',
    ]);
    expect(describeAnswer('ranking', { order: ['x', 'y'] })).toEqual(['1st: x', '2nd: y']);
  });

  it('shows the written sft response as it is', () => {
    expect(describeAnswer('sft', { response: 'Line 1\n<script>' })).toEqual(['Line 1\n<script>']);
    expect(describeAnswer('sft', { response: '  ' })).toEqual(['(empty response)']);
  });

  it('shows unknown kinds, bad shapes and missing answers without crashing', () => {
    expect(describeAnswer('video', { frames: 3 })).toEqual([JSON.stringify({ frames: 3 }, null, 2)]);
    expect(describeAnswer('classification', { labels: 'toxic' })).toEqual([
      JSON.stringify({ labels: 'toxic' }, null, 2),
    ]);
    expect(describeAnswer('ranking', { order: [] })).toEqual([JSON.stringify({ order: [] }, null, 2)]);
    expect(describeAnswer('rating', null)).toEqual(['(no answer)']);
    expect(describeAnswer('sft', 'text')).toEqual(['"text"']);
  });
});

describe('helpers', () => {
  it('ordinal', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
      '111th',
    ]);
  });

  it('sideName', () => {
    expect(sideName('A', 'shown')).toBe('A (left)');
    expect(sideName('B', 'shown')).toBe('B (right)');
    expect(sideName('B')).toBe('B');
  });
});
