import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { deliveryCsv, type DeliveryRow, deliveringBoard } from '../../../tests/support/deliveries.ts';
import { auditRows, sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { translator } from '../../../tests/support/texts.ts';
import { postMultipart, visibleText, type WebSession } from '../../../tests/support/web-session.ts';
import { createApiToken } from '../../platform/auth/api-tokens.ts';
import type { OrganisationRef } from '../../platform/auth/roles.ts';

/**
 * An administratiekantoor delivers for the boards that authorise it (decision 022): through the API with
 * its own token, naming the board with every delivery, and on the board's delivery pages. It sees only
 * its own deliveries, and after the board withdraws the machtiging nothing of that board at all.
 */

let t: TestApp;
let board: { id: string; number: string };
let otherBoard: { id: string; number: string };
let school: { brin: string; location: string };
let office: { id: string; name: string };
const tokens: Record<'office' | 'board' | 'otherBoard' | 'provider', string> = { office: '', board: '', otherBoard: '', provider: '' };
let officeAdmin: WebSession;
let boardAdmin: WebSession;
let ownDeliveryOfBoard: string;
let deliveryByOffice: string;
const inAYear = () => new Date(Date.now() + 365 * 24 * 3600 * 1000);
const pages = () => `/beheer/bestuur/${board.id}/aanleveringen`;

const row = (n: number, changes: DeliveryRow = {}): DeliveryRow => ({
  bevoegd_gezag_nummer: board.number,
  personeelsnummer: `K${n}`,
  voorletters: 'K.',
  achternaam: `Kantoor${n}`,
  geboortedatum: '1984-04-04',
  instellingscode: school.brin,
  vestigingscode: school.location,
  functie: 'LERAAR',
  benoemingsgrondslag: 'BEVOEGD',
  begindatum: '2020-08-01',
  mutatie: 'NIEUW',
  ...changes,
});

type Call = { method?: 'GET' | 'POST'; url: string; token: string; body?: Buffer };
const call = ({ method = 'GET', url, token, body }: Call) =>
  t.app.inject({ method, url, payload: body, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'text/csv' } : {}) } });
const deliver = (token: string, query: string, rows: DeliveryRow[] = [row(1)]) =>
  call({ method: 'POST', url: `/api/v1/aanleveringen?modus=mutaties${query}`, token, body: deliveryCsv(rows) });

async function withdraw() {
  await boardAdmin.get(`/beheer/bestuur/${board.id}/administratiekantoren/${office.id}/intrekken`);
  const res = await boardAdmin.post(`/beheer/bestuur/${board.id}/administratiekantoren/${office.id}/intrekken`, {});
  expect(res.statusCode).toBe(303);
}

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
  ({ board, school } = await deliveringBoard(t.database));
  [otherBoard] = await t.database.query<{ id: string; number: string }>(`SELECT id, number FROM boards WHERE number = '41039'`);
  [office] = await t.database.query<{ id: string; name: string }>(
    `INSERT INTO administration_offices (name, kvk_number) VALUES ('Salarisadministratie Noord', '12345678') RETURNING id, name`,
  );
  const at = (kind: OrganisationRef['kind'], id: string): OrganisationRef => ({ kind, id });
  const admin = await createAccount(t.database, {
    email: 'hr@bestuur.nl',
    displayName: 'Hanneke HR',
    roles: [{ role: 'board-admin', organisation: at('bestuur', board.id) }],
  });
  boardAdmin = await sessionFor(t.app, t.database, admin.id);
  // the board authorises the office through its pages, as it does for real
  await boardAdmin.get(`/beheer/bestuur/${board.id}/administratiekantoren/${office.id}/machtigen`);
  expect((await boardAdmin.post(`/beheer/bestuur/${board.id}/administratiekantoren/${office.id}/machtigen`, {})).statusCode).toBe(303);
  const anna = await createAccount(t.database, {
    email: 'anna@salaris-noord.nl',
    displayName: 'Anna Administratie',
    roles: [{ role: 'office-admin', organisation: at('administratiekantoor', office.id) }],
  });
  officeAdmin = await sessionFor(t.app, t.database, anna.id);
  const [provider] = await t.database.query<{ id: string }>(
    `INSERT INTO providers (id, name, contact_email, created_by_label) VALUES (gen_random_uuid(), 'Academie', 'info@academie.nl', 'test') RETURNING id`,
  );
  const make = async (organisation: OrganisationRef, scopes: string[]) =>
    (await createApiToken(t.database.db, { organisation, name: 'Pakket', scopes, expiresAt: inAYear(), createdBy: null })).token;
  tokens.office = await make(at('administratiekantoor', office.id), ['aanleveren']);
  tokens.board = await make(at('bestuur', board.id), ['aanleveren']);
  tokens.otherBoard = await make(at('bestuur', otherBoard.id), ['aanleveren']);
  tokens.provider = await make(at('aanbieder', provider.id), ['lezen']);
  // the board delivered once itself
  const own = await deliver(tokens.board, '', [row(100, { personeelsnummer: 'EIGEN1' })]);
  expect(own.statusCode).toBe(201);
  ownDeliveryOfBoard = own.json().id;
});
afterAll(async () => t?.close());

