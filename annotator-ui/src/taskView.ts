// Task data of every kind as titled sections of text blocks, so that one component can show
// any task (the reviewer sees the customer's order: A is the customer's A). No React, no DOM.

import { toBlocks, type Block } from './content';

export interface Section {
  /** Element id, stable per part of the task ("prompt", "response-a", "response-r1"). */
  id: string;
  title: string;
  blocks: Block[];
}

export interface TaskView {
  /** Shown first, full width: the prompt or the text to classify. */
  lead: Section[];
  /** Shown side by side: the responses to compare, rank or rate. */
  responses: Section[];
  /** Ranking: the response ids in the listed order. */
  responseIds: string[];
}

type Obj = Record<string, unknown>;

function isContent(value: unknown): boolean {
  return typeof value === 'string' || Array.isArray(value);
}

function optionalContent(value: unknown): boolean {
  return value === undefined || value === null || isContent(value);
}

/** Only letters, digits, '-' and '_' in element ids made from customer ids. */
function idPart(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** The sections of a task of `kind`, or null when the data does not have that kind's shape. */
export function taskView(kind: string, data: unknown): TaskView | null {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const d = data as Obj;
  const prompt = (): Section[] => [{ id: 'prompt', title: 'Prompt', blocks: toBlocks(d.prompt) }];
  switch (kind) {
    case 'pairwise':
      if (!isContent(d.responseA) || !isContent(d.responseB) || !optionalContent(d.prompt)) return null;
      return {
        lead: prompt(),
        responses: [
          { id: 'response-a', title: 'A', blocks: toBlocks(d.responseA) },
          { id: 'response-b', title: 'B', blocks: toBlocks(d.responseB) },
        ],
        responseIds: [],
      };
    case 'ranking': {
      if (!Array.isArray(d.responses) || !optionalContent(d.prompt)) return null;
      const responses: Section[] = [];
      const ids: string[] = [];
      for (const r of d.responses) {
        if (!r || typeof r !== 'object' || typeof (r as Obj).id !== 'string') return null;
        const { id, content } = r as { id: string; content: unknown };
        ids.push(id);
        responses.push({ id: `response-${idPart(id)}`, title: id, blocks: toBlocks(content) });
      }
      return { lead: prompt(), responses, responseIds: ids };
    }
    case 'rating':
      if (!isContent(d.response) || !optionalContent(d.prompt)) return null;
      return {
        lead: [...prompt(), { id: 'response', title: 'Response', blocks: toBlocks(d.response) }],
        responses: [],
        responseIds: [],
      };
    case 'classification':
      if (!isContent(d.text)) return null;
      return { lead: [{ id: 'text', title: 'Text', blocks: toBlocks(d.text) }], responses: [], responseIds: [] };
    case 'sft':
      if (!isContent(d.prompt)) return null;
      return { lead: prompt(), responses: [], responseIds: [] };
    default:
      return null;
  }
}
