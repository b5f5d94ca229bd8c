import type { Db } from '../../db/database.ts';
import { isRole, registerOfficeId, roles, type OrganisationRef, type Role } from '../../platform/auth/roles.ts';
import { recordAudit, type ActorContext } from '../../platform/audit/audit.ts';
import { hashToken, randomToken } from '../../platform/crypto.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { AppError } from '../../platform/errors.ts';
import { findOfficeById } from '../administration-offices/index.ts';
import { findBoardById, findBoardByNumber } from '../organisations/index.ts';
import * as accounts from './accounts.repo.ts';
import { emailPattern, normaliseEmail, nowOf, type IdentityDeps } from './identity.deps.ts';
import * as members from './members.repo.ts';
import { createTokenAsOperator } from './tokens.service.ts';
import { inTransaction } from '../../db/transaction.ts';

/** The installation's operator at the command line: outside every organisation, on the record as `system:cli`. */
const operator: ActorContext = { actor: { type: 'system', name: 'cli' } };

/** `--bestuur 12345` or `--organisatie <id>`: the organisation a CLI command acts for. */
export async function resolveOrganisation(deps: IdentityDeps, input: { boardNumber?: string; organisationId?: string }): Promise<OrganisationRef> {
  if (input.boardNumber) {
    const board = await findBoardByNumber(deps.db, input.boardNumber.padStart(5, '0'));
    if (!board)
      throw AppError.notFound(`Er is geen bestuur met nummer ${input.boardNumber} in de organisatiegids. Lees eerst de DUO-gegevens in (import-duo).`);
    return { kind: 'bestuur', id: board.id };
  }
  if (input.organisationId === registerOfficeId) return { kind: 'register', id: registerOfficeId };
  if (input.organisationId) {
    const board = await findBoardById(deps.db, input.organisationId);
    if (board) return { kind: 'bestuur', id: board.id };
    const office = await findOfficeById(deps.db, input.organisationId);
    if (office) return { kind: 'administratiekantoor', id: office.id };
    throw AppError.notFound(`Er is geen organisatie met id ${input.organisationId}.`);
  }
  throw new AppError('bad_request', 'Geef --bestuur <nummer> of --organisatie <id> op.');
}

export async function createTokenFromCli(deps: IdentityDeps, input: { organisation: OrganisationRef; scopes: string[]; expiresAt: Date; name: string }) {
  return createTokenAsOperator(deps, input);
}

/**
 * Creates (or finds) an account with a role, for bootstrapping an installation: the first register
 * staff member, or a board's first admin. Returns a one-time link to set the password.
 */
export async function createAccountFromCli(deps: IdentityDeps, input: { email: string; displayName: string; role: string; organisation: OrganisationRef }) {
  const email = normaliseEmail(input.email);
  if (!emailPattern.test(email)) throw AppError.validation([{ name: 'email', reason: 'Geef een geldig e-mailadres.' }]);
  if (!isRole(input.role)) throw AppError.validation([{ name: 'rol', reason: `Onbekende rol; kies uit ${Object.keys(roles).join(', ')}.` }]);
  const role: Role = input.role;
  if (roles[role].kind !== input.organisation.kind)
    throw AppError.validation([{ name: 'rol', reason: `De rol ${role} hoort bij een ${roles[role].kind}, niet bij een ${input.organisation.kind}.` }]);
  const token = randomToken();
  const now = nowOf(deps);
  await inTransaction(deps.db, async (tx) => {
    const account =
      (await accounts.findAccountByEmail(tx, email)) ??
      (await accounts.insertAccount(tx, { email, displayName: input.displayName.trim() || email, passwordHash: null, emailVerifiedAt: now }));
    await members.insertMembership(tx, {
      accountId: account.id,
      organisationKind: input.organisation.kind,
      organisationId: input.organisation.id,
      role,
      createdAt: now,
    });
    await accounts.insertEmailToken(tx, {
      tokenHash: hashToken(token),
      accountId: account.id,
      purpose: 'reset-password',
      createdAt: now,
      expiresAt: new Date(now.getTime() + 7 * 24 * 3600 * 1000),
    });
    await recordAudit(tx, operator, {
      action: 'membership.granted',
      subjectAccountId: account.id,
      subjectOrganisation: input.organisation,
      after: { role },
      reason: 'aangemaakt op de opdrachtregel',
    });
  });
  return { passwordLink: `${deps.baseUrl}/wachtwoord-herstellen?token=${encodeURIComponent(token)}` };
}

