import { parseDate } from '../../platform/dates/calendar.ts';
import { message, type Message } from '../../platform/i18n.ts';

/**
 * Enrolment without a delivery (decision 021): the professional gives their name and birth date, as a
 * board would deliver them (voorletters, tussenvoegsel, achternaam, geboortedatum), with the same
 * limits as the file format, so a later delivery for the same person meets the same kind of values.
 */
export type OwnPersonForm = { voorletters: string; tussenvoegsel: string; achternaam: string; geboortedatum: string };
export type OwnPersonFacts = { initials: string; prefix: string | null; surname: string; birthDate: string };
export type OwnPersonProblem = { field: keyof OwnPersonForm; message: Message };

/** Whole years from one JJJJ-MM-DD date to another. */
export function yearsBetween(from: string, to: string): number {
  return Number(to.slice(0, 4)) - Number(from.slice(0, 4)) - (to.slice(5) < from.slice(5) ? 1 : 0);
}

const initialsPattern = /^[\p{L}][\p{L}.\s-]*$/u;
const namePattern = /^[\p{L}][\p{L}'’.\s-]*$/u;
const squeeze = (text: string) => text.trim().replace(/\s+/g, ' ');

/** The typed name and birth date, or every problem at its field (a text key). */
export function checkOwnPerson(form: OwnPersonForm, today: string): { ok: true; facts: OwnPersonFacts } | { ok: false; problems: OwnPersonProblem[] } {
  const problems: OwnPersonProblem[] = [];
  const initials = squeeze(form.voorletters);
  if (!initials || initials.length > 20 || !initialsPattern.test(initials))
    problems.push({ field: 'voorletters', message: message('register.error.ownInitials') });
  const prefix = squeeze(form.tussenvoegsel);
  if (prefix.length > 20 || (prefix && !namePattern.test(prefix))) problems.push({ field: 'tussenvoegsel', message: message('register.error.ownPrefix') });
  const surname = squeeze(form.achternaam);
  if (!surname || surname.length > 200 || !namePattern.test(surname)) problems.push({ field: 'achternaam', message: message('register.error.ownSurname') });
  const birthDate = parseDate(form.geboortedatum.trim());
  if (!birthDate) problems.push({ field: 'geboortedatum', message: message('register.error.ownBirthDate') });
  else {
    const age = yearsBetween(birthDate, today);
    if (age < 15 || age > 80) problems.push({ field: 'geboortedatum', message: message('register.error.ownBirthDateRange', { age: String(age) }) });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, facts: { initials, prefix: prefix || null, surname, birthDate: birthDate! } };
}
