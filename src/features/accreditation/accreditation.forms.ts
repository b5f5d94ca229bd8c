import { z } from 'zod';
import { fields, noticeQuery } from '../../web/forms.ts';
import type { DecisionForm, OfferingForm, ProviderForm } from './offering.rules.ts';

const { text, choices } = fields;

/**
 * Accreditation's forms, as Zod reads them: shape only. A text field missing is empty and one longer
 * than its room is cut, as before; what was typed is then checked by the rules in offering.rules.ts
 * (checkProvider, checkOffering, checkMessage, checkDecision), with their messages at the fields.
 */

/** Register staff add a provider. */
export const providerForm = z.object({ naam: text(300), soort: text(30), email: text(300), website: text(400) }) satisfies z.ZodType<ProviderForm, unknown>;

const offeringFields = {
  titel: text(300),
  omschrijving: text(6000),
  leerdoelen: text(6000),
  soort: text(50),
  vorm: text(50),
  themas: choices(),
  competenties: choices(),
  studielast: text(20),
  primairProces: text(5),
  master: text(5),
  prijs: text(20),
  contactNaam: text(300),
  contactEmail: text(300),
};

/** An offering as submitted (read with `readFormShape`: never refused, the rules check it). */
export const offeringForm = z.object(offeringFields) satisfies z.ZodType<OfferingForm, unknown>;

/** The organisation's answer to the commission, with the offering's fields as changed. */
export const answerForm = z.object({ ...offeringFields, antwoord: text(6000) }) satisfies z.ZodType<OfferingForm & { antwoord: string }, unknown>;

/** The commission's decision. */
export const decisionForm = z.object({
  besluit: text(20),
  punten: text(20),
  themas: choices(),
  geldigVanaf: text(20),
  geldigTot: text(20),
  motivering: text(6000),
}) satisfies z.ZodType<DecisionForm, unknown>;

/** Withdrawing an offering: the confirmation box (the service checks it is ticked). */
export const withdrawForm = z.object({ bevestigd: text(5) });

/** Register staff assign an offering to a member of the commission. */
export const assignForm = z.object({ lid: text(50) });

/** The commission asks the organisation for information. */
export const questionForm = z.object({ vraag: text(6000) });

/** The organisation in the address: a provider or a board, by a UUID-shaped id; anything else is a 404. */
export const organisationParams = z.object({ soort: z.enum(['aanbieder', 'bestuur']), id: z.guid().transform((id) => id.toLowerCase()) });

/** An offering in the address (a UUID-shaped id; anything else is a 404). */
export const offeringParams = z.object({ aanbodId: z.guid() });

export { noticeQuery };

/** The commission's queue: a page from 1 to 10,000 (anything else reads as the nearest, or the first, as before), and its filter (read by queueFilterOf). */
export const queueQuery = noticeQuery.extend({
  status: z.string().optional().catch(undefined),
  page: z.coerce
    .number()
    .catch(1)
    .transform((page) => Math.max(1, Math.min(10_000, Math.floor(page) || 1))),
});
