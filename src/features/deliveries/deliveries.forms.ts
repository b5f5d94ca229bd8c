import { z } from 'zod';
import { controlCharacter } from '../../platform/tabular/limits.ts';
import { fields } from '../../web/forms.ts';
import { entryFields, type EntryField } from './entry.rules.ts';

/**
 * The delivery pages' forms, query strings and paths, read through schemas. The file itself is a
 * multipart part streamed to the sealed store; only its text fields go through a schema here.
 */

/** The text fields of the upload form, sent before the file: which kind of delivery it is. */
export const uploadFields = z.object({ modus: z.enum(['volledig', 'mutaties'], { error: 'deliveries.error.mode' }) });

/**
 * The entry screen's fields, named after the columns of the format, as typed: never refused here, the
 * format's rules judge them. Up to 1,000 characters, as a file's field; a control character (pasted
 * along, invisible) becomes a space, as a file with one would be refused whole.
 */
const controlCharacters = new RegExp(controlCharacter.source, 'g');
const entryText = fields.text(1000).transform((value) => value.replace(controlCharacters, ' '));
export const entryForm = z.object({
  ...(Object.fromEntries(entryFields.map((f) => [f, entryText])) as Record<EntryField, typeof entryText>),
  /** the employment a change or an end is for, its person's name, and the fields shown as facts */
  dienstverband: fields.text(64),
  naam: fields.text(300),
  vast: fields.text(1000),
  /** `wijzigen`: back from checking the answers to the form */
  actie: fields.text(20),
});

/** The entry screen opened for one employment: `?dienstverband=…&mutatie=wijziging` (or `einde`). */
export const entryQuery = z.object({ dienstverband: fields.linkValue, mutatie: fields.linkValue });

/** Applying a delivery: the checkbox that confirms a mass end sends `ja`. */
export const applyForm = z.object({ bevestigd: z.string().optional().catch(undefined) });

/** The register office's decision on a possible duplicate. */
export const duplicateDecisionForm = z.object({ besluit: z.enum(['zelfde-persoon', 'verschillend'], { error: 'office.error.chooseDecision' }) });

/** A page of a list from a link: anything that is not a page number is the first page, a number past the end the last allowed. */
const pageNumber = z
  .string()
  .catch('1')
  .transform((value) => Math.min(10_000, Math.max(1, Number.parseInt(value, 10) || 1)));

export const listQuery = z.object({ page: pageNumber });

/** A delivery's page: its page of problems, and whether the person came back from a download that was not ready yet. */
export const deliveryQuery = z.object({ page: pageNumber, terugmelding: z.string().optional().catch(undefined) });

/**
 * The paths. Strings only: the board and the delivery are looked up by the use cases, which answer an
 * id that cannot exist with their own "not found" (and after the access check, as before).
 */
export const boardParams = z.object({ id: z.string() });
export const deliveryParams = boardParams.extend({ aanleveringId: z.string() });
export const taskParams = z.object({ taakId: z.string() });
