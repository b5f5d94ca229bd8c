import { describe, expect, it } from 'vitest';
import { readAs } from './texts.test-support.ts';
import { approvalStatuses, checkComment, transition, type ApprovalEvent, type ApprovalStatus } from './approval.rules.ts';

describe('the approval of a delivered employment', () => {
  // every state × every event: where it goes, or null when it is refused
  const expected: Record<ApprovalStatus, Record<ApprovalEvent, ApprovalStatus | null>> = {
    'te-controleren': { accorderen: 'geaccordeerd', betwisten: 'betwist', beantwoorden: null },
    geaccordeerd: { accorderen: null, betwisten: 'betwist', beantwoorden: null },
    betwist: { accorderen: 'geaccordeerd', betwisten: null, beantwoorden: 'te-controleren' },
  };

  for (const from of approvalStatuses) {
    for (const [event, to] of Object.entries(expected[from]) as [ApprovalEvent, ApprovalStatus | null][]) {
      it(`${from} + ${event} → ${to ?? 'geweigerd'}`, () => {
        const result = transition(from, event);
        if (to) expect(result).toEqual({ allowed: true, to });
        else {
          expect(result.allowed).toBe(false);
          expect(!result.allowed && result.reason.key).toMatch(/^register\.error\./);
          expect(readAs(result)).toMatchObject({ reason: expect.stringMatching(/\.$/) });
        }
      });
    }
  }

  it('says why with a text key, read in Dutch', () => {
    expect(transition('geaccordeerd', 'accorderen')).toEqual({ allowed: false, reason: { key: 'register.error.alreadyApproved' } });
    expect(readAs(transition('geaccordeerd', 'accorderen'))).toEqual({ allowed: false, reason: 'U hebt dit dienstverband al akkoord gegeven.' });
    expect(readAs(transition('te-controleren', 'beantwoorden'))).toEqual({
      allowed: false,
      reason: 'Dit dienstverband is niet betwist; er is niets te beantwoorden.',
    });
  });
});

describe('a comment', () => {
  it('is trimmed and accepted between 5 and 2000 characters', () => {
    expect(checkComment('  De einddatum klopt niet.  ', 'toelichting')).toEqual({ ok: true, text: 'De einddatum klopt niet.' });
    expect(checkComment('x'.repeat(2000), 'antwoord')).toEqual({ ok: true, text: 'x'.repeat(2000) });
  });

  it('is refused when empty, too short or too long, with a message that says what to do', () => {
    expect(checkComment('', 'toelichting')).toEqual({ ok: false, message: { key: 'register.error.commentMissing' } });
    expect(readAs(checkComment('', 'toelichting'))).toEqual({ ok: false, message: 'Schrijf wat er niet klopt.' });
    expect(readAs(checkComment(undefined, 'antwoord'))).toEqual({ ok: false, message: 'Schrijf een antwoord.' });
    expect(readAs(checkComment(' nee ', 'toelichting'))).toEqual({ ok: false, message: 'Schrijf ten minste 5 tekens.' });
    expect(readAs(checkComment('x'.repeat(2001), 'toelichting'))).toEqual({ ok: false, message: 'Ten hoogste 2000 tekens; u schreef er 2001.' });
  });
});
