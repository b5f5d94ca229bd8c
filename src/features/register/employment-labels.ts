import { isMessageKey, type Translate } from '../../platform/i18n.ts';

/**
 * The one label table for the codes of the file format (aanleverformaat: functie, benoemingsgrondslag),
 * in the reader's language: pages, mails and CSV show "Intern begeleider", never `INTERN_BEGELEIDER`.
 * A code the table does not know (a newer format) shows as it is.
 */
export function functionLabel(t: Translate, code: string): string {
  const key = `employment.function.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

export function appointmentBasisLabel(t: Translate, code: string | null): string {
  if (!code) return '—';
  const key = `employment.basis.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

/** A field a professional named in "Klopt niet" (dispute.rules.ts), in words: "Begindatum", "Achternaam". */
export function disputeFieldLabel(t: Translate, code: string): string {
  const key = `employment.field.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

/** The fields a dispute names, in words, separated by commas: "Begindatum, Einddatum". */
export const disputeFieldsLabel = (t: Translate, codes: readonly string[]): string => codes.map((c) => disputeFieldLabel(t, c)).join(', ') || '—';
