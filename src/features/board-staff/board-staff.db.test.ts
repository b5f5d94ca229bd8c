import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { boardStaffActor, bytesOf, deliveringBoard, deliveryCsv, deliveryDeps, type DeliveryRow } from '../../../tests/support/deliveries.ts';
import { auditRows, sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, type WebSession } from '../../../tests/support/web-session.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { formatDay } from '../../platform/i18n.ts';
import { applyDelivery, submitDelivery } from '../deliveries/index.ts';
import { approveEmployment, enrol, getOwnRecord } from '../register/index.ts';

let t: TestApp;
let board: { id: string; number: string };
let hr: WebSession;
const base = () => `/beheer/bestuur/${board.id}/personeel`;

const professional = async (email: string): Promise<{ actor: Actor }> => {
  const account = await createAccount(t.database, { email });
  return { actor: { type: 'account', accountId: account.id, sessionId: 's', email, displayName: email, memberships: [], secondFactorDone: true } };
};

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
  const delivering = await deliveringBoard(t.database);
  board = delivering.board;
  const row = (n: number, changes: DeliveryRow): DeliveryRow => ({
    bevoegd_gezag_nummer: board.number,
    personeelsnummer: `S${n}`,
    voorletters: 'A.',
    geboortedatum: '1980-01-01',
    email: `s${n}@school.nl`,
    instellingscode: delivering.school.brin,
    vestigingscode: delivering.school.location,
    functie: 'LERAAR',
    benoemingsgrondslag: 'BEVOEGD',
    begindatum: '2016-08-01',
    ...changes,
  });
  const hrActor = await boardStaffActor(t.database, board.id, 'hr@personeel.nl');
  const deps = deliveryDeps(t.database);
  const delivery = await submitDelivery(
    deps,
    { actor: hrActor },
    {
      boardId: board.id,
      mode: 'volledig',
      fileName: null,
      applyWhenValid: false,
      channel: 'api',
      body: bytesOf(
        deliveryCsv([row(1, { achternaam: 'Akkoord' }), row(2, { achternaam: 'Controleert' }), row(3, { achternaam: 'Formule', personeelsnummer: '=1+2' })]),
      ),
    },
  );
  await applyDelivery(deps, { actor: hrActor }, delivery.id, { confirmed: true });
  // S1 checked everything and enrolled; S2 only enrolled; S3 did nothing
  const done = await professional('s1@school.nl');
  for (const e of (await getOwnRecord({ db: t.database.db }, done)).employments) await approveEmployment({ db: t.database.db }, done, e.id);
  await enrol({ db: t.database.db }, done);
  await enrol({ db: t.database.db }, await professional('s2@school.nl'));
  hr = await sessionFor(t.app, t.database, hrActor.type === 'account' ? hrActor.accountId : '');
});
afterAll(async () => t?.close());

