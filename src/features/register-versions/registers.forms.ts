import { z } from 'zod';
import { fields } from '../../web/forms.ts';

/** A text field as sent, cut at 5,000 characters; missing is empty (the rule checkRegisterVersion says what is wrong). */
const text = fields.text();

/**
 * The form for a new version of a register's rules: only its shape. What the values must be is
 * checkRegisterVersion's (register-version.rules.ts); `versie` is the version the form showed, 0 if unreadable.
 */
export const registerVersionForm = z.object({
  niveaus: text,
  cyclus: text,
  eenheid: text,
  minimumPunten: text,
  perioden: text,
  uren: text,
  urenPrimairProces: text,
  themas: text,
  masterVolstaat: text,
  tarief: text,
  toelichting: text,
  versie: text.transform((value) => Number.parseInt(value, 10) || 0),
});

/** `?opgeslagen=<version>` after saving a version, `?herinneringen=opgeslagen` after the reminders; anything else shows no notice. */
export const registerQuery = z.object({
  opgeslagen: z.string().regex(/^\d+$/).optional().catch(undefined),
  herinneringen: fields.linkValue,
});

/** The two numbers of days of the reminders to check: shape only, checkReminderDays says what is wrong. */
export const reminderDaysForm = z.object({ eersteHerinnering: fields.text(10), tweedeHerinnering: fields.text(10) });

/** A register's code in the path; the service answers "this register does not exist" for anything it cannot find. */
export const registerParams = z.object({ code: z.string() });
