import { describe, expect, it } from 'vitest';
import { addTexts, formatDate, formatDateTime, formatDay, formatNumber, formatPeriod, isLang, negotiateLang, translator, type MessageKey } from './i18n.ts';

addTexts('i18n test', {
  nl: { 'test.stats': '{boards} besturen, {schools} scholen en {locations} vestigingen in de organisatiegids.', 'test.board': 'Bestuur {name}' },
  en: { 'test.stats': '{boards} boards, {schools} schools and {locations} locations in the directory.', 'test.board': 'Board {name}' },
});
const key = (k: string) => k as MessageKey;

describe('translator', () => {
  it('fills the placeholders, formatting numbers the Dutch way', () => {
    const t = translator('nl');
    expect(t(key('test.stats'), { boards: 751, schools: 5996, locations: 6107 })).toBe(
      '751 besturen, 5.996 scholen en 6.107 vestigingen in de organisatiegids.',
    );
    expect(t(key('test.board'), { name: 'Stichting Één' })).toBe('Bestuur Stichting Één');
  });

  it('formats numbers the English way in English', () => {
    const t = translator('en');
    expect(t(key('test.stats'), { boards: 751, schools: 5996, locations: 1234567 })).toBe(
      '751 boards, 5,996 schools and 1,234,567 locations in the directory.',
    );
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
});

describe('adding texts', () => {
  it('shows a text missing in English in Dutch', () => {
    addTexts('test: Dutch only', { nl: { 'test.dutchOnly': 'Alleen in het Nederlands, {n} keer' }, en: {} });
    expect(translator('en')('test.dutchOnly' as MessageKey, { n: 1000 })).toBe('Alleen in het Nederlands, 1,000 keer');
  });

  it('refuses a key that another part already defines: with silent overwriting, one page showed another page’s title', () => {
    expect(() => addTexts('test: a second title', { nl: { 'site.name': 'Iets anders' }, en: { 'site.name': 'Something else' } })).toThrow(
      /site\.name \(platform\)/,
    );
    expect(translator('nl')('site.name')).toBe('Beroepsregister Onderwijs');
  });

  it('refuses a key another part defines in English only, so no English page shows another part’s text', () => {
    expect(() => addTexts('test: an English title', { nl: {}, en: { 'site.name': 'Something else' } })).toThrow(/site\.name \(platform\)/);
    expect(translator('en')('site.name')).toBe('Beroepsregister Onderwijs');
  });

  it('refuses two texts files of one part that define the same key', () => {
    expect(() =>
      addTexts(
        'test: two files',
        { nl: { 'test.twoFiles': 'Eén' }, en: { 'test.twoFiles': 'One' } },
        { nl: { 'test.twoFiles': 'Twee' }, en: { 'test.twoFiles': 'Two' } },
      ),
    ).toThrow(/test\.twoFiles/);
  });

  it('lets a part add its own texts anew (a test worker evaluates a texts file again)', () => {
    addTexts('test: anew', { nl: { 'test.anew': 'Eerst' }, en: { 'test.anew': 'First' } });
    expect(() => addTexts('test: anew', { nl: { 'test.anew': 'Daarna' }, en: { 'test.anew': 'Then' } })).not.toThrow();
    expect(translator('nl')('test.anew' as MessageKey)).toBe('Daarna');
  });

  it('changes nothing when the same texts are added again', () => {
    const texts = { nl: { 'test.again': 'Nog eens' }, en: { 'test.again': 'Again' } };
    addTexts('test: again', texts);
    expect(() => addTexts('test: again', texts)).not.toThrow();
  });
});

describe('counts', () => {
  addTexts('i18n test: counts', {
    nl: { 'test.rows': '{count} {count:rij heeft|rijen hebben} fouten', 'test.hours': '{hours} uur' },
    en: { 'test.rows': '{count} {count:row has|rows have} errors', 'test.hours': '{hours} {hours:hour|hours}' },
  });

  it('picks the one or the other form by the number, per language', () => {
    expect(translator('nl')(key('test.rows'), { count: 1 })).toBe('1 rij heeft fouten');
    expect(translator('nl')(key('test.rows'), { count: 3 })).toBe('3 rijen hebben fouten');
    expect(translator('nl')(key('test.rows'), { count: 0 })).toBe('0 rijen hebben fouten');
    expect(translator('en')(key('test.rows'), { count: 1 })).toBe('1 row has errors');
    expect(translator('en')(key('test.rows'), { count: 1200 })).toBe('1,200 rows have errors');
  });

  it('counts a fraction as more than one, and reads a number given as text', () => {
    expect(translator('en')(key('test.hours'), { hours: 1 })).toBe('1 hour');
    expect(translator('en')(key('test.hours'), { hours: 1.5 })).toBe('1.5 hours');
    expect(translator('en')(key('test.rows'), { count: '1' })).toBe('1 row has errors');
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

describe('dates', () => {
  it('writes a calendar day parameter in the one date style, in both languages', () => {
    addTexts('i18n test: dates', { nl: { 'test.until': 'tot en met {until}' }, en: { 'test.until': 'until {until}' } });
    expect(translator('nl')(key('test.until'), { until: '2030-12-05' })).toBe('tot en met 5 december 2030');
    expect(translator('en')(key('test.until'), { until: '2030-12-05' })).toBe('until 5 December 2030');
  });

  it('leaves a day that does not exist, or a longer text with a date in it, as it was given', () => {
    expect(formatDay('nl', '2030-02-31')).toBe('2030-02-31');
    expect(formatDay('nl', '2030-13-01')).toBe('2030-13-01');
    expect(translator('nl')(key('test.board'), { name: 'Verslag 2030-12-05' })).toBe('Bestuur Verslag 2030-12-05');
  });

  it('writes a period with its two days, or its one day', () => {
    expect(formatPeriod('nl', '2025-02-02', '2025-03-14')).toBe('2 februari 2025 – 14 maart 2025');
    expect(formatPeriod('en', '2025-06-01', '2025-06-01')).toBe('1 June 2025');
  });

  it('keeps the day of an instant in Dutch time, and its time where that matters', () => {
    expect(formatDay('nl', '2031-01-01')).toBe('1 januari 2031');
    expect(formatDate('nl', new Date('2030-12-31T23:30:00Z'))).toBe('1 januari 2031');
    expect(formatDateTime('nl', new Date('2030-12-05T09:30:00Z'))).toBe('5 december 2030 om 10:30');
    expect(formatDateTime('en', new Date('2030-12-05T09:30:00Z'))).toBe('5 December 2030 at 10:30');
  });
});
