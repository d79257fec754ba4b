import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, problemMessage } from './api';

describe('problemMessage', () => {
  it('shows the detail of a problem document', () => {
    expect(problemMessage(401, { title: 'Unauthorized', detail: 'the email or the password is wrong' })).toBe(
      'the email or the password is wrong',
    );
  });

  it('falls back to the title, then to the status', () => {
    expect(problemMessage(403, { title: 'Forbidden' })).toBe('Forbidden');
    expect(problemMessage(502, '<html>bad gateway</html>')).toBe('request failed with status 502');
  });
});

describe('api', () => {
  afterEach(() => vi.unstubAllGlobals());

  function stub(response: Response) {
    const store = new Map<string, string>([['quorum.token', 'tok']]);
    vi.stubGlobal('sessionStorage', { getItem: (k: string) => store.get(k) ?? null });
    const fetchMock = vi.fn(async () => response);
    vi.stubGlobal('fetch', fetchMock);
    return fetchMock;
  }

  it('returns null for 204 No Content and sends no Content-Type without a body', async () => {
    const fetchMock = stub(new Response(null, { status: 204 }));
    await expect(api('/api/v1/annotator/next-task', { method: 'POST' })).resolves.toBeNull();
    const headers = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].headers as Headers;
    expect(headers.get('Authorization')).toBe('Bearer tok');
    expect(headers.has('Content-Type')).toBe(false);
  });

  it('parses JSON and throws ApiError with the detail', async () => {
    stub(new Response('{"status":"submitted"}', { status: 200 }));
    await expect(api('/x')).resolves.toEqual({ status: 'submitted' });
    stub(new Response('{"detail":"the lease has expired"}', { status: 409 }));
    const error = await api('/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, message: 'the lease has expired' });
  });
});
