import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../platform/auth/roles.ts';
import { sessionFor, signInWithPassword } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, WebSession } from '../../../tests/support/web-session.ts';
import { createDemoAccounts, demoPassword } from '../identity/index.ts';
import { seedDemoOffice } from './offices.demo.ts';

/** The demo's administratiekantoor: authorised by the demo board, with an admin who signs in with the demo password. */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
});
afterAll(async () => t?.close());

describe('the demo administratiekantoor', () => {
  it('is made once, authorised by board 32073, and its admin account sees that board', async () => {
    const officeId = await seedDemoOffice(t.database.db, '32073');
    expect(await seedDemoOffice(t.database.db, '32073')).toBe(officeId);
    expect(await t.database.query('SELECT 1 FROM office_mandates WHERE withdrawn_at IS NULL')).toHaveLength(1);
    expect(await seedDemoOffice(t.database.db, '00000')).toBeUndefined();

    const created = await createDemoAccounts(t.database.db, '32073', undefined, officeId);
    expect(created).toContainEqual({ email: 'administratiekantoor@demo.beroepsregister.nl', role: 'office-admin' });
    // the demo password works; the role needs an authenticator app, as a board's HR does
    const signIn = await signInWithPassword(new WebSession(t.app), 'administratiekantoor@demo.beroepsregister.nl', demoPassword);
    expect(signIn.statusCode).toBe(303);
    expect(String(signIn.headers.location)).toMatch(/^\/account\/tweestapsverificatie/);

    const [account] = await t.database.query<{ id: string }>(`SELECT id FROM accounts WHERE email = 'administratiekantoor@demo.beroepsregister.nl'`);
    const web = await sessionFor(t.app, t.database, account.id);
    const page = visibleText((await web.get(`/beheer/administratiekantoor/${officeId}/besturen`)).body);
    expect(page).toContain('Besturen van Salarisadministratie Het Noorden B.V.');
    expect(page).toContain('Stichting Christelijke Kindcentra Drenthe 32073');
  });
});

describe('the demo accounts', () => {
  it('give every role of an organisation the demo has one account, each listed in the README', async () => {
    const officeId = await seedDemoOffice(t.database.db, '32073');
    await createDemoAccounts(t.database.db, '32073', randomUUID(), officeId);
    const made = await t.database.query<{ email: string; role: string | null }>(
      `SELECT a.email, m.role FROM accounts a LEFT JOIN memberships m ON m.account_id = a.id WHERE a.email LIKE '%@demo.beroepsregister.nl'`,
    );
    // partnerships and school teams come with their features (issues 22 and 23): no organisation of theirs to be a member of yet
    const later = new Set(['partnerschap', 'schoolteam']);
    const wanted = Object.entries(roles)
      .filter(([, definition]) => !later.has(definition.kind))
      .map(([role]) => role);
    expect(wanted.filter((role) => !made.some((m) => m.role === role))).toEqual([]);
    const readme = readFileSync('README.md', 'utf8');
    expect(made.map((m) => m.email).filter((email) => !readme.includes(`| \`${email}\` |`))).toEqual([]);
  });
});
