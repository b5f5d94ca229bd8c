import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { boardStaffActor, deliverAndApply, deliveringBoard, deliveryDeps, bytesOf, deliveryCsv, type DeliveryRow } from '../../../tests/support/deliveries.ts';
import { auditRows, sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, type WebSession } from '../../../tests/support/web-session.ts';
import { registerOfficeId } from '../../platform/auth/roles.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { getRowResults, submitDelivery } from './deliveries.service.ts';

/**
 * The entry screen (issue 19): a board enters, changes or ends one employment through a form, checked by
 * the file's own rules and sent as a delivery of one row, channel `scherm`.
 */

let t: TestApp;
let board: { id: string; number: string };
let school: { brin: string; location: string };
let hrActor: Actor;
let hr: WebSession;
let office: WebSession;
const entry = () => `/beheer/bestuur/${board.id}/invoer`;
const staff = () => `/beheer/bestuur/${board.id}/personeel`;
const history = () => `/beheer/bestuur/${board.id}/aanleveringen`;

const decode = (value: string) =>
  value
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const attribute = (tag: string, name: string) => {
  const found = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return found ? decode(found[1]) : undefined;
};

/**
 * What a browser sends for the page's form with this action: hidden and text inputs, the checked radio,
 * each select's chosen option; `changes` as a person types them. The CSRF field is the session's own.
 */
function formOf(html: string, action: string, changes: Record<string, string> = {}): Record<string, string> {
  const forms = [...html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)].map((m) => m[0]);
  const form = forms.find((f) => attribute(/<form\b[^>]*>/.exec(f)![0], 'action') === action);
  if (!form) throw new Error(`no form posting to ${action}`);
  const values: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attribute(tag, 'name');
    const type = attribute(tag, 'type') ?? 'text';
    if (!name || name === '_csrf' || ((type === 'radio' || type === 'checkbox') && !/\schecked/.test(tag))) continue;
    values[name] = attribute(tag, 'value') ?? '';
  }
  for (const [, open, options] of form.matchAll(/(<select\b[^>]*>)([\s\S]*?)<\/select>/g)) {
    const chosen = /<option\b[^>]*\sselected[^>]*>/.exec(options)?.[0] ?? /<option\b[^>]*>/.exec(options)?.[0] ?? '';
    values[attribute(open, 'name')!] = attribute(chosen, 'value') ?? '';
  }
  return { ...values, ...changes };
}

const newEmployment = () => ({
  mutatie: 'NIEUW',
  personeelsnummer: 'F1',
  bsn: '',
  voorletters: 'F.',
  voornamen: 'Fenna',
  tussenvoegsel: 'van',
  achternaam: 'Vorm',
  geboortedatum: '12-03-1990',
  email: 'fenna.vorm@school.nl',
  instellingscode: school.brin,
  vestigingscode: school.location,
  functie: 'LERAAR',
  benoemingsgrondslag: 'BEVOEGD',
  begindatum: '01-08-2024',
  einddatum: '',
  werktijdfactor: '0,8',
});

/** Fills in the form, checks the answers and sends them: the response of sending. */
async function enterAndSend(web: WebSession, start: string, changes: Record<string, string>) {
  const page = await web.get(start);
  expect(page.statusCode, start).toBe(200);
  const checked = await web.post(entry(), formOf(page.body, entry(), changes));
  expect(checked.statusCode, visibleText(checked.body)).toBe(200);
  expect(visibleText(checked.body)).toContain('Controleer de gegevens');
  return web.post(`${entry()}/versturen`, formOf(checked.body, `${entry()}/versturen`));
}

const employmentIdOf = async (staffNumber: string) =>
  (await t.database.query<{ id: string }>('SELECT id FROM employments WHERE board_id = $1 AND staff_number = $2', [board.id, staffNumber]))[0].id;

const dayMonthYear = (offsetDays: number) => {
  const day = new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
  return { iso: day, typed: day.split('-').reverse().join('-') };
};

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
  ({ board, school } = await deliveringBoard(t.database));
  hrActor = await boardStaffActor(t.database, board.id, 'hr@invoer.nl');
  await t.database.query(`UPDATE accounts SET display_name = 'Hanna HR' WHERE email = 'hr@invoer.nl'`);
  hr = await sessionFor(t.app, t.database, hrActor.type === 'account' ? hrActor.accountId : '');
  const registerStaff = await createAccount(t.database, {
    email: 'staf@register.nl',
    roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
  });
  office = await sessionFor(t.app, t.database, registerStaff.id);
});
afterAll(async () => t?.close());

