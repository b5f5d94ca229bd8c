import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { message } from '../platform/i18n.ts';
import fp from 'fastify-plugin';
import type { Db } from '../db/database.ts';
import { anonymous, type Actor } from '../platform/auth/actor.ts';
import { resolveApiToken } from '../platform/auth/api-tokens.ts';
import type { Role, TokenScope } from '../platform/auth/roles.ts';
import { resolveSession, sessionCookie } from '../platform/auth/sessions.ts';
import { AppError } from '../platform/errors.ts';
import { rateLimit } from './rate-limit.ts';

/**
 * Deny by default: every route states who may call it in `config.access`. A route without it does
 * not register, so a forgotten rule is a start-up error, never an open door. Organisation scope
 * ("board A's staff never read board B") is the policy's (platform/policy.ts), asked by the service.
 *
 * - `public`: anyone
 * - `signed-in`: a signed-in account (second factor given where one is required)
 * - `second-factor`: an account that has given its password but may still owe the second factor
 * - `token`: any valid machine token (Authorization: Bearer)
 * - `{ roles }`: a signed-in account holding one of these roles in some organisation
 * - `{ scopes }`: a machine token with one of these scopes
 */
export type AccessRule = 'public' | 'signed-in' | 'second-factor' | 'token' | { roles: readonly Role[] } | { scopes: readonly TokenScope[] };

/** A route as registered, with its access rule: what the authorisation matrix test checks against. */
export type RegisteredRoute = { method: string; url: string; access: AccessRule };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyInstance {
    /** Every route of this app with its access rule (not HEAD, not /static/), in registration order. */
    readonly registeredRoutes: readonly RegisteredRoute[];
  }
}

export class MissingAccessRuleError extends Error {}

const isApi = (req: FastifyRequest) => req.url.startsWith('/api/');
/** Requests that never need to know who is asking: no session lookup for them. */
const anonymousOnly = (url: string) => url.startsWith('/static/') || url === '/health' || url === '/metrics';

function bearerToken(req: FastifyRequest): string | null | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

function unauthenticated(reply: FastifyReply, detail: string): AppError {
  reply.header('WWW-Authenticate', 'Bearer realm="beroepsregister"');
  return new AppError('unauthenticated', detail);
}

/** Where a person who must sign in first goes, with the way back. */
export function signInRedirect(req: FastifyRequest): string {
  return `/inloggen?terug=${encodeURIComponent(req.url)}`;
}

async function enforce(req: FastifyRequest, reply: FastifyReply, rule: AccessRule): Promise<FastifyReply | undefined> {
  if (rule === 'public') return;
  const actor = req.actor;
  const wantsToken = rule === 'token' || (typeof rule === 'object' && 'scopes' in rule);
  if (wantsToken) {
    if (actor.type !== 'token') throw unauthenticated(reply, 'Voor dit verzoek is een geldig API-token nodig (Authorization: Bearer <token>).');
    if (rule !== 'token' && !rule.scopes.some((s) => actor.scopes.includes(s)))
      throw new AppError('forbidden', `Dit token heeft niet de bevoegdheid die hiervoor nodig is (${rule.scopes.join(' of ')}).`);
    return;
  }
  if (actor.type !== 'account') {
    if (isApi(req)) throw unauthenticated(reply, 'Log in om dit te doen.');
    if (req.method === 'GET') return reply.redirect(signInRedirect(req), 303);
    throw new AppError('unauthenticated', 'Uw sessie is verlopen. Log opnieuw in.');
  }
  if (rule === 'second-factor') return;
  if (!actor.secondFactorDone) {
    if (req.method === 'GET' && !isApi(req)) return reply.redirect(`/inloggen/tweede-stap?terug=${encodeURIComponent(req.url)}`, 303);
    throw new AppError('unauthenticated', 'Rond eerst het inloggen af met de code uit uw authenticator-app.');
  }
  if (rule === 'signed-in') return;
  if (!actor.memberships.some((m) => rule.roles.includes(m.role))) {
    throw new AppError('forbidden', message('error.403.noRole'));
  }
}

/** Resolves who is asking (session cookie or bearer token) and enforces each route's access rule. */
export const accessControl = fp(async (app: FastifyInstance, opts: { db: Db; apiPerMinute: number }) => {
  const apiLimit = rateLimit(app, {
    max: opts.apiPerMinute,
    windowMs: 60_000,
    key: (req) => (req.actor.type === 'token' ? `token:${req.actor.tokenId}` : `ip:${req.ip}`),
    message: message('error.tooManyApiRequests', { max: String(opts.apiPerMinute) }),
  });
  const registered: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', { getter: () => [...registered] });
  app.addHook('onRoute', (route) => {
    if (route.method === 'HEAD' || route.url.startsWith('/static/')) return;
    const access = (route.config as { access?: AccessRule } | undefined)?.access;
    if (!access) {
      throw new MissingAccessRuleError(`Route ${route.method} ${route.url} declares no access rule (config.access)`);
    }
    for (const method of [route.method].flat()) if (method !== 'HEAD') registered.push({ method, url: route.url, access });
  });

  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', async (req, reply) => {
    req.actor = anonymous;
    if (anonymousOnly(req.url)) return;
    const bearer = isApi(req) ? bearerToken(req) : undefined;
    if (bearer !== undefined) {
      const actor = bearer ? await resolveApiToken(opts.db, bearer) : null;
      if (!actor) throw unauthenticated(reply, 'Het API-token is onbekend, ingetrokken of verlopen.');
      req.actor = actor;
      await apiLimit(req, reply);
      return;
    }
    // the API knows machine tokens only: a session cookie there would need CSRF protection the API does not have
    if (isApi(req)) {
      await apiLimit(req, reply);
      return;
    }
    const token = req.cookies[sessionCookie];
    if (token) {
      const actor = await resolveSession(opts.db, token);
      if (actor) req.actor = actor;
      else reply.clearCookie(sessionCookie, { path: '/' });
    }
  });

  app.addHook('preHandler', async (req, reply) => {
    const rule = req.routeOptions.config?.access;
    if (!rule) return; // not-found handler
    return enforce(req, reply, rule);
  });

  app.addHook('onSend', async (req, reply) => {
    // pages for a signed-in person are theirs alone: never kept by a shared cache or the back button
    if (req.actor?.type === 'account') reply.header('Cache-Control', 'no-store');
  });
});
