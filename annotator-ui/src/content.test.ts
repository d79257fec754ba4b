import { describe, expect, it } from 'vitest';
import { roleLabel, toBlocks } from './content';

describe('toBlocks', () => {
  it('turns a string into one block without a role, keeping line breaks', () => {
    expect(toBlocks('line 1\nline 2')).toEqual([{ role: null, text: 'line 1\nline 2' }]);
  });

  it('keeps markup as plain text', () => {
    expect(toBlocks('<img src=x onerror=alert(1)>')).toEqual([{ role: null, text: '<img src=x onerror=alert(1)>' }]);
  });

  it('turns messages into one block per message with its role', () => {
    expect(
      toBlocks([
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!' },
      ]),
    ).toEqual([
      { role: 'system', text: 'Be brief.' },
      { role: 'user', text: 'Hi' },
      { role: 'assistant', text: 'Hello!' },
    ]);
  });

  it('copes with missing and odd values', () => {
    expect(toBlocks(undefined)).toEqual([]);
    expect(toBlocks(null)).toEqual([]);
    expect(toBlocks([])).toEqual([]);
    expect(toBlocks('')).toEqual([{ role: null, text: '' }]);
    expect(toBlocks([{ content: 'no role' }])).toEqual([{ role: 'unknown', text: 'no role' }]);
    expect(toBlocks([{ role: 'user' }])).toEqual([{ role: 'user', text: '' }]);
    expect(toBlocks(['bare string'])).toEqual([{ role: null, text: 'bare string' }]);
    expect(toBlocks(42)).toEqual([{ role: null, text: '42' }]);
  });

  it('joins content parts and shows other structured content as JSON', () => {
    expect(toBlocks([{ role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] }])).toEqual([
      { role: 'user', text: 'a\nb' },
    ]);
    expect(toBlocks([{ role: 'user', content: { x: 1 } }])).toEqual([{ role: 'user', text: '{\n  "x": 1\n}' }]);
  });
});

describe('roleLabel', () => {
  it('labels the known roles and passes others through', () => {
    expect(roleLabel('system')).toBe('System');
    expect(roleLabel('user')).toBe('User');
    expect(roleLabel('assistant')).toBe('Assistant');
    expect(roleLabel('tool')).toBe('tool');
  });
});
