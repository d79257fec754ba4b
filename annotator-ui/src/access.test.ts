import { describe, expect, it } from 'vitest';
import { roleAccess } from './access';
import type { User } from './api';

const user = (roles: User['roles']): User => ({ id: 'u', email: 'a@b', name: 'A', roles, orgId: null, vendor: null });

describe('roleAccess', () => {
  it('waits for the session, then asks for a sign-in', () => {
    expect(roleAccess(null, true, 'REVIEWER')).toBe('loading');
    expect(roleAccess(null, false, 'REVIEWER')).toBe('login');
  });

  it('lets in only users with the role', () => {
    expect(roleAccess(user(['ANNOTATOR', 'REVIEWER']), false, 'REVIEWER')).toBe('ok');
    expect(roleAccess(user(['ANNOTATOR']), false, 'REVIEWER')).toBe('forbidden');
    expect(roleAccess(user(['CUSTOMER']), false, 'ANNOTATOR')).toBe('forbidden');
  });
});
