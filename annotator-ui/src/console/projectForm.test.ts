import { describe, expect, it } from 'vitest';
import { buildProjectRequest, initialFormState, localToIso, parseList, type ProjectFormState } from './projectForm';
import { emptyQualityForm } from './qualitySettings';

function form(patch: Partial<ProjectFormState>): ProjectFormState {
  return { ...initialFormState(), name: 'Helpfulness v1', ...patch };
}

function body(patch: Partial<ProjectFormState>) {
  const result = buildProjectRequest(form(patch));
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.body;
}

function errors(patch: Partial<ProjectFormState>): string[] {
  const result = buildProjectRequest(form(patch));
  return result.ok ? [] : result.errors;
}

describe('parseList', () => {
  it('splits on commas and new lines, trims and drops empties', () => {
    expect(parseList(' a, b,,c \n d ')).toEqual(['a', 'b', 'c', 'd']);
    expect(parseList('   ')).toEqual([]);
  });
});

describe('localToIso', () => {
  it('reads a datetime-local value in the local time zone', () => {
    expect(localToIso('2030-01-31T17:05')).toBe(new Date(2030, 0, 31, 17, 5).toISOString());
    expect(localToIso('2030-01-31T17:05:30')).toBe(new Date(2030, 0, 31, 17, 5, 30).toISOString());
  });

  it('rejects anything else', () => {
    expect(localToIso('tomorrow')).toBeNull();
    expect(localToIso('2030-02-31T10:00')).toBeNull();
    expect(localToIso('')).toBeNull();
  });
});

describe('buildProjectRequest', () => {
  it('sends only name, kind and the default lease for an untouched pairwise form', () => {
    expect(body({})).toEqual({ name: 'Helpfulness v1', kind: 'pairwise', leaseSeconds: 600 });
  });

  it('omits the lease when cleared', () => {
    expect(body({ leaseSeconds: '' })).toEqual({ name: 'Helpfulness v1', kind: 'pairwise' });
  });

  it('builds every field of a full form', () => {
    expect(
      body({
        name: '  Safety labels ',
        kind: 'classification',
        instructions: '# Read carefully\n',
        overlapMin: '3',
        overlapMax: '5',
        agreementTarget: '0.8',
        goldRatio: '0.05',
        languages: 'en, de-CH, en',
        skills: [
          { name: ' medicine ', minLevel: '3' },
          { name: '', minLevel: '1' },
        ],
        minTier: '2',
        rules: [{ minDifficulty: '4', minTier: '3' }],
        payAmount: '0.12',
        payCurrency: 'eur',
        priority: '7',
        deadline: '2030-06-01T09:30',
        leaseSeconds: '900',
        draft: true,
        labels: 'safe, unsafe, unsure',
        multiLabel: true,
        pairwiseCriteria: 'ignored for classification',
      }),
    ).toEqual({
      name: 'Safety labels',
      kind: 'classification',
      instructions: '# Read carefully\n',
      overlap: { min: 3, max: 5, agreementTarget: 0.8 },
      goldRatio: 0.05,
      requirements: { languages: ['en', 'de-CH'], skills: [{ name: 'medicine', minLevel: 3 }], minTier: 2 },
      difficultyRules: [{ minDifficulty: 4, minTier: 3 }],
      pay: { amount: 0.12, currency: 'EUR' },
      priority: 7,
      deadline: new Date(2030, 5, 1, 9, 30).toISOString(),
      leaseSeconds: 900,
      labels: ['safe', 'unsafe', 'unsure'],
      multiLabel: true,
      status: 'draft',
    });
  });

  it('sends only the parts of nested objects that were filled in', () => {
    const b = body({ overlapMin: '2', payCurrency: 'usd', minTier: '3' });
    expect(b.overlap).toEqual({ min: 2 });
    expect(b.pay).toEqual({ currency: 'USD' });
    expect(b.requirements).toEqual({ minTier: 3 });
  });

  it('leaves out blank instructions', () => {
    expect(body({ instructions: '  \n ' })).not.toHaveProperty('instructions');
  });

  it('adds rating scale and criteria, pairwise criteria, nothing extra for ranking and sft', () => {
    expect(body({ kind: 'rating' })).toMatchObject({ scale: { min: 1, max: 5 }, criteria: ['overall'] });
    expect(body({ kind: 'rating', ratingCriteria: 'fluency, accuracy', scaleMin: '0', scaleMax: '10' })).toMatchObject(
      { scale: { min: 0, max: 10 }, criteria: ['fluency', 'accuracy'] },
    );
    expect(body({ kind: 'pairwise', pairwiseCriteria: 'helpful, harmless' }).criteria).toEqual(['helpful', 'harmless']);
    for (const kind of ['ranking', 'sft'] as const) {
      const b = body({ kind, labels: 'a', pairwiseCriteria: 'x', multiLabel: true });
      expect(Object.keys(b).sort()).toEqual(['kind', 'leaseSeconds', 'name']);
    }
  });

  it('sends multiLabel false for classification', () => {
    expect(body({ kind: 'classification', labels: 'a, b' })).toMatchObject({ labels: ['a', 'b'], multiLabel: false });
  });

  it('catches obvious mistakes with the field name', () => {
    expect(errors({ name: '   ' })).toEqual(['name: must not be blank']);
    expect(errors({ overlapMin: '3', overlapMax: '2' })).toEqual(['overlap.max: must be at least overlap.min']);
    expect(errors({ overlapMin: '0' })).toEqual(['overlap.min: must be at least 1']);
    expect(errors({ overlapMin: '1.5' })).toEqual(['overlap.min: must be a whole number']);
    expect(errors({ agreementTarget: '1.2' })).toEqual(['overlap.agreementTarget: must be between 0 and 1']);
    expect(errors({ goldRatio: '1' })).toEqual(['goldRatio: must be at least 0 and below 1']);
    expect(errors({ goldRatio: 'abc' })).toEqual(['goldRatio: must be a number']);
    expect(errors({ languages: 'en, english!' })).toEqual([
      "requirements.languages: 'english!' is not a BCP 47 language tag",
    ]);
    expect(errors({ payAmount: '-1' })).toEqual(['pay.amount: must be at least 0']);
    expect(errors({ payCurrency: 'EURO' })).toEqual(["pay.currency: 'EURO' is not an ISO 4217 code"]);
    expect(errors({ priority: '0' })).toEqual(['priority: must be at least 1']);
    expect(errors({ leaseSeconds: '10' })).toEqual(['leaseSeconds: must be between 30 and 86400']);
    expect(errors({ deadline: 'soon' })).toEqual(['deadline: is not a date and time']);
    expect(
      errors({
        skills: [
          { name: 'law', minLevel: '2' },
          { name: 'law', minLevel: '3' },
        ],
      }),
    ).toEqual(["requirements.skills: 'law' is listed twice"]);
  });

  it('checks the kind-specific fields', () => {
    expect(errors({ kind: 'classification', labels: ' , ' })).toEqual([
      'labels: a classification project needs at least one label',
    ]);
    expect(errors({ kind: 'classification', labels: 'a, b, a' })).toEqual(["labels: 'a' is listed twice"]);
    expect(errors({ kind: 'rating', scaleMin: '5', scaleMax: '5' })).toEqual(['scale.max: must be greater than scale.min']);
    expect(errors({ kind: 'rating', scaleMax: '' })).toEqual(['scale: needs a minimum and a maximum']);
    // Labels of another kind are not checked.
    expect(errors({ kind: 'pairwise', labels: '' })).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(errors({ name: '', priority: '-2', leaseSeconds: '5' })).toHaveLength(3);
  });
});

