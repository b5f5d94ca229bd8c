import { formatDay, type Lang, type Translate } from '../../../platform/i18n.ts';
import { amsterdamDateTime, timeZone } from '../catalogue.rules.ts';
import type { Run } from '../catalogue.service.ts';

const dayFormats: Record<Lang, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }),
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }),
};

/** When a run is, in Dutch time: "woensdag 10 maart 2027, 09:30–16:00" (a run over several days names both days). */
export function runWhen(lang: Lang, run: Pick<Run, 'startsAt' | 'endsAt'>): string {
  const start = amsterdamDateTime(run.startsAt);
  const end = amsterdamDateTime(run.endsAt);
  const day = dayFormats[lang].format(run.startsAt);
  if (start.date === end.date) return `${day}, ${start.time}–${end.time}`;
  return `${day} ${start.time} – ${dayFormats[lang].format(run.endsAt)} ${end.time}`;
}

/** Where a run is: "Online", or the place with its province. */
export function runWhere(t: Translate, run: Pick<Run, 'online' | 'place' | 'province'>): string {
  if (run.online) return t('catalogue.online');
  return run.province ? `${run.place ?? ''} (${run.province})` : (run.place ?? '');
}

const money: Record<Lang, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
};

export function price(lang: Lang, t: Translate, cents: number): string {
  return cents === 0 ? t('catalogue.free') : money[lang].format(cents / 100);
}

/** A JJJJ-MM-DD date as people read it, "31 december 2027"; a dash without one. */
export const readableDate = (lang: Lang, isoDate: string | null): string => (isoDate ? formatDay(lang, isoDate) : '—');

/** A text with blank lines between its paragraphs, as paragraphs. */
export const paragraphsOf = (text: string) =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
