import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { boardStaffActor, bytesOf, deliveringBoard, deliveryCsv, deliveryDeps, type DeliveryRow } from '../../../tests/support/deliveries.ts';
import { sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, type WebSession } from '../../../tests/support/web-session.ts';
import { loadConfig } from '../../config.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { registerOfficeId } from '../../platform/auth/roles.ts';
import { createCrypto } from '../../platform/crypto.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { grantConsent } from '../consent/index.ts';
import { applyDelivery, submitDelivery } from '../deliveries/index.ts';
import { addEvidence } from '../register/index.ts';
import { disputeEmployment, enrol, getOwnRecord } from '../register/index.ts';

/**
 * NEN 7513 for the register: every read of a professional's data by someone else is on her own
 * "Wie heeft mijn gegevens ingezien", also a list or an export that shows her among others, and a read
 * of a colleague's data is on the colleague's page, not hers.
 */

let t: TestApp;
let board: { id: string; number: string };
let boardName: string;
let rosa: WebSession;
let otto: WebSession;
let hr: WebSession;
let staff: WebSession;
let member: WebSession;
let rosaPerson: string;
let registerNumber: string;
let applicationId: string;
let evidenceId: string;
const disputes: Record<'rosa' | 'otto', string> = { rosa: '', otto: '' };
const dataDir = mkdtempSync(join(tmpdir(), 'br-reads-'));
const office = { kind: 'register' as const, id: registerOfficeId };

const professional = (accountId: string, email: string, name: string): { actor: Actor } => ({
  actor: { type: 'account', accountId, sessionId: 's', email, displayName: name, memberships: [], secondFactorDone: true },
});

beforeAll(async () => {
  t = await createTestApp({ withDuo: true, env: { DATA_DIR: dataDir } });
  const delivering = await deliveringBoard(t.database);
  board = delivering.board;
  [{ name: boardName }] = await t.database.query<{ name: string }>(`SELECT coalesce(name, 'Bevoegd gezag ' || number) AS name FROM boards WHERE id = $1`, [
    board.id,
  ]);
  const row = (n: number, changes: DeliveryRow): DeliveryRow => ({
    bevoegd_gezag_nummer: board.number,
    personeelsnummer: `P${n}`,
    voorletters: 'R.',
    geboortedatum: '1986-06-06',
    instellingscode: delivering.school.brin,
    vestigingscode: delivering.school.location,
    functie: 'LERAAR',
    benoemingsgrondslag: 'BEVOEGD',
    begindatum: '2013-08-01',
    ...changes,
  });
  const hrActor = await boardStaffActor(t.database, board.id, 'hr@lezers.nl');
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
        deliveryCsv([row(1, { achternaam: 'Ingezien', email: 'rosa@lezers.nl' }), row(2, { voorletters: 'O.', achternaam: 'Ook', email: 'otto@lezers.nl' })]),
      ),
    },
  );
  await applyDelivery(deps, { actor: hrActor }, delivery.id, { confirmed: true });
  hr = await sessionFor(t.app, t.database, hrActor.type === 'account' ? hrActor.accountId : '');

  // both dispute their employment; Rosa enrols, adds her diploma, and lets the board see her development
  const db = { db: t.database.db };
  const rosaAccount = await createAccount(t.database, { email: 'rosa@lezers.nl', displayName: 'Rosa Ingezien' });
  const ottoAccount = await createAccount(t.database, { email: 'otto@lezers.nl', displayName: 'Otto Ook' });
  const rosaCtx = professional(rosaAccount.id, 'rosa@lezers.nl', 'Rosa Ingezien');
  const ottoCtx = professional(ottoAccount.id, 'otto@lezers.nl', 'Otto Ook');
  for (const [who, ctx] of [
    ['rosa', rosaCtx],
    ['otto', ottoCtx],
  ] as const) {
    const [employment] = (await getOwnRecord(db, ctx)).employments;
    await disputeEmployment({ ...db, mailer: createMailer({ from: 'test@beroepsregister.nl' }), baseUrl: 'http://localhost:3000' }, ctx, employment.id, {
      velden: ['begindatum'],
      toelichting: 'De begindatum klopt niet.',
    });
    [{ id: disputes[who] }] = await t.database.query<{ id: string }>(`SELECT id FROM employment_disputes WHERE employment_id = $1`, [employment.id]);
  }
  ({ registerNumber } = await enrol(db, rosaCtx));
  await grantConsent(db, rosaCtx, board.id);
  [{ id: rosaPerson }] = await t.database.query<{ id: string }>(`SELECT id FROM persons WHERE email = 'rosa@lezers.nl'`);
  const { secrets } = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }, {});
  evidenceId = (
    await addEvidence(
      { db: t.database.db, dataDir, fileKey: createCrypto(secrets).fileKey },
      rosaCtx,
      { kind: 'diploma', title: 'Pabo', issuer: 'Hogeschool Utrecht', issuedOn: '2013-07-01' },
      'pabo.pdf',
      Readable.from([Buffer.from('%PDF-1.4\n%%EOF\n')]),
    )
  ).id;
  rosa = await sessionFor(t.app, t.database, rosaAccount.id);
  otto = await sessionFor(t.app, t.database, ottoAccount.id);
  await rosa.get('/mijn-register/registratie');
  const applied = await rosa.post('/mijn-register/registratie', {
    niveau: 'lerarenregister::Registerleraar|geregistreerd',
    motivering: 'Bevoegd leraar sinds 2013.',
    bewijs: [evidenceId],
  });
  expect(applied.statusCode).toBe(303);
  [{ id: applicationId }] = await t.database.query<{ id: string }>(`SELECT id FROM registration_applications`);

  staff = await sessionFor(
    t.app,
    t.database,
    (await createAccount(t.database, { email: 'staf@lezers.nl', displayName: 'Sanne Staf', roles: [{ role: 'register-staff', organisation: office }] })).id,
  );
  const lid = await createAccount(t.database, {
    email: 'lid@lezers.nl',
    displayName: 'Karel Commissie',
    roles: [{ role: 'registration-committee', organisation: office }],
  });
  member = await sessionFor(t.app, t.database, lid.id);
  // assigned directly: the queue page is one of the reads below
  await t.database.query(`UPDATE registration_applications SET status = 'in-behandeling', assigned_to = $1`, [lid.id]);
});
afterAll(async () => t?.close());

