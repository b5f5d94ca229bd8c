import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { auditRows, mailsTo, sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, type WebSession } from '../../../tests/support/web-session.ts';
import { registerOfficeId } from '../../platform/auth/roles.ts';
import { addYears, dutchToday } from '../../platform/dates/calendar.ts';
import { formatDay } from '../../platform/i18n.ts';
import { seedDemoAccreditation } from './accreditation.service.ts';

let t: TestApp;
let staff: WebSession;
let member: WebSession;
let otherMember: WebSession;
let provider: WebSession;
let otherProvider: WebSession;
let providerId: string;
let otherProviderId: string;
let memberId: string;
let offeringId: string;
const today = dutchToday();
const dutch = (day: string) => formatDay('nl', day);
const office = { kind: 'register' as const, id: registerOfficeId };

const offeringForm = {
  titel: 'Leiderschap in de lerende school',
  omschrijving: 'Een leergang voor schoolleiders over leiding geven aan een lerende organisatie.',
  leerdoelen: 'U bouwt met uw team aan een lerende cultuur.',
  soort: 'cursus',
  vorm: 'hybride',
  themas: ['Persoonlijk leiderschap', 'Leiding geven aan verandering'],
  competenties: ['Visiegestuurd werken'],
  studielast: '24,5',
  primairProces: 'ja',
  prijs: '1250',
  contactNaam: 'Ilse de Jong',
  contactEmail: 'ilse@academie.nl',
};

const P = () => `/beheer/aanbieder/${providerId}/aanbod`;
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 24 * 3600 * 1000).toISOString().slice(0, 10);
const status = async (id = offeringId) => (await t.database.query<{ status: string }>('SELECT status FROM offerings WHERE id = $1', [id]))[0].status;

beforeAll(async () => {
  t = await createTestApp();
  const staffAccount = await createAccount(t.database, {
    email: 'staf@register.nl',
    displayName: 'Rachid Register',
    roles: [{ role: 'register-staff', organisation: office }],
  });
  staff = await sessionFor(t.app, t.database, staffAccount.id);
  const memberAccount = await createAccount(t.database, {
    email: 'lid@accreditatie.nl',
    displayName: 'Carla Commissie',
    roles: [{ role: 'accreditation-committee', organisation: office }],
  });
  memberId = memberAccount.id;
  member = await sessionFor(t.app, t.database, memberAccount.id);
  otherMember = await sessionFor(
    t.app,
    t.database,
    (
      await createAccount(t.database, {
        email: 'ander@accreditatie.nl',
        displayName: 'Anton Ander',
        roles: [{ role: 'accreditation-committee', organisation: office }],
      })
    ).id,
  );
});
afterAll(async () => t?.close());

