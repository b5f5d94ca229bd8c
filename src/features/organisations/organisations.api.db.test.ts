import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { readRealLocations } from '../../../tests/support/duo-csv.ts';

const csv = readRealLocations();
const wegwijzer = csv.lines.find((l) => csv.get(l, 'code') === '03WU00')!;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
});
afterAll(async () => t?.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

function expectProblem(res: Awaited<ReturnType<typeof get>>, status: number) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  expect(res.headers['api-version']).toBe('1.3.0');
  const body = res.json();
  expect(body).toMatchObject({ status, type: expect.stringMatching(/^https:\/\//), title: expect.any(String), code: expect.any(String) });
  return body;
}

async function idOf(query: string): Promise<string> {
  const res = await get(`/api/v1/organisaties?${query}`);
  expect(res.statusCode).toBe(200);
  const [first] = res.json().resultaten;
  if (!first) throw new Error(`nothing found for ${query}`);
  return first.id;
}

describe('GET /api/v1/organisaties', () => {
  it('answers the list envelope with the results for a search term', async () => {
    const res = await get('/api/v1/organisaties?zoek=Kindcentrum%20De%20Wegwijzer');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['api-version']).toBe('1.3.0');
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['page', 'pageSize', 'resultaten', 'totaal']);
    expect(body).toMatchObject({ page: 1, pageSize: 20 });
    expect(body.totaal).toBeGreaterThanOrEqual(1);
    expect(body.resultaten[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      soort: 'school',
      code: '03WU',
      naam: csv.get(wegwijzer, 'name'),
      plaats: csv.get(wegwijzer, 'place'),
      provincies: ['Drenthe'],
      denominaties: [csv.get(wegwijzer, 'denomination')],
      bestuur: { id: expect.stringMatching(/^[0-9a-f-]{36}$/), nummer: '32073', naam: expect.any(String) },
      gesloten: false,
    });
  });

  it('pages: page 2 has other results, the total stays the same', async () => {
    const one = (await get('/api/v1/organisaties?soort=vestiging&provincie=Drenthe&pageSize=10')).json();
    const two = (await get('/api/v1/organisaties?soort=vestiging&provincie=Drenthe&pageSize=10&page=2')).json();
    const drenthe = csv.lines.filter((l) => csv.get(l, 'province') === 'Drenthe').length;
    expect(one).toMatchObject({ totaal: drenthe, page: 1, pageSize: 10 });
    expect(two).toMatchObject({ totaal: drenthe, page: 2, pageSize: 10 });
    expect(one.resultaten).toHaveLength(10);
    expect(two.resultaten).toHaveLength(10);
    const ids = new Set(one.resultaten.map((r: { id: string }) => r.id));
    expect(two.resultaten.filter((r: { id: string }) => ids.has(r.id))).toEqual([]);
  });

  it('gives an empty list, not an error, when nothing matches', async () => {
    const res = await get('/api/v1/organisaties?zoek=Xyzzyschool');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ resultaten: [], totaal: 0, page: 1, pageSize: 20 });
  });

  it('refuses more than 100 per page with a Dutch problem that names the parameter', async () => {
    const body = expectProblem(await get('/api/v1/organisaties?zoek=school&pageSize=101'), 400);
    expect(body).toMatchObject({
      title: 'De invoer is niet geldig',
      code: 'validation_failed',
      instance: '/api/v1/organisaties?zoek=school&pageSize=101',
      invalidParams: [{ name: 'pageSize', reason: 'is te groot of te lang' }],
    });
    expect(body.detail).toBe('Een of meer parameters in de URL zijn niet geldig: pageSize is te groot of te lang.');
  });

  it('refuses page 0, and names every invalid parameter at once', async () => {
    expect(expectProblem(await get('/api/v1/organisaties?page=0'), 400).invalidParams).toEqual([{ name: 'page', reason: 'is te klein of te kort' }]);
    const both = expectProblem(await get('/api/v1/organisaties?page=0&soort=gemeente&pageSize=abc'), 400);
    expect(both.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(['page', 'pageSize', 'soort']);
    expect(both.invalidParams.find((p: { name: string }) => p.name === 'soort').reason).toBe('is geen toegestane waarde');
  });
});

