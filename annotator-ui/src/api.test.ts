import { describe, expect, it } from 'vitest';
import { problemMessage } from './api';

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
