import { describe, expect, it } from 'vitest';
import { taskView } from './taskView';

describe('taskView', () => {
  it('shows a pairwise task as the prompt and two responses in the given order', () => {
    const view = taskView('pairwise', { prompt: 'Q', responseA: 'a', responseB: [{ role: 'assistant', content: 'b' }] });
    expect(view?.lead).toEqual([{ id: 'prompt', title: 'Prompt', blocks: [{ role: null, text: 'Q' }] }]);
    expect(view?.responses.map((s) => [s.id, s.title, s.blocks])).toEqual([
      ['response-a', 'A', [{ role: null, text: 'a' }]],
      ['response-b', 'B', [{ role: 'assistant', text: 'b' }]],
    ]);
  });

  it('lists ranking responses by id, with safe element ids', () => {
    const view = taskView('ranking', {
      prompt: 'Q',
      responses: [
        { id: 'r1', content: 'one' },
        { id: 'r 2"', content: 'two' },
      ],
    });
    expect(view?.responseIds).toEqual(['r1', 'r 2"']);
    expect(view?.responses.map((s) => [s.id, s.title])).toEqual([
      ['response-r1', 'r1'],
      ['response-r_2_', 'r 2"'],
    ]);
  });

  it('shows rating, classification and sft tasks', () => {
    expect(taskView('rating', { prompt: 'Q', response: 'R' })?.lead.map((s) => s.title)).toEqual(['Prompt', 'Response']);
    expect(taskView('classification', { text: 'T' })?.lead).toEqual([
      { id: 'text', title: 'Text', blocks: [{ role: null, text: 'T' }] },
    ]);
    expect(taskView('sft', { prompt: [{ role: 'user', content: 'hi' }] })?.lead[0].blocks).toEqual([
      { role: 'user', text: 'hi' },
    ]);
  });

  it('returns null for data without the kind shape or an unknown kind', () => {
    expect(taskView('pairwise', { responseA: 'a' })).toBeNull();
    expect(taskView('ranking', { responses: [{ content: 'x' }] })).toBeNull();
    expect(taskView('ranking', { responses: 'x' })).toBeNull();
    expect(taskView('rating', { prompt: 'Q' })).toBeNull();
    expect(taskView('classification', { text: 3 })).toBeNull();
    expect(taskView('sft', {})).toBeNull();
    expect(taskView('video', { prompt: 'x' })).toBeNull();
    expect(taskView('sft', null)).toBeNull();
    expect(taskView('sft', ['x'])).toBeNull();
  });
});