describe('register staff keep the providers', () => {
  it('add a provider; a bad form is refused at its fields and stores nothing', async () => {
    await staff.get('/beheer/aanbieders');
    const bad = await staff.post('/beheer/aanbieders', { naam: '', soort: 'aanbieder', email: 'geen-adres', website: 'javascript:alert(1)' });
    expect(bad.statusCode).toBe(400);
    for (const field of ['naam', 'email', 'website']) expect(bad.body).toContain(`href="#${field}"`);
    expect(visibleText(bad.body)).toContain('Vul een geldig e-mailadres in, zoals info@academie.nl.');
    expect(await t.database.query('SELECT 1 FROM providers')).toEqual([]);

    const res = await staff.post('/beheer/aanbieders', {
      naam: 'Academie voor Schoolleiders',
      soort: 'aanbieder',
      email: 'info@academie.nl',
      website: 'https://www.academie.nl',
    });
    expect(res.statusCode).toBe(303);
    const page = visibleText((await staff.get(String(res.headers.location))).body);
    expect(page).toContain('De aanbieder is toegevoegd.');
    expect(page).toContain('Academie voor Schoolleiders aanbieder info@academie.nl https://www.academie.nl Medewerkers');
    [{ id: providerId }] = await t.database.query<{ id: string }>(`SELECT id FROM providers WHERE name = 'Academie voor Schoolleiders'`);
    expect((await auditRows(t.database, 'provider.added')).map((r) => r.subject_organisation_id)).toEqual([providerId]);
  });

  it('refuse a name already in the register (in any case), at the name field', async () => {
    await staff.get('/beheer/aanbieders');
    const res = await staff.post('/beheer/aanbieders', { naam: 'academie VOOR schoolleiders', soort: 'lerarenopleiding', email: 'x@y.nl', website: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#naam"');
    expect(visibleText(res.body)).toContain('Er staat al een aanbieder met de naam "academie VOOR schoolleiders" in het register.');
    expect(await t.database.query('SELECT 1 FROM providers')).toHaveLength(1);
  });

  it('say the refusals in English to a reader who chose English', async () => {
    staff.cookies.set('lang', 'en');
    try {
      await staff.get('/beheer/aanbieders');
      const bad = await staff.post('/beheer/aanbieders', { naam: '', soort: 'school', email: 'geen-adres', website: 'javascript:alert(1)' });
      expect(bad.statusCode).toBe(400);
      const text = visibleText(bad.body);
      expect(text).toContain('There is a problem');
      for (const line of [
        'Enter the name of the provider (2 to 200 characters).',
        'Choose: provider or teacher-education institute.',
        'Enter a valid e-mail address, such as info@academie.nl.',
        'Enter a web address that starts with https:// or http://, or leave it empty.',
      ])
        expect(text).toContain(line);
      expect(text).not.toContain('Vul een geldig e-mailadres in');
      // the use case's refusal, with the name as typed in it
      const taken = await staff.post('/beheer/aanbieders', { naam: 'Academie voor schoolleiders', soort: 'aanbieder', email: 'x@y.nl', website: '' });
      expect(taken.statusCode).toBe(400);
      expect(visibleText(taken.body)).toContain('There is already a provider named "Academie voor schoolleiders" in the register.');
    } finally {
      staff.cookies.delete('lang');
    }
  });

  it("open the provider's members page and invite its administrator", async () => {
    const members = await staff.get(`/beheer/aanbieder/${providerId}/leden`);
    expect(members.statusCode).toBe(200);
    expect(visibleText(members.body)).toContain('Academie voor Schoolleiders');
    const invited = await staff.post(`/beheer/aanbieder/${providerId}/uitnodigingen`, { email: 'beheer@academie.nl', rol: 'provider-admin' });
    expect(invited.statusCode).toBe(200);
    const [mail] = await mailsTo(t.database, 'beheer@academie.nl');
    expect(mail.subject).toContain('Academie voor Schoolleiders');
    // the provider's staff, as if they had taken their invitations; and a second provider with its own staff
    provider = await sessionFor(
      t.app,
      t.database,
      (
        await createAccount(t.database, {
          email: 'ilse@academie.nl',
          displayName: 'Ilse de Jong',
          roles: [{ role: 'provider-staff', organisation: { kind: 'aanbieder', id: providerId } }],
        })
      ).id,
    );
    await staff.get('/beheer/aanbieders');
    await staff.post('/beheer/aanbieders', { naam: 'Pabo Noorderlicht', soort: 'lerarenopleiding', email: 'pabo@noorderlicht.nl', website: '' });
    [{ id: otherProviderId }] = await t.database.query<{ id: string }>(`SELECT id FROM providers WHERE name = 'Pabo Noorderlicht'`);
    otherProvider = await sessionFor(
      t.app,
      t.database,
      (
        await createAccount(t.database, {
          email: 'jeroen@noorderlicht.nl',
          displayName: 'Jeroen Postma',
          roles: [{ role: 'provider-admin', organisation: { kind: 'aanbieder', id: otherProviderId } }],
        })
      ).id,
    );
  });
});

describe('a provider submits an offering', () => {
  it('refuses a bad form at every field and stores nothing', async () => {
    const form = await provider.get(`${P()}/nieuw`);
    expect(form.statusCode).toBe(200);
    // the themes and competencies of the current framework version to tick
    expect(visibleText(form.body)).toContain('Uit het referentiekader, versie 1.');
    expect(form.body).toContain('value="Regie & strategie"');
    expect(form.body).toContain('value="Hogere-orde denken"');
    const res = await provider.post(P(), { ...offeringForm, titel: '', themas: [], studielast: '0', prijs: 'gratis', contactEmail: 'ilse' });
    expect(res.statusCode).toBe(400);
    for (const field of ['titel', 'themas', 'studielast', 'prijs', 'contactEmail']) expect(res.body).toContain(`href="#${field}"`);
    const text = visibleText(res.body);
    expect(text).toContain('Kies ten minste één professionaliseringsthema.');
    expect(text).toContain('Fout: Geef het aanbod een titel (2 tot 200 tekens).');
    // what was typed stays in the form
    expect(res.body).toContain('Een leergang voor schoolleiders over leiding geven');
    expect(await t.database.query('SELECT 1 FROM offerings')).toEqual([]);
    expect(await t.database.query('SELECT 1 FROM offering_events')).toEqual([]);
  });

  it('submits: ingediend, with its first history line, in the list with its status', async () => {
    await provider.get(`${P()}/nieuw`);
    const res = await provider.post(P(), offeringForm);
    expect(res.statusCode).toBe(303);
    [{ id: offeringId }] = await t.database.query<{ id: string }>('SELECT id FROM offerings');
    expect(res.headers.location).toBe(`${P()}/${offeringId}?melding=ingediend`);
    const page = visibleText((await provider.get(String(res.headers.location))).body);
    expect(page).toContain('Uw aanbod is ingediend.');
    expect(page).toContain('Status ingediend Ingediend door Academie voor Schoolleiders');
    expect(page).toContain('Persoonlijk leiderschap, Leiding geven aan verandering');
    expect(page).toContain('€ 1250');
    expect(page).toMatch(/Verloop .* ingediend Ilse de Jong/);
    const list = visibleText((await provider.get(P())).body);
    expect(list).toContain('Leiderschap in de lerende school cursus ingediend');
    expect(await t.database.query('SELECT organisation_kind, organisation_name, study_load_hours::float8 AS hours, price_cents FROM offerings')).toEqual([
      { organisation_kind: 'aanbieder', organisation_name: 'Academie voor Schoolleiders', hours: 24.5, price_cents: 125000 },
    ]);
    expect(await auditRows(t.database, 'offering.submitted')).toHaveLength(1);
  });

  it('refuses a step that is not possible now with the reason in English, to a reader who chose English', async () => {
    provider.cookies.set('lang', 'en');
    try {
      await provider.get(`${P()}/${offeringId}`);
      const res = await provider.post(`${P()}/${offeringId}/antwoord`, { ...offeringForm, antwoord: 'Hier is het antwoord.' });
      expect(res.statusCode).toBe(409);
      expect(visibleText(res.body)).toContain('The commission has not asked for information; there is nothing to answer now.');
    } finally {
      provider.cookies.delete('lang');
    }
    expect(await status()).toBe('ingediend');
  });

  it("keeps providers apart: another provider's staff get 403 on the list and 404 for the offering under their own address", async () => {
    expect((await otherProvider.get(P())).statusCode).toBe(403);
    expect((await otherProvider.get(`${P()}/${offeringId}`)).statusCode).toBe(403);
    const mine = `/beheer/aanbieder/${otherProviderId}/aanbod`;
    const res = await otherProvider.get(`${mine}/${offeringId}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Leiderschap in de lerende school');
    await otherProvider.get(mine);
    expect((await otherProvider.post(`${mine}/${offeringId}/intrekken`, { bevestigd: 'ja' })).statusCode).toBe(404);
    expect(visibleText((await otherProvider.get(mine)).body)).toContain('U hebt nog geen aanbod ingediend.');
    expect(await status()).toBe('ingediend');
  });

  it('refuses register staff the submitting pages', async () => {
    expect((await staff.get(P())).statusCode).toBe(403);
    expect((await staff.get(`${P()}/${offeringId}`)).statusCode).toBe(403);
  });
});

describe('the Commissie Accreditatie', () => {
  it('register staff see the queue and assign a member: in behandeling', async () => {
    const queue = await staff.get('/beheer/accreditatie');
    expect(visibleText(queue.body)).toContain('Leiderschap in de lerende school Academie voor Schoolleiders ingediend');
    expect(queue.body).toContain(`<option value="${memberId}"`);
    const none = await staff.post(`/beheer/accreditatie/${offeringId}/toewijzing`, { lid: '' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain(`href="#lid-${offeringId}"`);
    const res = await staff.post(`/beheer/accreditatie/${offeringId}/toewijzing`, { lid: memberId });
    expect(res.statusCode).toBe(303);
    expect(await status()).toBe('in-behandeling');
    expect(visibleText((await member.get('/beheer/accreditatie')).body)).toMatch(
      /Aan mij toegewezen .*Leiderschap in de lerende school Academie voor Schoolleiders in behandeling/,
    );
  });

  it('filters the queue by status', async () => {
    expect(visibleText((await staff.get('/beheer/accreditatie?status=geaccrediteerd')).body)).toContain('Er is geen aanbod met deze status.');
    expect(visibleText((await staff.get('/beheer/accreditatie?status=in-behandeling')).body)).toContain('Leiderschap in de lerende school');
  });

  it('only the assigned member acts; another member reads but is refused', async () => {
    const read = await otherMember.get(`/beheer/accreditatie/${offeringId}`);
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain(`action="/beheer/accreditatie/${offeringId}/besluit"`);
    expect((await otherMember.post(`/beheer/accreditatie/${offeringId}/informatie`, { vraag: 'Hoe groot zijn de groepen?' })).statusCode).toBe(403);
    expect(await status()).toBe('in-behandeling');
  });

  it('the member asks for information (a question is required); the contact gets it by mail', async () => {
    const review = await member.get(`/beheer/accreditatie/${offeringId}`);
    expect(visibleText(review.body)).toContain('Toegewezen aan Carla Commissie.');
    const empty = await member.post(`/beheer/accreditatie/${offeringId}/informatie`, { vraag: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#vraag"');
    expect(await status()).toBe('in-behandeling');
    const res = await member.post(`/beheer/accreditatie/${offeringId}/informatie`, { vraag: 'Hoeveel contacturen zijn er, en hoe groot zijn de groepen?' });
    expect(res.statusCode).toBe(303);
    expect(await status()).toBe('informatie-gevraagd');
    const [mail] = await mailsTo(t.database, 'ilse@academie.nl');
    expect(mail.subject).toBe('Vraag van de Commissie Accreditatie: Leiderschap in de lerende school');
    expect(mail.text).toContain('Hoeveel contacturen zijn er, en hoe groot zijn de groepen?');
    expect(mail.text).toContain(`${P()}/${offeringId}`);
    // deciding waits for the answer
    expect(visibleText((await member.get(`/beheer/accreditatie/${offeringId}`)).body)).not.toContain('Besluit vastleggen');
  });

  it('the provider answers and changes a field: in behandeling again, the change named in the history', async () => {
    const page = await provider.get(`${P()}/${offeringId}`);
    const text = visibleText(page.body);
    expect(text).toContain('Status informatie gevraagd');
    expect(text).toContain('Hoeveel contacturen zijn er, en hoe groot zijn de groepen? ');
    expect(text).toContain('De commissie vraagt om informatie');
    const empty = await provider.post(`${P()}/${offeringId}/antwoord`, { ...offeringForm, antwoord: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#antwoord"');
    const res = await provider.post(`${P()}/${offeringId}/antwoord`, {
      ...offeringForm,
      studielast: '32',
      antwoord: '24 contacturen in groepen van twaalf; acht uur zelfstudie erbij.',
    });
    expect(res.statusCode).toBe(303);
    expect(await status()).toBe('in-behandeling');
    const after = visibleText((await provider.get(String(res.headers.location))).body);
    expect(after).toContain('Uw antwoord is verstuurd.');
    expect(after).toContain('24 contacturen in groepen van twaalf; acht uur zelfstudie erbij. Gewijzigd: studielast.');
    expect(after).toContain('32 uur');
    const [mail] = await mailsTo(t.database, 'lid@accreditatie.nl');
    expect(mail.subject).toBe('Antwoord van Academie voor Schoolleiders: Leiderschap in de lerende school');
    // answering again, with nothing asked, is refused
    expect((await provider.post(`${P()}/${offeringId}/antwoord`, { ...offeringForm, antwoord: 'Nog een antwoord.' })).statusCode).toBe(409);
  });

  it('refuses 5 or 101 points and a validity over six years at the field, and changes nothing', async () => {
    await member.get(`/beheer/accreditatie/${offeringId}`);
    const decision = {
      besluit: 'accrediteren',
      themas: ['Persoonlijk leiderschap'],
      geldigVanaf: today,
      geldigTot: addYears(today, 6),
      motivering: 'Een sterk programma.',
    };
    for (const punten of ['5', '101']) {
      const res = await member.post(`/beheer/accreditatie/${offeringId}/besluit`, { ...decision, punten });
      expect(res.statusCode, punten).toBe(400);
      expect(res.body).toContain('href="#punten"');
      expect(visibleText(res.body)).toContain('Geef een heel aantal punten van 10 tot en met 100.');
    }
    const tooLong = await member.post(`/beheer/accreditatie/${offeringId}/besluit`, { ...decision, punten: '40', geldigTot: dayAfter(addYears(today, 6)) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('href="#geldigTot"');
    expect(visibleText(tooLong.body)).toContain(`Een accreditatie geldt ten hoogste 6 jaar: tot en met ${dutch(addYears(today, 6))}.`);
    expect(await status()).toBe('in-behandeling');
    expect(await t.database.query('SELECT accredited_points FROM offerings')).toEqual([{ accredited_points: null }]);
  });

  it('accredits with 40 points: the provider sees geaccrediteerd, 40 punten and the validity, and gets the decision by mail', async () => {
    const form = await member.get(`/beheer/accreditatie/${offeringId}`);
    // the form proposes today for six years
    expect(form.body).toContain(`value="${today}"`);
    expect(form.body).toContain(`value="${addYears(today, 6)}"`);
    const res = await member.post(`/beheer/accreditatie/${offeringId}/besluit`, {
      besluit: 'accrediteren',
      punten: '40',
      themas: ['Persoonlijk leiderschap', 'Leiding geven aan verandering'],
      geldigVanaf: today,
      geldigTot: addYears(today, 6),
      motivering: "Heldere leerdoelen die passen bij de thema's.",
    });
    expect(res.statusCode).toBe(303);
    expect(await status()).toBe('geaccrediteerd');
    const page = await provider.get(`${P()}/${offeringId}`);
    const text = visibleText(page.body);
    expect(text).toContain(
      `Besluit van de Commissie Accreditatie Status geaccrediteerd Punten 40 punten Telt voor de thema's Persoonlijk leiderschap, Leiding geven aan verandering Geldig van ${dutch(today)} tot en met ${dutch(addYears(today, 6))} Besloten op ${dutch(today)}`,
    );
    expect(text).toContain("Heldere leerdoelen die passen bij de thema's.");
    expect(page.body).toContain(`href="${P()}/${offeringId}/uitvoeringen"`);
    expect(text).toContain('Uitvoeringen en presentie');
    // decided: no withdrawing, no answering
    expect(text).not.toContain('Aanbod intrekken');
    expect(visibleText((await provider.get(P())).body)).toMatch(
      new RegExp(`Leiderschap in de lerende school cursus geaccrediteerd .* 40 ${dutch(addYears(today, 6))}`),
    );
    const decided = (await mailsTo(t.database, 'ilse@academie.nl')).find((m) => m.subject === 'Besluit over uw aanbod: Leiderschap in de lerende school')!;
    expect(decided.text).toContain(`geaccrediteerd met 40 punten, geldig van ${dutch(today)} tot en met ${dutch(addYears(today, 6))}`);
    expect(await t.database.query('SELECT accredited_points, accredited_themes, valid_from::text, valid_until::text, decided_on::text FROM offerings')).toEqual(
      [
        {
          accredited_points: 40,
          accredited_themes: ['Persoonlijk leiderschap', 'Leiding geven aan verandering'],
          valid_from: today,
          valid_until: addYears(today, 6),
          decided_on: today,
        },
      ],
    );
    const audit = await auditRows(t.database, 'offering.decided');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_account_id: memberId, actor_role: 'accreditation-committee', subject_organisation_id: providerId });
    // a decided offering stays decided
    expect((await provider.post(`${P()}/${offeringId}/intrekken`, { bevestigd: 'ja' })).statusCode).toBe(409);
    expect(await status()).toBe('geaccrediteerd');
  });
});

