import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryCsv, type DeliveryRow, deliveringBoard } from '../../../tests/support/deliveries.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { createApiToken } from '../../platform/auth/api-tokens.ts';
import { columns } from './delivery-format.rules.ts';

let t: TestApp;
let board: { id: string; number: string };
let school: { brin: string; location: string };
const tokens: Record<string, string> = {};
const inAYear = () => new Date(Date.now() + 365 * 24 * 3600 * 1000);

const row = (n: number, changes: DeliveryRow = {}): DeliveryRow => ({
  bevoegd_gezag_nummer: board.number,
  personeelsnummer: `A${n}`,
  voorletters: 'B.',
  achternaam: `Bakker${n}`,
  geboortedatum: '1980-05-05',
  email: `bakker${n}@school.nl`,
  instellingscode: school.brin,
  vestigingscode: school.location,
  functie: 'LERAAR',
  benoemingsgrondslag: 'BEVOEGD',
  begindatum: '2019-08-01',
  ...changes,
});

type Call = { method?: 'GET' | 'POST'; url: string; token?: string; body?: Buffer; type?: string; accept?: string };
const call = ({ method = 'GET', url, token = tokens.deliver, body, type = 'text/csv', accept }: Call) =>
  t.app.inject({
    method,
    url,
    payload: body,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': type } : {}), ...(accept ? { accept } : {}) },
  });
const submit = (body: Buffer, query = 'modus=volledig', token?: string, type?: string) =>
  call({ method: 'POST', url: `/api/v1/aanleveringen?${query}`, body, token, type });

async function waitFor(id: string, until: (status: string) => boolean) {
  for (let i = 0; i < 100; i++) {
    const response = await call({ url: `/api/v1/aanleveringen/${id}` });
    if (until(response.json().status)) return response.json();
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`delivery ${id} did not get there`);
}

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
  ({ board, school } = await deliveringBoard(t.database));
  const [other] = await t.database.query<{ id: string }>(`SELECT id FROM boards WHERE number = '41039'`);
  const make = async (organisation: string, scopes: string[]) =>
    (
      await createApiToken(t.database.db, {
        organisation: { kind: 'bestuur', id: organisation },
        name: scopes.join('+'),
        scopes,
        expiresAt: inAYear(),
        createdBy: null,
      })
    ).token;
  tokens.deliver = await make(board.id, ['aanleveren']);
  tokens.readOnly = await make(board.id, ['lezen']);
  tokens.otherBoard = await make(other.id, ['aanleveren']);
});
afterAll(async () => t?.close());

