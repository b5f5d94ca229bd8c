import { message, type Message } from '../../platform/i18n.ts';

/**
 * The professional's check of a delivered employment. A delivery sets it to te-controleren (new or
 * changed); the professional approves it (accorderen) or disputes it (betwisten, with a comment for the
 * board). A disputed employment returns to te-controleren when the board answers or delivers a
 * correction. Approving a disputed employment withdraws the dispute; an approved one can still be
 * disputed when the professional finds a mistake later.
 */
export const approvalStatuses = ['te-controleren', 'geaccordeerd', 'betwist'] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];

export type ApprovalEvent = 'accorderen' | 'betwisten' | 'beantwoorden';

const transitions: Record<ApprovalStatus, Partial<Record<ApprovalEvent, ApprovalStatus>>> = {
  'te-controleren': { accorderen: 'geaccordeerd', betwisten: 'betwist' },
  geaccordeerd: { betwisten: 'betwist' },
  betwist: { accorderen: 'geaccordeerd', beantwoorden: 'te-controleren' },
};

const refusals: Record<ApprovalEvent, Partial<Record<ApprovalStatus, Message>>> = {
  accorderen: { geaccordeerd: message('register.error.alreadyApproved') },
  betwisten: { betwist: message('register.error.alreadyDisputed') },
  beantwoorden: {
    'te-controleren': message('register.error.notDisputed'),
    geaccordeerd: message('register.error.notDisputed'),
  },
};

export type ApprovalTransition = { allowed: true; to: ApprovalStatus } | { allowed: false; reason: Message };

/** Where `event` takes an employment in state `from`, or why it may not happen (a text key). */
export function transition(from: ApprovalStatus, event: ApprovalEvent): ApprovalTransition {
  const to = transitions[from]?.[event];
  if (to) return { allowed: true, to };
  return { allowed: false, reason: refusals[event][from] ?? message('register.error.stepNotPossible') };
}

export const commentLimits = { min: 5, max: 2000 };

/** A dispute's comment or a board's reply: the text trimmed, or a message why it cannot be sent. */
export function checkComment(raw: unknown, what: 'toelichting' | 'antwoord'): { ok: true; text: string } | { ok: false; message: Message } {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text.length === 0) return { ok: false, message: message(what === 'toelichting' ? 'register.error.commentMissing' : 'register.error.replyMissing') };
  if (text.length < commentLimits.min) return { ok: false, message: message('register.error.commentTooShort', { min: String(commentLimits.min) }) };
  if (text.length > commentLimits.max)
    return { ok: false, message: message('register.error.tooLong', { max: String(commentLimits.max), length: String(text.length) }) };
  return { ok: true, text };
}
