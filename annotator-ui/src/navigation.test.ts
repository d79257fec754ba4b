import { describe, expect, it } from 'vitest';
import { returnPath } from './navigation';

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
