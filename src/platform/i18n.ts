import { en } from './i18n/en.ts';
import { nl } from './i18n/nl.ts';

export const languages = ['nl', 'en'] as const;
export type Lang = (typeof languages)[number];

/**
 * Every text key. Empty here: each texts file (the platform's in i18n/, a feature's beside its code)
 * adds its keys by declaration merging, and its feature's face hands the texts to addTexts at start.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging from every texts file
export interface MessageCatalog {}
export type MessageKey = keyof MessageCatalog & string;

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A feature's texts: Dutch, and English with the same keys. */
export type Texts = { nl: Record<string, string>; en: Record<string, string> };

const dictionaries: Record<Lang, Map<string, string>> = { nl: new Map(), en: new Map() };
const origins = new Map<string, string>();
const added = new Set<Texts>();

/**
 * Adds a part's texts (one or more files) to the dictionaries. A key that another origin defined
 * already, in either language, is refused, and so is a key two of the given files define: with silent
 * overwriting one page showed another's title. Adding the same texts again changes nothing; an origin
 * may add its texts anew (a test worker that keeps this module evaluates a feature's texts file again).
 */
export function addTexts(origin: string, ...all: Texts[]): void {
  const fresh = all.filter((texts) => !added.has(texts));
  const keysOf = (texts: Texts) => new Set([...Object.keys(texts.nl), ...Object.keys(texts.en)]);
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const texts of fresh) {
    for (const key of keysOf(texts)) {
      if (seen.has(key)) twice.push(`${key} (${origin})`);
      else if (origins.has(key) && origins.get(key) !== origin) twice.push(`${key} (${origins.get(key)})`);
      seen.add(key);
    }
  }
  if (twice.length > 0) throw new Error(`Text keys defined twice, in ${origin} and before: ${twice.join(', ')}`);
  for (const texts of fresh) {
    added.add(texts);
    for (const key of keysOf(texts)) origins.set(key, origin);
    for (const [key, text] of Object.entries(texts.nl)) dictionaries.nl.set(key, text);
    for (const [key, text] of Object.entries(texts.en)) dictionaries.en.set(key, text);
  }
}

/** Whether a text with this key exists (a schema's message is a key; anything else is shown as a general refusal). */
export function isMessageKey(value: string): value is MessageKey {
  return dictionaries.nl.has(value);
}

/** Who added each key (a feature's name, `platform`, or a test's own label), for the completeness test. */
export function textOrigins(): ReadonlyMap<string, string> {
  return origins;
}

/** Every text added so far, per language (for the completeness test). */
export function allTexts(): Record<Lang, ReadonlyMap<string, string>> {
  return dictionaries;
}

addTexts('platform', { nl, en });

/** A text for a person, as a key and its parameters: errors and rule messages carry these, the page or problem translates them. */
export type Message = { key: MessageKey; params?: Record<string, string | number> };

export const message = (key: MessageKey, params?: Record<string, string | number>): Message => ({ key, params });

/**
 * A count in words with its plural, never "rij(en)": `none` for 0 (when given), `one` for 1, `other` for
 * the rest; each text gets the count as `{count}`, besides `params`.
 */
export function countMessage(
  count: number,
  keys: { none?: MessageKey; one: MessageKey; other: MessageKey },
  params: Record<string, string | number> = {},
): Message {
  const key = count === 0 && keys.none ? keys.none : count === 1 ? keys.one : keys.other;
  return message(key, { ...params, count });
}

/** A message in the reader's language (a plain string, from code not yet on keys, is shown as it is). */
export function translateMessage(lang: Lang, value: Message | string): string {
  return typeof value === 'string' ? value : translator(lang)(value.key, value.params);
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat('nl-NL'),
  en: new Intl.NumberFormat('en-GB'),
};

const pluralRules: Record<Lang, Intl.PluralRules> = { nl: new Intl.PluralRules('nl-NL'), en: new Intl.PluralRules('en-GB') };

/** Which of a count text's two forms fits the number: `one` ("1 rij") or `other` ("0 rijen", "1,5 uur"). */
function pluralForm(lang: Lang, count: number | string): 'one' | 'other' {
  return pluralRules[lang].select(Number(count)) === 'one' ? 'one' : 'other';
}

/**
 * `{name}` placeholders are filled from params; numbers are formatted for the language, and a calendar
 * day as the database and the rules give it (YYYY-MM-DD) is written in the one date style, "5 december
 * 2030": a text for people never shows the machine form, wherever its date came from.
 * `{name:one form|other form}` picks a form by the number `name` ("{count} {count:rij|rijen}"), so a count
 * text never reads "rij(en)".
 */
export function translator(lang: Lang): Translate {
  const dictionary = dictionaries[lang];
  return (key, params) => {
    const template = dictionary.get(key) ?? dictionaries.nl.get(key) ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)(?::([^{}|]*)\|([^{}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      if (one !== undefined && other !== undefined) return pluralForm(lang, value) === 'one' ? one : other;
      return typeof value === 'number' ? numberFormats[lang].format(value) : formatDay(lang, value);
    });
  };
}

export function formatNumber(lang: Lang, value: number): string {
  return numberFormats[lang].format(value);
}

/** Picks the language from the `lang` cookie, then Accept-Language; Dutch by default. */
export function negotiateLang(cookie: string | undefined, acceptLanguage: string | undefined): Lang {
  if (isLang(cookie)) return cookie;
  const first = acceptLanguage?.split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return first === 'en' ? 'en' : 'nl';
}

const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }),
};
const dateTimeFormats: Record<Lang, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }),
};

/** Dates as Dutch people read them, in Dutch time: "23 november 2026". */
export function formatDate(lang: Lang, value: Date): string {
  return dateFormats[lang].format(value);
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar day as the database gives it (YYYY-MM-DD) in the one date style: "5 december 2030".
 * Anything else as it is, a day that does not exist ("2030-02-31", as someone typed it) included.
 */
export function formatDay(lang: Lang, day: string): string {
  if (!isoDay.test(day)) return day;
  const noon = new Date(`${day}T12:00:00Z`); // noon UTC is the same day in Amsterdam
  if (Number.isNaN(noon.getTime()) || noon.toISOString().slice(0, 10) !== day) return day;
  return dateFormats[lang].format(noon);
}

/** Two calendar days as a period, "2 februari 2025 – 14 maart 2025"; one day once when they are the same. */
export function formatPeriod(lang: Lang, from: string, until: string): string {
  return from === until ? formatDay(lang, from) : `${formatDay(lang, from)} – ${formatDay(lang, until)}`;
}

/** An instant where its time matters (sessions, audit, a step in a procedure), in the one date style: "5 december 2030 om 10:30". */
export function formatDateTime(lang: Lang, value: Date): string {
  return dateTimeFormats[lang].format(value);
}
