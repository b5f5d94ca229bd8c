import { z } from 'zod';
import { kinds } from './organisations.api-schemas.ts';

/** A text from the query, trimmed and cut at `max`; anything else (missing, repeated) is empty. */
const text = (max: number) =>
  z
    .string()
    .catch('')
    .transform((value) => value.trim().slice(0, max));

/**
 * The search page's query, read leniently: it comes from the page's own GET form and from shared
 * links, so a value that does not fit falls back to its default instead of refusing the page.
 */
export const searchPageQuery = z.object({
  zoek: text(200),
  soort: text(20).transform((value) => ((kinds as readonly string[]).includes(value) ? value : '')),
  provincie: text(50),
  denominatie: text(100),
  inclusiefGesloten: z
    .string()
    .optional()
    .catch(undefined)
    .transform((value) => value === 'true'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** An organisation's page: an id that is no UUID names nothing (404). */
export const organisationParams = z.object({ id: z.uuid() });
