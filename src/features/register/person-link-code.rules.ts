import { randomInt } from 'node:crypto';

export const linkCodeKinds = ['uitnodiging', 'activatiecode'] as const;
export type LinkCodeKind = (typeof linkCodeKinds)[number];

/** How long a code works: the invitation as long as a delivery's check takes, a letter long enough for the post and a holiday. */
export const linkCodeDays: Record<LinkCodeKind, number> = { uitnodiging: 60, activatiecode: 42 };

/** Letters and digits nobody mixes up when typing from paper: no 0/O, 1/I/L. */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * An activation code to type from a letter: 12 characters from 31 (59 bits), in groups of four
 * (`KX7M-4TQA-9PRD`). Guessing one is out of reach: each try needs a signed-in account and passes
 * the rate limit.
 */
export function newActivationCode(): string {
  const chars = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((g) => g.join('')).join('-');
}

/**
 * A code as typed or pasted, in the form it was issued: an activation code in capitals with its
 * dashes wherever the person put spaces or none; the invitation's long link token as it is.
 */
export function normaliseCode(typed: string): string {
  const trimmed = typed.trim();
  const compact = trimmed.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length === 12 && [...compact].every((c) => alphabet.includes(c))) {
    return `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}`;
  }
  return trimmed;
}
