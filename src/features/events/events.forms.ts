import { z } from 'zod';
import { fields } from '../../web/forms.ts';
import type { EventForm, RegistrationForm } from './events.rules.ts';

const { text, choices, linkValue } = fields;

/**
 * The events' forms, query strings and paths, read through schemas. They check shape only (a string,
 * cut to its column's room); what a value means (a date not past, a known role) is events.rules.ts's.
 */

export const eventForm = z.object({
  soort: text(50),
  titel: text(300),
  beschrijving: text(6000),
  doelgroep: choices(10),
  datum: text(20),
  begintijd: text(10),
  eindtijd: text(10),
  vorm: text(20),
  plaats: text(400),
  link: text(600),
  capaciteit: text(20),
  anoniem: text(5),
}) satisfies z.ZodType<EventForm>;

export const registrationForm = z.object({
  naam: text(300),
  email: text(300),
  rol: text(50),
  school: text(300),
  schoolId: text(100),
  omgeving: text(50),
}) satisfies z.ZodType<RegistrationForm>;

/** A confirmation that was ticked sends `ja`; whether it did is the use case's check. */
export const confirmForm = z.object({ bevestigd: z.string().optional().catch(undefined) });

/** The attendance list: the ticked registrations (read with `readFormShape`). */
export const presenceForm = z.object({ aanwezig: choices(1000) });

/** The public list's query: kind and period as typed (the rule says what is wrong), the page a number or 1. */
export const eventsQuery = z.object({
  soort: text(100),
  periode: text(100),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export const staffEventsQuery = eventsQuery.extend({ melding: linkValue });

export const eventQuery = z.object({ melding: linkValue });

export const eventParams = z.object({ id: z.string() });
export const registrationParams = z.object({ id: z.string() });

/** The mailed links: a confirmation token, or a cancel link's signed code. */
export const tokenQuery = z.object({ token: text(200) });
export const tokenForm = z.object({ token: text(200) });
export const codeQuery = z.object({ code: text(200) });
export const codeForm = z.object({ code: text(200) });
