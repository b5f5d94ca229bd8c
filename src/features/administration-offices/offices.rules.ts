import { message, type Message } from '../../platform/i18n.ts';

/** An administratiekantoor as register staff type it: its name and its KvK number (decision 022). */
export type OfficeForm = { naam: string; kvk: string };
export type OfficeFacts = { name: string; kvkNumber: string };

export const officeLimits = { name: 200 };

export type OfficeProblem = { field: keyof OfficeForm; message: Message };

/**
 * A KvK number is 8 digits. People copy it with spaces or dots (`1234 5678`, `12.34.56.78`): those are
 * dropped, nothing else is.
 */
export function normaliseKvkNumber(text: string): string {
  return text.trim().replace(/[\s.]/g, '');
}

export const isKvkNumber = (text: string) => /^\d{8}$/.test(text);

/** The office as typed, or every problem at its field. (A KvK number already in the register is the service's to find.) */
export function checkOffice(form: OfficeForm): { ok: true; value: OfficeFacts } | { ok: false; problems: OfficeProblem[] } {
  const problems: OfficeProblem[] = [];
  const name = form.naam.trim().replace(/\s+/g, ' ');
  if (name.length < 2 || name.length > officeLimits.name)
    problems.push({ field: 'naam', message: message('offices.error.name', { max: String(officeLimits.name) }) });
  const kvkNumber = normaliseKvkNumber(form.kvk);
  if (!isKvkNumber(kvkNumber)) problems.push({ field: 'kvk', message: message('offices.error.kvk') });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { name, kvkNumber } };
}

/** The words of a search for an office: lower case, at most five, each at most 50 characters. */
export function searchTermsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 5)
    .map((w) => w.slice(0, 50));
}