describe('withdrawing and a board as submitter', () => {
  it('withdraws an open offering only after confirming', async () => {
    await provider.get(`${P()}/nieuw`);
    await provider.post(P(), { ...offeringForm, titel: 'Coachend leidinggeven' });
    const [{ id }] = await t.database.query<{ id: string }>(`SELECT id FROM offerings WHERE title = 'Coachend leidinggeven'`);
    await provider.get(`${P()}/${id}`);
    const unconfirmed = await provider.post(`${P()}/${id}/intrekken`, {});
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('href="#bevestigd"');
    expect(await status(id)).toBe('ingediend');
    const res = await provider.post(`${P()}/${id}/intrekken`, { bevestigd: 'ja' });
    expect(res.statusCode).toBe(303);
    expect(await status(id)).toBe('ingetrokken');
    expect(visibleText((await provider.get(String(res.headers.location))).body)).toContain('Coachend leidinggeven cursus ingetrokken');
  });

  it("a board's staff submit for their board, under the board's name", async () => {
    const [board] = await t.database.query<{ id: string }>(`INSERT INTO boards (number, name) VALUES ('99001', 'Stichting Proeftuin Onderwijs') RETURNING id`);
    const hr = await sessionFor(
      t.app,
      t.database,
      (
        await createAccount(t.database, {
          email: 'hr@proeftuin.nl',
          displayName: 'Hanna HR',
          roles: [{ role: 'board-staff', organisation: { kind: 'bestuur', id: board.id } }],
        })
      ).id,
    );
    const B = `/beheer/bestuur/${board.id}/aanbod`;
    expect(visibleText((await hr.get(B)).body)).toContain('Aanbod van Stichting Proeftuin Onderwijs');
    await hr.get(`${B}/nieuw`);
    const res = await hr.post(B, { ...offeringForm, titel: 'Studiedag rekenen' });
    expect(res.statusCode).toBe(303);
    expect(visibleText((await hr.get(String(res.headers.location))).body)).toContain('Ingediend door Stichting Proeftuin Onderwijs');
    // and a provider's staff are not the board's
    expect((await provider.get(B)).statusCode).toBe(403);
  });
});

