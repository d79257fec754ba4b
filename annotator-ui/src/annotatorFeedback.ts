// The annotator's feedback page: rejected work with its appeals, and the projects the annotator
// is paused on. Reading the server's answer defensively, the appeal form's rules. No React.

export type AppealStatus = 'pending' | 'upheld' | 'overturned';

export interface Appeal {
  status: AppealStatus | string;
  comment: string;
}

export interface Rejection {
  reviewId: string;
  projectName: string;
  taskPreview: string;
  reason: string;
  reviewedAt: string;
  appealable: boolean;
  appeal: Appeal | null;
}

export interface Pause {
  projectId: string;
  projectName: string;
  reason: string;
  since: string;
}

export interface AnnotatorFeedback {
  rejections: Rejection[];
  pauses: Pause[];
}

export const FEEDBACK_API = '/api/v1/annotator/feedback';

export function appealPath(reviewId: string): string {
  return `/api/v1/reviews/${encodeURIComponent(reviewId)}/appeal`;
}

type Obj = Record<string, unknown>;

function objects(value: unknown): Obj[] {
  return Array.isArray(value)
    ? value.filter((v): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v))
    : [];
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

function readAppeal(value: unknown): Appeal | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const a = value as Obj;
  return { status: str(a.status) || 'pending', comment: str(a.comment) };
}

export function readAnnotatorFeedback(value: unknown): AnnotatorFeedback {
  const v = value && typeof value === 'object' ? (value as Obj) : {};
  return {
    rejections: objects(v.rejections)
      .filter((r) => str(r.reviewId) !== '')
      .map((r) => ({
        reviewId: str(r.reviewId),
        projectName: str(r.projectName),
        taskPreview: str(r.taskPreview),
        reason: str(r.reason),
        reviewedAt: str(r.reviewedAt),
        appealable: r.appealable === true,
        appeal: readAppeal(r.appeal),
      })),
    pauses: objects(v.pauses).map((p) => ({
      projectId: str(p.projectId),
      projectName: str(p.projectName),
      reason: str(p.reason),
      since: str(p.since),
    })),
  };
}

/** "You are paused on project X: <reason>". */
export function pauseMessage(pause: Pause): string {
  const name = pause.projectName || pause.projectId;
  return `You are paused on project ${name}${pause.reason ? `: ${pause.reason}` : ''}`;
}

/** What a rejection offers: the appeal form, the appeal's state, or nothing. */
export type AppealView = { type: 'form' } | { type: 'appealed'; appeal: Appeal } | { type: 'closed' };

export function appealView(rejection: Rejection): AppealView {
  if (rejection.appeal) return { type: 'appealed', appeal: rejection.appeal };
  return rejection.appealable ? { type: 'form' } : { type: 'closed' };
}

export const APPEAL_STATUS_LABELS: Record<string, string> = {
  pending: 'Appeal pending',
  upheld: 'Appeal rejected: the rejection stands',
  overturned: 'Appeal accepted: the rejection was withdrawn',
};

export function appealStatusLabel(status: string): string {
  return APPEAL_STATUS_LABELS[status] ?? `Appeal ${status}`;
}

export const MAX_APPEAL_COMMENT = 2000;

/** The body of an appeal, or the message that says what is missing. */
export function appealBody(comment: string): { body: { comment: string } } | { error: string } {
  const trimmed = comment.trim();
  if (!trimmed) return { error: 'Say why the rejection was wrong: a comment is required.' };
  if (trimmed.length > MAX_APPEAL_COMMENT) {
    return { error: `The comment is too long: at most ${MAX_APPEAL_COMMENT} characters.` };
  }
  return { body: { comment: trimmed } };
}

/** The feedback after an appeal was filed: that rejection shows the pending appeal. */
export function withAppeal(feedback: AnnotatorFeedback, reviewId: string, appeal: Appeal): AnnotatorFeedback {
  return {
    ...feedback,
    rejections: feedback.rejections.map((r) => (r.reviewId === reviewId ? { ...r, appeal } : r)),
  };
}
