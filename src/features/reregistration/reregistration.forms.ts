import { z } from 'zod';
import { uuidPattern } from '../../platform/ids/uuid-pattern.ts';
import { fields } from '../../web/forms.ts';

/**
 * What the herregistratie and uitstel forms, links and paths send, read through schemas
 * (web/forms.ts). The schemas read the shape (strings, at most so long, as the pages cut them
 * before); the register core's tested rules (checkRenewalForm, checkPostponementRequest,
 * checkPostponementDecision) decide what will do, and say why in the reader's language.
 */

const { text } = fields;
/** A link's value that is not one we know is ignored, as before: a bookmark with junk still shows the page. */
const optional = z.string().optional().catch(undefined);

export { noticeQuery } from '../../web/forms.ts';
export const postponementParams = z.object({ id: z.string().regex(uuidPattern) });

export const renewalForm = z.object({ motivering: text(2500), bevestigd: text(5) });
export const postponementForm = z.object({ grond: text(50), toelichting: text(2500), tot: text(20) });
export const postponementDecisionForm = z.object({ besluit: text(20), tot: text(20), motivering: text(2500) });
