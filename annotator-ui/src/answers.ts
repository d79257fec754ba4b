// Answers of every kind in words, for the gold feedback, the reviewer page and anywhere else an
// answer is shown to a person. Answers are untrusted JSON: whatever does not have the expected
// shape is shown as JSON text instead of being guessed at.

export interface AnswerContext {
  /**
   * Pairwise only. 'shown': the answer refers to the order the annotator saw (A is the left
   * response, B the right one). 'customer': A and B are the customer's own responses.
   */
  sides?: 'shown' | 'customer';
  /** Ranking only: the response ids in the order they are listed, to say where each one is. */
  responseIds?: readonly string[];
  /** Rating only: the project's scale, to say "4 on 1–5". */
  scale?: { min: number; max: number } | null;
}

type Obj = Record<string, unknown>;

function obj(value: unknown): Obj | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : null;
}

const STRENGTH_WORDS: Record<number, string> = { 1: 'slightly better', 2: 'clearly better', 3: 'much better' };

/** "A (left)" in the annotator's order, "A" in the customer's. */
export function sideName(side: 'A' | 'B', sides: 'shown' | 'customer' = 'customer'): string {
  if (sides === 'customer') return side;
  return side === 'A' ? 'A (left)' : 'B (right)';
}

function pairwiseChoice(choice: unknown, strength: unknown, sides: 'shown' | 'customer'): string | null {
  if (choice === 'tie') return 'Tie: both responses are equally good';
  if (choice !== 'A' && choice !== 'B') return null;
  const words = typeof strength === 'number' ? STRENGTH_WORDS[strength] : undefined;
  return `${sideName(choice, sides)} is ${words ?? 'better'}`;
}

function criterionChoice(choice: unknown, sides: 'shown' | 'customer'): string {
  if (choice === 'tie') return 'tie';
  if (choice === 'A' || choice === 'B') return `${sideName(choice, sides)} better`;
  return JSON.stringify(choice) ?? String(choice);
}

function pairwise(answer: Obj, ctx: AnswerContext): string[] | null {
  const sides = ctx.sides ?? 'customer';
  const main = pairwiseChoice(answer.choice, answer.strength, sides);
  if (!main) return null;
  const lines = [main];
  const criteria = obj(answer.criteria);
  if (criteria) {
    for (const [name, choice] of Object.entries(criteria)) lines.push(`${name}: ${criterionChoice(choice, sides)}`);
  }
  if (typeof answer.rationale === 'string' && answer.rationale.trim()) lines.push(`Rationale: ${answer.rationale}`);
  return lines;
}

function classification(answer: Obj): string[] | null {
  const labels = answer.labels;
  if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string')) return null;
  if (labels.length === 0) return ['No label'];
  return [`${labels.length === 1 ? 'Label' : 'Labels'}: ${labels.join(', ')}`];
}

function rating(answer: Obj, ctx: AnswerContext): string[] | null {
  const scores = obj(answer.scores);
  if (!scores) return null;
  const entries = Object.entries(scores);
  if (entries.length === 0) return ['No scores'];
  const scale = ctx.scale ? ` on ${ctx.scale.min}–${ctx.scale.max}` : '';
  return entries.map(([criterion, score]) =>
    typeof score === 'number' ? `${criterion}: ${score}${scale}` : `${criterion}: ${JSON.stringify(score)}`,
  );
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
export function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

function ranking(answer: Obj, ctx: AnswerContext): string[] | null {
  const order = answer.order;
  if (!Array.isArray(order) || order.length === 0 || !order.every((id) => typeof id === 'string')) return null;
  return order.map((id: string, i) => {
    const listed = ctx.responseIds ? ctx.responseIds.indexOf(id) : -1;
    return `${ordinal(i + 1)}: ${id}${listed >= 0 ? ` (response ${listed + 1})` : ''}`;
  });
}

function sft(answer: Obj): string[] | null {
  if (typeof answer.response !== 'string') return null;
  return [answer.response.trim() ? answer.response : '(empty response)'];
}

/**
 * The answer in words, one line per part: the pairwise choice and then each criterion, one
 * line per rating criterion, one line per ranked response, the labels, the written response.
 */
export function describeAnswer(kind: string, answer: unknown, ctx: AnswerContext = {}): string[] {
  const a = obj(answer);
  let lines: string[] | null = null;
  if (a) {
    if (kind === 'pairwise') lines = pairwise(a, ctx);
    else if (kind === 'classification') lines = classification(a);
    else if (kind === 'rating') lines = rating(a, ctx);
    else if (kind === 'ranking') lines = ranking(a, ctx);
    else if (kind === 'sft') lines = sft(a);
  }
  if (lines) return lines;
  if (answer === null || answer === undefined) return ['(no answer)'];
  return [JSON.stringify(answer, null, 2)];
}
