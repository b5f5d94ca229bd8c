import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { auditRows, linkIn, mailsTo, sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, type WebSession } from '../../../tests/support/web-session.ts';
import { registerOfficeId } from '../../platform/auth/roles.ts';

/**
 * Administratiekantoren on the pages (decision 022): register staff add one, a board admin authorises it
 * on the board's members page (search, choose, confirm) and withdraws that, the office's admins are told,
 * and the office sees the boards that authorise it now.
 */

let t: TestApp;
let staff: WebSession;
let boardAdmin: WebSession;
let boardStaff: WebSession;
let otherBoardAdmin: WebSession;
let officeAdmin: WebSession;
let otherOfficeAdmin: WebSession;
let board: { id: string; number: string; name: string };
let otherBoard: { id: string; number: string; name: string };
let officeId: string;
let otherOfficeId: string;
const B = () => `/beheer/bestuur/${board.id}`;

async function addOffice(naam: string, kvk: string): Promise<string> {
  await staff.get('/beheer/administratiekantoren');
  const res = await staff.post('/beheer/administratiekantoren', { naam, kvk });
  expect(res.statusCode).toBe(303);
  const [office] = await t.database.query<{ id: string }>('SELECT id FROM administration_offices WHERE kvk_number = $1', [kvk.replace(/\D/g, '')]);
  return office.id;
}

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
  [board, otherBoard] = await t.database.query<{ id: string; number: string; name: string }>(
    `SELECT id, number, name FROM boards WHERE number IN ('32073', '41039') ORDER BY number`,
  );
  const session = async (email: string, displayName: string, roles: Parameters<typeof createAccount>[1]['roles'] = []) =>
    sessionFor(t.app, t.database, (await createAccount(t.database, { email, displayName, roles })).id);
  staff = await session('staf@register.nl', 'Rachid Register', [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }]);
  boardAdmin = await session('hr@bestuur.nl', 'Hanneke HR', [{ role: 'board-admin', organisation: { kind: 'bestuur', id: board.id } }]);
  boardStaff = await session('pz@bestuur.nl', 'Piet PZ', [{ role: 'board-staff', organisation: { kind: 'bestuur', id: board.id } }]);
  otherBoardAdmin = await session('hr@ander-bestuur.nl', 'Ander HR', [{ role: 'board-admin', organisation: { kind: 'bestuur', id: otherBoard.id } }]);
});
afterAll(async () => t?.close());

