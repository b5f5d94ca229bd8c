import { z } from 'zod';

/** `/mijn-register/inzage/:bestuurId/…`: a board id that is no UUID names nothing (404). */
export const boardParams = z.object({ bestuurId: z.uuid() });

/**
 * A board's view of a person's development. The person's id stays a string: the service tells the
 * board's own staff "not found" and refuses anyone else without saying whether the person exists.
 */
export const developmentParams = z.object({ id: z.uuid(), persoonId: z.string().max(100) });

/** The notice after granting or revoking; anything else in `melding` is ignored, as before. */
export const consentQuery = z.object({ melding: z.enum(['gegeven', 'ingetrokken']).optional().catch(undefined) });

/** Revoking: the confirmation box. Whether it is ticked is the rule isConfirmed's call, in the service. */
export const revokeForm = z.object({ bevestigd: z.string().optional() });