/** The rows of a person's "Wie heeft mijn gegevens ingezien", newest first, as she reads them. */
async function accessRows(web: WebSession, url = '/mijn-gegevens/inzage'): Promise<string[]> {
  const page = await web.get(url);
  expect(page.statusCode).toBe(200);
  const rows = [...page.body.matchAll(/<tr class="utrecht-table__row">([\s\S]*?)<\/tr>/g)].map((m) => visibleText(m[1]));
  return rows.slice(1); // the header
}

const reads = () => [
  {
    name: 'the staff list',
    read: () => hr.get(`/beheer/bestuur/${board.id}/personeel`),
    organisation: boardName,
    what: 'uw gegevens bekeken in de personeelslijst van het bestuur',
  },
  {
    name: 'the staff export',
    read: () => hr.get(`/beheer/bestuur/${board.id}/personeel.csv`),
    organisation: boardName,
    what: 'uw gegevens opgenomen in een export (CSV) van de personeelslijst',
  },
  {
    name: 'the list of disputes',
    read: () => hr.get(`/beheer/bestuur/${board.id}/betwistingen`),
    organisation: boardName,
    what: 'uw betwisting van een dienstverband ingezien door het bestuur',
  },
  {
    name: 'her dispute',
    read: () => hr.get(`/beheer/bestuur/${board.id}/betwistingen/${disputes.rosa}`),
    organisation: boardName,
    what: 'uw betwisting van een dienstverband ingezien door het bestuur',
  },
  {
    name: 'her development, with consent',
    read: () => hr.get(`/beheer/bestuur/${board.id}/personeel/${rosaPerson}/professionalisering`),
    organisation: boardName,
    what: 'uw professionalisering ingezien door uw bestuur',
  },
  {
    name: 'the queue of applications',
    read: () => staff.get('/beheer/aanvragen'),
    organisation: 'Beroepsregister Onderwijs (bureau)',
    what: 'uw aanvraag bekeken in de lijst van aanvragen',
  },
  {
    name: 'her application, by the commission',
    read: () => member.get(`/beheer/aanvragen/${applicationId}`),
    organisation: 'Beroepsregister Onderwijs (bureau)',
    what: 'uw aanvraag voor registratie ingezien',
  },
  {
    name: 'her diploma, by the commission',
    read: () => member.get(`/beheer/aanvragen/${applicationId}/bewijs/${evidenceId}`),
    organisation: 'Beroepsregister Onderwijs (bureau)',
    what: 'uw diploma of certificaat (bewijsstuk) geopend',
  },
  {
    name: 'her enrolment, by register staff',
    read: () => staff.get(`/beheer/inschrijvingen/${registerNumber}`),
    organisation: 'Beroepsregister Onderwijs (bureau)',
    what: 'uw inschrijving ingezien door registerbeheer',
  },
];