describe('register staff add administratiekantoren', () => {
  it('refuses a bad form at its fields and stores nothing; adds one with its KvK number; refuses the same number again', async () => {
    await staff.get('/beheer/administratiekantoren');
    const bad = await staff.post('/beheer/administratiekantoren', { naam: 'S', kvk: '1234' });
    expect(bad.statusCode).toBe(400);
    for (const field of ['naam', 'kvk']) expect(bad.body).toContain(`href="#${field}"`);
    expect(visibleText(bad.body)).toContain('Vul het KvK-nummer in: acht cijfers.');
    expect(await t.database.query('SELECT 1 FROM administration_offices')).toEqual([]);

    officeId = await addOffice('Salarisadministratie Noord', '1234 5678');
    const list = await staff.get('/beheer/administratiekantoren?melding=toegevoegd');
    const text = visibleText(list.body);
    expect(text).toContain('Het administratiekantoor is toegevoegd.');
    expect(text).toContain('Salarisadministratie Noord 12345678 0 besturen');
    expect(list.body).toContain(`href="/beheer/administratiekantoor/${officeId}/leden"`);

    const again = await staff.post('/beheer/administratiekantoren', { naam: 'Een ander kantoor', kvk: '12345678' });
    expect(again.statusCode).toBe(400);
    expect(visibleText(again.body)).toContain('Er is al een administratiekantoor met KvK-nummer 12345678.');
    const [added] = await auditRows(t.database, 'office.added');
    expect(added).toMatchObject({ actor_role: 'register-staff', subject_organisation_kind: 'administratiekantoor', subject_organisation_id: officeId });

    otherOfficeId = await addOffice('Loonbureau Zuid', '87654321');
  });

  it('is for register staff only', async () => {
    expect((await boardAdmin.get('/beheer/administratiekantoren')).statusCode).toBe(403);
    await boardAdmin.get('/account');
    expect((await boardAdmin.post('/beheer/administratiekantoren', { naam: 'Eigen kantoor', kvk: '11112222' })).statusCode).toBe(403);
  });

  it("lets register staff invite the office's first admin on its members page, like a board's", async () => {
    const members = await staff.get(`/beheer/administratiekantoor/${officeId}/leden`);
    expect(members.statusCode).toBe(200);
    expect(visibleText(members.body)).toContain('Medewerkers van Salarisadministratie Noord');
    const invited = await staff.post(`/beheer/administratiekantoor/${officeId}/uitnodigingen`, { email: 'anna@salaris-noord.nl', rol: 'office-admin' });
    expect(invited.statusCode).toBe(200);
    const [mail] = await mailsTo(t.database, 'anna@salaris-noord.nl');
    expect(mail.subject).toBe('Uitnodiging: beheerder administratiekantoor bij Salarisadministratie Noord');
    // she accepts with an account of her own
    const anna = await createAccount(t.database, { email: 'anna@salaris-noord.nl', displayName: 'Anna Administratie' });
    officeAdmin = await sessionFor(t.app, t.database, anna.id);
    await officeAdmin.get(linkIn(mail));
    expect((await officeAdmin.post('/uitnodiging', { token: new URL(`http://x${linkIn(mail)}`).searchParams.get('token')! })).statusCode).toBe(200);
    officeAdmin = await sessionFor(t.app, t.database, anna.id);
    const account = visibleText((await officeAdmin.get('/account')).body);
    expect(account).toContain('beheerder administratiekantoor');
    expect(account).toContain('Salarisadministratie Noord');
    otherOfficeAdmin = await sessionFor(
      t.app,
      t.database,
      (
        await createAccount(t.database, {
          email: 'bert@loonbureau-zuid.nl',
          displayName: 'Bert Loonbureau',
          roles: [{ role: 'office-admin', organisation: { kind: 'administratiekantoor', id: otherOfficeId } }],
        })
      ).id,
    );
  });
});

