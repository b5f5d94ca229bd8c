import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from '../feature.ts';
import { accountRoutes } from './account.routes.tsx';
import type { IdentityDeps } from './identity.deps.ts';
import { oidcRoutes } from './oidc.routes.ts';
import { organisationAdminRoutes } from './organisation-admin.routes.tsx';
import { registerAdminRoutes } from './register-admin.routes.tsx';
import { signInRoutes } from './sign-in.routes.tsx';
import { tokenApiRoutes } from './tokens.api.ts';

/** Identity and access: signing in, the own account and data, organisation staff and tokens, register staff tools. */
export async function identityRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const deps: IdentityDeps = { db: opts.db, crypto: opts.crypto, mailer: opts.mailer, baseUrl: opts.config.baseUrl };
  const withDeps = { ...opts, deps };
  await signInRoutes(app, withDeps);
  await oidcRoutes(app, withDeps);
  await accountRoutes(app, withDeps);
  await organisationAdminRoutes(app, withDeps);
  await registerAdminRoutes(app, withDeps);
  await tokenApiRoutes(app, withDeps);
}
