import { csvLine } from '../../platform/csv/write.ts';
import { columns, planHeader, type Column, type HeaderPlan } from './delivery-format.rules.ts';

/**
 * The entry screen (invoerscherm): one row of the aanleverformaat typed in a form. It has no rules of
 * its own. The row is what a file would hold, in the format's columns, and the file's checks judge it:
 * first on the form (checkRow and the BSN guard, nothing stored), then as a delivery of mode mutaties
 * with one row, channel `scherm`. The form's fields are named after the columns, so a message's
 * `kolom` is the field it belongs to.
 */

/** Every column but the board's number: the board is the one whose screen it is. */
export type EntryField = Exclude<Column, 'bevoegd_gezag_nummer'>;
export const entryFields = columns.filter((c): c is EntryField => c !== 'bevoegd_gezag_nummer');

/** The form's values, as typed: the rules trim and judge them. */
export type Entry = Record<EntryField, string>;

export const entryMutations = ['NIEUW', 'WIJZIGING', 'EINDE'] as const;
export type EntryMutation = (typeof entryMutations)[number];

export const emptyEntry = (): Entry => Object.fromEntries(entryFields.map((f) => [f, ''])) as Entry;

/** The header of the row a form makes: every column, in the format's order. */
export const entryHeader: HeaderPlan = planHeader([...columns], 'mutaties');

/** The row as a file has it, the board's number first. */
export const entryRecord = (entry: Entry, boardNumber: string): string[] => columns.map((c) => (c === 'bevoegd_gezag_nummer' ? boardNumber : entry[c]));

/** The delivery file of one entry: the header and the row, as CSV in UTF-8 (`,`, quoted where needed). */
export const entryFile = (entry: Entry, boardNumber: string): Buffer =>
  Buffer.from(`${csvLine([...columns])}${csvLine(entryRecord(entry, boardNumber))}`, 'utf8');

/**
 * Which fields an employment's form shows as facts rather than inputs. They say which employment is
 * meant (personeelsnummer, school, vestiging, functie): a change of one of them is another employment,
 * which the format knows as EINDE of this one and NIEUW of the other. Ending changes nothing but the
 * end date. A personeelsnummer the register keeps hidden (it looked like a BSN) is typed again.
 */
export function lockedFields(mutation: EntryMutation, staffNumberKnown: boolean): EntryField[] {
  const key: EntryField[] = ['personeelsnummer', 'instellingscode', 'vestigingscode', 'functie'];
  const locked = mutation === 'EINDE' ? entryFields.filter((f) => !['einddatum', 'bsn', 'mutatie'].includes(f)) : mutation === 'WIJZIGING' ? key : [];
  return staffNumberKnown ? locked : locked.filter((f) => f !== 'personeelsnummer');
}

/** A werktijdfactor as the register stores it (0.8000) the way a Dutch form shows it: 0,8. */
export function fteForForm(fte: string | null): string {
  if (fte === null) return '';
  return fte.includes('.') ? fte.replace(/\.?0+$/, '').replace('.', ',') : fte;
}

/** A calendar day (JJJJ-MM-DD) as the form shows it: DD-MM-JJJJ, which the format reads as well. */
export function dayForForm(day: string | null): string {
  if (day === null) return '';
  const [y, m, d] = day.split('-');
  return `${d}-${m}-${y}`;
}

/** A BSN on the page that repeats the answers: only its last three digits, as a BSN is never shown whole. */
export const bsnAsShown = (bsn: string): string => (bsn.trim() === '' ? '' : `••••••${bsn.trim().slice(-3)}`);