describe('every read of her data by someone else is on her own overview', () => {
  it('starts empty', async () => {
    expect(visibleText((await rosa.get('/mijn-gegevens/inzage')).body)).toContain('Niemand anders heeft uw gegevens ingezien of gewijzigd.');
  });

  it.each(reads().map((r, i) => [r.name, i] as const))('%s: one line, naming who and for which organisation', async (_, index) => {
    const { read, organisation, what } = reads()[index];
    const before = await accessRows(rosa);
    const res = await read();
    expect(res.statusCode).toBe(200);
    const after = await accessRows(rosa);
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toContain(organisation);
    expect(after[0]).toContain(what);
  });

  it('names the reader by name and role', async () => {
    const rows = await accessRows(rosa);
    expect(rows).toHaveLength(9);
    expect(rows.filter((r) => r.includes(boardName) && r.includes('hr (medewerker bestuur)'))).toHaveLength(5);
    expect(rows.some((r) => r.includes('Karel Commissie (lid Commissie Registratie)'))).toBe(true);
    expect(rows.some((r) => r.includes('Sanne Staf (medewerker registerbeheer)'))).toBe(true);
  });

  it("keeps a colleague's read off her page: it is on his", async () => {
    const rosaBefore = await accessRows(rosa);
    const ottoBefore = await accessRows(otto);
    expect((await hr.get(`/beheer/bestuur/${board.id}/betwistingen/${disputes.otto}`)).statusCode).toBe(200);
    expect(await accessRows(rosa)).toEqual(rosaBefore);
    const ottoAfter = await accessRows(otto);
    expect(ottoAfter).toHaveLength(ottoBefore.length + 1);
    expect(ottoAfter[0]).toContain('uw betwisting van een dienstverband ingezien door het bestuur');
    // he was on the staff list, the export and the list of disputes with her; nothing of her application or diploma
    expect(ottoAfter.join('\n')).not.toMatch(/aanvraag|diploma|inschrijving|professionalisering/);
  });

  it('is all in her AVG download, each line naming her', async () => {
    const data = JSON.parse((await rosa.get('/mijn-gegevens/download')).body);
    const byOthers = (data.logboek as { handeling: string; overPersoon: string | null; organisatie: unknown }[]).filter((e) => e.overPersoon === rosaPerson);
    expect(byOthers.map((e) => e.handeling).sort()).toEqual([
      'board-staff.exported',
      'board-staff.listed',
      'development.read',
      'employment-disputes.viewed',
      'employment-disputes.viewed',
      // her own: her enrolment, and the link of her account to what the board delivered (decision 021)
      'enrolment.created',
      'enrolment.viewed',
      'evidence.viewed',
      'person.linked',
      'registration.viewed',
      'registrations.listed',
    ]);
  });

  it('pages a long overview, older lines behind a link', async () => {
    // a year of the board opening its staff list every working day
    await t.database.query(
      `INSERT INTO audit_events (action, actor_role, actor_organisation_kind, actor_organisation_id, subject_person_id, subject_organisation_kind, subject_organisation_id)
      SELECT 'board-staff.listed', 'board-staff', 'bestuur', $1, $2, 'bestuur', $1 FROM generate_series(1, 250)`,
      [board.id, rosaPerson],
    );
    const page = await rosa.get('/mijn-gegevens/inzage');
    const first = await accessRows(rosa);
    expect(first).toHaveLength(50);
    const older = /href="(\/mijn-gegevens\/inzage\?voor=\d+)" rel="next"/.exec(page.body);
    expect(older).not.toBeNull();
    let url: string | undefined = older![1];
    let seen = first.length;
    while (url) {
      const next = await rosa.get(url);
      seen += (await accessRows(rosa, url)).length;
      url = /href="(\/mijn-gegevens\/inzage\?voor=\d+)" rel="next"/.exec(next.body)?.[1];
      expect(next.body).toContain('href="/mijn-gegevens/inzage"');
    }
    expect(seen).toBe(250 + 9);
    expect(visibleText((await rosa.get('/mijn-gegevens/inzage?voor=abc')).body)).toContain('Wie heeft mijn gegevens ingezien');
  });
});
