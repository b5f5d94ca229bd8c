import { z } from 'zod';
import { fields } from '../../web/forms.ts';

const { text } = fields;

/**
 * The valuation's forms, as Zod reads them: shape only. A field missing is empty and one longer than
 * its room is cut, as before; the rules (checkExplanation, checkPoints, checkMotivation) say what is
 * wrong with what was typed.
 */

/** The professional asks for a valuation, with an explanation. */
export const requestForm = z.object({ toelichting: text(2500) });

/** The professional withdraws the request: the confirmation box (the service checks it is ticked). */
export const withdrawForm = z.object({ intrekken: text(5) });

/** An assessor's valuation. */
export const assessmentForm = z.object({ punten: text(20), motivering: text(2500) });

/** A request's address: any UUID-shaped id (anything else is a 404). */
export const requestParams = z.object({ id: z.guid() });

/** The assessors' queue: a page that is no whole number from 1 to 100,000 is the first, as before; the notice after a redirect. */
export const queueQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  melding: z.string().optional().catch(undefined),
});
