import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { downloadCoverage } from './download-coverage.ts';

/** The AVG download against the schema: every table about a person or an account is decided for (item 8 of issue 19). */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const personColumns = `column_name ~ '(person|account|enrolment)_id$' OR column_name IN ('email', 'personal_email', 'to_address', 'used_by', 'issued_by',
  'granted_by', 'revoked_by', 'invited_by', 'accepted_by', 'resolved_by', 'assigned_to', 'created_by', 'submitted_by_account', 'assessor_account_id', 'event_registration_id')`;

describe('the AVG download covers the schema', () => {
  it('lists every table with a column naming a person, an account, an enrolment or an address', async () => {
    const tables = await t.database.query<{ table_name: string }>(
      `SELECT DISTINCT table_name FROM information_schema.columns WHERE table_schema = 'public' AND (${personColumns}) ORDER BY 1`,
    );
    const found = [...tables.map((r) => r.table_name), 'accounts'].sort();
    expect(found.filter((name) => !(name in downloadCoverage))).toEqual([]);
    expect(Object.keys(downloadCoverage).filter((name) => !found.includes(name))).toEqual([]);
  });

  it('has, in a real download, every place the list names', async () => {
    const account = await createAccount(t.database, { email: 'avg@voorbeeld.nl' });
    const download = JSON.parse((await (await sessionFor(t.app, t.database, account.id)).get('/mijn-gegevens/download')).body);
    const missing = Object.entries(downloadCoverage).flatMap(([table, place]) => {
      if (!('in' in place)) return [];
      const [top, inner] = place.in.split('.');
      const present = top in download && (inner === undefined || (download[top] !== null && inner in download[top]));
      return present ? [] : [`${table} → ${place.in}`];
    });
    expect(missing).toEqual([]);
  });
});
