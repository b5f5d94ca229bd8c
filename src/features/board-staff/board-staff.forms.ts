import { z } from 'zod';
import { uuidPattern } from '../../platform/ids/uuid-pattern.ts';

/**
 * The staff list's path and links, read through schemas (web/forms.ts): the board in the path, and
 * whether to show only who needs attention, what was searched for, and the page. Junk in a link is read
 * as the whole list and the nearest page, as before.
 */
const optional = z.string().optional().catch(undefined);

export const boardParams = z.object({ id: z.string().regex(uuidPattern) });
export const staffPersonParams = z.object({ id: z.string().regex(uuidPattern), persoonId: z.string().regex(uuidPattern) });
export const staffQuery = z.object({
  aandacht: optional,
  /** a name or a personeelsnummer, from the search box */
  zoek: optional.transform((zoek) => (zoek ?? '').slice(0, 100)),
  page: optional.transform((page) => Math.min(10_000, Math.max(1, Number.parseInt(page ?? '1', 10) || 1))),
});