describe("the board's staff list", () => {
  it('shows each professional with their check and inschrijving, and reading it is audited', async () => {
    const page = await hr.get(base());
    expect(page.statusCode).toBe(200);
    const text = visibleText(page.body);
    expect(text).toMatch(/A\. Akkoord S1 Leraar · .* gecontroleerd \d{9} ingeschreven/);
    expect(text).toMatch(/A\. Controleert S2 Leraar · .* 1 te controleren \d{9} ingeschreven/);
    expect(text).toMatch(/1 te controleren — niet ingeschreven —/);
    const listed = await auditRows(t.database, 'board-staff.listed');
    expect(listed).toHaveLength(3); // one line per person shown
    expect(listed.every((r) => r.subject_organisation_id === board.id)).toBe(true);
    // the inschrijving's status in the reader's language
    const english = visibleText((await hr.get(`${base()}?lang=en`)).body);
    await hr.get(`${base()}?lang=nl`);
    expect(english).toMatch(/A\. Akkoord S1 .* \d{9} enrolled/);
    expect(english).toMatch(/1 to check — not enrolled —/);
    expect(english).not.toContain('ingeschreven');
  });

  it('filters on who needs attention: something to check, a dispute, or no inschrijving', async () => {
    const text = visibleText((await hr.get(`${base()}?aandacht=ja`)).body);
    expect(text).not.toContain('A. Akkoord');
    expect(text).toContain('A. Controleert');
    expect(text).toContain('A. Formule');
  });

  it('exports the list as CSV for a spreadsheet, a formula in a name defused', async () => {
    const csv = await hr.get(`${base()}.csv?aandacht=ja`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="personeel-32073-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('naam;personeelsnummer;dienstverbanden;te controleren;betwist;registernummer;status;herregistratie voor');
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.startsWith('A. Formule;'))).toMatch(/^A\. Formule;'=1\+2;Leraar · /);
    // one audit line per person in the file, naming that person
    const exported = await t.database.query<{ surname: string }>(`SELECT p.surname FROM audit_events a JOIN persons p ON p.id = a.subject_person_id
      WHERE a.action = 'board-staff.exported' ORDER BY p.surname`);
    expect(exported.map((r) => r.surname)).toEqual(['Controleert', 'Formule']);
  });

  it('finds staff by a word of the name or the beginning of a staff number, the search kept in its links and the export', async () => {
    const byName = await hr.get(`${base()}?zoek=akkoord`);
    expect(visibleText(byName.body)).toMatch(/A\. Akkoord S1/);
    expect(visibleText(byName.body)).not.toContain('Controleert');
    expect(byName.body).toContain('value="akkoord"');
    expect(byName.body).toContain(`href="${base()}.csv?zoek=akkoord"`);
    expect(byName.body).toContain(`href="${base()}?aandacht=ja&zoek=akkoord"`);
    const byNumber = visibleText((await hr.get(`${base()}?zoek=s2`)).body);
    expect(byNumber).toContain('A. Controleert');
    expect(byNumber).not.toContain('A. Akkoord');
    // initials are compared without their dots, each word of the query begins a word of the name
    expect(visibleText((await hr.get(`${base()}?zoek=${encodeURIComponent('A. Formule')}`)).body)).toMatch(/A\. Formule '?=1\+2/);
    expect(visibleText((await hr.get(`${base()}?zoek=ormule`)).body)).toContain('Niemand gevonden bij "ormule".');
    const csv = await hr.get(`${base()}.csv?zoek=akkoord`);
    expect(csv.body.trim().split('\r\n')).toHaveLength(2);
  });

  it('streams the export gzip-compressed to a browser that accepts it, the same file once unpacked', async () => {
    const url = `${base()}.csv?aandacht=ja`;
    const plain = await hr.get(url);
    const compressed = await hr.get(url, { 'accept-encoding': 'gzip, deflate' });
    expect(compressed.statusCode).toBe(200);
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(compressed.headers['content-disposition']).toBe(plain.headers['content-disposition']);
    expect(gunzipSync(compressed.rawPayload).toString()).toBe(plain.body);
  });

  it("is refused to another board's staff, and to a professional", async () => {
    const [other] = await t.database.query<{ id: string }>(`SELECT id FROM boards WHERE id <> $1 ORDER BY number LIMIT 1`, [board.id]);
    const outsider = await boardStaffActor(t.database, other.id, 'hr@elders.nl');
    const web = await sessionFor(t.app, t.database, outsider.type === 'account' ? outsider.accountId : '');
    for (const url of [base(), `${base()}.csv`]) {
      const res = await web.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.body).not.toContain('Akkoord');
    }
    // says why, in the reader's language
    expect(visibleText((await web.get(base())).body)).toContain('U werkt niet voor dit bestuur.');
    web.cookies.set('lang', 'en');
    const english = await web.get(base());
    expect(english.statusCode).toBe(403);
    expect(visibleText(english.body)).toContain('Access denied You do not have access to this page or action.');
    expect(visibleText(english.body)).toContain('You do not work for this school board.');
  });

  it('shows the date to re-register by, moved by a granted uitstel once the period has ended', async () => {
    const [s1] = await t.database.query<{ enrolment_id: string; person_id: string }>(
      `SELECT n.id AS enrolment_id, n.person_id FROM enrolments n JOIN persons p ON p.id = n.person_id WHERE p.surname = 'Akkoord'`,
    );
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await t.database.query(`UPDATE enrolments SET status = 'geregistreerd' WHERE id = $1`, [s1.enrolment_id]);
    await t.database.query(
      `INSERT INTO registration_applications (id, person_id, enrolment_id, register_id, register_version_id, title, level, motivation, evidence_ids, status, decided_on, valid_until, postponed_until)
      SELECT gen_random_uuid(), $1, $2, r.id, v.id, 'Registerleraar', 'geregistreerd', 'Voldoet.', '[]'::jsonb, 'geregistreerd', $3, $4, $5
      FROM registers r JOIN register_versions v ON v.register_id = r.id AND v.version = 1 WHERE r.code = 'lerarenregister'`,
      [s1.person_id, s1.enrolment_id, day(-1500), day(-10), day(90)],
    );
    expect(visibleText((await hr.get(base())).body)).toMatch(new RegExp(`A\\. Akkoord S1 .* geregistreerd ${formatDay('nl', day(90))}`));
  });
});
