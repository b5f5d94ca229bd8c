import { z } from 'zod';
import type { ActivityForm } from './activity.rules.ts';

/**
 * The dossier's forms, as Zod reads them: shape only. A text field missing is empty and one longer
 * than its room is cut, as before; what the professional typed is then checked by `checkActivity`
 * (the domain rule, with its messages at the fields), not here.
 */
const text = (max: number) =>
  z
    .string()
    .catch('')
    .transform((value) => value.slice(0, max));

/** A checkbox group: one value or many; at most 50. */
const list = z
  .union([z.string(), z.array(z.string())])
  .catch([])
  .transform((value) => [value].flat().slice(0, 50));

/**
 * The activity form. Read from the body itself, not through `readForm`: its values come back as
 * strings with repeated fields joined by commas, and a theme's name may hold a comma.
 */
export const activityForm = z.object({
  soort: text(50),
  titel: text(300),
  aanbieder: text(300),
  begindatum: text(20),
  einddatum: text(20),
  uren: text(20),
  primairProces: text(5),
  leerdoelen: text(2500),
  reflectie: text(2500),
  bewijs: text(50),
  themas: list,
  competenties: list,
});

/** The activity form as posted; never refused here (a body that is no form reads as an empty one). */
export function activityFormOf(body: unknown): ActivityForm {
  return activityForm.catch(() => activityForm.parse({})).parse(body ?? {});
}

/** Removing an activity: the confirmation box. Whether it is ticked is the service's to check. */
export const removeForm = z.object({ bevestigd: text(5) });

/** An activity's address: any UUID-shaped id, as the service's own check (anything else is a 404). */
export const activityParams = z.object({ id: z.guid() });

/** The notice after a redirect; anything else is no notice. */
export const noticeQuery = z.object({ melding: z.string().optional().catch(undefined) });
