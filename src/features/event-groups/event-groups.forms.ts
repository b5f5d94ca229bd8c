import { z } from 'zod';
import { fields } from '../../web/forms.ts';

const { text, linkValue } = fields;

/** The groups page's forms and query, read through schemas: shape only; the use cases check what the values mean. */
export const proposeForm = z.object({ groepsgrootte: text(20), vervangen: text(5) });
export const moveForm = z.object({ registratie: text(100), groep: text(20) });
export const mailForm = z.object({ bevestigd: text(5) });
export const groupsQuery = z.object({ melding: linkValue, groep: linkValue, voor: linkValue, na: linkValue, kenmerken: linkValue });
export const eventParams = z.object({ id: z.string() });