describe("an administratiekantoor's token delivers for a board that authorises it", () => {
  it('names the board with every delivery: without ?bestuur= it is a 400 problem (in Dutch, as every API problem; the text has its English too)', async () => {
    const res = await deliver(tokens.office, '');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().detail).toBe('Een administratiekantoor noemt bij het aanleveren het bestuur: ?bestuur= met het bestuursnummer (5 cijfers).');
    expect(translator('en')('deliveries.error.boardRequired')).toBe(
      'An administration office names the board when it delivers: ?bestuur= with the board number (5 digits).',
    );
    expect(await t.database.query('SELECT 1 FROM deliveries WHERE submitted_by_office IS NOT NULL')).toEqual([]);
  });

  it('delivers for the board: the delivery names its board and the office, and the office applies it', async () => {
    const res = await deliver(tokens.office, `&bestuur=${board.number}`, [row(1), row(2)]);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      status: 'gecontroleerd',
      aantalRijen: 2,
      aantalFouten: 0,
      bestuur: { id: board.id, nummer: board.number },
      administratiekantoor: { id: office.id, naam: 'Salarisadministratie Noord' },
      aangeleverdDoor: 'API-koppeling',
    });
    deliveryByOffice = body.id;
    const results = await call({ url: `/api/v1/aanleveringen/${deliveryByOffice}/terugmelding`, token: tokens.office });
    expect(results.statusCode).toBe(200);
    expect(results.json().totaal).toBe(2);
    const applied = await call({ method: 'POST', url: `/api/v1/aanleveringen/${deliveryByOffice}/verwerking`, token: tokens.office });
    expect(applied.statusCode).toBe(200);
    expect(applied.json().status).toBe('verwerkt');
    const people = await t.database.query<{ surname: string }>(
      `SELECT p.surname FROM employments e JOIN persons p ON p.id = e.person_id WHERE e.board_id = $1 AND e.staff_number IN ('K1', 'K2') ORDER BY 1`,
      [board.id],
    );
    expect(people.map((p) => p.surname)).toEqual(['Kantoor1', 'Kantoor2']);
    // on the record: the office acted, through its token, for the board
    const submitted = (await auditRows(t.database, 'delivery.submitted')).find((r) => (r.after as { id: string }).id === deliveryByOffice)!;
    expect(submitted).toMatchObject({ actor_organisation_kind: 'administratiekantoor', actor_organisation_id: office.id, subject_organisation_id: board.id });
  });

  it("refuses a board that does not authorise it (403), and checks the rows' board number as for any delivery", async () => {
    for (const number of [otherBoard.number, '99999']) {
      const res = await deliver(tokens.office, `&bestuur=${number}`, [row(3, { bevoegd_gezag_nummer: number })]);
      expect(res.statusCode, number).toBe(403);
      expect(res.json().detail).toBe('U mag voor dit bestuur geen gegevens aanleveren.');
    }
    const wrongRows = await deliver(tokens.office, `&bestuur=${board.number}`, [row(4, { bevoegd_gezag_nummer: otherBoard.number })]);
    expect(wrongRows.json().aantalFouten).toBe(1);
    expect(await t.database.query('SELECT 1 FROM deliveries WHERE board_id = $1', [otherBoard.id])).toEqual([]);
  });

  it("sees its own deliveries only: the board's own is not found, and absent from its list", async () => {
    const list = await call({ url: '/api/v1/aanleveringen', token: tokens.office });
    expect(list.statusCode).toBe(200);
    const ids = list.json().resultaten.map((d: { id: string }) => d.id);
    expect(ids).toContain(deliveryByOffice);
    expect(ids).not.toContain(ownDeliveryOfBoard);
    expect(list.json().resultaten.every((d: { administratiekantoor: { id: string } }) => d.administratiekantoor.id === office.id)).toBe(true);
    expect((await call({ url: `/api/v1/aanleveringen?bestuur=${board.number}`, token: tokens.office })).json().totaal).toBe(list.json().totaal);
    expect((await call({ url: `/api/v1/aanleveringen?bestuur=${otherBoard.number}`, token: tokens.office })).statusCode).toBe(403);
    for (const path of ['', '/terugmelding']) {
      expect((await call({ url: `/api/v1/aanleveringen/${ownDeliveryOfBoard}${path}`, token: tokens.office })).statusCode, path).toBe(404);
    }
    expect((await call({ method: 'POST', url: `/api/v1/aanleveringen/${ownDeliveryOfBoard}/annulering`, token: tokens.office })).statusCode).toBe(404);
  });

  it('tells its token the boards that authorise it; a board its offices; a provider has none', async () => {
    const mine = await call({ url: '/api/v1/machtigingen', token: tokens.office });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      totaal: 1,
      resultaten: [{ bestuur: { id: board.id, nummer: board.number }, administratiekantoor: { id: office.id, kvkNummer: '12345678' } }],
    });
    const ofBoard = await call({ url: '/api/v1/machtigingen', token: tokens.board });
    expect(ofBoard.json().resultaten.map((m: { administratiekantoor: { naam: string } }) => m.administratiekantoor.naam)).toEqual([
      'Salarisadministratie Noord',
    ]);
    expect((await call({ url: '/api/v1/machtigingen', token: tokens.otherBoard })).json()).toMatchObject({ totaal: 0, resultaten: [] });
    const provider = await call({ url: '/api/v1/machtigingen', token: tokens.provider });
    expect(provider.statusCode).toBe(403);
    expect(provider.headers['content-type']).toMatch(/^application\/problem\+json/);
    const current = await call({ url: '/api/v1/tokens/huidig', token: tokens.office });
    expect(current.json()).toMatchObject({ organisatie: { soort: 'administratiekantoor', id: office.id, kvkNummer: '12345678' }, scopes: ['aanleveren'] });
  });

  it("lets the board see every delivery with the office that made it; a board's token names no other board", async () => {
    const list = await call({ url: '/api/v1/aanleveringen', token: tokens.board });
    const byId = new Map(list.json().resultaten.map((d: { id: string; administratiekantoor: unknown }) => [d.id, d.administratiekantoor]));
    expect(byId.get(ownDeliveryOfBoard)).toBeNull();
    expect(byId.get(deliveryByOffice)).toEqual({ id: office.id, naam: 'Salarisadministratie Noord' });
    expect((await deliver(tokens.board, `&bestuur=${otherBoard.number}`)).statusCode).toBe(403);
    expect((await call({ url: `/api/v1/aanleveringen?bestuur=${board.number}`, token: tokens.board })).statusCode).toBe(200);
  });
});

