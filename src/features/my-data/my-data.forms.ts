import { z } from 'zod';

/**
 * `/mijn-gegevens/inzage?voor=<cursor>`: the page of reads before that one. A cursor that is no whole
 * number above 0 is ignored (the first page), as a link or bookmark may carry anything.
 */
export const accessLogQuery = z.object({
  voor: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
});
