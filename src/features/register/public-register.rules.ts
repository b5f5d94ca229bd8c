import { message, type Message } from '../../platform/i18n.ts';
import { normaliseRegisterNumber } from './register-number.rules.ts';

/**
 * What a public search asks, checked: a name of at least 2 characters, a register number, or a school
 * or place. Names and places are compared without case or diacritics ("Bérénice" finds "Berenice"),
 * with the tussenvoegsel part of the name ("van der Berg" and "Berg" both find Van der Berg).
 */
export type RegisterQuery = { naam?: string; registernummer?: string; school?: string };
export type CheckedQuery = { name: string | null; registerNumber: string | null; school: string | null };

/**
 * Lower case, no diacritics, no dots or commas ("A.B." is "ab"), a hyphen as a space (so "Bakker" finds
 * "Jansen-Bakker"), single spaces: the form both the query and the names are compared in.
 */
export function searchForm(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/ß/g, 's')
    .replace(/[.,]/g, '')
    .replace(/[^\p{L}\p{N}']/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Tussenvoegsels: words that are part of a surname but never the word it is looked up by. */
const tussenvoegsels = new Set([
  'de',
  'den',
  'der',
  'des',
  'het',
  "'t",
  'te',
  'ten',
  'ter',
  'van',
  'von',
  'vom',
  'in',
  'op',
  'aan',
  'bij',
  'uit',
  'la',
  'le',
  'du',
  'da',
  'di',
  'del',
  'della',
  'dos',
  'el',
  'al',
  "'s",
  'zu',
]);

/**
 * A folded name query as words, each of which must begin a word of the name, and the word most likely
 * to begin the surname: the last word of two letters or more that is not a tussenvoegsel ("Berg" in
 * "B. van der Berg" and in "Berg, van der"). The search lists surname matches first; the anchor only
 * orders, it never decides what matches.
 */
export function nameWords(name: string): { words: string[]; anchor: string | null } {
  const words = [...new Set(name.split(' ').filter(Boolean))];
  const anchor = words.findLast((w) => w.length >= 2 && !tussenvoegsels.has(w)) ?? null;
  return { words, anchor };
}

/** The same folding in SQL (translate), for the common Latin letters with diacritics: each letter to one letter. */
const folds: Record<string, string> = {
  a: 'àáâãäåā',
  e: 'èéêëēėę',
  i: 'ìíîïī',
  o: 'òóôõöøō',
  u: 'ùúûüū',
  y: 'ýÿ',
  c: 'çćč',
  n: 'ñń',
  s: 'šśß',
  z: 'žź',
  l: 'ł',
};
export const sqlFoldFrom = `${Object.values(folds).join('')}-`;
export const sqlFoldTo = `${Object.entries(folds)
  .map(([to, from]) => to.repeat([...from].length))
  .join('')} `;

export function checkQuery(query: RegisterQuery): { ok: true; query: CheckedQuery } | { ok: false; field: keyof RegisterQuery; message: Message } {
  const name = query.naam ? searchForm(query.naam) : '';
  const school = query.school ? searchForm(query.school) : '';
  const typedNumber = query.registernummer?.trim() ?? '';
  if (typedNumber) {
    const registerNumber = normaliseRegisterNumber(typedNumber);
    if (!registerNumber) return { ok: false, field: 'registernummer', message: message('register.error.registerNumberDigits') };
    return { ok: true, query: { name: name || null, registerNumber, school: school || null } };
  }
  if (query.naam && name.length < 2) return { ok: false, field: 'naam', message: message('register.error.nameTooShort') };
  if (query.school && school.length < 2) return { ok: false, field: 'school', message: message('register.error.schoolTooShort') };
  if (!name && !school) return { ok: false, field: 'naam', message: message('register.error.searchEmpty') };
  return { ok: true, query: { name: name || null, registerNumber: null, school: school || null } };
}
