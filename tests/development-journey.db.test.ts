import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, dutchToday } from '../src/platform/dates/calendar.ts';
import { professional, type TestProfessional } from '../src/features/register/index.ts';
import { registerOfficeId } from '../src/platform/auth/roles.ts';
import { formatDay } from '../src/platform/i18n.ts';
import { createAccount } from './support/accounts.ts';
import { mailsTo, sessionFor } from './support/identity.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { visibleText, type WebSession } from './support/web-session.ts';

/**
 * Issue 6's journey across its slices, as each person does it in their own pages: a provider submits
 * an offering, the Commissie Accreditatie accredits it, the provider records a school leader's
 * attendance, her dossier shows the points, she applies for re-registration and the Commissie
 * Registratie grants it until the date the points earn.
 */

const office = { kind: 'register' as const, id: registerOfficeId };
const today = dutchToday();
const dutch = (day: string) => formatDay('nl', day);
const tenDaysAgo = addDays(today, -10);

let t: TestApp;
let staff: WebSession;
let accreditor: WebSession;
let accreditorId: string;
let registrar: WebSession;
let registrarId: string;
let provider: WebSession;
let providerId: string;
let leader: TestProfessional & { web: WebSession; until: string };
let offeringId: string;
let runId: string;

const offerings = () => `/beheer/aanbieder/${providerId}/aanbod`;

beforeAll(async () => {
  t = await createTestApp();
  staff = await sessionFor(
    t.app,
    t.database,
    (await createAccount(t.database, { email: 'staf@register.nl', roles: [{ role: 'register-staff', organisation: office }] })).id,
  );
  const a = await createAccount(t.database, {
    email: 'lid@accreditatie.nl',
    displayName: 'Carla Accreditatie',
    roles: [{ role: 'accreditation-committee', organisation: office }],
  });
  [accreditorId, accreditor] = [a.id, await sessionFor(t.app, t.database, a.id)];
  const r = await createAccount(t.database, {
    email: 'lid@registratie.nl',
    displayName: 'Rob Registratie',
    roles: [{ role: 'registration-committee', organisation: office }],
  });
  [registrarId, registrar] = [r.id, await sessionFor(t.app, t.database, r.id)];

  // register staff add the provider; its admin is a member of it
  await staff.get('/beheer/aanbieders');
  expect(
    (await staff.post('/beheer/aanbieders', { naam: 'Academie voor Schoolleiders', soort: 'aanbieder', email: 'info@academie.nl', website: '' })).statusCode,
  ).toBe(303);
  [{ id: providerId }] = await t.database.query<{ id: string }>('SELECT id FROM providers');
  const p = await createAccount(t.database, {
    email: 'beheer@academie.nl',
    displayName: 'Ilse de Jong',
    roles: [{ role: 'provider-admin', organisation: { kind: 'aanbieder', id: providerId } }],
  });
  provider = await sessionFor(t.app, t.database, p.id);

  // a school leader registered five years ago; her registration ends in three months, her dossier is empty
  const until = addMonths(today, 3);
  const account = await createAccount(t.database, { email: 'sanne@school.nl', displayName: 'Sanne Smit' });
  const registered = await professional(t.database, {
    email: 'sanne@school.nl',
    surname: 'Smit',
    accountId: account.id,
    register: 'schoolleidersregister-po',
    since: addDays(addYears(until, -5), 1),
    until,
  });
  leader = { ...registered, web: await sessionFor(t.app, t.database, account.id), until };
});
afterAll(async () => t?.close());

