import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from './i18n/en.ts';
import { nl, type MessageKey } from './i18n/nl.ts';
import { formatNumber, isLang, negotiateLang, translator } from './i18n.ts';

describe('translator', () => {
  it('fills the placeholders, formatting numbers the Dutch way', () => {
    const t = translator('nl');
    expect(t('home.stats', { boards: 751, schools: 5996, locations: 6107 })).toBe('751 besturen, 5.996 scholen en 6.107 vestigingen in de organisatiegids.');
    expect(t('organisations.board.title', { name: 'Stichting Één' })).toBe('Bestuur Stichting Één');
  });

  it('formats numbers the English way in English', () => {
    const t = translator('en');
    expect(t('home.stats', { boards: 751, schools: 5996, locations: 1234567 })).toBe('751 boards, 5,996 schools and 1,234,567 locations in the directory.');
  });

  it('leaves a placeholder without a value visible rather than printing "undefined"', () => {
    expect(translator('nl')('pagination.current', { page: 2 })).toBe('Pagina 2 van {pages}');
  });

  it('returns the text as it is without parameters', () => {
    expect(translator('nl')('error.404.title')).toBe('Pagina niet gevonden');
    expect(translator('en')('error.404.title')).toBe('Page not found');
  });

  it('shows the key of a text that does not exist, so it is noticed', () => {
    expect(translator('nl')('does.not.exist' as MessageKey)).toBe('does.not.exist');
  });

  it('has every Dutch text in English too, with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const key of Object.keys(nl) as MessageKey[]) {
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
    }
  });
});

describe('falling back to Dutch', () => {
  afterEach(() => {
    vi.doUnmock('./i18n/en.ts');
    vi.resetModules();
  });

  it('a text missing from the English dictionary is shown in Dutch', async () => {
    vi.resetModules();
    vi.doMock('./i18n/en.ts', () => ({ en: { 'site.name': 'Beroepsregister Onderwijs' } }));
    const { translator: freshTranslator } = await import('./i18n.ts');
    const t = freshTranslator('en');
    expect(t('error.404.title')).toBe('Pagina niet gevonden');
    expect(t('home.stats', { boards: 1000, schools: 2, locations: 3 })).toBe('1,000 besturen, 2 scholen en 3 vestigingen in de organisatiegids.');
  });
});

describe('formatNumber', () => {
  it('groups thousands per language', () => {
    expect(formatNumber('nl', 6107)).toBe('6.107');
    expect(formatNumber('en', 6107)).toBe('6,107');
    expect(formatNumber('nl', 12.5)).toBe('12,5');
  });
});

describe('negotiateLang', () => {
  it.each([
    [undefined, undefined, 'nl'],
    ['en', undefined, 'en'],
    ['nl', 'en-GB,en;q=0.9', 'nl'],
    ['fr', 'en-US,en;q=0.9', 'en'],
    [undefined, 'EN', 'en'],
    [undefined, 'de-DE,de;q=0.9,en;q=0.8', 'nl'],
    [undefined, 'nl-BE', 'nl'],
    [undefined, '', 'nl'],
    ['<script>', 'xx', 'nl'],
  ] as const)('cookie %j, Accept-Language %j → %s', (cookie, accept, lang) => {
    expect(negotiateLang(cookie, accept)).toBe(lang);
  });

  it('knows exactly the two languages', () => {
    expect(isLang('nl')).toBe(true);
    expect(isLang('en')).toBe(true);
    expect(isLang('de')).toBe(false);
    expect(isLang('EN')).toBe(false);
    expect(isLang(undefined)).toBe(false);
  });
});

describe('the texts of the features', () => {
  it('never define one key twice: a later part would silently replace an earlier one’s text', async () => {
    const dir = new URL('./i18n/', import.meta.url);
    for (const lang of ['nl', 'en']) {
      // the language's own file: the keys it writes out itself (it spreads the features' parts after them)
      const base = [...readFileSync(new URL(`${lang}.ts`, dir), 'utf8').matchAll(/^\s*'([\w.-]+)':/gm)].map((m) => m[1]);
      const owner = new Map<string, string>(base.map((key) => [key, `${lang}.ts`]));
      const twice = base.filter((key, i) => base.indexOf(key) !== i).map((key) => `${key}: twice in ${lang}.ts`);
      for (const file of readdirSync(dir).filter((f) => f.endsWith(`.${lang}.ts`) && f !== `${lang}.ts`)) {
        for (const [name, texts] of Object.entries(await import(new URL(file, dir).href))) {
          for (const key of Object.keys(texts as object)) {
            if (owner.has(key)) twice.push(`${key}: ${owner.get(key)} and ${file} (${name})`);
            owner.set(key, `${file} (${name})`);
          }
        }
      }
      expect(twice, lang).toEqual([]);
    }
  });
});
