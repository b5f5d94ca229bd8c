import { z } from 'zod';
import type { DecisionForm, OfferingForm, ProviderForm } from './offering.rules.ts';

/**
 * Accreditation's forms, as Zod reads them: shape only. A text field missing is empty and one longer
 * than its room is cut, as before; what was typed is then checked by the rules in offering.rules.ts
 * (checkProvider, checkOffering, checkMessage, checkDecision), with their messages at the fields.
 */
const text = (max = 6000) =>
  z
    .string()
    .catch('')
    .transform((value) => value.slice(0, max));

/** A checkbox group: one value or many; at most 50, each cut at 300 characters. */
const list = z
  .union([z.string(), z.array(z.string())])
  .catch([])
  .transform((value) =>
    [value]
      .flat()
      .map((v) => v.slice(0, 300))
      .slice(0, 50),
  );

/** Register staff add a provider. */
export const providerForm = z.object({ naam: text(300), soort: text(30), email: text(300), website: text(400) }) satisfies z.ZodType<ProviderForm, unknown>;

const offeringFields = {
  titel: text(300),
  omschrijving: text(),
  leerdoelen: text(),
  soort: text(50),
  vorm: text(50),
  themas: list,
  competenties: list,
  studielast: text(20),
  primairProces: text(5),
  master: text(5),
  prijs: text(20),
  contactNaam: text(300),
  contactEmail: text(300),
};

/**
 * The forms with checkbox groups are read from the body itself, not through `readForm`: its values
 * come back as strings with repeated fields joined by commas, and a framework theme's name may hold a
 * comma. They are never refused here (a body that is no form reads as an empty one).
 */
function bodyReader<T>(schema: z.ZodType<T, unknown>) {
  const tolerant = schema.catch(() => schema.parse({}));
  return (body: unknown): T => tolerant.parse(body ?? {});
}

/** An offering as submitted. */
export const offeringFormOf = bodyReader<OfferingForm>(z.object(offeringFields));

/** The organisation's answer to the commission, with the offering's fields as changed. */
export const answerFormOf = bodyReader<OfferingForm & { antwoord: string }>(z.object({ ...offeringFields, antwoord: text() }));

/** The commission's decision. */
export const decisionFormOf = bodyReader<DecisionForm>(
  z.object({ besluit: text(20), punten: text(20), themas: list, geldigVanaf: text(20), geldigTot: text(20), motivering: text() }),
);

/** Withdrawing an offering: the confirmation box (the service checks it is ticked). */
export const withdrawForm = z.object({ bevestigd: text(5) });

/** Register staff assign an offering to a member of the commission. */
export const assignForm = z.object({ lid: text(50) });

/** The commission asks the organisation for information. */
export const questionForm = z.object({ vraag: text() });

/** The organisation in the address: a provider or a board, by a UUID-shaped id; anything else is a 404. */
export const organisationParams = z.object({ soort: z.enum(['aanbieder', 'bestuur']), id: z.guid().transform((id) => id.toLowerCase()) });

/** An offering in the address (a UUID-shaped id; anything else is a 404). */
export const offeringParams = z.object({ aanbodId: z.guid() });

/** The notice after a redirect; anything else is no notice. */
export const noticeQuery = z.object({ melding: z.string().optional().catch(undefined) });

/** The commission's queue: a page from 1 to 10,000 (anything else reads as the nearest, or the first, as before), and its filter (read by queueFilterOf). */
export const queueQuery = noticeQuery.extend({
  status: z.string().optional().catch(undefined),
  page: z.coerce
    .number()
    .catch(1)
    .transform((page) => Math.max(1, Math.min(10_000, Math.floor(page) || 1))),
});
