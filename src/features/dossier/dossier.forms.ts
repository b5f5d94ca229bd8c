import { z } from 'zod';
import { fields } from '../../web/forms.ts';
import type { ActivityForm } from './activity.rules.ts';

const { text, choices } = fields;

/**
 * The dossier's forms, as Zod reads them: shape only. A text field missing is empty and one longer
 * than its room is cut, as before; what the professional typed is then checked by `checkActivity`
 * (the domain rule, with its messages at the fields), not here.
 */

/** The activity form (read with `readFormShape`: never refused, `checkActivity` checks it). */
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
  themas: choices(),
  competenties: choices(),
}) satisfies z.ZodType<ActivityForm, unknown>;

/** Removing an activity: the confirmation box. Whether it is ticked is the service's to check. */
export const removeForm = z.object({ bevestigd: text(5) });

/** An activity's address: any UUID-shaped id, as the service's own check (anything else is a 404). */
export const activityParams = z.object({ id: z.guid() });

export { noticeQuery } from '../../web/forms.ts';
