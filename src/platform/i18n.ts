import { en } from './i18n/en.ts';
import { nl, type MessageKey } from './i18n/nl.ts';

export const languages = ['nl', 'en'] as const;
export type Lang = (typeof languages)[number];
export type { MessageKey };

const dictionaries: Record<Lang, Record<MessageKey, string>> = { nl, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat('nl-NL'),
  en: new Intl.NumberFormat('en-GB'),
};

/** `{name}` placeholders are filled from params; numbers are formatted for the language. */
export function translator(lang: Lang): Translate {
  const dictionary = dictionaries[lang];
  return (key, params) => {
    const template = dictionary[key] ?? nl[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numberFormats[lang].format(value) : value;
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
  nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }),
};

/** Dates as Dutch people read them, in Dutch time: "23 november 2026". */
export function formatDate(lang: Lang, value: Date): string {
  return dateFormats[lang].format(value);
}

export function formatDateTime(lang: Lang, value: Date): string {
  return dateTimeFormats[lang].format(value);
}
