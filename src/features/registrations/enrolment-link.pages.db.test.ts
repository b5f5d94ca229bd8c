import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { boardStaffActor, deliverAndApply, deliveringBoard, deliveryDeps } from '../../../tests/support/deliveries.ts';
import { auditRows, mailsTo, sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, type WebSession } from '../../../tests/support/web-session.ts';
import { registerOfficeId } from '../../platform/auth/roles.ts';
import { issueInvitationCodes } from '../register/index.ts';

/**
 * Register staff link and unlink an enrolment's account (issue 19, decision 021): with a reason, after
 * a confirmation step; audited with the reason; the account's holder is mailed; the enrolment's own
 * account follows; and an unlinked account is not linked again by its address or a code.
 */
let t: TestApp;
let staff: WebSession;
let wrong: { id: string; web: WebSession };
let registerNumber: string;
let personId: string;
const enrolmentPath = () => `/beheer/inschrijvingen/${registerNumber}`;

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
  const { board, school } = await deliveringBoard(t.database);
  const hr = await boardStaffActor(t.database, board.id, 'hr@koppel.nl');
  await deliverAndApply(
    deliveryDeps(t.database),
    hr,
    board.id,
    [
      {
        bevoegd_gezag_nummer: board.number,
        personeelsnummer: 'K1',
        voorletters: 'K.',
        achternaam: 'Koppel',
        geboortedatum: '1983-03-03',
        // a shared mailbox: the account with this address took the record, and enrolled
        email: 'team@school.nl',
        instellingscode: school.brin,
        vestigingscode: school.location,
        functie: 'LERAAR',
        benoemingsgrondslag: 'BEVOEGD',
        begindatum: '2019-08-01',
      },
    ],
    'volledig',
  );
  const account = await createAccount(t.database, { email: 'team@school.nl', displayName: 'Teamaccount' });
  wrong = { id: account.id, web: await sessionFor(t.app, t.database, account.id) };
  await wrong.web.get('/mijn-register');
  expect((await wrong.web.post('/mijn-register/inschrijving', {})).statusCode).toBe(303);
  [{ register_number: registerNumber, person_id: personId }] = await t.database.query<{ register_number: string; person_id: string }>(
    `SELECT register_number, person_id FROM enrolments`,
  );
  const member = await createAccount(t.database, {
    email: 'staf@register.nl',
    displayName: 'Stefan Staf',
    roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
  });
  staff = await sessionFor(t.app, t.database, member.id);
});
afterAll(async () => t?.close());

const links = async () => ({
  person: (await t.database.query<{ account_id: string | null }>(`SELECT account_id FROM persons WHERE id = $1`, [personId]))[0].account_id,
  enrolment: (await t.database.query<{ account_id: string | null }>(`SELECT account_id FROM enrolments WHERE person_id = $1`, [personId]))[0].account_id,
});