describe('the entry screen', () => {
  it('enters a new employment: checked, repeated to check, sent as a delivery of one row, and in the staff list', async () => {
    const sent = await enterAndSend(hr, entry(), newEmployment());
    expect(sent.statusCode).toBe(303);
    const resultUrl = String(sent.headers.location);
    expect(resultUrl).toMatch(new RegExp(`^${entry()}/[0-9a-f-]{36}$`));
    const result = visibleText((await hr.get(resultUrl)).body);
    expect(result).toContain('De gegevens zijn verwerkt');
    expect(result).toMatch(/Nieuwe personen 1 .*Nieuwe dienstverbanden 1/);
    expect(result).toContain('Bekijk deze aanlevering');

    const deliveryId = resultUrl.split('/').at(-1)!;
    const [stored] = await t.database.query<{ channel: string; status: string; mode: string; row_count: number }>(
      'SELECT channel, status, mode, row_count FROM deliveries WHERE id = $1',
      [deliveryId],
    );
    expect(stored).toEqual({ channel: 'scherm', status: 'verwerkt', mode: 'mutaties', row_count: 1 });
    // audited as any delivery: submitted and applied, by the person who sent it
    const audited = await t.database.query<{ action: string; actor_account_id: string }>(
      `SELECT action, actor_account_id FROM audit_events WHERE after->>'id' = $1 ORDER BY at, action`,
      [deliveryId],
    );
    expect(audited.map((a) => a.action).sort()).toEqual(['delivery.applied', 'delivery.submitted']);
    expect(new Set(audited.map((a) => a.actor_account_id))).toEqual(new Set([hrActor.type === 'account' ? hrActor.accountId : '']));

    expect(visibleText((await hr.get(staff())).body)).toMatch(/F\. van Vorm F1 Leraar · /);
    expect(visibleText((await hr.get(history())).body)).toMatch(/Invoerscherm mutaties Hanna HR Verwerkt 1 0/);
    const terugmelding = await hr.get(`${history()}/${deliveryId}/terugmelding.csv`);
    expect(terugmelding.statusCode).toBe(200);
    expect(terugmelding.body).toMatch(/\r?\n2;geaccepteerd;/);
    expect(visibleText((await office.get('/beheer/aanleveringen')).body)).toContain('(Verwerkt; invoerscherm)');
  });

  it('repeats the answers before sending, a BSN never whole, and goes back to the form with everything kept', async () => {
    const page = await hr.get(entry());
    const checked = await hr.post(entry(), formOf(page.body, entry(), { ...newEmployment(), personeelsnummer: 'F9', bsn: '111222333' }));
    const text = visibleText(checked.body);
    expect(text).toMatch(/Geboortedatum 12 maart 1990/);
    expect(text).toMatch(/Functie Leraar Benoemingsgrondslag Bevoegd/);
    expect(text).toContain('BSN (niet verplicht) ••••••333');
    expect(text).not.toContain('111222333');
    const back = await hr.post(entry(), { ...formOf(checked.body, `${entry()}/versturen`), actie: 'wijzigen' });
    expect(back.statusCode).toBe(200);
    expect(back.body).toContain('value="F9"');
    expect(back.body).toContain('value="12-03-1990"');
    expect(back.body).toMatch(/<input[^>]*name="mutatie" value="NIEUW" checked/);
  });

  it('refuses a date that does not exist and a BSN that fails the elfproef with the file check’s own messages, keeping what was typed', async () => {
    const typed = { ...newEmployment(), personeelsnummer: 'F2', achternaam: 'Fout', geboortedatum: '31-02-1990', bsn: '123456789' };
    const [{ n: before }] = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM deliveries');
    const page = await hr.get(entry());
    const refused = await hr.post(entry(), formOf(page.body, entry(), typed));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#geboortedatum"');
    expect(refused.body).toContain('href="#bsn"');
    for (const value of ['31-02-1990', '123456789', 'Fout', 'F2', 'fenna.vorm@school.nl']) expect(refused.body).toContain(`value="${value}"`);
    // nothing is stored for a form the check refuses
    expect((await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM deliveries'))[0].n).toBe(before);

    // the same row in a file gets the same messages, word for word
    const deps = deliveryDeps(t.database);
    const row: DeliveryRow = { bevoegd_gezag_nummer: board.number, ...typed };
    const file = await submitDelivery(
      deps,
      { actor: hrActor },
      { boardId: board.id, mode: 'mutaties', fileName: 'een.csv', body: bytesOf(deliveryCsv([row])), applyWhenValid: false, channel: 'upload' },
    );
    const fileMessages = (await getRowResults(deps, { actor: hrActor }, file.id, { problemsOnly: true, page: 1, pageSize: 10 })).rows[0].messages;
    expect(fileMessages.map((m) => m.kolom)).toEqual(['bsn', 'geboortedatum']);
    const shown = visibleText(refused.body);
    for (const m of fileMessages) expect(shown).toContain(m.melding);
    expect(shown).toContain('"31-02-1990" is geen bestaande datum (JJJJ-MM-DD of DD-MM-JJJJ).');
  });

  it('in English: the labels and the same messages, translated', async () => {
    await hr.get(`${entry()}?lang=en`);
    try {
      const page = await hr.get(entry());
      expect(visibleText(page.body)).toContain('Enter an employment');
      const refused = await hr.post(entry(), formOf(page.body, entry(), { ...newEmployment(), geboortedatum: '31-02-1990', bsn: '123456789' }));
      expect(refused.statusCode).toBe(400);
      const text = visibleText(refused.body);
      expect(text).toContain('There is a problem');
      expect(text).toContain('"31-02-1990" is not a date that exists (YYYY-MM-DD or DD-MM-YYYY).');
      expect(text).toContain('The BSN is not right: it does not pass the elfproef');
      expect(text).toContain('Date of birth');
      expect(text).not.toContain('geen bestaande datum');
    } finally {
      await hr.get(`${entry()}?lang=nl`);
    }
  });

  it('changes an employment from the staff list: prefilled, the employment itself fixed, the read audited', async () => {
    const employmentId = await employmentIdOf('F1');
    const list = await hr.get(staff());
    const changeLink = `${entry()}?dienstverband=${employmentId}&mutatie=wijziging`;
    expect(list.body).toContain(`href="${changeLink}"`);
    expect(list.body).toContain(`href="${entry()}?dienstverband=${employmentId}&mutatie=einde"`);

    const form = await hr.get(changeLink);
    expect(form.statusCode).toBe(200);
    const text = visibleText(form.body);
    expect(text).toContain('Dienstverband wijzigen: F. van Vorm');
    expect(text).toMatch(/Soort Wijziging van een dienstverband Personeelsnummer F1 School .*\(\w{4}\) Vestiging/);
    for (const value of ['F.', 'Fenna', 'van', 'Vorm', '12-03-1990', 'fenna.vorm@school.nl', '01-08-2024', '0,8'])
      expect(form.body).toContain(`value="${value}"`);
    expect(form.body).not.toMatch(/<select[^>]*name="instellingscode"/);
    const [read] = (await auditRows(t.database, 'employment.opened-for-entry')).slice(-1);
    expect(read.subject_organisation_id).toBe(board.id);

    const sent = await enterAndSend(hr, changeLink, { werktijdfactor: '0,5', benoemingsgrondslag: 'ZIJINSTROOM' });
    expect(sent.statusCode).toBe(303);
    expect(visibleText((await hr.get(String(sent.headers.location))).body)).toMatch(/Gewijzigde dienstverbanden 1/);
    const [changed] = await t.database.query<{ fte: string; appointment_basis: string }>('SELECT fte::text, appointment_basis FROM employments WHERE id = $1', [
      employmentId,
    ]);
    expect(changed).toEqual({ fte: '0.5000', appointment_basis: 'ZIJINSTROOM' });
  });

  it('ends an employment: only the end date to fill in; without one, the check says it ends today', async () => {
    const employmentId = await employmentIdOf('F1');
    const start = `${entry()}?dienstverband=${employmentId}&mutatie=einde`;
    const form = await hr.get(start);
    expect(visibleText(form.body)).toContain('Dienstverband beëindigen: F. van Vorm');
    expect([...form.body.matchAll(/<input class="utrecht-textbox[^>]*name="(\w+)"/g)].map((m) => m[1])).toEqual(['einddatum']);

    const withoutDate = await hr.post(entry(), formOf(form.body, entry()));
    expect(visibleText(withoutDate.body)).toMatch(/Let op Geen einddatum bij EINDE: het dienstverband eindigt op de aanleverdatum \(\d{1,2} [a-z]+ \d{4}\)\./);
    const yesterday = dayMonthYear(-1);
    const sent = await enterAndSend(hr, start, { einddatum: yesterday.typed });
    expect(sent.statusCode).toBe(303);
    const [ended] = await t.database.query<{ end_date: string }>('SELECT end_date::text FROM employments WHERE id = $1', [employmentId]);
    expect(ended.end_date).toBe(yesterday.iso);
    // an employment that has ended is no longer on the list of current staff
    expect(visibleText((await hr.get(staff())).body)).not.toContain('F. van Vorm');
  });

  it('a change the register cannot place comes back to the form as typed, and stays in the history as cancelled', async () => {
    const sent = await enterAndSend(hr, entry(), { ...newEmployment(), mutatie: 'WIJZIGING', personeelsnummer: 'ONBEKEND' });
    expect(sent.statusCode).toBe(400);
    const text = visibleText(sent.body);
    expect(text).toContain('Het register heeft de gegevens niet verwerkt.');
    expect(text).toContain('Er is geen dienstverband om te wijzigen met dit personeelsnummer, deze school, vestiging en functie. Lever het aan als NIEUW.');
    expect(sent.body).toContain('href="#mutatie"');
    expect(sent.body).toContain('value="ONBEKEND"');
    expect(visibleText((await hr.get(history())).body)).toMatch(/Invoerscherm mutaties Hanna HR Geannuleerd 1 1/);
  });

  it('corrects a disputed employment from the dispute: the form prefilled, the dispute closed once applied', async () => {
    await deliverAndApply(
      deliveryDeps(t.database),
      hrActor,
      board.id,
      [
        {
          bevoegd_gezag_nummer: board.number,
          personeelsnummer: 'D1',
          voorletters: 'D.',
          achternaam: 'Dispuut',
          geboortedatum: '1980-05-05',
          instellingscode: school.brin,
          functie: 'LERAAR',
          benoemingsgrondslag: 'BEVOEGD',
          begindatum: '2019-08-01',
          mutatie: 'NIEUW',
        },
      ],
      'mutaties',
    );
    const employmentId = await employmentIdOf('D1');
    const [dispute] = await t.database.query<{ id: string }>(
      `INSERT INTO employment_disputes (id, employment_id, person_id, board_id, comment)
       SELECT gen_random_uuid(), e.id, e.person_id, e.board_id, 'Ik ben in 2018 begonnen.' FROM employments e WHERE e.id = $1 RETURNING id`,
      [employmentId],
    );
    await t.database.query(`UPDATE employments SET approval_status = 'betwist' WHERE id = $1`, [employmentId]);
    const disputeUrl = `/beheer/bestuur/${board.id}/betwistingen/${dispute.id}`;
    const page = await hr.get(disputeUrl);
    const correct = `${entry()}?dienstverband=${employmentId}&mutatie=wijziging`;
    expect(page.body).toContain(`href="${correct}"`);
    expect(visibleText(page.body)).toMatch(/Corrigeren ?: D\. Dispuut/);
    // register staff read disputes, but do not deliver: no correction offered
    expect((await office.get(disputeUrl)).body).not.toContain('mutatie=wijziging');

    const sent = await enterAndSend(hr, correct, { begindatum: '01-08-2018' });
    expect(sent.statusCode).toBe(303);
    const [after] = await t.database.query<{ status: string; start_date: string }>(
      'SELECT d.status, e.start_date::text FROM employment_disputes d JOIN employments e ON e.id = d.employment_id WHERE d.id = $1',
      [dispute.id],
    );
    expect(after).toEqual({ status: 'opgelost', start_date: '2018-08-01' });
  });

  it("is for those who deliver for the board: another board's staff and register staff are refused, and see no links", async () => {
    const employmentId = await employmentIdOf('D1');
    const [other] = await t.database.query<{ id: string }>(`SELECT id FROM boards WHERE number = '41039'`);
    const outsider = await boardStaffActor(t.database, other.id, 'hr@41039.nl');
    const web = await sessionFor(t.app, t.database, outsider.type === 'account' ? outsider.accountId : '');
    await web.get(`/beheer/bestuur/${other.id}/invoer`);
    const before = await t.database.query('SELECT id FROM deliveries ORDER BY id');
    expect((await web.get(entry())).statusCode).toBe(403);
    expect((await web.get(`${entry()}?dienstverband=${employmentId}&mutatie=wijziging`)).statusCode).toBe(403);
    expect((await web.post(entry(), newEmployment())).statusCode).toBe(403);
    expect((await web.post(`${entry()}/versturen`, newEmployment())).statusCode).toBe(403);
    // through their own board's screen, board A's employment is not there to open
    const mine = await web.get(`/beheer/bestuur/${other.id}/invoer?dienstverband=${employmentId}&mutatie=wijziging`);
    expect(mine.statusCode).toBe(404);
    expect(mine.body).not.toContain('Dispuut');
    expect(await t.database.query('SELECT id FROM deliveries ORDER BY id')).toEqual(before);
    const [screenDelivery] = await t.database.query<{ id: string }>(`SELECT id FROM deliveries WHERE board_id = $1 AND channel = 'scherm' LIMIT 1`, [board.id]);
    expect((await web.get(`${entry()}/${screenDelivery.id}`)).statusCode).toBe(404);

    expect((await office.get(entry())).statusCode).toBe(403);
    const list = await office.get(staff());
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('D. Dispuut');
    expect(list.body).not.toContain('/invoer');
  });
});
