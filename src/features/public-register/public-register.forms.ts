import { z } from 'zod';
import { isRegisterNumber } from '../register/index.ts';

/**
 * The search form of the public register page (a GET form: its values are the query string), read
 * through a schema (web/forms.ts). What a search must be (2 letters, 9 digits) is the register core's
 * rule (checkQuery), which says why in the reader's language. Junk in a link is read as nothing, and a
 * page past the ends as the first, as before: the page never answers a link with a 400 of its own.
 */
const field = z
  .string()
  .catch('')
  .default('')
  .transform((value) => value.trim().slice(0, 200));

export const searchQuery = z.object({
  naam: field,
  registernummer: field,
  school: field,
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/**
 * An entry's page is found by its register number: public already (every search result shows it), and
 * drawn at random since issue 17, so it names no one and cannot be counted up. Only the nine digits
 * with valid check digits; anything else is a page that does not exist.
 */
export const entryParams = z.object({
  registernummer: z
    .string()
    .regex(/^\d{9}$/)
    .refine(isRegisterNumber),
});
