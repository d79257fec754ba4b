import { describe, expect, it } from 'vitest';
import { appLinks, returnPath } from './navigation';

describe('returnPath', () => {
  it('returns to the page that needed a sign-in', () => {
    expect(returnPath({ from: '/console/projects/prj_1' })).toBe('/console/projects/prj_1');
  });

  it('falls back to the start page', () => {
    expect(returnPath(null)).toBe('/');
    expect(returnPath(undefined)).toBe('/');
    expect(returnPath({})).toBe('/');
    expect(returnPath({ from: 3 })).toBe('/');
    expect(returnPath({ from: '/login' })).toBe('/');
  });

  it('never leaves the app', () => {
    expect(returnPath({ from: '//evil.example/x' })).toBe('/');
    expect(returnPath({ from: '/\\evil.example' })).toBe('/');
    expect(returnPath({ from: 'https://evil.example' })).toBe('/');
  });
});

describe('appLinks', () => {
  const paths = (roles: Parameters<typeof appLinks>[0]) => appLinks(roles).map((l) => l.to);

  it('offers the workbench, the feedback page and the tests to annotators, review to reviewers', () => {
    expect(paths(['ANNOTATOR'])).toEqual(['/work', '/feedback', '/qualifications']);
    expect(paths(['REVIEWER', 'ANNOTATOR'])).toEqual(['/work', '/feedback', '/qualifications', '/review']);
    expect(paths(['REVIEWER'])).toEqual(['/review']);
  });

  it('offers the console to customers only', () => {
    expect(paths(['CUSTOMER'])).toEqual(['/console']);
    expect(paths(['ADMIN', 'MANAGER'])).toEqual([]);
  });

  it('keeps the start page ids the browser tests use', () => {
    expect(appLinks(['ANNOTATOR', 'CUSTOMER']).map((l) => l.homeId)).toEqual([
      'start-work',
      'open-feedback',
      'open-qualifications',
      'open-console',
    ]);
  });
});