describe('POST /api/v1/aanleveringen', () => {
  it('201 with the delivery resource, checked, and a Location', async () => {
    const response = await submit(deliveryCsv([row(1), row(2, { bsn: '12345678' })]));
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(response.headers.location).toBe(`/api/v1/aanleveringen/${body.id}`);
    expect(response.headers['api-version']).toBeDefined();
    expect(body).toMatchObject({
      status: 'gecontroleerd',
      voortgang: 100,
      modus: 'volledig',
      formaat: 'csv',
      aantalRijen: 2,
      aantalFouten: 1,
      aantalWaarschuwingen: 0,
      bevestigingNodig: false,
      aangeleverdDoor: 'API-koppeling',
      afwijzing: null,
    });
  });

  it('with verwerken=true applies a file without errors at once', async () => {
    const response = await submit(deliveryCsv([row(1), row(2)]), 'modus=volledig&verwerken=true');
    expect(response.json()).toMatchObject({ status: 'verwerkt', samenvatting: { personenNieuw: 2, dienstverbandenNieuw: 2 } });
  });

  it('accepts XLSX', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Blad1');
    sheet.addRow([...columns]);
    const r = row(3);
    sheet.addRow(columns.map((c) => r[c] ?? ''));
    const response = await submit(
      Buffer.from(await workbook.xlsx.writeBuffer()),
      'modus=volledig',
      undefined,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ formaat: 'xlsx', aantalRijen: 1, aantalFouten: 0 });
  });

  it.each([
    ['an empty file', () => Buffer.from(''), 400, 'Het bestand is leeg.'],
    ['a binary file', () => Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1]), 400, /^Dit is geen CSV-bestand/],
    ['a wrong header', () => Buffer.from('naam;adres\r\nJan;Dorpsstraat 1\r\n'), 400, /geen kopregel/],
    ['a truncated file', () => Buffer.concat([deliveryCsv([row(1)]), Buffer.from('32073;"A9;')]), 400, /lijkt afgebroken/],
  ])('%s: a Dutch problem+json, no 500', async (_name, body, status, detail) => {
    const response = await submit(body());
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json().detail).toMatch(detail);
  });

  it('415 for another media type, 400 for a missing or wrong modus', async () => {
    const wrongType = await submit(deliveryCsv([row(1)]), 'modus=volledig', undefined, 'application/json');
    expect(wrongType.statusCode).toBe(415);
    expect((await submit(deliveryCsv([row(1)]), 'modus=alles')).statusCode).toBe(400);
    expect((await submit(deliveryCsv([row(1)]), '')).statusCode).toBe(400);
  });

  it('a token of another board can deliver only for its own board, and sees nothing of this one', async () => {
    const response = await submit(deliveryCsv([row(1)]), 'modus=volledig', tokens.otherBoard);
    expect(response.statusCode).toBe(201);
    expect(response.json().aantalFouten).toBe(1); // the rows name board 32073, not the token's board
    const mine = (await submit(deliveryCsv([row(1)]))).json();
    expect((await call({ url: `/api/v1/aanleveringen/${mine.id}`, token: tokens.otherBoard })).statusCode).toBe(404);
    expect((await call({ method: 'POST', url: `/api/v1/aanleveringen/${mine.id}/verwerking`, token: tokens.otherBoard })).statusCode).toBe(404);
  });

  it('403 for a token without the scope aanleveren, 401 without a token', async () => {
    expect((await submit(deliveryCsv([row(1)]), 'modus=volledig', tokens.readOnly)).statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/aanleveringen?modus=volledig',
      payload: deliveryCsv([row(1)]),
      headers: { 'content-type': 'text/csv' },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('following a delivery', () => {
  it('a large file is checked by a job: in-behandeling with progress, then gecontroleerd', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => row(1000 + i));
    const body = deliveryCsv(rows);
    expect(body.length).toBeGreaterThan(256 * 1024);
    const created = (await submit(body)).json();
    expect(created).toMatchObject({ status: 'in-behandeling', fase: 'controleren' });
    const done = await waitFor(created.id, (s) => s !== 'in-behandeling');
    expect(done).toMatchObject({ status: 'gecontroleerd', aantalRijen: 3000, aantalFouten: 0, bevestigingNodig: true });
  });

  it('the terugmelding as JSON (paginated, problems only) and as CSV', async () => {
    const created = (await submit(deliveryCsv([row(1), row(2, { geboortedatum: '1980-13-01' }), row(3)]))).json();
    const json = await call({ url: `/api/v1/aanleveringen/${created.id}/terugmelding?alleenProblemen=true` });
    expect(json.json()).toEqual({
      resultaten: [
        {
          rij: 3,
          resultaat: 'fout',
          meldingen: [{ kolom: 'geboortedatum', melding: '"1980-13-01" is geen bestaande datum (JJJJ-MM-DD of DD-MM-JJJJ).', soort: 'fout' }],
        },
      ],
      totaal: 1,
      page: 1,
      pageSize: 20,
    });
    const csv = await call({ url: `/api/v1/aanleveringen/${created.id}/terugmelding`, accept: 'text/csv' });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n').slice(0, 4)).toEqual([
      '\uFEFFrij;resultaat;kolom;melding',
      '2;geaccepteerd;;',
      '3;fout;geboortedatum;"""1980-13-01"" is geen bestaande datum (JJJJ-MM-DD of DD-MM-JJJJ)."',
      '4;geaccepteerd;;',
    ]);
    expect((await call({ url: `/api/v1/aanleveringen/${created.id}/terugmelding`, accept: 'application/pdf' })).statusCode).toBe(406);
  });

  it("verwerking: 409 for a delivery with errors; the list shows the board's deliveries, newest first", async () => {
    const created = (await submit(deliveryCsv([row(1, { functie: 'JUF' })]))).json();
    const refused = await call({ method: 'POST', url: `/api/v1/aanleveringen/${created.id}/verwerking` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/1 rij met fouten/);
    const list = (await call({ url: '/api/v1/aanleveringen?pageSize=2' })).json();
    expect(list.resultaten[0].id).toBe(created.id);
    expect(list.resultaten).toHaveLength(2);
    expect(list.totaal).toBeGreaterThan(5);
  });

  it('a full delivery that ends more than 20% waits for bevestigd=true', async () => {
    const created = (await submit(deliveryCsv([row(1)]))).json();
    expect(created.bevestigingNodig).toBe(true);
    const refused = await call({ method: 'POST', url: `/api/v1/aanleveringen/${created.id}/verwerking` });
    expect(refused.statusCode).toBe(409);
    const applied = await call({ method: 'POST', url: `/api/v1/aanleveringen/${created.id}/verwerking?bevestigd=true` });
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ status: 'verwerkt', samenvatting: { dienstverbandenBeeindigd: 1 } }); // A2, delivered with verwerken=true above
  });
});
