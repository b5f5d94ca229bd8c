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

/** The public register's two standings beyond an inschrijving's own status (public-register.repo.ts), as the re-registration pages name them. */
const standings: Record<string, string> = {
  'onder voorwaarden': 'reregistration.standing.onderVoorwaarden',
  'herregistratie verlopen': 'reregistration.standing.verlopen',
};

/**
 * An inschrijving's status in words ("ingeschreven" → "enrolled"), or its standing in the public register
 * ("onder voorwaarden"); a status the texts do not know shows as it is.
 */
export function enrolmentStatusLabel(t: Translate, status: string): string {
  const key = standings[status] ?? `enrolments.status.${status}`;
  return isMessageKey(key) ? t(key) : status;
}
