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