describe('an administratiekantoor on the delivery pages', () => {
  async function upload(web: WebSession, rows: DeliveryRow[]) {
    const page = await web.get(pages());
    const action = /<form class="br-form" method="post" action="([^"]+)"[^>]*enctype="multipart\/form-data"/.exec(page.body)![1].replace(/&amp;/g, '&');
    return postMultipart(web, action, [
      { name: 'modus', value: 'mutaties' },
      { name: 'bestand', filename: 'kantoor.csv', type: 'text/csv', content: deliveryCsv(rows) },
    ]);
  }

  it("delivers on the board's page and sees only its own deliveries there; the board sees who did", async () => {
    const page = await officeAdmin.get(pages());
    expect(page.statusCode).toBe(200);
    const text = visibleText(page.body);
    expect(text).toContain('U levert aan als Salarisadministratie Noord');
    expect(text).not.toContain('EIGEN');
    expect(page.body).toContain(`${pages()}/${deliveryByOffice}`);
    expect(page.body).not.toContain(`${pages()}/${ownDeliveryOfBoard}`);

    const uploaded = await upload(officeAdmin, [row(5)]);
    expect(uploaded.statusCode).toBe(303);
    const detail = await officeAdmin.get(String(uploaded.headers.location));
    expect(visibleText(detail.body)).toContain('Anna Administratie (administratiekantoor Salarisadministratie Noord)');
    const [stored] = await t.database.query<{ submitted_by_office: string }>(
      'SELECT submitted_by_office FROM deliveries WHERE file_name = $1 AND board_id = $2',
      ['kantoor.csv', board.id],
    );
    expect(stored.submitted_by_office).toBe(office.id);
    const submitted = (await auditRows(t.database, 'delivery.submitted')).at(-1)!;
    expect(submitted).toMatchObject({ actor_role: 'office-admin', actor_organisation_id: office.id, subject_organisation_id: board.id });

    const boardsView = visibleText((await boardAdmin.get(pages())).body);
    expect(boardsView).toContain('Anna Administratie (administratiekantoor Salarisadministratie Noord)');
    expect(boardsView).toContain('API-koppeling (administratiekantoor Salarisadministratie Noord)');
    expect(boardsView).not.toContain('U levert aan als');
    expect((await officeAdmin.get(`${pages()}/${ownDeliveryOfBoard}`)).statusCode).toBe(404);
    // another board's pages stay closed to it
    expect((await officeAdmin.get(`/beheer/bestuur/${otherBoard.id}/aanleveringen`)).statusCode).toBe(403);
  });

  it('sees nothing of the board once the board withdraws the machtiging, its earlier deliveries included; the board keeps them', async () => {
    await withdraw();
    // the token, from its next request on
    expect((await deliver(tokens.office, `&bestuur=${board.number}`)).statusCode).toBe(403);
    expect((await call({ url: '/api/v1/aanleveringen', token: tokens.office })).json()).toMatchObject({ totaal: 0, resultaten: [] });
    expect((await call({ url: `/api/v1/aanleveringen?bestuur=${board.number}`, token: tokens.office })).statusCode).toBe(403);
    for (const path of ['', '/terugmelding']) {
      expect((await call({ url: `/api/v1/aanleveringen/${deliveryByOffice}${path}`, token: tokens.office })).statusCode, path).toBe(404);
    }
    expect((await call({ url: '/api/v1/machtigingen', token: tokens.office })).json().totaal).toBe(0);
    // its people, on the pages
    expect((await officeAdmin.get(pages())).statusCode).toBe(403);
    expect((await officeAdmin.get(`${pages()}/${deliveryByOffice}`)).statusCode).toBe(404);
    expect((await officeAdmin.get(`${pages()}/${deliveryByOffice}/terugmelding.csv`)).statusCode).toBe(404);
    // the board still has every delivery, and who made it
    const boardsOwn = await call({ url: `/api/v1/aanleveringen/${deliveryByOffice}`, token: tokens.board });
    expect(boardsOwn.statusCode).toBe(200);
    expect(boardsOwn.json().administratiekantoor).toEqual({ id: office.id, naam: 'Salarisadministratie Noord' });
  });
});
