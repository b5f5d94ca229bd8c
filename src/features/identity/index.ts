import type { Feature } from '../feature.ts';
import { identityNl } from './identity.texts.nl.ts';
import { identityEn } from './identity.texts.en.ts';
import { identityRoutes } from './identity.routes.tsx';
import { identityCards } from './identity.start-cards.ts';

/** Accounts, signing in, roles, organisation staff and API tokens. */
export const feature: Feature = {
  name: 'identity',
  texts: [{ nl: identityNl, en: identityEn }],
  routes: identityRoutes,
  startCards: identityCards,
};

export { withActorNames } from './actor-names.ts';
export { createAccountFromCli, createDemoAccounts, createTokenFromCli, demoPassword, resolveOrganisation } from './operator.service.ts';
export { findOwnAccountData } from './own-account.service.ts';
export { describeOrganisation } from './organisation-names.ts';
export type { NamedOrganisation } from './organisation-names.ts';
export { maxFailures } from './sign-in.service.ts';
export { AuditTable } from './views/account-pages.tsx';
export { describeAuditAction } from './views/audit-actions.ts';
export type { AuditLine } from './views/account-pages.tsx';
export { RegisterOfficeTools } from './views/register-admin-pages.tsx';
