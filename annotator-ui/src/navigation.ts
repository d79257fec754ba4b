// Where to go after signing in: back to the page that sent the user to the login page, if that
// page is one of this app's own paths, else the start page. And which pages each role may open.

import type { Role } from './api';

export function returnPath(state: unknown): string {
  const from = state && typeof state === 'object' ? (state as { from?: unknown }).from : undefined;
  if (typeof from !== 'string') return '/';
  // Only same-origin paths: "/console", not "//evil.example" or "https://…".
  if (!from.startsWith('/') || from.startsWith('//') || from.startsWith('/\\') || from === '/login') return '/';
  return from;
}

export interface AppLink {
  to: string;
  label: string;
  /** Element id of the link in the top bar. */
  navId: string;
  /** Element id of the link on the start page (the browser tests know these). */
  homeId: string;
  homeLabel: string;
}

const LINKS: ReadonlyArray<AppLink & { role: Role }> = [
  { role: 'ANNOTATOR', to: '/work', label: 'Annotate', navId: 'nav-work', homeId: 'start-work', homeLabel: 'Start annotating' },
  {
    role: 'ANNOTATOR',
    to: '/feedback',
    label: 'Feedback',
    navId: 'nav-feedback',
    homeId: 'open-feedback',
    homeLabel: 'Reviews of my work',
  },
  {
    role: 'ANNOTATOR',
    to: '/qualifications',
    label: 'Tests',
    navId: 'nav-qualifications',
    homeId: 'open-qualifications',
    homeLabel: 'Qualification tests',
  },
  { role: 'REVIEWER', to: '/review', label: 'Review', navId: 'nav-review', homeId: 'start-review', homeLabel: 'Review work' },
  {
    role: 'CUSTOMER',
    to: '/console',
    label: 'Console',
    navId: 'nav-console',
    homeId: 'open-console',
    homeLabel: 'Open the customer console',
  },
];

/** The app's pages a user with these roles may open, in a fixed order. */
export function appLinks(roles: readonly Role[]): AppLink[] {
  return LINKS.filter((l) => roles.includes(l.role)).map(({ role: _role, ...link }) => link);
}
