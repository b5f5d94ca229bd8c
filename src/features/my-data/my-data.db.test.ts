import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { boardStaffActor, deliverAndApply, deliveringBoard, deliveryDeps } from '../../../tests/support/deliveries.ts';
import { sendDeliveryInvitations } from '../deliveries/index.ts';
import { auditRows, sessionFor, signInAndEnrolTotp } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, type WebSession } from '../../../tests/support/web-session.ts';
import { registerOfficeId } from '../../platform/auth/roles.ts';
import { recordAudit } from '../../platform/audit/audit.ts';

/** AVG: a person downloads everything held about them, reads it as a page, and sees who else looked. */

let t: TestApp;
let board: { id: string; name: string };
let petra: { id: string };
let petraWeb: WebSession;
let totpSecret: string;
let staffWeb: WebSession;

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
  [board] = await t.database.query<{ id: string; name: string }>('SELECT id, name FROM boards WHERE name IS NOT NULL ORDER BY number LIMIT 1 OFFSET 30');
  petra = await createAccount(t.database, {
    email: 'petra@school.nl',
    displayName: 'Petra de Boer',
    roles: [{ role: 'board-staff', organisation: { kind: 'bestuur', id: board.id } }],
  });
  // she turned on two-step sign-in herself: there is a TOTP secret to keep out of the export
  ({ web: petraWeb, secret: totpSecret } = await signInAndEnrolTotp(t.app, 'petra@school.nl'));
  await createAccount(t.database, {
    email: 'rachid@register.nl',
    displayName: 'Rachid Register',
    roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
  });
  ({ web: staffWeb } = await signInAndEnrolTotp(t.app, 'rachid@register.nl'));
});
afterAll(async () => {
  await t?.close();
});

async function secretsOfPetra() {
  const [row] = await t.database.query<{ password_hash: string; totp_secret: string }>('SELECT password_hash, totp_secret FROM accounts WHERE id = $1', [
    petra.id,
  ]);
  expect(row.password_hash).toMatch(/^\$argon2id\$/);
  expect(row.totp_secret).toMatch(/^v1\./);
  return [row.password_hash, row.password_hash.split('$').at(-1)!, row.totp_secret, totpSecret];
}

describe('who has looked at my data', () => {
  it('is nobody but herself at first: her own sign-ins are not listed', async () => {
    const account = await petraWeb.get('/account');
    expect(account.body).toContain('href="/mijn-gegevens/inzage"');
    expect(visibleText(account.body)).toContain('Wie heeft mijn gegevens ingezien');
    const page = await petraWeb.get('/mijn-gegevens/inzage');
    expect(page.statusCode).toBe(200);
    expect(visibleText(page.body)).toContain('Niemand anders heeft uw gegevens ingezien of gewijzigd.');
  });

  it('lists register staff opening her audit trail, by name, and still not her own actions', async () => {
    const found = await staffWeb.get('/beheer/accounts?email=Petra%40School.nl');
    expect(found.statusCode).toBe(303);
    expect(found.headers.location).toBe(`/beheer/accounts/${petra.id}/logboek`);
    const trail = await staffWeb.get(found.headers.location as string);
    expect(trail.statusCode).toBe(200);
    expect(visibleText(trail.body)).toContain('Logboek van Petra de Boer');
    // the staff member sees her own actions there
    expect(visibleText(trail.body)).toContain('inloggen in twee stappen aangezet');

    const [viewed] = (await auditRows(t.database, 'account.audit-trail-viewed')).filter((r) => r.subject_account_id === petra.id);
    expect(viewed).toMatchObject({ actor_role: 'register-staff', actor_organisation_kind: 'register', reason: 'registerbeheer: logboek geopend' });
    expect(viewed.request_id).toBeTruthy();

    const page = await petraWeb.get('/mijn-gegevens/inzage');
    const text = visibleText(page.body);
    expect(text).toContain('Rachid Register (medewerker registerbeheer)');
    expect(text).toContain('logboek van het account bekeken — registerbeheer: logboek geopend');
    expect(text).not.toContain('Niemand anders');
    // her own doings (signing in, linking her app) are hers, not "someone else looked"
    expect(text).not.toContain('Petra de Boer');
    expect(text).not.toContain('ingelogd');
    expect(text).not.toContain('inloggen in twee stappen aangezet');
    expect(page.body.match(/<tr class="utrecht-table__row">/g)).toHaveLength(2); // header + one event
  });

  it("is only ever one's own: asking for someone else's list gets one's own", async () => {
    for (const url of ['/mijn-gegevens/inzage', `/mijn-gegevens/inzage?account=${petra.id}`, `/mijn-gegevens/inzage?id=${petra.id}`]) {
      const staffOwn = visibleText((await staffWeb.get(url)).body);
      expect(staffOwn, url).toContain('Niemand anders heeft uw gegevens ingezien of gewijzigd.');
    }
    const download = JSON.parse((await staffWeb.get(`/mijn-gegevens/download?account=${petra.id}`)).body);
    expect(download.account.email).toBe('rachid@register.nl');
  });
});

