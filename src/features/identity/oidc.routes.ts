import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { readQuery } from '../../web/forms.ts';
import { oidcCallbackQuery, oidcStartQuery } from './identity.forms.ts';
import type { FeatureOptions } from '../feature.ts';
import type { IdentityDeps } from './identity.deps.ts';
import { signInWithOidc } from './oidc.service.ts';
import type { VouchedBsnOutcome } from '../register/index.ts';
import { contextOf, safeBack, setSessionCookie } from '../../web/route-helpers.ts';
import { nextStep } from './sign-in.routes.tsx';

const pendingCookie = 'br_oidc';
const callbackPath = '/inloggen/oidc/terug';

/** Sign-in through the configured OpenID Connect issuer (DigiD, Entree, SURFconext through a broker). */
export async function oidcRoutes(app: FastifyInstance, opts: FeatureOptions & { deps: IdentityDeps }) {
  const settings = opts.config.oidc;
  if (!settings) return;
  // the OIDC library is loaded only where an issuer is configured: it costs start-up time
  const { createOidcClient } = await import('./oidc-client.ts');
  const oidc = createOidcClient(settings, `${opts.config.baseUrl}${callbackPath}`, opts.crypto);
  const cookieOptions = { path: '/inloggen/oidc', httpOnly: true, secure: opts.secureCookies, sameSite: 'lax' as const };

  app.get('/inloggen/oidc', { config: { access: 'public' } }, async (req, reply) => {
    const query = readQuery(req, oidcStartQuery);
    // linking adds a way into the account: only a fully signed-in person may do it
    const link = query.koppelen && req.actor.type === 'account' && req.actor.secondFactorDone;
    let start: Awaited<ReturnType<typeof oidc.start>>;
    try {
      start = await oidc.start(safeBack(query.terug), link);
    } catch (error) {
      req.log.error({ err: error }, 'OpenID Connect issuer unreachable');
      throw new AppError('unavailable', message('signIn.error.oidcUnavailable', { name: oidc.name }));
    }
    reply.setCookie(pendingCookie, start.cookie, { ...cookieOptions, maxAge: 600 });
    return reply.redirect(start.url, 303);
  });

  app.get(callbackPath, { config: { access: 'public' } }, async (req, reply) => {
    const query = readQuery(req, oidcCallbackQuery);
    reply.clearCookie(pendingCookie, { path: cookieOptions.path });
    if (query.error !== undefined) throw new AppError('bad_request', message('signIn.error.oidcCancelled', { name: oidc.name }));
    let finished: Awaited<ReturnType<typeof oidc.finish>>;
    try {
      finished = await oidc.finish(new URL(req.url, opts.config.baseUrl), req.cookies[pendingCookie]);
    } catch (error) {
      req.log.warn({ err: error }, 'OpenID Connect callback refused');
      throw new AppError('bad_request', message('signIn.error.oidcUnverifiable', { name: oidc.name }));
    }
    if (!finished) throw new AppError('bad_request', message('signIn.error.oidcExpired'));
    // the value itself is never logged
    if (finished.claims.bsnRefused) req.log.warn({ claim: settings.bsnClaim }, 'OpenID Connect BSN claim is no valid BSN: nothing linked by it');
    const result = await signInWithOidc(opts.deps, contextOf(req), finished.claims, finished.link);
    // a BSN that could not be linked: Mijn register says why and what to do, before anything else
    const refused = result.bsn ? bsnNotices[result.bsn] : undefined;
    const notice = refused ? `/mijn-register?melding=${refused}` : undefined;
    if (result.outcome === 'identity-linked') return reply.redirect(notice ?? '/account?gekoppeld=ja', 303);
    setSessionCookie(req, reply, result.sessionToken, opts.secureCookies);
    return reply.redirect(nextStep(result.secondFactor, notice ?? finished.back), 303);
  });
}

/** Mijn register's notice (`?melding=`) for a BSN the sign-in could not link (decision 021); none when all went well. */
const bsnNotices: Record<VouchedBsnOutcome, string | undefined> = {
  linked: undefined,
  unchanged: undefined,
  'bsn-on-other-account': 'bsn-ander-account',
  'account-has-other-bsn': 'bsn-ander-bsn',
  'person-of-other-account': 'bsn-bezet',
  'bsn-differs': 'bsn-verschilt',
  review: 'samenvoegen',
};
