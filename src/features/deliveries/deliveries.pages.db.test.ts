import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { deliveryCsv, type DeliveryRow, deliveringBoard } from '../../../tests/support/deliveries.ts';
import { sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { postMultipart, visibleText, WebSession } from '../../../tests/support/web-session.ts';

let t: TestApp;
let board: { id: string; number: string };
let school: { brin: string; location: string };
let hr: WebSession;
const base = () => `/beheer/bestuur/${board.id}/aanleveringen`;

const row = (n: number, changes: DeliveryRow = {}): DeliveryRow => ({
  bevoegd_gezag_nummer: board.number,
  personeelsnummer: `W${n}`,
  voorletters: 'C.',
  achternaam: `de Wit${n}`,
  geboortedatum: '1988-02-02',
  email: `wit${n}@school.nl`,
  instellingscode: school.brin,
  vestigingscode: school.location,
  functie: 'LERAAR',
  benoemingsgrondslag: 'IN_OPLEIDING',
  begindatum: '2022-08-01',
  ...changes,
});

/** Uploads through the page's own form: the action (with its token) read from the page, the mode before the file. */
async function upload(web: WebSession, file: Buffer | null, mode: string | null = 'volledig', filename = 'personeel.csv') {
  const page = await web.get(base());
  const action = /<form class="br-form" method="post" action="([^"]+)"[^>]*enctype="multipart\/form-data"/.exec(page.body)![1].replace(/&amp;/g, '&');
  return postMultipart(web, action, [
    ...(mode ? [{ name: 'modus', value: mode }] : []),
    file
      ? { name: 'bestand', filename, type: 'text/csv', content: file }
      : { name: 'bestand', filename: '', type: 'application/octet-stream', content: Buffer.alloc(0) },
  ]);
}

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
  ({ board, school } = await deliveringBoard(t.database));
  const account = await createAccount(t.database, {
    email: 'hr@32073.nl',
    displayName: 'Hanna HR',
    roles: [{ role: 'board-staff', organisation: { kind: 'bestuur', id: board.id } }],
  });
  hr = await sessionFor(t.app, t.database, account.id);
});
afterAll(async () => t?.close());