describe('downloading all my data', () => {
  it('is an attachment of valid JSON with the account, roles and audit trail, and no secret in it', async () => {
    const res = await petraWeb.get('/mijn-gegevens/download');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.json"$/);
    expect(res.headers['cache-control']).toBe('no-store');
    const data = JSON.parse(res.body);
    expect(data.account).toMatchObject({ id: petra.id, email: 'petra@school.nl', naam: 'Petra de Boer', wachtwoordIngesteld: true });
    expect(data.account.tweeStapsVerificatieSinds).toEqual(expect.any(String));
    expect(data.rollen).toEqual([{ rol: 'board-staff', organisatie: { soort: 'bestuur', id: board.id }, sinds: expect.any(String), ingetrokkenOp: null }]);
    const actions = (data.logboek as { handeling: string; doorAccount: string | null }[]).map((e) => e.handeling);
    expect(actions).toEqual(expect.arrayContaining(['account.signed-in', 'account.second-factor-enabled', 'account.audit-trail-viewed']));
    // only events about her: the register staff member's own sign-in is not in her export
    const [rachid] = await t.database.query<{ id: string }>("SELECT id FROM accounts WHERE email = 'rachid@register.nl'");
    const byRachid = (data.logboek as { handeling: string; doorAccount: string | null }[]).filter((e) => e.doorAccount === rachid.id).map((e) => e.handeling);
    expect(byRachid).toEqual(['account.audit-trail-viewed']);
    for (const secret of await secretsOfPetra()) expect(res.body).not.toContain(secret);
    expect(res.body).not.toMatch(/argon2|totp_?secret|password_?hash|wachtwoordHash/i);
  });

  it('reads as a page too: every section of the download, readable, with the same care for secrets', async () => {
    const page = await petraWeb.get('/mijn-gegevens/overzicht');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const text = visibleText(page.body);
    expect(text).toContain('Al mijn gegevens');
    for (const section of ['account', 'rollen', 'uitnodigingen', 'emails', 'logboek']) expect(page.body).toContain(`id="sectie-${section}"`);
    expect(page.body).toContain('href="/mijn-gegevens/download"');
    for (const secret of await secretsOfPetra()) expect(page.body).not.toContain(secret);
    // in words, as a person reads them: labels and values, no JSON, one date style
    expect(page.body).not.toContain('<pre');
    expect(text).not.toMatch(/[{}]|"\w+":/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(page.body).toMatch(/<h2[^>]*id="sectie-rollen"[^>]*>\s*Rollen\s*<\/h2>/);
    expect(text).toContain('E-mailadres petra@school.nl');
    expect(text).toContain('Rol medewerker bestuur');
    expect(text).toContain('Wachtwoord ingesteld ja');
    expect(text).toContain('Handeling logboek van het account bekeken');
    expect(text).toMatch(/Aangemaakt op \d{1,2} [a-z]+ \d{4} om \d{2}:\d{2}/);
    expect(text).not.toContain('account.audit-trail-viewed');
    expect(text).not.toContain('board-staff');
  });

  it('reads in English for a reader who chose English, with the same data', async () => {
    // a session of her own: the choice of English stays with it (a cookie)
    const english = await sessionFor(t.app, t.database, petra.id);
    const text = visibleText((await english.get('/mijn-gegevens/overzicht?lang=en')).body);
    expect(text).toContain('E-mail address petra@school.nl');
    expect(text).toContain('Role board staff member');
    expect(text).toContain('Password set yes');
    expect(text).toMatch(/Created on \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2}/);
    for (const dutch of ['Rollen', 'Logboek', 'Wachtwoord', 'Aangemaakt', 'medewerker bestuur']) expect(text).not.toContain(dutch);
  });

  it('needs signing in', async () => {
    for (const url of ['/mijn-gegevens/download', '/mijn-gegevens/overzicht', '/mijn-gegevens/inzage']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/inloggen?terug=${encodeURIComponent(url)}`);
    }
  });
});

describe('what deliveries hold about me, and my work for a board', () => {
  it('has the rows a board delivered about her (BSN never in clear), the invitation, and for HR the delivery they made', async () => {
    const deps = deliveryDeps(t.database);
    const { board: delivering, school } = await deliveringBoard(t.database);
    const hr = await boardStaffActor(t.database, delivering.id, 'hr.avg@school.nl');
    const { delivery } = await deliverAndApply(
      deps,
      hr,
      delivering.id,
      [
        {
          bevoegd_gezag_nummer: delivering.number,
          personeelsnummer: 'AVG1',
          bsn: '123456782',
          voorletters: 'S.',
          achternaam: 'Smit',
          geboortedatum: '1988-08-08',
          email: 'sanne.smit@school.nl',
          instellingscode: school.brin,
          functie: 'LERAAR',
          benoemingsgrondslag: 'BEVOEGD',
          begindatum: '2020-08-01',
          mutatie: 'NIEUW',
        },
      ],
      'mutaties',
    );
    await sendDeliveryInvitations(deps, delivery.id);
    // her confirmed address is the delivered one: signing in links her to the record
    const sanne = await createAccount(t.database, { email: 'sanne.smit@school.nl', displayName: 'Sanne Smit' });
    const sanneWeb = await sessionFor(t.app, t.database, sanne.id);
    expect((await sanneWeb.get('/mijn-register')).statusCode).toBe(200);

    const body = (await sanneWeb.get('/mijn-gegevens/download')).body;
    expect(body).not.toContain('123456782');
    const download = JSON.parse(body);
    expect(download.aanleveringen.aangeleverdeRegels).toMatchObject([
      {
        // the file's line number, as in the terugmelding: line 1 is the header
        regel: 2,
        uitkomst: 'geaccepteerd',
        gegevens: { personeelsnummer: 'AVG1', achternaam: 'Smit', geboortedatum: '1988-08-08', instellingscode: school.brin, mutatie: 'NIEUW' },
      },
    ]);
    expect(download.aanleveringen.aangeleverdeRegels[0].gegevens.bsn).toMatch(/niet getoond/);
    expect(download.aanleveringen.uitnodigingen).toMatchObject([{ verstuurdAan: 'sanne.smit@school.nl' }]);
    expect(download.werkzaamheden.aanleveringen).toEqual([]);

    const hrDownload = JSON.parse((await (await sessionFor(t.app, t.database, hr.type === 'account' ? hr.accountId : '')).get('/mijn-gegevens/download')).body);
    expect(hrDownload.werkzaamheden.aanleveringen).toMatchObject([{ kanaal: 'upload', soort: 'mutaties', status: 'verwerkt', regels: 1 }]);
    expect(hrDownload.aanleveringen.aangeleverdeRegels).toEqual([]);
  });
});

describe('who has looked at my data, in words', () => {
  it("names the register's own work in the reader's language, never as a code", async () => {
    await recordAudit(t.database.db, { actor: { type: 'system', name: 'cli' } }, { action: 'membership.granted', subjectAccountId: petra.id });
    const nl = visibleText((await petraWeb.get('/mijn-gegevens/inzage')).body);
    expect(nl).toContain('het register zelf (automatisch)');
    expect(nl).not.toContain('system:');
    const en = visibleText((await petraWeb.get('/mijn-gegevens/inzage?lang=en')).body);
    expect(en).toContain('the register itself (automatic)');
  });
});