describe('a board authorises an administratiekantoor on its members page, and withdraws that', () => {
  it('shows none yet, and offers its admin (not its staff) the way to authorise one', async () => {
    const page = await boardAdmin.get(`${B()}/leden`);
    const text = visibleText(page.body);
    expect(text).toContain('Administratiekantoren');
    expect(text).toContain('Er is geen administratiekantoor gemachtigd om voor dit bestuur aan te leveren.');
    expect(page.body).toContain(`href="${B()}/administratiekantoren"`);
    const staffPage = await boardStaff.get(`${B()}/leden`);
    expect(visibleText(staffPage.body)).toContain('Er is geen administratiekantoor gemachtigd');
    expect(staffPage.body).not.toContain(`href="${B()}/administratiekantoren"`);
    expect((await boardStaff.get(`${B()}/administratiekantoren`)).statusCode).toBe(403);
  });

  it('finds the office by a word of its name or by its KvK number, and lists all without a query', async () => {
    const all = visibleText((await boardAdmin.get(`${B()}/administratiekantoren`)).body);
    expect(all).toContain('Loonbureau Zuid 87654321 Kiezen');
    expect(all).toContain('Salarisadministratie Noord 12345678 Kiezen');
    const byName = await boardAdmin.get(`${B()}/administratiekantoren?zoek=noord`);
    expect(visibleText(byName.body)).toContain('Salarisadministratie Noord');
    expect(visibleText(byName.body)).not.toContain('Loonbureau Zuid');
    expect(byName.body).toContain(`href="${B()}/administratiekantoren/${officeId}/machtigen"`);
    const byKvk = visibleText((await boardAdmin.get(`${B()}/administratiekantoren?zoek=8765 4321`)).body);
    expect(byKvk).toContain('Loonbureau Zuid');
    expect(byKvk).not.toContain('Salarisadministratie Noord');
    expect(visibleText((await boardAdmin.get(`${B()}/administratiekantoren?zoek=bestaatniet`)).body)).toContain('Geen administratiekantoor gevonden.');
  });

  it('asks for confirmation first, saying what the office will and will not see; nothing changes until then', async () => {
    const confirm = await boardAdmin.get(`${B()}/administratiekantoren/${officeId}/machtigen`);
    expect(confirm.statusCode).toBe(200);
    const text = visibleText(confirm.body);
    expect(text).toContain(
      `U machtigt Salarisadministratie Noord (KvK-nummer 12345678) om namens ${board.name} (bestuursnummer ${board.number}) personeelsgegevens aan te leveren.`,
    );
    expect(text).toContain('Uw personeelslijst, de betwistingen en de aanleveringen van uzelf of van anderen ziet het kantoor niet.');
    expect(await t.database.query('SELECT 1 FROM office_mandates')).toEqual([]);
    // another board's admin cannot authorise for this board
    expect((await otherBoardAdmin.get(`${B()}/administratiekantoren/${officeId}/machtigen`)).statusCode).toBe(403);
  });

  it('authorises on confirmation: the members page lists the office, its admins get a mail, the audit trail has it', async () => {
    const done = await boardAdmin.post(`${B()}/administratiekantoren/${officeId}/machtigen`, {});
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`${B()}/leden?melding=kantoor-gemachtigd`);
    const page = await boardAdmin.get(String(done.headers.location));
    const text = visibleText(page.body);
    expect(text).toContain('Het administratiekantoor is gemachtigd om voor dit bestuur aan te leveren.');
    expect(text).toMatch(/Salarisadministratie Noord 12345678 \d+ \w+ \d{4} Hanneke HR Machtiging intrekken/);
    // board staff see it, without the way to withdraw
    const staffPage = await boardStaff.get(`${B()}/leden`);
    expect(visibleText(staffPage.body)).toContain('Salarisadministratie Noord 12345678');
    expect(staffPage.body).not.toContain('/intrekken"');

    const [mail] = (await mailsTo(t.database, 'anna@salaris-noord.nl')).slice(-1);
    expect(mail.subject).toBe(`${board.name} machtigt Salarisadministratie Noord om aan te leveren`);
    expect(mail.text).toContain(`(bestuursnummer ${board.number})`);
    expect(linkIn(mail)).toBe(`/beheer/administratiekantoor/${officeId}/besturen`);
    expect(await mailsTo(t.database, 'bert@loonbureau-zuid.nl')).toEqual([]);
    const [granted] = await auditRows(t.database, 'office-mandate.granted');
    expect(granted).toMatchObject({ actor_role: 'board-admin', actor_organisation_id: board.id, subject_organisation_id: board.id });
    expect(granted.after).toMatchObject({ office: officeId, kvkNumber: '12345678' });

    // authorised already: the search says so, and a second confirmation is a conflict
    expect(visibleText((await boardAdmin.get(`${B()}/administratiekantoren?zoek=noord`)).body)).toContain('Salarisadministratie Noord 12345678 al gemachtigd');
    expect((await boardAdmin.get(`${B()}/administratiekantoren/${officeId}/machtigen`)).statusCode).toBe(409);
    await boardAdmin.get(`${B()}/leden`);
    expect((await boardAdmin.post(`${B()}/administratiekantoren/${officeId}/machtigen`, {})).statusCode).toBe(409);
    expect(await t.database.query('SELECT 1 FROM office_mandates')).toHaveLength(1);
  });

  it('shows the office the boards that authorise it, with the way to their deliveries; another office sees none of them', async () => {
    const page = await officeAdmin.get(`/beheer/administratiekantoor/${officeId}/besturen`);
    expect(page.statusCode).toBe(200);
    expect(visibleText(page.body)).toContain(`${board.name} ${board.number}`);
    expect(page.body).toContain(`href="/beheer/bestuur/${board.id}/aanleveringen"`);
    // Beheer leads there, and the start page to the deliveries for the board
    expect((await officeAdmin.get('/beheer')).body).toContain(`href="/beheer/administratiekantoor/${officeId}/besturen"`);
    expect((await officeAdmin.get('/start')).body).toContain(`href="/beheer/bestuur/${board.id}/aanleveringen"`);
    expect((await otherOfficeAdmin.get(`/beheer/administratiekantoor/${officeId}/besturen`)).statusCode).toBe(403);
    expect(visibleText((await otherOfficeAdmin.get(`/beheer/administratiekantoor/${otherOfficeId}/besturen`)).body)).toContain(
      'Nog geen bestuur heeft dit administratiekantoor gemachtigd.',
    );
    // the board's pages stay the board's: its members, staff list and disputes
    for (const path of ['/leden', '/personeel', '/betwistingen', '/tokens']) expect((await officeAdmin.get(`${B()}${path}`)).statusCode, path).toBe(403);
    // register staff see the count, and the office's boards without a way to deliveries they may not open
    expect(visibleText((await staff.get('/beheer/administratiekantoren')).body)).toContain('Salarisadministratie Noord 12345678 1 bestuur');
    const asStaff = await staff.get(`/beheer/administratiekantoor/${officeId}/besturen`);
    expect(visibleText(asStaff.body)).toContain(`${board.name} ${board.number}`);
    expect(asStaff.body).not.toContain(`/beheer/bestuur/${board.id}/aanleveringen`);
    expect((await staff.get(`/beheer/bestuur/${board.id}/aanleveringen`)).statusCode).toBe(403);
  });

  it('withdraws on confirmation: the office loses the board from its next request, its admins are told, it can be authorised again', async () => {
    const confirm = await boardAdmin.get(`${B()}/administratiekantoren/${officeId}/intrekken`);
    expect(confirm.statusCode).toBe(200);
    expect(visibleText(confirm.body)).toContain('ook de aanleveringen die het eerder deed niet');
    expect((await otherBoardAdmin.get(`${B()}/administratiekantoren/${officeId}/intrekken`)).statusCode).toBe(403);
    expect((await boardAdmin.get(`${B()}/administratiekantoren/${otherOfficeId}/intrekken`)).statusCode).toBe(404);

    const done = await boardAdmin.post(`${B()}/administratiekantoren/${officeId}/intrekken`, {});
    expect(done.statusCode).toBe(303);
    const page = visibleText((await boardAdmin.get(String(done.headers.location))).body);
    expect(page).toContain('De machtiging is ingetrokken.');
    expect(page).toContain('Er is geen administratiekantoor gemachtigd');
    expect(visibleText((await officeAdmin.get(`/beheer/administratiekantoor/${officeId}/besturen`)).body)).toContain(
      'Nog geen bestuur heeft dit administratiekantoor gemachtigd.',
    );
    const [mail] = (await mailsTo(t.database, 'anna@salaris-noord.nl')).slice(-1);
    expect(mail.subject).toBe(`${board.name} heeft de machtiging van Salarisadministratie Noord ingetrokken`);
    const [withdrawn] = await auditRows(t.database, 'office-mandate.withdrawn');
    expect(withdrawn).toMatchObject({ actor_role: 'board-admin', subject_organisation_id: board.id });
    expect(withdrawn.before).toMatchObject({ office: officeId });
    // withdrawn already: nothing to withdraw
    await boardAdmin.get(`${B()}/leden`);
    expect((await boardAdmin.post(`${B()}/administratiekantoren/${officeId}/intrekken`, {})).statusCode).toBe(404);

    // and authorised again later: a new machtiging, the old one kept as history
    await boardAdmin.get(`${B()}/administratiekantoren/${officeId}/machtigen`);
    expect((await boardAdmin.post(`${B()}/administratiekantoren/${officeId}/machtigen`, {})).statusCode).toBe(303);
    const rows = await t.database.query<{ withdrawn: boolean }>('SELECT withdrawn_at IS NOT NULL AS withdrawn FROM office_mandates ORDER BY granted_at');
    expect(rows.map((r) => r.withdrawn)).toEqual([true, false]);
    // the board admin's AVG download holds this work of theirs; register staff's, the office they added
    const work = JSON.parse((await boardAdmin.get('/mijn-gegevens/download')).body).werkzaamheden;
    expect(work.machtigingen).toMatchObject([
      { administratiekantoor: 'Salarisadministratie Noord', doorUGegeven: true, doorUIngetrokken: true },
      { administratiekantoor: 'Salarisadministratie Noord', doorUGegeven: true, ingetrokken: null },
    ]);
    const added = JSON.parse((await staff.get('/mijn-gegevens/download')).body).werkzaamheden.administratiekantoren;
    expect(added).toContainEqual(expect.objectContaining({ naam: 'Salarisadministratie Noord', kvkNummer: '12345678' }));
  });
});