describe('from an offering to a granted re-registration', () => {
  it('the provider submits an offering for advance valuation', async () => {
    await provider.get(`${offerings()}/nieuw`);
    const res = await provider.post(offerings(), {
      titel: 'Leiderschap in de lerende school',
      omschrijving: 'Een leergang voor schoolleiders.',
      leerdoelen: 'U bouwt met uw team aan een lerende cultuur.',
      soort: 'cursus',
      vorm: 'klassikaal',
      themas: ['Persoonlijk leiderschap', 'Leiding geven aan verandering'],
      competenties: ['Visiegestuurd werken'],
      studielast: '24',
      primairProces: 'nee',
      prijs: '950',
      contactNaam: 'Ilse de Jong',
      contactEmail: 'ilse@academie.nl',
    });
    expect(res.statusCode).toBe(303);
    [{ id: offeringId }] = await t.database.query<{ id: string }>('SELECT id FROM offerings');
    expect(visibleText((await provider.get(offerings())).body)).toContain('Leiderschap in de lerende school cursus ingediend');
  });

  it('register staff assign it and the Commissie Accreditatie accredits it for 70 points', async () => {
    await staff.get('/beheer/accreditatie');
    expect((await staff.post(`/beheer/accreditatie/${offeringId}/toewijzing`, { lid: accreditorId })).statusCode).toBe(303);
    await accreditor.get(`/beheer/accreditatie/${offeringId}`);
    const res = await accreditor.post(`/beheer/accreditatie/${offeringId}/besluit`, {
      besluit: 'accrediteren',
      punten: '70',
      themas: ['Persoonlijk leiderschap', 'Leiding geven aan verandering'],
      geldigVanaf: tenDaysAgo,
      geldigTot: addYears(tenDaysAgo, 6),
      motivering: "Heldere leerdoelen bij de gekozen thema's.",
    });
    expect(res.statusCode).toBe(303);
    const page = visibleText((await provider.get(`${offerings()}/${offeringId}`)).body);
    expect(page).toContain('Status geaccrediteerd Punten 70 punten');
    expect((await mailsTo(t.database, 'ilse@academie.nl')).length).toBeGreaterThan(0);
  });

  it('the offering is in the public catalogue', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/aanbod?zoek=lerende' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { _embedded?: Record<string, { titel: string }[]> } & Record<string, unknown>;
    expect(JSON.stringify(body)).toContain('Leiderschap in de lerende school');
    expect(visibleText((await t.app.inject({ method: 'GET', url: `/aanbod/${offeringId}` })).body)).toContain(
      "Punten 70 Thema's Persoonlijk leiderschap, Leiding geven aan verandering",
    );
  });

  it("the provider adds yesterday's run and records the school leader's attendance by register number", async () => {
    const runs = `${offerings()}/${offeringId}/uitvoeringen`;
    await provider.get(runs);
    const added = await provider.post(runs, {
      datum: addDays(today, -1),
      begintijd: '09:30',
      eindtijd: '16:00',
      vorm: 'locatie',
      plaats: 'Jaarbeurs, Utrecht',
      provincie: 'Utrecht',
      capaciteit: '25',
    });
    expect(added.statusCode).toBe(303);
    [{ id: runId }] = await t.database.query<{ id: string }>('SELECT id FROM offering_runs');
    await provider.get(`${runs}/${runId}/presentie`);
    const recorded = await provider.post(`${runs}/${runId}/presentie`, { registernummers: leader.registerNumber });
    expect(recorded.statusCode).toBeLessThan(400);
    expect(visibleText((await provider.get(`${runs}/${runId}/presentie`)).body)).toContain(leader.registerNumber);
  });

  it("the school leader's dossier shows the activity with its 70 points, and the rule is met", async () => {
    const dossier = visibleText((await leader.web.get('/mijn-register/dossier')).body);
    expect(dossier).toContain(
      `Leiderschap in de lerende school cursus (uit geaccrediteerd aanbod) ${dutch(addDays(today, -1))} 24 70 Persoonlijk leiderschap, Leiding geven aan verandering`,
    );
    expect(dossier).toContain('70 punten: genoeg voor herregistratie');
    const page = visibleText((await leader.web.get('/mijn-register/herregistratie')).body);
    expect(page).toContain(`Punten 70 van ten minste 60 Volgende periode tot en met ${dutch(addYears(leader.until, 3))}`);
  });

  it('she applies; the Commissie Registratie grants it until three years after the end of her period (60–79 points)', async () => {
    await leader.web.get('/mijn-register/herregistratie');
    expect((await leader.web.post('/mijn-register/herregistratie', { bevestigd: 'ja' })).statusCode).toBe(303);
    const [{ id }] = await t.database.query<{ id: string }>(`SELECT id FROM registration_applications WHERE enrolment_id = $1 AND kind = 'herregistratie'`, [
      leader.enrolmentId,
    ]);
    await staff.get('/beheer/aanvragen');
    expect((await staff.post(`/beheer/aanvragen/${id}/toewijzing`, { lid: registrarId })).statusCode).toBe(303);
    await registrar.get(`/beheer/aanvragen/${id}`);
    expect(
      (
        await registrar.post(`/beheer/aanvragen/${id}/besluit`, {
          besluit: 'registreren',
          motivering: 'De 70 punten uit het geaccrediteerde aanbod volstaan.',
          bevestigd: 'ja',
        })
      ).statusCode,
    ).toBe(303);

    const next = addYears(leader.until, 3);
    const entry = await t.app.inject({ method: 'GET', url: `/api/v1/registraties/${leader.registerNumber}` });
    expect(entry.statusCode).toBe(200);
    expect(JSON.stringify(entry.json())).toContain(next);
  });

  it('what she does after the early grant counts for the next period, and the 70 points do not count twice', async () => {
    await leader.web.get('/mijn-register/dossier');
    const added = await leader.web.post('/mijn-register/dossier', {
      soort: 'intervisie',
      titel: 'Intervisie met collega-schoolleiders',
      begindatum: today,
      einddatum: today,
      uren: '6',
      themas: ['Persoonlijk leiderschap'],
    });
    expect(added.statusCode).toBe(303);
    const page = visibleText((await leader.web.get('/mijn-register/herregistratie')).body);
    expect(page).toContain(`Periode ${dutch(today)} tot en met ${dutch(addYears(leader.until, 3))}`);
    expect(page).toContain('Punten 0 van ten minste 60');
    expect(page).not.toContain('Punten 70');
  });
});
