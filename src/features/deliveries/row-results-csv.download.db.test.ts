import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { deliveryCsv, deliveringBoard, type DeliveryRow } from '../../../tests/support/deliveries.ts';
import { sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, type WebSession } from '../../../tests/support/web-session.ts';
import { createApiToken } from '../../platform/auth/api-tokens.ts';

// A large delivery's terugmelding as CSV is made once, by a job; until then the download says so
// (503 with Retry-After), and the request never reads the rows itself. "Large" is here more than one row.

let t: TestApp;
let dataDir: string;
let board: { id: string; number: string };
let school: { brin: string; location: string };
let token: string;
let hr: WebSession;
let deliveryId: string;

const row = (n: number, changes: DeliveryRow = {}): DeliveryRow => ({
  bevoegd_gezag_nummer: board.number,
  personeelsnummer: `D${n}`,
  voorletters: 'D.',
  achternaam: `Download${n}`,
  geboortedatum: '1984-04-04',
  instellingscode: school.brin,
  vestigingscode: school.location,
  functie: 'LERAAR',
  benoemingsgrondslag: 'BEVOEGD',
  begindatum: '2020-08-01',
  ...changes,
});
const apiCsv = () =>
  t.app.inject({ url: `/api/v1/aanleveringen/${deliveryId}/terugmelding`, headers: { authorization: `Bearer ${token}`, accept: 'text/csv' } });
const pageCsv = () => hr.get(`/beheer/bestuur/${board.id}/aanleveringen/${deliveryId}/terugmelding.csv`);
const file = () => join(dataDir, 'terugmeldingen', `${deliveryId}.csv`);

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('it did not get there');
}

const expected = '\uFEFFrij;resultaat;kolom;melding\r\n2;geaccepteerd;;\r\n3;fout;werktijdfactor;Werktijdfactor 2 ligt niet tussen 0,0001 en 1,5.\r\n';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'br-terugmelding-'));
  t = await createTestApp({ withDuo: true, env: { DATA_DIR: dataDir, DELIVERY_CSV_INLINE_ROWS: '1' } });
  ({ board, school } = await deliveringBoard(t.database));
  token = (
    await createApiToken(t.database.db, {
      organisation: { kind: 'bestuur', id: board.id },
      name: 'leverancier',
      scopes: ['aanleveren'],
      expiresAt: new Date(Date.now() + 24 * 3600 * 1000),
      createdBy: null,
    })
  ).token;
  const account = await createAccount(t.database, {
    email: 'hr@download.nl',
    displayName: 'Hanna HR',
    roles: [{ role: 'board-staff', organisation: { kind: 'bestuur', id: board.id } }],
  });
  hr = await sessionFor(t.app, t.database, account.id);
  const submitted = await t.app.inject({
    method: 'POST',
    url: '/api/v1/aanleveringen?modus=volledig',
    payload: deliveryCsv([row(1), row(2, { werktijdfactor: '2' })]),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
  });
  expect(submitted.json()).toMatchObject({ status: 'gecontroleerd', aantalRijen: 2 });
  deliveryId = submitted.json().id;
  // the job the check scheduled
  await eventually(async () => existsSync(file()), Boolean);
});
afterAll(async () => t?.close());

describe('the terugmelding as CSV of a large delivery', () => {
  it('API: the file the job made', async () => {
    const response = await apiCsv();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="terugmelding-${deliveryId}.csv"`);
    expect(response.body).toBe(expected);
  });

  it('API: 503 problem+json with Retry-After while there is no file, until the job asked for has made it', async () => {
    rmSync(file());
    const waiting = await apiCsv();
    expect(waiting.statusCode).toBe(503);
    expect(waiting.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(waiting.headers['retry-after']).toBe('10');
    expect(waiting.json()).toMatchObject({
      status: 503,
      code: 'unavailable',
      detail: 'De terugmelding wordt klaargemaakt; probeer het over een paar seconden opnieuw.',
    });
    const ready = await eventually(apiCsv, (r) => r.statusCode === 200);
    expect(ready.body).toBe(expected);
  });

  it('page: goes back to the delivery saying the file is being made, instead of a broken download; then downloads it', async () => {
    rmSync(file());
    const waiting = await pageCsv();
    expect(waiting.statusCode).toBe(303);
    const deliveryPage = `/beheer/bestuur/${board.id}/aanleveringen/${deliveryId}`;
    expect(waiting.headers.location).toBe(`${deliveryPage}?terugmelding=wordt-klaargemaakt`);
    const page = await hr.get(waiting.headers.location as string);
    expect(page.statusCode).toBe(200);
    expect(visibleText(page.body)).toContain('De terugmelding als CSV wordt nog klaargemaakt. Probeer de download over een paar seconden opnieuw.');
    // only then: the delivery's own page says nothing of it
    expect(visibleText((await hr.get(deliveryPage)).body)).not.toContain('wordt nog klaargemaakt');
    const ready = await eventually(pageCsv, (r) => r.statusCode === 200);
    expect(ready.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(ready.body).toBe(expected);
  });

  it('API: the OpenAPI document names the 503 and its Retry-After', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
    const response = doc.paths['/aanleveringen/{id}/terugmelding'].get.responses['503'];
    expect(response.content['application/problem+json']).toBeDefined();
    expect(response.headers).toEqual({ 'Retry-After': { $ref: '#/components/headers/Retry-After' } });
    expect(doc.components.headers['Retry-After'].schema.type).toBe('integer');
  });
});
