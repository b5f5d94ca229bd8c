import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { auditRows, sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { type WebSession, visibleText } from '../../../tests/support/web-session.ts';
import { createApiToken } from '../../platform/auth/api-tokens.ts';
import { registerOfficeId } from '../../platform/auth/roles.ts';
import { hashToken } from '../../platform/crypto.ts';
import type { IdentityDeps } from './identity.deps.ts';
import { createTokenFromCli, resolveOrganisation } from './operator.service.ts';

/** Machine tokens: made by an organisation's admin, shown once, kept hashed, scoped, expiring, revocable. */

let t: TestApp;
type Board = { id: string; number: string; name: string };
let boardA: Board;
let boardB: Board;
let adminA: { id: string };
let web: WebSession;
const A = () => `/beheer/bestuur/${boardA.id}`;
const day = 24 * 3600 * 1000;
const dateIn = (days: number) => new Date(Date.now() + days * day).toISOString().slice(0, 10);
/** The date two calendar years from today (UTC), as a date field sends it. */
function dateInTwoYears(extraDays = 0): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + 2);
  d.setUTCDate(d.getUTCDate() + extraDays);
  return d.toISOString().slice(0, 10);
}

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
  [boardA, boardB] = await t.database.query<Board>(`SELECT id, number, name FROM boards WHERE name IS NOT NULL ORDER BY number LIMIT 2 OFFSET 20`);
  adminA = await createAccount(t.database, {
    email: 'ict@bestuur-a.nl',
    displayName: 'Ilse ICT',
    roles: [{ role: 'board-admin', organisation: { kind: 'bestuur', id: boardA.id } }],
  });
  web = await sessionFor(t.app, t.database, adminA.id);
});
afterAll(async () => {
  await t?.close();
});

async function createThroughPage(form: Record<string, string | string[]>) {
  await web.get(`${A()}/tokens`);
  return web.post(`${A()}/tokens`, form);
}
const secretOn = (html: string) => /<code class="br-token-secret" id="nieuw-token">([^<]+)<\/code>/.exec(html)?.[1];

/** The visible text of the token list's row for the token with this name. */
function tokenRow(html: string, name: string): string {
  const rows = html.split('<tr class="utrecht-table__row">').slice(1).map(visibleText);
  const found = rows.find((r) => r.startsWith(`${name} (`));
  if (!found) throw new Error(`no row for token ${name}`);
  return found;
}

const huidig = (token: string) => t.app.inject({ method: 'GET', url: '/api/v1/tokens/huidig', headers: { authorization: `Bearer ${token}` } });

