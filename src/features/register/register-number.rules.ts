import { randomInt } from 'node:crypto';

/**
 * A register number: seven digits, then two check digits (ISO 7064 MOD 97-10, as in an IBAN), so a typing
 * error in one digit or two swapped digits is always caught. Unique and stable: it is given once, at
 * inschrijving, and never reused. The seven digits were a sequence until issue 17; new numbers draw them
 * at random (`randomRegisterBase`), so the numbers given cannot be walked one after another. Both kinds
 * have the same form and stay valid.
 */
const mod97 = (digits: string): number => {
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest;
};

export const firstRegisterSequence = 1_000_000;
const lastRegisterBase = 9_999_999;

/** Seven random digits for a new register number, from the system's cryptographic generator. */
export function randomRegisterBase(): number {
  return randomInt(firstRegisterSequence, lastRegisterBase + 1);
}

/** The register number for seven digits (1,000,000 to 9,999,999). */
export function registerNumberFor(sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < firstRegisterSequence || sequence > lastRegisterBase)
    throw new RangeError(`no register number for ${sequence}`);
  const base = String(sequence);
  const check = 98 - mod97(`${base}00`);
  return `${base}${String(check).padStart(2, '0')}`;
}

/** Whether a text is a register number (spaces and dashes allowed, as people type it). */
export function isRegisterNumber(text: string): boolean {
  const digits = normaliseRegisterNumber(text);
  return digits !== null && mod97(digits) === 1;
}

/** The nine digits of a typed register number, or null when it is not nine digits. */
export function normaliseRegisterNumber(text: string): string | null {
  const digits = text.replace(/[\s-]/g, '');
  return /^[1-9]\d{8}$/.test(digits) ? digits : null;
}
