import { message, type Message } from '../../platform/i18n.ts';
import type { DiversityScore } from '../../platform/grouping/diverse-groups.ts';
import { registrantAttributeNames, type RegistrantAttributeName, type SchoolSetting } from '../../platform/grouping/registrant-attributes.ts';

/**
 * The diverse groups' rules (decision 029): the group size staff may ask for, the registration's setting
 * as the grouping names it, and the change a move or an improvement made to the score, as the notice
 * after the redirect carries it.
 */

export const defaultGroupSize = 10;

/** The events feature stores the school setting in Dutch (stad, dorp, platteland); the grouping's codes are city, town, village. */
const settings: Record<string, SchoolSetting> = { stad: 'city', dorp: 'town', platteland: 'village' };
export const groupingSetting = (code: string | null): SchoolSetting | null => (code ? (settings[code] ?? null) : null);

export type SizeCheck = { ok: true; size: number } | { ok: false; field: 'groepsgrootte'; message: Message };

/** A group size is a whole number from 2 to the number of registrants (one group of everyone is the most). */
export function checkGroupSize(value: string, registrants: number): SizeCheck {
  const text = value.trim();
  const size = /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isNaN(size) || size < 2 || size > registrants) {
    return { ok: false, field: 'groepsgrootte', message: message('eventGroups.error.size', { max: registrants }) };
  }
  return { ok: true, size };
}

/** What changed: the total, and each attribute that changed, in the order staff see them. */
export type ScoreChange = { before: number; after: number; attributes: { name: RegistrantAttributeName; delta: number }[] };

export function scoreChange(before: DiversityScore, after: DiversityScore): ScoreChange {
  return {
    before: before.total,
    after: after.total,
    attributes: registrantAttributeNames
      .map((name) => ({ name, delta: (after.perAttribute[name] ?? 0) - (before.perAttribute[name] ?? 0) }))
      .filter((a) => a.delta !== 0),
  };
}

/** The change in the redirect's query string: `voor`, `na` and `kenmerken` (province:1,role:-1). */
export function changeQuery(change: ScoreChange): string {
  const attributes = change.attributes.map((a) => `${a.name}:${a.delta}`).join(',');
  return `voor=${change.before}&na=${change.after}${attributes ? `&kenmerken=${encodeURIComponent(attributes)}` : ''}`;
}

/** The change read back from the query string; undefined when it is not one this page wrote. */
export function readChange(query: { voor?: string; na?: string; kenmerken?: string }): ScoreChange | undefined {
  const whole = (v: string | undefined) => (v !== undefined && /^\d{1,6}$/.test(v) ? Number(v) : undefined);
  const before = whole(query.voor);
  const after = whole(query.na);
  if (before === undefined || after === undefined) return undefined;
  const attributes: ScoreChange['attributes'] = [];
  for (const part of (query.kenmerken ?? '').split(',').filter(Boolean).slice(0, registrantAttributeNames.length)) {
    const [name, delta] = part.split(':');
    if (!(registrantAttributeNames as readonly string[]).includes(name) || !/^-?\d{1,4}$/.test(delta ?? '')) return undefined;
    attributes.push({ name: name as RegistrantAttributeName, delta: Number(delta) });
  }
  return { before, after, attributes };
}

/** "+2", "−1", "±0": a signed difference as people read it. */
export const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');

/** The first name to tell group members, least data: the first word of the name as given. */
export const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? '';
