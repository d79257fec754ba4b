import { describe, expect, it } from 'vitest';
import type { User } from '../api';
import {
  EMPTY_PROGRESS,
  consoleAccess,
  formatSeconds,
  progressLabel,
  projectPath,
  readProject,
  readProjects,
  resolvedPercent,
  statusActions,
} from './projects';
import { QUALITY_DEFAULTS } from './qualitySettings';

const VIEW = {
  id: 'prj_1',
  orgId: 'org_1',
  name: 'Helpfulness',
  kind: 'pairwise',
  instructions: '<b>not html</b>',
  status: 'active',
  overlap: { min: 3, max: 5, agreementTarget: 0.8 },
  goldRatio: 0.1,
  requirements: { languages: ['en'], skills: [{ name: 'code', minLevel: 2 }], minTier: 2 },
  difficultyRules: [{ minDifficulty: 4, minTier: 3 }],
  priority: 5,
  leaseSeconds: 600,
  deadline: null,
  pay: { amount: 0.25, currency: 'USD' },
  criteria: ['helpfulness'],
  labels: [],
  multiLabel: false,
  scale: null,
  quality: {
    pairwiseTies: 'lenient',
    classificationMatch: 'exact',
    rankingMinTau: 0.6,
    ratingTolerance: 1,
    trustMinScored: 5,
    trustThreshold: 0.8,
    auditRate: 0.2,
    escalationTier: 3,
    qualification: 'qual_1',
  },
  createdAt: '2030-01-01T00:00:00Z',
  progress: { tasks: 40, open: 20, resolved: 12, contested: 8, unitsReady: 50, unitsLeased: 3, unitsSubmitted: 70 },
};

describe('readProject', () => {
  it('keeps a complete view as it is', () => {
    expect(readProject(VIEW)).toEqual(VIEW);
  });

  it('fills what an older or partial response leaves out', () => {
    const p = readProject({ id: 'prj_2', name: 'Bare', kind: 'pairwise', status: 'draft' });
    expect(p.progress).toEqual(EMPTY_PROGRESS);
    expect(p.overlap).toEqual({ min: 1, max: 1, agreementTarget: 0 });
    expect(p.requirements).toEqual({ languages: [], skills: [], minTier: 1 });
    expect(p.difficultyRules).toEqual([]);
    expect(p.pay).toEqual({ amount: 0, currency: 'USD' });
    expect(p.quality).toEqual(QUALITY_DEFAULTS);
    expect(p.scale).toBeNull();
    expect(p.deadline).toBeNull();
  });

  it('reads a BigDecimal pay amount sent as a string', () => {
    expect(readProject({ ...VIEW, pay: { amount: '0.10', currency: 'EUR' } }).pay).toEqual({
      amount: 0.1,
      currency: 'EUR',
    });
  });

  it('reads a list and ignores a non-list', () => {
    expect(readProjects([VIEW, VIEW])).toHaveLength(2);
    expect(readProjects({ items: [] })).toEqual([]);
  });
});

describe('progress', () => {
  it('is the resolved share of the tasks', () => {
    expect(resolvedPercent(VIEW.progress)).toBe(30);
    expect(progressLabel(VIEW.progress)).toBe('12 / 40 resolved (30%)');
  });

  it('handles a project without tasks', () => {
    expect(resolvedPercent(EMPTY_PROGRESS)).toBe(0);
    expect(progressLabel(EMPTY_PROGRESS)).toBe('no tasks yet');
  });

  it('only shows 100% when everything is resolved', () => {
    expect(resolvedPercent({ ...EMPTY_PROGRESS, tasks: 1000, resolved: 999 })).toBe(99);
    expect(resolvedPercent({ ...EMPTY_PROGRESS, tasks: 3, resolved: 3 })).toBe(100);
  });
});

describe('statusActions', () => {
  const ids = (status: string) => statusActions(status).map((a) => `${a.id}:${a.status}`);

  it('offers pause, resume and completion by status', () => {
    expect(ids('active')).toEqual(['pause-project:paused', 'complete-project:completed']);
    expect(ids('paused')).toEqual(['resume-project:active', 'complete-project:completed']);
    expect(ids('draft')).toEqual(['resume-project:active', 'complete-project:completed']);
    expect(ids('completed')).toEqual([]);
  });

  it('asks before completing', () => {
    expect(statusActions('active').find((a) => a.status === 'completed')?.confirm).toBeTruthy();
    expect(statusActions('active').find((a) => a.status === 'paused')?.confirm).toBeUndefined();
  });
});

describe('consoleAccess', () => {
  const user = (roles: User['roles']): User => ({
    id: 'u',
    email: 'e@x',
    name: 'n',
    roles,
    orgId: 'org',
    vendor: null,
  });

  it('lets customers in, sends others away', () => {
    expect(consoleAccess(null, true)).toBe('loading');
    expect(consoleAccess(null, false)).toBe('login');
    expect(consoleAccess(user(['ANNOTATOR']), false)).toBe('forbidden');
    expect(consoleAccess(user(['CUSTOMER']), false)).toBe('ok');
  });
});

describe('formatting', () => {
  it('formats seconds', () => {
    expect(formatSeconds(45)).toBe('45 s');
    expect(formatSeconds(600)).toBe('10 min');
    expect(formatSeconds(5430)).toBe('1 h 30 min 30 s');
  });

  it('encodes ids in paths', () => {
    expect(projectPath('a/b')).toBe('/console/projects/a%2Fb');
  });
});