describe('GET /api/v1/organisaties/{id}', () => {
  it('a board with its schools', async () => {
    const res = await get(`/api/v1/organisaties/${await idOf('zoek=32073&soort=bestuur')}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['api-version']).toBe('1.3.0');
    const body = res.json();
    const brins = new Set(csv.lines.filter((l) => csv.get(l, 'board') === '32073').map((l) => csv.get(l, 'brin')));
    expect(body).toMatchObject({ soort: 'bestuur', nummer: '32073', naam: expect.any(String) });
    expect(body.scholen.map((s: { brin: string }) => s.brin).sort()).toEqual([...brins].sort());
    expect(body.scholen.find((s: { brin: string }) => s.brin === '03WU')).toEqual({
      id: expect.any(String),
      brin: '03WU',
      naam: 'Kindcentrum De Wegwijzer',
      plaats: '2E EXLOERMOND',
      aantalOpenVestigingen: 1,
      gesloten: false,
    });
  });

  it('a school with its locations', async () => {
    const body = (await get(`/api/v1/organisaties/${await idOf('zoek=03WU&soort=school')}`)).json();
    expect(body).toMatchObject({ soort: 'school', brin: '03WU', naam: 'Kindcentrum De Wegwijzer', gesloten: false, bestuur: { nummer: '32073' } });
    expect(body.vestigingen.map((v: { vestigingscode: string }) => v.vestigingscode)).toEqual(['03WU00']);
  });

  it('a location with its address, municipality, school and board', async () => {
    const res = await get(`/api/v1/organisaties/${await idOf('zoek=03WU00')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      soort: 'vestiging',
      vestigingscode: '03WU00',
      naam: 'Kindcentrum De Wegwijzer',
      adres: { straat: 'Harm Tiesingstraat', huisnummer: '74', postcode: '9571 AZ', plaats: '2E EXLOERMOND' },
      gemeente: { code: '1681', naam: 'BORGER-ODOORN' },
      provincie: 'Drenthe',
      denominatie: 'Protestants-Christelijk',
      telefoon: '0599671206',
      website: 'www.ckcdewegwijzer.nl',
      geslotenOp: null,
      school: { brin: '03WU', naam: 'Kindcentrum De Wegwijzer' },
      bestuur: { nummer: '32073' },
    });
  });

  it('404 problem+json in Dutch for an id that is not there', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const body = expectProblem(await get(`/api/v1/organisaties/${id}`), 404);
    expect(body).toMatchObject({
      title: 'Niet gevonden',
      code: 'not_found',
      detail: 'Deze organisatie staat niet in de organisatiegids.',
      instance: `/api/v1/organisaties/${id}`,
    });
  });

  it('400 problem+json naming the parameter for an id that is no id at all', async () => {
    const body = expectProblem(await get('/api/v1/organisaties/geen-id'), 400);
    expect(body).toMatchObject({
      title: 'De invoer is niet geldig',
      code: 'validation_failed',
      invalidParams: [{ name: 'id', reason: 'heeft niet het juiste formaat' }],
    });
  });
});

describe('the API around the resources', () => {
  it('serves its OpenAPI 3.0 document, listing both paths', async () => {
    const res = await get('/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['api-version']).toBe('1.3.0');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\.0\.\d+$/);
    expect(doc.servers[0].url).toMatch(/\/api\/v1$/);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/organisaties', '/organisaties/{id}', '/openapi.json']));
    const search = doc.paths['/organisaties'].get;
    expect(search.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['zoek', 'soort', 'provincie', 'denominatie', 'inclusiefGesloten', 'page', 'pageSize']),
    );
    expect(search.responses['200'].headers['API-Version']).toEqual({ $ref: '#/components/headers/API-Version' });
    expect(Object.keys(doc.paths['/organisaties/{id}'].get.responses['404'].content)).toEqual(['application/problem+json']);
    // the pages for people are not part of the API
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith('/'))).toEqual([]);
    expect(doc.paths['/health']).toBeUndefined();
  });

  it('answers an unknown API path with a 404 problem+json', async () => {
    const body = expectProblem(await get('/api/v1/xyz'), 404);
    expect(body).toMatchObject({ title: 'Niet gevonden', code: 'not_found', detail: 'Er is geen resource op /api/v1/xyz.', instance: '/api/v1/xyz' });
  });

  it('does not accept a trailing slash', async () => {
    expectProblem(await get('/api/v1/organisaties/'), 404);
  });
});

describe('the search page for people', () => {
  const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

  it('finds a school from the query, and keeps what was asked in the form', async () => {
    const res = await get('/organisaties?zoek=03WU&soort=school');
    expect(res.statusCode).toBe(200);
    expect(text(res.body)).toContain(csv.get(wegwijzer, 'name'));
    expect(res.body).toContain('value="03WU"');
  });

  it('reads a query that does not fit leniently, as a shared link may carry anything', async () => {
    for (const query of ['page=abc', 'page=-4', 'soort=universiteit', 'inclusiefGesloten=misschien', 'zoek=a&zoek=b', 'page=99999']) {
      expect((await get(`/organisaties?${query}`)).statusCode, query).toBe(200);
    }
  });

  it('answers an organisation that is not there, or an id that is none, with "not found"', async () => {
    expect((await get('/organisaties/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await get('/organisaties/geen-id')).statusCode).toBe(404);
    expect((await get(`/organisaties/${await idOf('zoek=03WU&soort=school')}`)).statusCode).toBe(200);
  });
});
