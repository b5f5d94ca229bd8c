import { z } from 'zod';
import { organisationKinds } from '../../platform/auth/roles.ts';
import { fields } from '../../web/forms.ts';

const { text, choices } = fields;

/**
 * The identity pages' forms, queries and path parameters ("form objects"). The forms only give shape:
 * strings cut at 1,000 characters, missing fields empty. What a value must be (a valid address, a
 * strong password, a right code) stays with the services, which refuse with text keys.
 */

/** Sign-in: both fields are needed before anything is checked (the only form here that refuses by its schema). */
export const signInForm = z.object({
  email: z
    .string({ error: 'signIn.emailRequired' })
    .trim()
    .min(1, { error: 'signIn.emailRequired' })
    .transform((value) => value.slice(0, 1000)),
  wachtwoord: z
    .string({ error: 'signIn.passwordRequired' })
    .min(1, { error: 'signIn.passwordRequired' })
    .transform((value) => value.slice(0, 1000)),
  terug: text(1000),
});

/** The code from the authenticator app, at sign-in and when setting the app up. */
export const codeForm = z.object({ code: text(1000), terug: text(1000) });

export const registerForm = z.object({ email: text(1000), naam: text(1000), wachtwoord: text(1000), terug: text(1000) });

/** A mailed link's token, posted from its confirmation page (bevestigen, deblokkeren, uitnodiging). */
export const tokenForm = z.object({ token: text(1000), terug: text(1000) });

export const forgotPasswordForm = z.object({ email: text(1000) });

export const resetPasswordForm = z.object({ token: text(1000), wachtwoord: text(1000) });

export const inviteForm = z.object({ email: text(1000), rol: text(1000) });

export const revokeMemberForm = z.object({ reden: text(1000) });

/** A new API token; `scope` is every ticked box. */
export const tokenCreateForm = z.object({ naam: text(1000), scope: choices(), verloopt: text(1000) });

/** `?terug=` (where to go after signing in) and `?token=` on a mailed link's page; anything else is empty. */
export const backQuery = z.object({ terug: text(500) });
export const tokenQuery = z.object({ token: text(500), terug: text(500) });
export const invitationQuery = z.object({ token: text(200) });

/** `/account?gekoppeld=ja` after linking a sign-in service. */
export const accountQuery = z.object({
  gekoppeld: z
    .string()
    .optional()
    .catch(undefined)
    .transform((value) => value === 'ja'),
});

/** The register office's look-ups: an address, a board number, a page of the outbox (junk is page 1, beyond the last is 1,000). */
export const adminLookupQuery = z.object({
  email: text(254).transform((value) => value.trim()),
  nummer: text(254).transform((value) => value.trim()),
  page: text(254).transform((value) => Math.max(1, Math.min(1000, Number(value) || 1))),
});

/** OpenID Connect: starting (to link, or to sign in and go back) and the issuer's answer. */
export const oidcStartQuery = z.object({
  koppelen: z
    .string()
    .optional()
    .catch(undefined)
    .transform((value) => value === 'ja'),
  terug: text(500),
});
export const oidcCallbackQuery = z.object({ error: z.string().optional().catch(undefined) });

/** `/beheer/:soort/:id/…`: an organisation kind and a UUID, or the page does not exist (404). */
export const organisationParams = z.object({ soort: z.enum(organisationKinds), id: z.uuid().transform((id) => id.toLowerCase()) });

/** A member's role or a token on the organisation's pages; an id that names none of them is answered with "not found". */
export const memberParams = organisationParams.extend({ lidId: z.string() });
export const tokenParams = organisationParams.extend({ tokenId: z.string() });

/** An account's audit trail: an id that is no UUID names no account (404). */
export const accountParams = z.object({ id: z.uuid() });