describe('demo data', () => {
  it('makes providers and accredited offerings valid for six years, one submitted and one waiting for an answer', async () => {
    const made = await seedDemoAccreditation(t.database.db, { today });
    expect(made.providers.map((p) => p.name)).toEqual(['Academie voor Schoolleiderschap', 'Hogeschool Noorderlicht, Pabo', 'Onderwijs Ontwikkelpunt']);
    const accredited = made.offerings.filter((o) => o.status === 'geaccrediteerd');
    expect(accredited.length).toBeGreaterThanOrEqual(6);
    expect(made.offerings.map((o) => o.status)).toEqual(expect.arrayContaining(['ingediend', 'informatie-gevraagd']));
    const rows = await t.database.query<{ points: number; until: string; format: string; themes: string[] }>(
      `SELECT accredited_points AS points, valid_until::text AS until, format, accredited_themes AS themes FROM offerings WHERE id = ANY($1::uuid[])`,
      [accredited.map((o) => o.id)],
    );
    expect(rows.every((r) => r.points >= 10 && r.points <= 100 && r.until === addYears(today, 6) && r.themes.length > 0)).toBe(true);
    expect(new Set(rows.map((r) => r.format))).toEqual(new Set(['klassikaal', 'online', 'hybride']));
    // the commission's queue shows the open ones
    expect(visibleText((await staff.get('/beheer/accreditatie')).body)).toContain('Werken met het vernieuwde curriculum');
  });
});
