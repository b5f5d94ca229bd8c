import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { boardStaffActor, bytesOf, deliveringBoard, deliveryCsv, deliveryDeps } from '../../../tests/support/deliveries.ts';
import { sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { postMultipart, visibleText, type WebSession } from '../../../tests/support/web-session.ts';
import { applyDelivery, submitDelivery } from '../deliveries/index.ts';

let t: TestApp;
let teacher: WebSession;
const dataDir = mkdtempSync(join(tmpdir(), 'br-evidence-'));
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);
const facts = [
  { name: 'soort', value: 'diploma' },
  { name: 'titel', value: 'Pabo' },
  { name: 'uitgever', value: 'Hogeschool Utrecht' },
  { name: 'datum', value: '01-07-2015' },
];

/** Posts the page's own upload form: its action (with the CSRF token) read from the page, the facts before the file. */
async function upload(web: WebSession, file: { filename: string; type: string; content: Buffer }, fields = facts) {
  const page = await web.get('/mijn-register/diplomas');
  const action = /<form class="br-form" method="post" action="([^"]+)"[^>]*enctype="multipart\/form-data"/.exec(page.body)![1].replace(/&amp;/g, '&');
  return postMultipart(web, action, [...fields, { name: 'bestand', ...file }]);
}
const storedFiles = () => (existsSync(join(dataDir, 'evidence')) ? readdirSync(join(dataDir, 'evidence')) : []);

beforeAll(async () => {
  t = await createTestApp({ withDuo: true, env: { DATA_DIR: dataDir, EVIDENCE_MAX_MB: '0.05' } });
  const { board, school } = await deliveringBoard(t.database);
  const hr = { actor: await boardStaffActor(t.database, board.id, 'hr@bewijs.nl') };
  const deps = deliveryDeps(t.database);
  const delivery = await submitDelivery(deps, hr, {
    boardId: board.id,
    mode: 'volledig',
    fileName: null,
    applyWhenValid: false,
    channel: 'api',
    body: bytesOf(
      deliveryCsv([
        {
          bevoegd_gezag_nummer: board.number,
          personeelsnummer: 'E1',
          voorletters: 'E.',
          achternaam: 'Bewijs',
          geboortedatum: '1990-01-01',
          email: 'e.bewijs@school.nl',
          instellingscode: school.brin,
          vestigingscode: school.location,
          functie: 'LERAAR',
          benoemingsgrondslag: 'BEVOEGD',
          begindatum: '2015-08-01',
        },
      ]),
    ),
  });
  await applyDelivery(deps, hr, delivery.id, { confirmed: true });
  teacher = await sessionFor(t.app, t.database, (await createAccount(t.database, { email: 'e.bewijs@school.nl', displayName: 'Eva Bewijs' })).id);
});
afterAll(async () => t?.close());

describe('diplomas and certificates on Mijn register', () => {
  it('refuses a renamed program, whatever its name says, and keeps nothing', async () => {
    const res = await upload(teacher, {
      filename: 'diploma.pdf',
      type: 'application/pdf',
      content: Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(500)]),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#bestand"');
    expect(visibleText(res.body)).toContain('Dit bestand is geen PDF, JPG of PNG.');
    expect(storedFiles()).toEqual([]);
    expect(await t.database.query(`SELECT count(*)::int AS n FROM evidence_files`)).toEqual([{ n: 0 }]);
  });

  it('refuses a file over the limit (here 50 kB) while it streams in, and keeps nothing', async () => {
    const huge = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200 * 1024, 0x20)]);
    const res = await upload(teacher, { filename: 'scan.pdf', type: 'application/pdf', content: huge });
    expect(res.statusCode).toBe(413);
    expect(visibleText(res.body)).toContain('Het bestand is groter dan 51 kB. Verklein de scan, of lever een PDF aan.');
    expect(storedFiles()).toEqual([]);
  });

  it('checks the typed facts before storing anything', async () => {
    const res = await upload(teacher, { filename: 'pabo.pdf', type: 'application/pdf', content: pdf }, [
      { name: 'soort', value: 'diploma' },
      { name: 'titel', value: '' },
      { name: 'uitgever', value: 'HU' },
      { name: 'datum', value: '31-02-2015' },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#titel"');
    expect(res.body).toContain('href="#datum"');
    expect(storedFiles()).toEqual([]);
  });

  it('says what is wrong with the facts and the file in English to someone reading in English', async () => {
    teacher.cookies.set('lang', 'en');
    try {
      const facts = [
        { name: 'soort', value: 'diploma' },
        { name: 'titel', value: '' },
        { name: 'uitgever', value: 'HU' },
        { name: 'datum', value: '31-02-2015' },
      ];
      const res = await upload(teacher, { filename: 'pabo.pdf', type: 'application/pdf', content: pdf }, facts);
      expect(res.statusCode).toBe(400);
      const text = visibleText(res.body);
      expect(text).toContain('Give the name of the programme or the certificate (2 to 200 characters).');
      expect(text).toContain('Give the date it was awarded as YYYY-MM-DD or DD-MM-YYYY.');
      const program = await upload(teacher, {
        filename: 'diploma.pdf',
        type: 'application/pdf',
        content: Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(500)]),
      });
      expect(visibleText(program.body)).toContain('This file is not a PDF, JPG or PNG.');
      expect(storedFiles()).toEqual([]);
    } finally {
      teacher.cookies.delete('lang');
    }
  });

  it('adds a diploma with its PDF, sealed on disk, and gives it back only to its owner', async () => {
    const res = await upload(teacher, { filename: 'Mijn pabo-diploma.PDF', type: 'application/pdf', content: pdf });
    expect(res.statusCode).toBe(303);
    const page = visibleText((await teacher.get(String(res.headers.location))).body);
    expect(page).toContain('Het bewijsstuk is toegevoegd.');
    expect(page).toMatch(/diploma Pabo Hogeschool Utrecht 1 juli 2015 Mijn pabo-diploma\.pdf \(2 kB\)/);
    const [stored] = storedFiles();
    expect(stored).toMatch(/\.sealed$/);
    const [row] = await t.database.query<{ id: string }>(`SELECT id FROM evidence_files`);
    const download = await teacher.get(`/mijn-register/diplomas/${row.id}/bestand`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe('attachment; filename="Mijn pabo-diploma.pdf"');
    expect(download.rawPayload.equals(pdf)).toBe(true);
    const other = await sessionFor(t.app, t.database, (await createAccount(t.database, { email: 'iemand@anders.nl' })).id);
    expect((await other.get(`/mijn-register/diplomas/${row.id}/bestand`)).statusCode).toBe(404);
  });

  it('gives back a file whose name has letters outside Latin-1 under that name (RFC 6266)', async () => {
    const res = await upload(teacher, { filename: 'Işık Ünal diploma.pdf', type: 'application/pdf', content: pdf });
    expect(res.statusCode).toBe(303);
    const [row] = await t.database.query<{ id: string }>(`SELECT id FROM evidence_files WHERE file_name LIKE 'I%' ORDER BY created_at DESC LIMIT 1`);
    const download = await teacher.get(`/mijn-register/diplomas/${row.id}/bestand`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Is_k Unal diploma.pdf"; filename*=UTF-8''I%C5%9F%C4%B1k%20%C3%9Cnal%20diploma.pdf`,
    );
    expect(download.rawPayload.equals(pdf)).toBe(true);
  });
});
