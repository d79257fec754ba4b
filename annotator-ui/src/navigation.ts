// Where to go after signing in: back to the page that sent the user to the login page, if that
// page is one of this app's own paths, else the start page.

export function returnPath(state: unknown): string {
  const from = state && typeof state === 'object' ? (state as { from?: unknown }).from : undefined;
  if (typeof from !== 'string') return '/';
  // Only same-origin paths: "/console", not "//evil.example" or "https://…".
  if (!from.startsWith('/') || from.startsWith('//') || from.startsWith('/\\') || from === '/login') return '/';
  return from;
}
