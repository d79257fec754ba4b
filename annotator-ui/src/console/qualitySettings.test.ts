import { describe, expect, it } from 'vitest';
import {
  QUALITY_DEFAULTS,
  describeQualitySettings,
  emptyQualityForm,
  qualityChanges,
  qualityFieldErrors,
  qualityFieldOf,
  qualityFields,
  qualityFieldsSet,
  qualityFormFrom,
  readQualitySettings,
  withoutFieldErrors,
  type QualitySettingsView,
} from './qualitySettings';

const CURRENT: QualitySettingsView = { ...QUALITY_DEFAULTS, auditRate: 0.2, escalationTier: null, qualification: 'qual_1' };

describe('readQualitySettings', () => {
  it('reads the project view and fills the defaults', () => {
    expect(readQualitySettings(undefined)).toEqual(QUALITY_DEFAULTS);
    expect(readQualitySettings({ auditRate: 1, pairwiseTies: 'lenient', escalationTier: 3, qualification: 'q' })).toEqual({
      ...QUALITY_DEFAULTS,
      auditRate: 1,
      pairwiseTies: 'lenient',
      escalationTier: 3,
      qualification: 'q',
    });
    expect(readQualitySettings({ pairwiseTies: 'odd', qualification: '  ', escalationTier: 'x' })).toEqual(QUALITY_DEFAULTS);
  });
});

describe('qualityFields', () => {
  it('shows the common fields and the gold rule of the kind', () => {
    const common = ['auditRate', 'trustThreshold', 'trustMinScored', 'escalationTier', 'qualification'];
    expect(qualityFields('pairwise')).toEqual([...common, 'pairwiseTies']);
    expect(qualityFields('classification')).toEqual([...common, 'classificationMatch']);
    expect(qualityFields('ranking')).toEqual([...common, 'rankingMinTau']);
    expect(qualityFields('rating')).toEqual([...common, 'ratingTolerance']);
    expect(qualityFields('sft')).toEqual(common);
  });

  it('counts the fields set for the kind', () => {
    const form = { ...emptyQualityForm(), auditRate: '1', ratingTolerance: '2', pairwiseTies: 'lenient' };
    expect(qualityFieldsSet(form, 'pairwise')).toBe(2);
    expect(qualityFieldsSet(form, 'sft')).toBe(1);
  });
});

describe('qualityChanges', () => {
  it('sends nothing when the form holds the current settings', () => {
    expect(qualityChanges(qualityFormFrom(CURRENT), 'pairwise', CURRENT)).toEqual({ quality: null, errors: [] });
  });

  it('sends only what changed', () => {
    const form = { ...qualityFormFrom(CURRENT), auditRate: '0.5', trustThreshold: '0.7', pairwiseTies: 'lenient' };
    expect(qualityChanges(form, 'pairwise', CURRENT)).toEqual({
      quality: { auditRate: 0.5, pairwiseTies: 'lenient' },
      errors: [],
    });
  });

  it('removes the qualification with an empty string', () => {
    const form = { ...qualityFormFrom(CURRENT), qualification: ' ' };
    expect(qualityChanges(form, 'pairwise', CURRENT).quality).toEqual({ qualification: '' });
  });

  it('cannot remove an escalation tier, but can set or change one', () => {
    const tiered = { ...CURRENT, escalationTier: 3 };
    expect(qualityChanges({ ...qualityFormFrom(tiered), escalationTier: '' }, 'pairwise', tiered).errors).toEqual([
      'quality.escalationTier: once set it cannot be removed; choose a tier from 1 to 5',
    ]);
    expect(qualityChanges({ ...qualityFormFrom(tiered), escalationTier: '4' }, 'pairwise', tiered).quality).toEqual({
      escalationTier: 4,
    });
    expect(qualityChanges({ ...qualityFormFrom(CURRENT), escalationTier: '2' }, 'pairwise', CURRENT).quality).toEqual({
      escalationTier: 2,
    });
  });

  it('reports invalid values like the create form', () => {
    expect(qualityChanges({ ...qualityFormFrom(CURRENT), auditRate: '2' }, 'pairwise', CURRENT)).toEqual({
      quality: null,
      errors: ['quality.auditRate: must be between 0 and 1'],
    });
  });
});

describe('quality field errors', () => {
  it('finds the field a message names, from the form or the server', () => {
    expect(qualityFieldOf('quality.auditRate: must be between 0 and 1')).toBe('auditRate');
    expect(qualityFieldOf('quality.pairwiseTies: is strict or lenient')).toBe('pairwiseTies');
    expect(qualityFieldOf('quality.unknown: no')).toBeNull();
    expect(qualityFieldOf('overlap.min: must be at least 1')).toBeNull();
    expect(qualityFieldOf('Could not reach the server')).toBeNull();
  });

  it('keeps the first message per field, without the field name', () => {
    expect(
      qualityFieldErrors([
        'name: must not be blank',
        'quality.auditRate: must be between 0 and 1',
        'quality.auditRate: again',
        'quality.trustMinScored: must be a whole number',
      ]),
    ).toEqual({ auditRate: 'must be between 0 and 1', trustMinScored: 'must be a whole number' });
  });
});

describe('describeQualitySettings', () => {
  it('says each setting in words, with the gold rule of the kind', () => {
    const rows = Object.fromEntries(describeQualitySettings({ ...CURRENT, escalationTier: 2 }, 'rating'));
    expect(rows).toEqual({
      'Audit rate': '20% of decided work is reviewed',
      'Trust threshold': '0.7 (paused below it)',
      'Trust applies after': '10 checked answers',
      'Escalation tier': 'tier 2 or above',
      'Qualification test': 'qual_1',
      'Gold rating tolerance': '±1 per criterion',
    });
    expect(describeQualitySettings(QUALITY_DEFAULTS, 'pairwise').at(-1)).toEqual(['Gold ties', 'strict: exact choice']);
    expect(describeQualitySettings(QUALITY_DEFAULTS, 'sft')).toHaveLength(5);
  });
});

describe('withoutFieldErrors', () => {
  it('drops the errors of the edited field only', () => {
    const errors = ['name: must not be blank', 'quality.auditRate: must be between 0 and 1', 'quality.trustThreshold: must be a number'];
    expect(withoutFieldErrors(errors, 'auditRate')).toEqual(['name: must not be blank', 'quality.trustThreshold: must be a number']);
  });
});