describe('buildProjectRequest: quality settings', () => {
  const quality = (patch: Partial<ProjectFormState['quality']>) => ({ ...emptyQualityForm(), ...patch });

  it('sends no quality object when nothing is set', () => {
    expect(body({})).not.toHaveProperty('quality');
    expect(body({ quality: quality({ auditRate: '  ' }) })).not.toHaveProperty('quality');
  });

  it('sends only the fields the customer set, as numbers', () => {
    expect(body({ quality: quality({ auditRate: '1.0' }) }).quality).toEqual({ auditRate: 1 });
    expect(
      body({
        quality: quality({
          auditRate: '0.1',
          trustThreshold: '0.65',
          trustMinScored: '20',
          escalationTier: '3',
          qualification: ' qual_7 ',
          pairwiseTies: 'lenient',
        }),
      }).quality,
    ).toEqual({
      auditRate: 0.1,
      trustThreshold: 0.65,
      trustMinScored: 20,
      escalationTier: 3,
      qualification: 'qual_7',
      pairwiseTies: 'lenient',
    });
  });

  it('sends the gold rule of the project kind only', () => {
    const all = quality({ pairwiseTies: 'lenient', classificationMatch: 'overlap', rankingMinTau: '0.4', ratingTolerance: '2' });
    expect(body({ quality: all }).quality).toEqual({ pairwiseTies: 'lenient' });
    expect(body({ kind: 'classification', labels: 'a, b', quality: all }).quality).toEqual({ classificationMatch: 'overlap' });
    expect(body({ kind: 'ranking', quality: all }).quality).toEqual({ rankingMinTau: 0.4 });
    expect(body({ kind: 'rating', quality: all }).quality).toEqual({ ratingTolerance: 2 });
    expect(body({ kind: 'sft', quality: all })).not.toHaveProperty('quality');
  });

  it('keeps a negative tau and a zero tolerance', () => {
    expect(body({ kind: 'ranking', quality: quality({ rankingMinTau: '-0.5' }) }).quality).toEqual({ rankingMinTau: -0.5 });
    expect(body({ kind: 'rating', quality: quality({ ratingTolerance: '0' }) }).quality).toEqual({ ratingTolerance: 0 });
  });

  it('names the quality field of each mistake, with the other errors', () => {
    expect(errors({ quality: quality({ auditRate: '1.5' }) })).toEqual(['quality.auditRate: must be between 0 and 1']);
    expect(errors({ quality: quality({ trustThreshold: 'high' }) })).toEqual(['quality.trustThreshold: must be a number']);
    expect(errors({ quality: quality({ trustMinScored: '2.5' }) })).toEqual([
      'quality.trustMinScored: must be a whole number',
    ]);
    expect(errors({ quality: quality({ trustMinScored: '0' }) })).toEqual([
      'quality.trustMinScored: must be between 1 and 1000',
    ]);
    expect(errors({ quality: quality({ escalationTier: '6' }) })).toEqual(['quality.escalationTier: must be between 1 and 5']);
    expect(errors({ quality: quality({ pairwiseTies: 'loose' }) })).toEqual(['quality.pairwiseTies: is strict or lenient']);
    expect(errors({ kind: 'ranking', quality: quality({ rankingMinTau: '2' }) })).toEqual([
      'quality.rankingMinTau: must be between -1 and 1',
    ]);
    expect(errors({ kind: 'rating', quality: quality({ ratingTolerance: '1.5' }) })).toEqual([
      'quality.ratingTolerance: must be a whole number',
    ]);
    expect(errors({ name: '', quality: quality({ auditRate: '-1' }) })).toEqual([
      'name: must not be blank',
      'quality.auditRate: must be between 0 and 1',
    ]);
  });
});
