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
