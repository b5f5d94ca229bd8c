import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { seedDemo } from '../../demo/demo.service.ts';
import { isMessageKey } from '../../platform/i18n.ts';

/**
 * The readable overview of the AVG download names every field in the reader's language: every key in the real
 * downloads of every demo account has a label in Dutch and English (a key without one shows as the bare key,
 * in Dutch, to an English reader). Numbered keys (a list's index) are not fields.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ prepare: (database) => seedDemo(database, () => {}) });
});
afterAll(async () => t?.close());

function keysOf(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      into.add(key);
      keysOf(inner, into);
    }
  }
  return into;
}

describe('the AVG overview’s field names', () => {
  it('are in Dutch and English for every field of every demo account’s download', async () => {
    const accounts = await t.database.query<{ id: string; email: string }>(
      `SELECT id, email FROM accounts WHERE email LIKE '%@demo.beroepsregister.nl' ORDER BY email`,
    );
    expect(accounts.length).toBeGreaterThan(5);
    const keys = new Set<string>();
    for (const account of accounts) {
      const web = await sessionFor(t.app, t.database, account.id);
      const res = await web.get('/mijn-gegevens/download');
      expect(res.statusCode, account.email).toBe(200);
      keysOf(JSON.parse(res.body), keys);
    }
    const fields = [...keys].filter((k) => !/^\d+$/.test(k));
    // the sections the demo fills: a key the test never sees cannot be checked, so make sure the big ones are there
    expect(fields).toEqual(expect.arrayContaining(['register', 'bijeenkomsten', 'koplopers', 'koploperHandelingen', 'feedback', 'werkzaamheden']));
    const unlabelled = fields.filter((k) => !isMessageKey(`myData.field.${k}`)).sort();
    expect(unlabelled).toEqual([]);
  });
});
