import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Deny by default: every route states who may call it in `config.access`. A route without it does
 * not register, so a forgotten rule is a start-up error, never an open door.
 * Later rules ('signed-in', roles, organisation scope) are added by the identity feature.
 */
export type AccessRule = 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
}

export class MissingAccessRuleError extends Error {}

export const requireAccessRules = fp(async (app: FastifyInstance) => {
  app.addHook('onRoute', (route) => {
    if (route.method === 'HEAD' || route.url.startsWith('/static/')) return;
    const access = (route.config as { access?: AccessRule } | undefined)?.access;
    if (!access) {
      throw new MissingAccessRuleError(`Route ${route.method} ${route.url} declares no access rule (config.access)`);
    }
  });
});