describe('creating a token on the tokens page', () => {
  let secret: string;

  it('offers the scopes a board can have, and shows the new secret once', async () => {
    const page = await web.get(`${A()}/tokens`);
    expect(page.statusCode).toBe(200);
    expect(visibleText(page.body)).toContain(`API-tokens van ${boardA.name}`);
    expect(visibleText(page.body)).toContain('Deze organisatie heeft nog geen API-tokens.');
    const offered = [...page.body.matchAll(/name="scope"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="scope"/g)].map((m) => m[1] ?? m[2]);
    expect(offered.sort()).toEqual(['aanleveren', 'lezen']);

    const created = await web.post(`${A()}/tokens`, { naam: 'ParnasSys', scope: ['aanleveren', 'lezen'], verloopt: dateIn(365) });
    expect(created.statusCode).toBe(201);
    expect(visibleText(created.body)).toContain('Het token is gemaakt. Kopieer het nu: het wordt maar één keer getoond.');
    secret = secretOn(created.body)!;
    expect(secret).toMatch(/^bro_[A-Za-z0-9_-]{43}$/);
    expect(tokenRow(created.body, 'ParnasSys')).toContain('aanleveren, lezen');
    expect(tokenRow(created.body, 'ParnasSys')).toContain('nog niet');
    expect(tokenRow(created.body, 'ParnasSys')).toContain('actief');

    // reloading shows the token in the list, never its secret again
    const again = await web.get(`${A()}/tokens`);
    expect(again.body).not.toContain('nieuw-token');
    expect(again.body).not.toContain(secret);
    expect(tokenRow(again.body, 'ParnasSys')).toContain(`ParnasSys (${secret.slice(0, 12)}…)`);
  });

  it('keeps only a hash of the secret: not in the token row, the audit trail or anywhere else in the database', async () => {
    const [row] = await t.database.query<{ token_hash: string; json: string }>(
      "SELECT token_hash, row_to_json(k)::text AS json FROM api_tokens k WHERE name = 'ParnasSys'",
    );
    expect(row.token_hash).toBe(hashToken(secret));
    expect(row.json).not.toContain(secret);
    const secretPart = secret.slice(12); // what the list's prefix does not show
    for (const table of ['api_tokens', 'audit_events', 'mail_outbox', 'sessions']) {
      const hits = await t.database.query(`SELECT 1 FROM ${table} x WHERE row_to_json(x)::text LIKE $1`, [`%${secretPart}%`]);
      expect(hits, table).toEqual([]);
    }
    const [audit] = (await auditRows(t.database, 'api-token.created')).filter((r) => (r.after as { name: string }).name === 'ParnasSys');
    expect(audit).toMatchObject({
      actor_account_id: adminA.id,
      actor_role: 'board-admin',
      actor_organisation_id: boardA.id,
      subject_organisation_id: boardA.id,
    });
    expect(audit.after).toMatchObject({ name: 'ParnasSys', scopes: ['aanleveren', 'lezen'], prefix: secret.slice(0, 12) });
    expect(JSON.stringify(audit)).not.toContain(secretPart);
  });

  it('answers GET /api/v1/tokens/huidig with the organisation and scopes, and the list then shows when it was used', async () => {
    const res = await huidig(secret);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json();
    expect(body).toEqual({
      naam: 'ParnasSys',
      organisatie: { soort: 'bestuur', id: boardA.id, naam: boardA.name, nummer: boardA.number },
      scopes: ['aanleveren', 'lezen'],
      aangemaaktOp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      verlooptOp: expect.stringMatching(new RegExp(`^${dateIn(365)}T`)),
    });
    const [{ last_used_at }] = await t.database.query<{ last_used_at: Date | null }>("SELECT last_used_at FROM api_tokens WHERE name = 'ParnasSys'");
    expect(last_used_at).not.toBeNull();
    const row = tokenRow((await web.get(`${A()}/tokens`)).body, 'ParnasSys');
    expect(row).not.toContain('nog niet');
    expect(row).toContain(String(new Date().getFullYear()));
    expect(row).toMatch(/\d{1,2}:\d{2}/);
  });

  it.each([
    ['no scope', { naam: 'Zonder', verloopt: dateIn(30) }, [['scope', 'Kies minstens één bevoegdheid (scope).']]],
    [
      'presentie for a board',
      { naam: 'Presentie', scope: ['presentie'], verloopt: dateIn(30) },
      [['scope', 'Een bestuur kan de bevoegdheid "presentie" niet krijgen; wel: aanleveren, lezen.']],
    ],
    ['an unknown scope', { naam: 'Alles', scope: ['beheer'], verloopt: dateIn(30) }, [['scope', '"beheer" is geen bevoegdheid']]],
    ['a date in the past', { naam: 'Verleden', scope: ['lezen'], verloopt: dateIn(-1) }, [['verloopt', 'De verloopdatum moet in de toekomst liggen.']]],
    ['no date', { naam: 'Geen datum', scope: ['lezen'], verloopt: '' }, [['verloopt', 'De verloopdatum moet in de toekomst liggen.']]],
    ['more than two years', { naam: 'Eeuwig', scope: ['lezen'], verloopt: dateInTwoYears(1) }, [['verloopt', 'Een token is hoogstens 2 jaar geldig']]],
    ['no name', { naam: ' ', scope: ['lezen'], verloopt: dateIn(30) }, [['naam', 'Geef het token een naam']]],
    [
      'nothing at all',
      { naam: '', verloopt: '' },
      [
        ['naam', 'Geef het token een naam'],
        ['scope', 'Kies minstens één bevoegdheid'],
        ['verloopt', 'De verloopdatum moet in de toekomst liggen.'],
      ],
    ],
  ] as [string, Record<string, string | string[]>, [string, string][]][])(
    'refuses %s with a 400 and Dutch errors linked to the fields',
    async (_case, form, errors) => {
      const before = (await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM api_tokens'))[0].n;
      const res = await createThroughPage(form);
      expect(res.statusCode).toBe(400);
      // the error summary: each message a link to its field
      const summary = [...res.body.matchAll(/<a class="utrecht-link" href="#([^"]+)">([^<]*)<\/a>/g)].map((m) => [m[1], visibleText(m[2])]);
      for (const [field, message] of errors) {
        expect(
          summary.some(([href, text]) => href === field && text.includes(message)),
          `${field}: ${message} in ${JSON.stringify(summary)}`,
        ).toBe(true);
        // and the field itself carries the message
        expect(res.body).toContain(`id="${field}"`);
        expect(res.body).toContain(`id="${field}-error"`);
      }
      expect(secretOn(res.body)).toBeUndefined();
      // what was typed stays
      if (typeof form.naam === 'string' && form.naam.trim()) expect(res.body).toContain(`value="${form.naam}"`);
      expect((await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM api_tokens'))[0].n).toBe(before);
    },
  );

  it('accepts an expiry date exactly two years from today (the longest the page allows)', async () => {
    const res = await createThroughPage({ naam: 'Twee jaar', scope: ['lezen'], verloopt: dateInTwoYears() });
    expect(res.statusCode).toBe(201);
    expect(secretOn(res.body)).toBeTruthy();
  });
});

describe('revoking and expiry', () => {
  it('revokes through a confirmation page; the API then answers 401 problem+json', async () => {
    const created = await createThroughPage({ naam: 'Oud pakket', scope: ['lezen'], verloopt: dateIn(90) });
    const secret = secretOn(created.body)!;
    expect((await huidig(secret)).statusCode).toBe(200);
    const [{ id }] = await t.database.query<{ id: string }>("SELECT id FROM api_tokens WHERE name = 'Oud pakket'");
    const confirmUrl = `${A()}/tokens/${id}/intrekken`;
    expect(created.body).toContain(`href="${confirmUrl}"`);

    // following the link only asks
    const confirm = await web.get(confirmUrl);
    expect(confirm.statusCode).toBe(200);
    expect(visibleText(confirm.body)).toContain(
      'Weet u zeker dat u het token "Oud pakket" wilt intrekken? Software die het gebruikt, krijgt meteen geen toegang meer.',
    );
    expect((await huidig(secret)).statusCode).toBe(200);

    const revoked = await web.post(confirmUrl, {});
    expect(revoked.statusCode).toBe(200);
    expect(visibleText(revoked.body)).toContain('Het token is ingetrokken.');
    expect(tokenRow(revoked.body, 'Oud pakket')).toContain('ingetrokken');
    expect(revoked.body).not.toContain(`href="${confirmUrl}"`);

    const refused = await huidig(secret);
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.headers['www-authenticate']).toMatch(/^Bearer /);
    expect(refused.json()).toMatchObject({ status: 401, code: 'unauthenticated', detail: 'Het API-token is onbekend, ingetrokken of verlopen.' });
    // revoked is revoked: there is nothing to confirm any more
    expect((await web.get(confirmUrl)).statusCode).toBe(404);

    const [audit] = (await auditRows(t.database, 'api-token.revoked')).filter((r) => (r.before as { tokenId: string }).tokenId === id);
    expect(audit).toMatchObject({
      actor_account_id: adminA.id,
      actor_role: 'board-admin',
      subject_organisation_id: boardA.id,
      before: { tokenId: id, name: 'Oud pakket', scopes: ['lezen'] },
    });
    expect(JSON.stringify(audit)).not.toContain(secret.slice(12));
  });

  it('refuses an expired token with 401 and shows it as expired', async () => {
    const longAgo = new Date(Date.now() - 40 * day);
    const { token } = await createApiToken(
      t.database.db,
      {
        organisation: { kind: 'bestuur', id: boardA.id },
        name: 'Verlopen pakket',
        scopes: ['lezen'],
        expiresAt: new Date(Date.now() - 60_000),
        createdBy: adminA.id,
      },
      longAgo,
    );
    const res = await huidig(token);
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(tokenRow((await web.get(`${A()}/tokens`)).body, 'Verlopen pakket')).toContain('verlopen');
  });
});

describe('the command line (beroepsregister token create)', () => {
  it('makes a working token for a board by its number, on the record as the operator, without the secret', async () => {
    const deps = { db: t.database.db, baseUrl: 'http://localhost' } as IdentityDeps;
    const organisation = await resolveOrganisation(deps, { boardNumber: String(Number(boardB.number)) });
    expect(organisation).toEqual({ kind: 'bestuur', id: boardB.id });
    const { token, row } = await createTokenFromCli(deps, {
      organisation,
      scopes: ['aanleveren'],
      expiresAt: new Date(Date.now() + 30 * day),
      name: 'Aangemaakt op de opdrachtregel',
    });
    expect(row.createdBy).toBeNull();
    expect((await huidig(token)).json()).toMatchObject({ organisatie: { id: boardB.id, nummer: boardB.number }, scopes: ['aanleveren'] });
    const [audit] = (await auditRows(t.database, 'api-token.created')).filter((r) => (r.after as { tokenId: string }).tokenId === row.id);
    expect(audit).toMatchObject({ actor_account_id: null, actor_role: 'system:cli', subject_organisation_id: boardB.id });
    expect(JSON.stringify(audit)).not.toContain(token.slice(12));
    // the same checks as on the page
    await expect(createTokenFromCli(deps, { organisation, scopes: ['presentie'], expiresAt: new Date(Date.now() + 30 * day), name: 'x' })).rejects.toThrow(
      /presentie/,
    );
  });
});

describe('who may manage tokens', () => {
  it('refuses board staff without the admin role, register staff and another board, on every token page', async () => {
    const [{ id: tokenId }] = await t.database.query<{ id: string }>("SELECT id FROM api_tokens WHERE name = 'ParnasSys'");
    const staff = await createAccount(t.database, {
      email: 'staf@bestuur-a.nl',
      roles: [{ role: 'board-staff', organisation: { kind: 'bestuur', id: boardA.id } }],
    });
    const register = await createAccount(t.database, {
      email: 'staf@register.nl',
      roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
    });
    const adminB = await createAccount(t.database, {
      email: 'ict@bestuur-b.nl',
      roles: [{ role: 'board-admin', organisation: { kind: 'bestuur', id: boardB.id } }],
    });
    for (const [who, accountId] of [
      ['board staff', staff.id],
      ['register staff', register.id],
      ['admin of B', adminB.id],
    ] as const) {
      const other = await sessionFor(t.app, t.database, accountId);
      const list = await other.get(`${A()}/tokens`);
      expect(list.statusCode, who).toBe(403);
      expect(list.body).not.toContain('ParnasSys');
      expect((await other.get(`${A()}/tokens/${tokenId}/intrekken`)).statusCode, who).toBe(403);
      await other.get('/account');
      expect((await other.post(`${A()}/tokens`, { naam: `Van ${who}`, scope: ['lezen'], verloopt: dateIn(30) })).statusCode, who).toBe(403);
      expect((await other.post(`${A()}/tokens/${tokenId}/intrekken`, {})).statusCode, who).toBe(403);
    }
    const [still] = await t.database.query<{ revoked_at: Date | null }>('SELECT revoked_at FROM api_tokens WHERE id = $1', [tokenId]);
    expect(still.revoked_at).toBeNull();
    expect(await t.database.query("SELECT 1 FROM api_tokens WHERE name LIKE 'Van %'")).toEqual([]);
  });
});

describe('the rate limit per token', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await createTestApp({ env: { API_RATE_LIMIT: '3' } });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('answers the fourth request in a minute with 429 problem+json and Retry-After; another token has its own budget', async () => {
    const [board] = await limited.database.query<{ id: string }>("INSERT INTO boards (number, name) VALUES ('99001', 'Stichting Snelheid') RETURNING id");
    const make = async (name: string) =>
      (
        await createApiToken(limited.database.db, {
          organisation: { kind: 'bestuur', id: board.id },
          name,
          scopes: ['lezen'],
          expiresAt: new Date(Date.now() + 30 * day),
          createdBy: null,
        })
      ).token;
    const [one, two] = [await make('Eén'), await make('Twee')];
    const call = (token: string) => limited.app.inject({ method: 'GET', url: '/api/v1/tokens/huidig', headers: { authorization: `Bearer ${token}` } });
    for (let i = 0; i < 3; i++) expect((await call(one)).statusCode).toBe(200);
    const fourth = await call(one);
    expect(fourth.statusCode).toBe(429);
    expect(fourth.headers['content-type']).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(fourth.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(fourth.json()).toMatchObject({
      status: 429,
      code: 'rate_limited',
      detail: 'Meer dan 3 verzoeken per minuut (per token, of zonder token per IP-adres). Wacht even en probeer het dan opnieuw.',
    });
    // the limit is the token's, not the address's: the other token from the same address still gets through
    expect((await call(two)).statusCode).toBe(200);
  });

  it('gives calls without a token a budget per IP address', async () => {
    const call = () => limited.app.inject({ method: 'GET', url: '/api/v1/organisaties', remoteAddress: '192.0.2.7' });
    for (let i = 0; i < 3; i++) expect((await call()).statusCode).toBe(200);
    const fourth = await call();
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json()).toMatchObject({ code: 'rate_limited' });
    expect((await limited.app.inject({ method: 'GET', url: '/api/v1/organisaties', remoteAddress: '192.0.2.8' })).statusCode).toBe(200);
  });
});

describe('the API and the session cookie', () => {
  it("does not take a signed-in browser's session as credentials: the API knows tokens only", async () => {
    const person = await createAccount(t.database, { email: 'sessie-api@bestuur.nl' });
    const web = await sessionFor(t.app, t.database, person.id);
    expect((await web.get('/account')).statusCode).toBe(200);
    const api = await web.get('/api/v1/tokens/huidig');
    expect(api.statusCode).toBe(401);
    expect(api.json()).toMatchObject({ code: 'unauthenticated' });
  });
});
