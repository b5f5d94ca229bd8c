import type { Translate } from '../../platform/i18n.ts';
import { rowMessagesNl } from './row-messages.texts.nl.ts';

/**
 * The row messages of the terugmelding: one catalogue (row-messages.texts.nl.ts) that the checks fill
 * in, in Dutch, and that pages read back to show a message in the reader's language. The stored message
 * stays the Dutch text the contract promises (CSV and API unchanged); the English page finds the
 * template it came from by matching the text, and fills the English one with the same values.
 */
export type RowMessageKey = keyof typeof rowMessagesNl;

const placeholder = /\{(\w+)\}/g;

/** The Dutch message, its `{name}` placeholders filled (values as given: a number is no Dutch "1.000"). */
export function rowMessage(key: RowMessageKey, params: Record<string, string | number> = {}): string {
  return rowMessagesNl[key].replace(placeholder, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

/** The Dutch template itself, for a message SQL fills in (`replace(template, '{row}', …)`). */
export const rowMessageTemplate = (key: RowMessageKey): string => rowMessagesNl[key];

type Matcher = { key: RowMessageKey; pattern: RegExp; names: string[]; literal: number };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each template as a pattern over a whole message; the most literal first, so a specific one wins over a looser one. */
const matchers: Matcher[] = (Object.entries(rowMessagesNl) as [RowMessageKey, string][])
  .map(([key, template]) => {
    const names = [...template.matchAll(placeholder)].map((m) => m[1]);
    const parts = template.split(placeholder).filter((_, i) => i % 2 === 0);
    return {
      key,
      names,
      pattern: new RegExp(`^${parts.map(escapeRegExp).join('([\\s\\S]*?)')}$`),
      literal: parts.join('').length,
    };
  })
  .sort((a, b) => b.literal - a.literal);

/** Which template a stored Dutch message came from, with its values; undefined for a text of no template. */
export function recogniseRowMessage(melding: string): { key: RowMessageKey; params: Record<string, string> } | undefined {
  for (const m of matchers) {
    const found = m.pattern.exec(melding);
    if (found) return { key: m.key, params: Object.fromEntries(m.names.map((name, i) => [name, found[i + 1]])) };
  }
  return undefined;
}

/** A stored row message in the reader's language: Dutch as it is, English from its template (or the Dutch text when none fits). */
export function translateRowMessage(t: Translate, melding: string): string {
  const recognised = recogniseRowMessage(melding);
  return recognised ? t(recognised.key, recognised.params) : melding;
}
