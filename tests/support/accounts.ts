import type { Database } from '../../src/db/database.ts';
import { accounts, memberships } from '../../src/db/schema/index.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import type { OrganisationRef, Role } from '../../src/platform/auth/roles.ts';

export const testPassword = 'een lang genoeg wachtwoord';

/** An account straight in the database: verified, with a password and the given roles. */
export async function createAccount(
  database: Database,
  input: { email: string; displayName?: string; roles?: { role: Role; organisation: OrganisationRef }[]; verified?: boolean; password?: string },
) {
  const [account] = await database.db
    .insert(accounts)
    .values({
      email: input.email.toLowerCase(),
      displayName: input.displayName ?? input.email.split('@')[0],
      passwordHash: await hashPassword(input.password ?? testPassword),
      emailVerifiedAt: input.verified === false ? null : new Date(),
    })
    .returning();
  for (const r of input.roles ?? []) {
    await database.db
      .insert(memberships)
      .values({ accountId: account.id, organisationKind: r.organisation.kind, organisationId: r.organisation.id, role: r.role });
  }
  return account;
}