describe('unlinking', () => {
  it('shows whose account it is on the enrolment page', async () => {
    const page = visibleText((await staff.get(enrolmentPath())).body);
    expect(page).toContain('Account Naam van het account Teamaccount E-mailadres van het account team@school.nl');
    expect(page).toContain('Account ontkoppelen');
  });

  it('needs a reason, at its field', async () => {
    await staff.get(`${enrolmentPath()}/ontkoppelen`);
    const res = await staff.post(`${enrolmentPath()}/ontkoppelen`, { reden: '  ' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#reden"');
    expect(visibleText(res.body)).toContain('Schrijf waarom het account wordt ontkoppeld.');
  });

  it('repeats what it will do, changes nothing until confirmed, then unlinks: audited with the reason, mailed, the enrolment follows', async () => {
    const reason = 'Het gedeelde teamadres is niet van K. Koppel; zij belde zelf.';
    const check = await staff.post(`${enrolmentPath()}/ontkoppelen`, { reden: reason });
    expect(check.statusCode).toBe(200);
    expect(visibleText(check.body)).toContain('Het account team@school.nl wordt losgekoppeld van de gegevens en de inschrijving van K. Koppel.');
    expect(await links()).toEqual({ person: wrong.id, enrolment: wrong.id });

    const done = await staff.post(`${enrolmentPath()}/ontkoppelen`, { reden: reason, stap: 'bevestigen' });
    expect(done.headers.location).toBe(`${enrolmentPath()}?melding=ontkoppeld`);
    expect(visibleText((await staff.get(String(done.headers.location))).body)).toContain('Deze inschrijving is aan geen account gekoppeld.');
    expect(await links()).toEqual({ person: null, enrolment: null });
    const [event] = await auditRows(t.database, 'person.unlinked');
    expect(event).toMatchObject({ subject_account_id: wrong.id, subject_person_id: personId, reason });
    const [mail] = await mailsTo(t.database, 'team@school.nl');
    expect(mail.subject).toBe('Uw account is losgekoppeld van een inschrijving');
    expect(mail.text).toContain(reason);
    expect(mail.text).toContain(registerNumber);
  });

  it('the unlinked account no longer sees the record, and neither its address nor a code links it again', async () => {
    const page = visibleText((await wrong.web.get('/mijn-register')).body);
    expect(page).not.toContain('K. Koppel');
    expect(page).not.toContain(registerNumber);
    const [code] = await issueInvitationCodes(t.database.db, [personId], new Date());
    const byCode = await wrong.web.get(`/mijn-register/koppelen?code=${code}`);
    expect(byCode.statusCode).toBe(400);
    expect(visibleText(byCode.body)).toContain('Het Beroepsregister heeft deze gegevens van uw account losgekoppeld.');
    expect(await links()).toEqual({ person: null, enrolment: null });
    // their AVG download says it happened (the record itself is no longer theirs)
    const download = JSON.parse((await wrong.web.get('/mijn-gegevens/download')).body);
    expect(download.register.ontkoppelingen).toMatchObject([{ wat: 'uw account losgekoppeld van een inschrijving' }]);
    expect(download.register.inschrijving).toBeNull();
  });
});

describe('linking', () => {
  it('needs a confirmed account without a person of its own, and a reason, each at its field', async () => {
    await createAccount(t.database, { email: 'onbevestigd@thuis.nl', verified: false });
    await staff.get(`${enrolmentPath()}/koppelen`);
    const unknown = await staff.post(`${enrolmentPath()}/koppelen`, { email: 'niemand@thuis.nl', reden: '' });
    expect(unknown.statusCode).toBe(400);
    expect(visibleText(unknown.body)).toContain('Er is geen account met dit e-mailadres.');
    expect(visibleText(unknown.body)).toContain('Schrijf waarom deze inschrijving aan dit account wordt gekoppeld.');
    const unverified = await staff.post(`${enrolmentPath()}/koppelen`, { email: 'onbevestigd@thuis.nl', reden: 'Gebeld.' });
    expect(visibleText(unverified.body)).toContain('Dit account heeft zijn e-mailadres nog niet bevestigd.');
    const other = await createAccount(t.database, { email: 'bezet@thuis.nl' });
    await t.database.query(`INSERT INTO persons (id, initials, surname, birth_date, account_id) VALUES (gen_random_uuid(), 'B.', 'Bezet', '1970-01-01', $1)`, [
      other.id,
    ]);
    const taken = await staff.post(`${enrolmentPath()}/koppelen`, { email: 'bezet@thuis.nl', reden: 'Gebeld.' });
    expect(visibleText(taken.body)).toContain('Dit account is al gekoppeld aan gegevens of een inschrijving in het register.');
    expect(await links()).toEqual({ person: null, enrolment: null });
  });

  it('repeats whose account it is, then links: audited with the reason, mailed, the enrolment follows', async () => {
    const right = await createAccount(t.database, { email: 'k.koppel@thuis.nl', displayName: 'Karin Koppel' });
    const reason = 'Identiteit gecontroleerd aan de balie met haar paspoort.';
    const check = visibleText((await staff.post(`${enrolmentPath()}/koppelen`, { email: 'K.Koppel@thuis.nl ', reden: reason })).body);
    expect(check).toContain('Het account k.koppel@thuis.nl krijgt de gegevens en de inschrijving van K. Koppel.');
    expect(check).toContain('Karin Koppel');
    expect(await links()).toEqual({ person: null, enrolment: null });

    const done = await staff.post(`${enrolmentPath()}/koppelen`, { email: 'k.koppel@thuis.nl', reden: reason, stap: 'bevestigen' });
    expect(done.headers.location).toBe(`${enrolmentPath()}?melding=gekoppeld`);
    expect(await links()).toEqual({ person: right.id, enrolment: right.id });
    const linked = (await auditRows(t.database, 'person.linked')).filter((e) => e.subject_account_id === right.id);
    expect(linked).toEqual([expect.objectContaining({ subject_person_id: personId, reason, after: expect.objectContaining({ via: 'registerbeheer' }) })]);
    const [mail] = await mailsTo(t.database, 'k.koppel@thuis.nl');
    expect(mail.subject).toBe('Uw account is gekoppeld aan uw inschrijving');
    expect(mail.text).toContain(reason);
    const page = visibleText((await (await sessionFor(t.app, t.database, right.id)).get('/mijn-register')).body);
    expect(page).toContain(`Registernummer ${registerNumber}`);
    expect(page).toContain('Nog te controleren: 1.');
  });

  it('an enrolment with an account is not linked to a second one: unlink first', async () => {
    const res = await staff.get(`${enrolmentPath()}/koppelen`);
    expect(res.statusCode).toBe(409);
    expect(visibleText(res.body)).toContain('Deze inschrijving is al aan een account gekoppeld. Ontkoppel dat eerst.');
  });
});
