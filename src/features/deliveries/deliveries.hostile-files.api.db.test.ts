import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryCsv, type DeliveryRow, deliveringBoard } from '../../../tests/support/deliveries.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { xlsxBomb } from '../../../tests/support/xlsx-bomb.ts';
import { createApiToken } from '../../platform/auth/api-tokens.ts';
import { columns } from './delivery-format.rules.ts';
import { xlsxMediaType } from './deliveries.api.ts';

// Issue 17: files that took the server down or left deliveries stuck in-behandeling with a 500.
// What a client sees: a problem+json (or a delivery afgewezen with its reason), never a 500, and /health answering.

let t: TestApp;
let board: { id: string; number: string };
let school: { brin: string; location: string };
let token: string;

const row = (n: number, changes: DeliveryRow = {}): DeliveryRow => ({
  bevoegd_gezag_nummer: board.number,
  personeelsnummer: `H${n}`,
  voorletters: 'B.',
  achternaam: `Bakker${n}`,
  geboortedatum: '1980-05-05',
  instellingscode: school.brin,
  vestigingscode: school.location,
  functie: 'LERAAR',
  benoemingsgrondslag: 'BEVOEGD',
  begindatum: '2019-08-01',
  ...changes,
});
const submit = (body: Buffer, type = 'text/csv') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/aanleveringen?modus=volledig',
    payload: body,
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
  });
const get = (id: string) => t.app.inject({ url: `/api/v1/aanleveringen/${id}`, headers: { authorization: `Bearer ${token}` } });
const latest = async () => (await t.app.inject({ url: '/api/v1/aanleveringen?pageSize=5', headers: { authorization: `Bearer ${token}` } })).json().resultaten;

async function settled(id: string) {
  for (let i = 0; i < 200; i++) {
    const body = (await get(id)).json();
    if (body.status !== 'in-behandeling') return body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`delivery ${id} stayed in-behandeling`);
}

function expectProblem(response: Awaited<ReturnType<typeof submit>>, detail: RegExp | string) {
  expect(response.statusCode).toBe(400);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json().detail).toMatch(detail);
}

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
  ({ board, school } = await deliveringBoard(t.database));
  token = (
    await createApiToken(t.database.db, {
      organisation: { kind: 'bestuur', id: board.id },
      name: 'aanleveren',
      scopes: ['aanleveren'],
      expiresAt: new Date(Date.now() + 864e5),
      createdBy: null,
    })
  ).token;
});
afterAll(async () => t?.close());

describe('hostile delivery files (issue 17)', () => {
  it('two XLSX bombs at once are refused in seconds, while /health keeps answering', async () => {
    const [honest, lying] = await Promise.all([
      xlsxBomb({ mib: 3072, content: 'many-strings', sizes: 'descriptor' }, [...columns]),
      xlsxBomb({ mib: 3072, content: 'one-text', sizes: 'lie' }, [...columns]),
    ]);
    const started = performance.now();
    let busy = true;
    const health: number[] = [];
    const polling = (async () => {
      while (busy) {
        const asked = performance.now();
        expect((await t.app.inject({ url: '/health' })).statusCode).toBe(200);
        health.push(performance.now() - asked);
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    const responses = await Promise.all([submit(honest, xlsxMediaType), submit(lying, xlsxMediaType)]);
    busy = false;
    await polling;
    expect(performance.now() - started).toBeLessThan(15_000);
    for (const response of responses) expectProblem(response, /^Het XLSX-bestand is te groot om te lezen: /);
    expect(health.length).toBeGreaterThan(0);
    expect(Math.max(...health)).toBeLessThan(2_000);
    expect((await latest()).slice(0, 2).map((d: { status: string }) => d.status)).toEqual(['afgewezen', 'afgewezen']);
  });

  it('a NUL after the first 4 KB: refused with its row, the delivery afgewezen (was a 500 from PostgreSQL)', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => row(i));
    rows[50] = row(50, { achternaam: 'Bak\u0000ker' });
    const body = deliveryCsv(rows);
    expect(body.indexOf(0)).toBeGreaterThan(4096);
    const response = await submit(body);
    expectProblem(
      response,
      'Rij 52, kolom 7: het veld bevat een stuurteken (U+0000) dat niet in een aanlevering mag staan. Verwijder het en lever het bestand opnieuw aan.',
    );
    expect((await latest())[0]).toMatchObject({ status: 'afgewezen', afwijzing: expect.stringMatching(/^Rij 52, kolom 7/) });
  });

  it('a 5 MB voorletters field in a large file: the background check ends afgewezen with the reason (was stuck after a stack overflow)', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => row(i));
    rows[2000] = row(2000, { voorletters: 'J.'.repeat(2.5 * 1024 * 1024) });
    const created = await submit(deliveryCsv(rows));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'in-behandeling' });
    expect(await settled(created.json().id)).toMatchObject({
      status: 'afgewezen',
      afwijzing: 'Rij 2002 is langer dan 20.000 tekens (of het bestand heeft geen regeleinden). Is dit een CSV-bestand van het aanleverformaat?',
    });
  });

  it('a line of 10 MB without a line break is refused within a second', async () => {
    const started = performance.now();
    const response = await submit(Buffer.from(`${columns.join(';')};${'x'.repeat(10 * 1024 * 1024)}`));
    expectProblem(response, /^Rij 1 is langer dan 20\.000 tekens/);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('a row of too many columns is refused', async () => {
    expectProblem(
      await submit(Buffer.from(`${columns.join(';')}${';extra'.repeat(120)}\r\n`)),
      /^Rij 1 heeft 137 kolommen; een aanlevering heeft er ten hoogste 100/,
    );
  });
});
