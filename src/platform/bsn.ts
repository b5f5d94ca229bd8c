import { sql, type SQL } from 'drizzle-orm';

/**
 * Telling a BSN when one turns up where it does not belong, so that it is never kept or shown in clear.
 * A BSN is 9 digits passing the elfproef; a spreadsheet may have dropped its leading zero, leaving 8.
 */

/** BSN elfproef: weights 9..2 and −1, the sum divisible by 11, not all zeros. */
export function passesElfproef(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn) || bsn === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(bsn[i]) * (9 - i);
  sum -= Number(bsn[8]);
  return sum % 11 === 0;
}

/** 8 or 9 digits that pass the elfproef with the leading zero back: the 9-digit BSN it may be, else null. */
export function bsnLike(digits: string): string | null {
  if (digits.length !== 9 && digits.length !== 8) return null;
  const padded = digits.length === 8 ? `0${digits}` : digits;
  return passesElfproef(padded) ? padded : null;
}

const digitRuns = /\d{8,}/g;
export const maskedBsn = '•••••••••';

/** The text with every run of 8 or 9 digits that may be a BSN replaced by dots; the same text when there is none. */
export function maskBsnLike(text: string): string {
  if (!/\d{8}/.test(text)) return text;
  return text.replace(digitRuns, (run) => (bsnLike(run) ? maskedBsn : run));
}

/** Whether the text holds a run of 8 or 9 digits that may be a BSN. */
export function containsBsnLike(text: string): boolean {
  return maskBsnLike(text) !== text;
}

/**
 * A personeelsnummer that looks like a BSN is kept as this prefix and its keyed hash: the same number
 * gives the same key in every delivery, so employments are found again, and the number itself is not
 * kept. It is longer than any personeelsnummer (at most 32 characters), so it never meets a real one.
 */
export const hiddenStaffNumberPrefix = '#bsn-achtig:';

/** SQL text for a stored personeelsnummer (`column`, a column reference) as pages and exports may show it: a hidden one as dots. */
export const staffNumberAsShownText = (column: string): string =>
  `CASE WHEN starts_with(${column}, '${hiddenStaffNumberPrefix}') THEN '${maskedBsn}' ELSE ${column} END`;

export const staffNumberAsShown = (column: string): SQL => sql.raw(staffNumberAsShownText(column));