export const demoPassword = 'demo wachtwoord';

/** The demo's accounts: one per kind of user, all with `demoPassword`. Repeatable: existing ones are kept. */
export async function createDemoAccounts(db: Db, boardNumber: string, providerId?: string, officeId?: string): Promise<{ email: string; role: string }[]> {
  const board = await findBoardByNumber(db, boardNumber);
  const wanted: { email: string; name: string; role?: Role; organisation?: OrganisationRef }[] = [
    {
      email: 'registerbeheer@demo.beroepsregister.nl',
      name: 'Rachid Registerbeheer',
      role: 'register-staff',
      organisation: { kind: 'register', id: registerOfficeId },
    },
    ...(board
      ? [
          {
            email: 'hr@demo.beroepsregister.nl',
            name: 'Hanneke de HR',
            role: 'board-admin' as const,
            organisation: { kind: 'bestuur' as const, id: board.id },
          },
          {
            email: 'personeelszaken@demo.beroepsregister.nl',
            name: 'Pim Personeelszaken',
            role: 'board-staff' as const,
            organisation: { kind: 'bestuur' as const, id: board.id },
          },
        ]
      : []),
    {
      email: 'commissie@demo.beroepsregister.nl',
      name: 'Karel Commissie',
      role: 'registration-committee',
      organisation: { kind: 'register', id: registerOfficeId },
    },
    {
      email: 'accreditatie@demo.beroepsregister.nl',
      name: 'Anouk Accreditatie',
      role: 'accreditation-committee',
      organisation: { kind: 'register', id: registerOfficeId },
    },
    ...(providerId
      ? [
          {
            email: 'aanbieder@demo.beroepsregister.nl',
            name: 'Pieter Aanbieder',
            role: 'provider-admin' as const,
            organisation: { kind: 'aanbieder' as const, id: providerId },
          },
          {
            email: 'trainer@demo.beroepsregister.nl',
            name: 'Tessa Trainer',
            role: 'provider-staff' as const,
            organisation: { kind: 'aanbieder' as const, id: providerId },
          },
        ]
      : []),
    ...(officeId
      ? [
          {
            email: 'administratiekantoor@demo.beroepsregister.nl',
            name: 'Anna Administratie',
            role: 'office-admin' as const,
            organisation: { kind: 'administratiekantoor' as const, id: officeId },
          },
          {
            email: 'salarisadministratie@demo.beroepsregister.nl',
            name: 'Sem Salarisadministratie',
            role: 'office-staff' as const,
            organisation: { kind: 'administratiekantoor' as const, id: officeId },
          },
        ]
      : []),
    { email: 'leraar@demo.beroepsregister.nl', name: 'Lotte Leraar' },
  ];
  const passwordHash = await hashPassword(demoPassword);
  const now = new Date();
  const created: { email: string; role: string }[] = [];
  await inTransaction(db, async (tx) => {
    for (const w of wanted) {
      if (await accounts.findAccountByEmail(tx, w.email)) continue;
      const account = await accounts.insertAccount(tx, { email: w.email, displayName: w.name, passwordHash, emailVerifiedAt: now });
      if (w.role && w.organisation)
        await members.insertMembership(tx, {
          accountId: account.id,
          organisationKind: w.organisation.kind,
          organisationId: w.organisation.id,
          role: w.role,
          createdAt: now,
        });
      await recordAudit(tx, operator, {
        action: 'account.created',
        subjectAccountId: account.id,
        after: { email: w.email, role: w.role ?? null },
        reason: 'demodata',
      });
      created.push({ email: w.email, role: w.role ?? 'professional' });
    }
  });
  return created;
}
