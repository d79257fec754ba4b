// A thin fetch wrapper: JSON in and out, the bearer token from the session, and errors that
// carry the server's problem+json detail so pages can show what to fix.

const TOKEN_KEY = 'quorum.token';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function getToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** The message to show for a failed response body (problem+json or anything else). */
export function problemMessage(status: number, body: unknown): string {
  if (body && typeof body === 'object') {
    const detail = (body as { detail?: unknown }).detail;
    if (typeof detail === 'string' && detail.length > 0) return detail;
    const title = (body as { title?: unknown }).title;
    if (typeof title === 'string' && title.length > 0) return title;
  }
  return `request failed with status ${status}`;
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json, application/problem+json');
  if (init.body && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  const token = getToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const response = await fetch(path, { ...init, headers });
  const text = await response.text();
  const body = text ? safeJson(text) : null;
  if (!response.ok) throw new ApiError(response.status, problemMessage(response.status, body));
  return body as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export type Role = 'ADMIN' | 'CUSTOMER' | 'MANAGER' | 'REVIEWER' | 'ANNOTATOR';

export interface User {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  orgId: string | null;
  vendor: string | null;
}

export interface LoginResponse {
  accessToken: string;
  user: User;
}
