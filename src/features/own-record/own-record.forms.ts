import { z } from 'zod';
import { fields } from '../../web/forms.ts';

/**
 * What Mijn register's forms, links and paths send, read through schemas (web/forms.ts). The schemas
 * read the shape; what a comment or an address must be is the register core's rule (checkComment,
 * setPersonalEmail), which says why in the reader's language.
 */

const { linkValue: optional, id: uuid } = fields;
const text = fields.text();

export { noticeQuery } from '../../web/forms.ts';

/** The board's list of disputes: open ones unless `alle=ja`; a page past the ends is the nearest page. */
export const disputesQuery = z.object({
  melding: optional,
  alle: optional,
  page: optional.transform((page) => Math.min(10_000, Math.max(1, Number.parseInt(page ?? '1', 10) || 1))),
});

export const employmentParams = z.object({ id: uuid });
export const boardParams = z.object({ id: uuid });
export const boardDisputeParams = z.object({ id: uuid, betwistingId: uuid });

export const personalEmailForm = z.object({ email: text });
/** "Klopt niet" without a proof (with one, the form is multipart and read part by part): the fields named, and the comment. */
export const disputeForm = z.object({ velden: fields.choices(20), toelichting: text });
export const answerForm = z.object({ antwoord: text });

export const evidenceQuery = z.object({ melding: optional });
export const evidenceParams = z.object({ id: uuid });
/** The text fields of the evidence upload (multipart: the file itself streams past the schema). */
const field = z
  .string()
  .default('')
  .transform((value) => value.slice(0, 500));
export const evidenceFields = z.object({ soort: field, titel: field, uitgever: field, datum: field });

/** Koppelen: a code from the letter or the mail's link; `stap=bevestigen` once the person confirmed whose data it opens. */
export const linkQuery = z.object({ code: optional });
export const linkForm = z.object({ code: fields.text(200), stap: fields.text(20) });

/** Inschrijven zonder werkgever: name and birth date; `stap` is bevestigen (enrol) or wijzigen (back to the form), else the check comes next. */
export const ownEnrolmentForm = z.object({
  voorletters: fields.text(300),
  tussenvoegsel: fields.text(300),
  achternaam: fields.text(500),
  geboortedatum: fields.text(100),
  stap: fields.text(20),
});
