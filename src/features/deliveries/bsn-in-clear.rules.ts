import { bsnLike, containsBsnLike, hiddenStaffNumberPrefix, maskBsnLike } from '../../platform/bsn.ts';
import type { CheckedRow, CleanRow, Column, HeaderPlan, Message } from './delivery-format.rules.ts';
import { rowMessage } from './row-messages.ts';

/**
 * Aanleverformaat v1.1 (docs/aanleverformaat.md): no BSN in clear outside the bsn column. Runs after
 * `checkRow` on its result, and decides what of the row may be staged:
 * - a personeelsnummer that is the row's BSN is an error, and one that passes the elfproef a warning:
 *   it is then kept only as a keyed hash (`hiddenStaffNumberPrefix`), so no page or export can show it;
 * - a name with a number that may be a BSN is an error, an e-mail address with one a warning;
 * - a text field with an error, and every text field of a row whose fields do not line up with the
 *   header (shifted columns), is not staged at all: the terugmelding needs only the messages;
 * - a message never quotes a number that may be a BSN.
 * Whether a personeelsnummer is a BSN the register knows for the board is asked of the database
 * afterwards (`staffNumberBsnHash`, deliveries.repo.ts).
 */

const textFields = [
  ['personeelsnummer', 'staffNumber'],
  ['voorletters', 'initials'],
  ['voornamen', 'firstNames'],
  ['tussenvoegsel', 'prefix'],
  ['achternaam', 'surname'],
  ['email', 'email'],
] as const satisfies readonly (readonly [Column, keyof CleanRow])[];

const nameFields = textFields.slice(1, 5);

/** How a personeelsnummer that looks like a BSN is stored: a keyed hash, not the BSN's own hash, so it leads to no person's BSN. */
export const hiddenStaffNumber = (staffNumber: string, keyedHash: (value: string) => string): string =>
  hiddenStaffNumberPrefix + keyedHash(`personeelsnummer|${staffNumber}`);

export type GuardedRow = CheckedRow & {
  /** the keyed hash of the BSN the personeelsnummer may be, for the database to compare with the board's known BSNs */
  staffNumberBsnHash: string | null;
};

/** `keyedHash` is the platform's HMAC: for a 9-digit BSN it gives what persons.bsn_hash holds. */
export function guardAgainstBsnInClear(checked: CheckedRow, record: string[], header: HeaderPlan, keyedHash: (value: string) => string): GuardedRow {
  const { row } = checked;
  const messages: Message[] = checked.messages;
  let staffNumberBsnHash: string | null = null;

  const staff = row.staffNumber;
  const staffAsBsn = staff === null ? null : bsnLike(staff);
  if (staff !== null && staffAsBsn !== null) {
    const rawBsn = header.index.bsn === undefined ? '' : (record[header.index.bsn] ?? '').trim();
    if (bsnLike(rawBsn) === staffAsBsn) {
      messages.push({ kolom: 'personeelsnummer', melding: rowMessage('row.staffNumber.isRowBsn'), soort: 'fout' });
    } else {
      staffNumberBsnHash = keyedHash(staffAsBsn);
      if (staff.length === 9) {
        messages.push({ kolom: 'personeelsnummer', melding: rowMessage('row.staffNumber.looksLikeBsn'), soort: 'waarschuwing' });
        row.staffNumber = hiddenStaffNumber(staff, keyedHash);
        if (row.employmentKey !== null) row.employmentKey = row.staffNumber + row.employmentKey.slice(staff.length);
      }
    }
  }

  for (const [column, field] of nameFields) {
    const value = row[field];
    if (value !== null && containsBsnLike(value)) messages.push({ kolom: column, melding: rowMessage('row.name.holdsBsn'), soort: 'fout' });
  }
  if (row.email !== null && containsBsnLike(row.email)) {
    messages.push({ kolom: 'email', melding: rowMessage('row.email.holdsBsn'), soort: 'waarschuwing' });
    row.email = null;
  }

  if (messages.length === 0) return { ...checked, staffNumberBsnHash };

  const shifted = record.length !== header.width;
  for (const [column, field] of textFields) {
    if (shifted || messages.some((m) => m.kolom === column && m.soort === 'fout')) {
      row[field] = null;
      if (field === 'staffNumber') row.employmentKey = null;
    }
  }
  for (const m of messages) m.melding = maskBsnLike(m.melding);
  const outcome = messages.some((m) => m.soort === 'fout') ? 'fout' : 'waarschuwing';
  return { row, messages, outcome, staffNumberBsnHash };
}
