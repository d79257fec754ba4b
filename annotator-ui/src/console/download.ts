// Downloading an export file: the endpoint needs the bearer token, so a plain link cannot fetch
// it. The file is fetched with the token and handed to the browser as a Blob object URL.

import { ApiError, getToken, problemMessage } from '../api';

export async function fetchBlob(path: string): Promise<Blob> {
  const headers = new Headers();
  const token = getToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const response = await fetch(path, { headers });
  if (!response.ok) {
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: the status says enough
    }
    throw new ApiError(response.status, problemMessage(response.status, body));
  }
  return response.blob();
}

/** Saves `blob` as `name` through a temporary object URL and an invisible link. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
