// Who may open a page: the role check shared by the console, the feedback and the review pages.

import type { Role, User } from './api';

export type Access = 'loading' | 'login' | 'forbidden' | 'ok';

export function roleAccess(user: User | null, loading: boolean, role: Role): Access {
  if (loading) return 'loading';
  if (!user) return 'login';
  return user.roles.includes(role) ? 'ok' : 'forbidden';
}
