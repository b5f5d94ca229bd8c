import { z } from 'zod';
import { fields } from '../../web/forms.ts';

/**
 * What the registration and enrolment pages' forms, links and paths send, read through schemas
 * (web/forms.ts). The schemas read the shape; whether a motivation, a choice or a reason will do is
 * the register core's rule, which says why in the reader's language.
 */

const { linkValue: optional, id: uuid } = fields;
const text = fields.text();

export { noticeQuery } from '../../web/forms.ts';
export const applicationParams = z.object({ id: uuid });
export const applicationEvidenceParams = z.object({ id: uuid, bewijsId: uuid });

/** Applying: "register::title|level", a motivation, and the evidence chosen (checkboxes, at most 50). */
export const applyForm = z.object({
  niveau: text,
  motivering: text,
  bewijs: fields.choices(),
});
export const objectionForm = z.object({ bezwaar: text });
export const assignForm = z.object({ lid: text });
/** The commission's decision; `bevestigd=ja` once the member saw it repeated as it will be recorded and published. */
export const decisionForm = z.object({ besluit: text, motivering: text, bevestigd: text });

/** Register staff's search: a register number or a name; a page past the ends is the first page, as before. */
export const enrolmentSearchQuery = z.object({
  zoek: z
    .string()
    .catch('')
    .default('')
    .transform((zoek) => zoek.trim().slice(0, 200)),
  page: z.coerce.number().int().min(1).max(50).catch(1),
});
/** A register number as typed in the address: the core says whether it is one ("not in the register"). */
export const enrolmentParams = z.object({ registernummer: z.string() });
export const strikeOffForm = z.object({ reden: text, bevestigd: text });
export const reinstateForm = z.object({ reden: text });
/** Register staff unlink or link an enrolment's account: the reason (and the account's address); `stap=bevestigen` once the change was repeated. */
export const unlinkAccountForm = z.object({ reden: text, stap: fields.text(20) });
export const linkAccountForm = z.object({ email: fields.text(300), reden: text, stap: fields.text(20) });
