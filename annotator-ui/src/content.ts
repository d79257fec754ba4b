// Turns task content (a plain string or a chat transcript) into blocks of text to render.
// Content is untrusted: it is only ever rendered as text.

export type MessageRole = 'system' | 'user' | 'assistant';

export interface Message {
  role: MessageRole;
  content: string;
}

export type Content = string | Message[];

/** A block of text; role is null for plain-string content. */
export interface Block {
  role: string | null;
  text: string;
}

const ROLE_LABELS: Record<string, string> = { system: 'System', user: 'User', assistant: 'Assistant' };

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
}

/** Text of a message's content: a string, a list of {text} parts, or anything else as JSON. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (Array.isArray(value) && value.every((p) => p && typeof p === 'object' && typeof p.text === 'string')) {
    return value.map((p: { text: string }) => p.text).join('\n');
  }
  return JSON.stringify(value, null, 2);
}

export function toBlocks(content: unknown): Block[] {
  if (content === null || content === undefined) return [];
  if (typeof content === 'string') return [{ role: null, text: content }];
  if (Array.isArray(content)) {
    return content.map((message: unknown) => {
      if (message && typeof message === 'object' && !Array.isArray(message)) {
        const { role, content: inner } = message as { role?: unknown; content?: unknown };
        return { role: typeof role === 'string' && role.length > 0 ? role : 'unknown', text: textOf(inner) };
      }
      return { role: null, text: textOf(message) };
    });
  }
  return [{ role: null, text: textOf(content) }];
}
