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

const refusals: Record<ApprovalEvent, Partial<Record<ApprovalStatus, string>>> = {
  accorderen: { geaccordeerd: 'U hebt dit dienstverband al akkoord gegeven.' },
  betwisten: { betwist: 'U hebt dit dienstverband al betwist; uw werkgever reageert erop.' },
  beantwoorden: {
    'te-controleren': 'Dit dienstverband is niet betwist; er is niets te beantwoorden.',
    geaccordeerd: 'Dit dienstverband is niet betwist; er is niets te beantwoorden.',
  },
};

export type ApprovalTransition = { allowed: true; to: ApprovalStatus } | { allowed: false; reason: string };

/** Where `event` takes an employment in state `from`, or why it may not happen (in Dutch). */
export function transition(from: ApprovalStatus, event: ApprovalEvent): ApprovalTransition {
  const to = transitions[from]?.[event];
  if (to) return { allowed: true, to };
  return { allowed: false, reason: refusals[event][from] ?? 'Deze stap kan niet vanuit de huidige status.' };
}

export const commentLimits = { min: 5, max: 2000 };

/** A dispute's comment or a board's reply: the text trimmed, or a Dutch message why it cannot be sent. */
export function checkComment(raw: unknown, what: 'toelichting' | 'antwoord'): { ok: true; text: string } | { ok: false; message: string } {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text.length === 0) return { ok: false, message: what === 'toelichting' ? 'Schrijf wat er niet klopt.' : 'Schrijf een antwoord.' };
  if (text.length < commentLimits.min) return { ok: false, message: `Schrijf ten minste ${commentLimits.min} tekens.` };
  if (text.length > commentLimits.max) return { ok: false, message: `Ten hoogste ${commentLimits.max} tekens; u schreef er ${text.length}.` };
  return { ok: true, text };
}
