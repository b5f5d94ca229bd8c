import type { Lang } from '../../platform/i18n.ts';
import { amsterdamDateTime, timeZone } from '../../platform/dates/dutch-time.ts';

const longDay: Record<Lang, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }),
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }),
};

/**
 * When an event is, in Dutch time, for pages and mails alike: "dinsdag 12 januari 2027, 09:30–11:00";
 * an event past midnight names its second day too.
 */
export function eventWhen(lang: Lang, event: { startsAt: Date; endsAt: Date }): string {
  const [from, to] = [amsterdamDateTime(event.startsAt), amsterdamDateTime(event.endsAt)];
  const first = longDay[lang].format(event.startsAt);
  return from.date === to.date ? `${first}, ${from.time}–${to.time}` : `${first} ${from.time} – ${longDay[lang].format(event.endsAt)} ${to.time}`;
}

/** Where an event is for the public: the place, or "Online" (the link goes to those with a place only). */
export function eventWhere(onlineLabel: string, event: { online: boolean; place: string | null }): string {
  return event.online ? onlineLabel : (event.place ?? '');
}