describe('the delivery pages for board staff', () => {
  it('shows the upload form and an empty history', async () => {
    const page = await hr.get(base());
    expect(page.statusCode).toBe(200);
    const text = visibleText(page.body);
    expect(text).toContain('Aanleveringen van');
    expect(text).toContain('Dit bestuur heeft nog niets aangeleverd.');
    // a prompt, not a verdict: nothing applied yet
    expect(text).toContain('Er is nog geen aanlevering verwerkt.');
    expect(text).toContain('Er is 35 dagen of langer geen aanlevering verwerkt.');
  });

  it('a file with errors: the report lists row, column and reason; it cannot be applied', async () => {
    const response = await upload(hr, deliveryCsv([row(1), row(2, { geboortedatum: '1988-02-31' })]));
    expect(response.statusCode).toBe(303);
    const report = await hr.get(String(response.headers.location));
    const text = visibleText(report.body);
    expect(text).toContain('1 rij heeft fouten.');
    expect(text).toMatch(/3 fout geboortedatum "1988-02-31" is geen bestaande datum/);
    expect(report.body).not.toContain('>Verwerken<');
    const csv = await hr.get(`${String(response.headers.location)}/terugmelding.csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toContain('3;fout;geboortedatum;');
  });

  it('the corrected file: applied after confirming, with what changed', async () => {
    const response = await upload(hr, deliveryCsv([row(1), row(2)]));
    const url = String(response.headers.location);
    const report = await hr.get(url);
    expect(visibleText(report.body)).toContain('Alle rijen zijn goed.');
    const applied = await hr.post(`${url}/verwerken`, {});
    expect(applied.statusCode).toBe(200);
    const text = visibleText(applied.body);
    expect(text).toContain('De aanlevering is verwerkt.');
    expect(text).toMatch(/Nieuwe dienstverbanden 2/);
    const history = visibleText((await hr.get(base())).body);
    expect(history).toMatch(/personeel\.csv volledig Hanna HR Verwerkt 2 0/);
    expect(history).toMatch(/Laatste verwerkte aanlevering: \d{1,2} \w+ \d{4}\./);
    expect(history).not.toContain('35 dagen of langer');
  });

  it('the professional the invitation went to sees the delivered employment under Mijn register; someone else sees none of it', async () => {
    const teacher = await createAccount(t.database, { email: 'wit2@school.nl', displayName: 'Cas de Wit' });
    const own = visibleText((await (await sessionFor(t.app, t.database, teacher.id)).get('/mijn-register')).body);
    expect(own).toContain('Stichting Christelijke Kindcentra Drenthe');
    expect(own).toMatch(/Functie Leraar Benoemingsgrondslag In opleiding .* Begindatum 1 augustus 2022 .* Status te controleren/);
    const stranger = await createAccount(t.database, { email: 'iemand@elders.nl' });
    const none = visibleText((await (await sessionFor(t.app, t.database, stranger.id)).get('/mijn-register')).body);
    expect(none).toContain(
      'Er zijn (nog) geen gegevens van u aan uw account gekoppeld. Dat gebeurt zodra een werkgever ze aanlevert met het e-mailadres van uw account (iemand@elders.nl)',
    );
    expect(none).not.toContain('Kindcentra');
  });

  it('asks to tick the confirmation before ending more than 20% of the employments', async () => {
    const response = await upload(hr, deliveryCsv([row(1)]));
    const url = String(response.headers.location);
    const refused = await hr.post(`${url}/verwerken`, {});
    expect(refused.statusCode).toBe(400);
    expect(visibleText(refused.body)).toContain('Bevestig dat de dienstverbanden beëindigd mogen worden');
    const applied = await hr.post(`${url}/verwerken`, { bevestigd: 'ja' });
    expect(visibleText(applied.body)).toMatch(/Beëindigde dienstverbanden 1/);
  });

  it('re-shows the form with a message when no file or no mode was chosen, or the file is no delivery', async () => {
    const none = await upload(hr, null);
    expect(none.statusCode).toBe(400);
    expect(visibleText(none.body)).toContain('Kies het bestand dat u wilt aanleveren.');
    const noMode = await upload(hr, deliveryCsv([row(1)]), null);
    expect(visibleText(noMode.body)).toContain('Kies of u een volledig bestand of alleen wijzigingen aanlevert.');
    const wrong = await upload(hr, Buffer.from('naam;adres\r\nJan;Dorp\r\n'));
    expect(wrong.statusCode).toBe(400);
    expect(visibleText(wrong.body)).toContain('geen kopregel');
  });

  it("in English: the upload form's refusals and a delivery that cannot be applied read in English", async () => {
    await hr.get(`${base()}?lang=en`);
    try {
      const noMode = await upload(hr, deliveryCsv([row(1)]), 'alles');
      expect(noMode.statusCode).toBe(400);
      expect(noMode.body).toContain('href="#modus"');
      expect(visibleText(noMode.body)).toContain('Choose whether you deliver a complete file or changes only.');
      expect(visibleText(noMode.body)).toContain('Choose the file you want to deliver.');
      const withErrors = await upload(hr, deliveryCsv([row(1), row(2, { geboortedatum: '1988-02-31' })]));
      const url = String(withErrors.headers.location);
      const refused = await hr.post(`${url}/verwerken`, { bevestigd: 'ja' });
      expect(refused.statusCode).toBe(409);
      expect(visibleText(refused.body)).toContain('The delivery has 1 row with errors and is therefore not applied.');
      await hr.post(`${url}/annuleren`, {});
    } finally {
      await hr.get(`${base()}?lang=nl`);
    }
  });

  it("refuses the upload without the form's token, and another board's staff", async () => {
    const parts = [
      { name: 'modus', value: 'volledig' },
      { name: 'bestand', filename: 'x.csv', type: 'text/csv', content: deliveryCsv([row(1)]) },
    ];
    const before = await t.database.query('SELECT id FROM deliveries');
    const forged = await postMultipart(hr, base(), parts, { csrf: null });
    expect(forged.statusCode).toBe(403);
    // the token of another browser does not fit, and a token in the URL (as uploads once had) counts for nothing
    const stranger = new WebSession(t.app);
    await stranger.get('/inloggen');
    expect((await postMultipart(hr, base(), parts, { csrf: stranger.csrfToken() })).statusCode).toBe(403);
    await hr.get(base());
    expect((await postMultipart(hr, `${base()}?_csrf=${encodeURIComponent(hr.csrfToken())}`, parts, { csrf: null })).statusCode).toBe(403);
    expect(await t.database.query('SELECT id FROM deliveries')).toEqual(before);
    const [other] = await t.database.query<{ id: string }>(`SELECT id FROM boards WHERE number = '41039'`);
    const outsider = await createAccount(t.database, {
      email: 'hr@41039.nl',
      roles: [{ role: 'board-staff', organisation: { kind: 'bestuur', id: other.id } }],
    });
    const web = await sessionFor(t.app, t.database, outsider.id);
    expect((await web.get(base())).statusCode).toBe(403);
  });
});
