import { z } from 'zod';
import { fields } from '../../web/forms.ts';
import type { CatalogueQuery, RunForm } from './catalogue.rules.ts';

const { text } = fields;

/**
 * The catalogue's forms, query strings and paths, read through schemas. They check shape only (a
 * string, cut to a sane length); what a value means (a date in the validity, a province) is checked by
 * the tested rules in catalogue.rules.ts, whose messages reach the page as text keys.
 */

/** The run form: every field a string, checked by checkRun. */
export const runForm = z.object({
  datum: text(20),
  begintijd: text(10),
  eindtijd: text(10),
  vorm: text(20),
  plaats: text(300),
  provincie: text(50),
  capaciteit: text(20),
}) satisfies z.ZodType<RunForm>;

/** Cancelling a run: the checkbox sends `ja`; whether it did is the use case's check (with its own message). */
export const cancelRunForm = z.object({ bevestigd: z.string().optional().catch(undefined) });

/** Attendance typed on the page: one register number a line, up to 2,000 lines (read with `readFormShape`). */
export const attendanceForm = z.object({ registernummers: text(100_000) });

/** The notice a page shows after a redirect; any other value shows none. */
export const runsQuery = z.object({ melding: z.enum(['toegevoegd', 'geannuleerd']).optional().catch(undefined) });

/**
 * The public catalogue's query as people type it: every filter a string (the rules say what is wrong
 * with it, at its field); a page number that is not one is page 1, as it always was.
 */
export const catalogueQuery = z.object({
  zoek: text(300),
  thema: text(300),
  competentie: text(300),
  puntenMin: text(300),
  puntenMax: text(300),
  regio: text(300),
  vorm: text(300),
  vanaf: text(300),
  tot: text(300),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
}) satisfies z.ZodType<CatalogueQuery & { page: number }>;

/**
 * The paths of the runs' pages. Strings only: the use case answers a kind, an organisation, an
 * offering or a run that cannot exist with its own "not found" (and after the access check, as before).
 */
export const runsParams = z.object({ soort: z.string(), id: z.string(), aanbodId: z.string() });
export const runParams = runsParams.extend({ uitvoeringId: z.string() });

/** The public catalogue's paths: an id that is no uuid is the use case's "not in the catalogue". */
export const offeringParams = z.object({ id: z.string() });
export const calendarParams = z.object({ id: z.string(), uitvoeringId: z.string() });
