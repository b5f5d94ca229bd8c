import { z } from 'zod';
import { uuidPattern } from '../../platform/ids/uuid-pattern.ts';
import { fields } from '../../web/forms.ts';

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

/** After the reminder by hand: `?melding=herinnering&aantal=<how many>`; anything else shows no notice. */
export const progressQuery = z.object({
  melding: optional,
  aantal: optional.transform((count) => (count && /^\d{1,7}$/.test(count) ? Number.parseInt(count, 10) : undefined)),
});

/** The board's notice setting as sent: its value is the register core's to check (setDisputeMail). */
export const noticesForm = z.object({ meldingen: fields.text(20) });
export const noticesQuery = z.object({ melding: optional });
