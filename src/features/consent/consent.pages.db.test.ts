import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { boardStaffActor, bytesOf, deliveringBoard, deliveryCsv, deliveryDeps } from '../../../tests/support/deliveries.ts';
import { auditRows, sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, type WebSession } from '../../../tests/support/web-session.ts';
import { registerOfficeId } from '../../platform/auth/roles.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import { applyDelivery, submitDelivery } from '../deliveries/index.ts';
import { enrol } from '../register/index.ts';
import { seedDemoConsents } from './consent.service.ts';

let t: TestApp;
let boardA: { id: string; number: string; name: string };
let boardB: { id: string; number: string; name: string };
let boardC: { id: string };
let lotte: WebSession;
let lotteAccount: string;
let lottePerson: string;
let hrA: WebSession;
let hrAAccount: string;
let hrB: WebSession;
let office: WebSession;

const inzage = '/mijn-register/inzage';
const developmentOf = (boardId: string) => `/beheer/bestuur/${boardId}/personeel/${lottePerson}/professionalisering`;
/** A board's name as a literal inside a pattern (names may hold dots or brackets). */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const dated = String.raw`\d+ \p{L}+ \d{4}`;
const activeConsents = async () =>
  (await t.database.query<{ board_id: string }>(`SELECT board_id FROM development_consents WHERE account_id = $1 AND revoked_at IS NULL`, [lotteAccount])).map(
    (r) => r.board_id,
  );

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
  const { board, school } = await deliveringBoard(t.database);
  const names = await t.database.query<{ id: string; number: string; name: string }>(
    `SELECT id, number, coalesce(name, 'Bevoegd gezag ' || number) AS name FROM boards WHERE id = $1
     UNION ALL (SELECT id, number, coalesce(name, 'Bevoegd gezag ' || number) FROM boards WHERE id <> $1 AND name IS NOT NULL ORDER BY number LIMIT 2)`,
    [board.id],
  );
  [boardA, boardB, boardC] = names;
  // board A delivers Lotte (a teacher) and a colleague
  const hrActor = await boardStaffActor(t.database, boardA.id, 'hr@bestuur-a.nl');
  const deps = deliveryDeps(t.database);
  const row = (n: number, surname: string, email: string) => ({
    bevoegd_gezag_nummer: boardA.number,
    personeelsnummer: `C${n}`,
    voorletters: 'L.',
    achternaam: surname,
    geboortedatum: '1985-05-05',
    email,
    instellingscode: school.brin,
    vestigingscode: school.location,
    functie: 'LERAAR',
    benoemingsgrondslag: 'BEVOEGD',
    begindatum: '2014-08-01',
  });
  const delivery = await submitDelivery(
    deps,
    { actor: hrActor },
    {
      boardId: boardA.id,
      mode: 'volledig',
      fileName: null,
      applyWhenValid: false,
      channel: 'api',
      body: bytesOf(deliveryCsv([row(1, 'Inzage', 'lotte@school.nl'), row(2, 'Collega', 'collega@school.nl')])),
    },
  );
  await applyDelivery(deps, { actor: hrActor }, delivery.id, { confirmed: true });
  hrAAccount = hrActor.type === 'account' ? hrActor.accountId : '';
  hrA = await sessionFor(t.app, t.database, hrAAccount);
  // Lotte also worked at board B (an ended employment), and enrolled
  [{ id: lottePerson }] = await t.database.query<{ id: string }>(`SELECT id FROM persons WHERE email = 'lotte@school.nl'`);
  await t.database.query(
    `INSERT INTO employments (id, person_id, board_id, school_id, staff_number, employment_key, function, start_date, end_date)
     SELECT $1, $2, $3, id, 'B1', 'B1', 'LERAAR', '2008-08-01', '2014-07-31' FROM schools WHERE board_id = $3 ORDER BY brin LIMIT 1`,
    [uuidV7(), lottePerson, boardB.id],
  );
  const account = await createAccount(t.database, { email: 'lotte@school.nl', displayName: 'Lotte Inzage' });
  lotteAccount = account.id;
  await enrol(
    { db: t.database.db },
    {
      actor: {
        type: 'account',
        accountId: account.id,
        sessionId: 's',
        email: account.email,
        displayName: 'Lotte Inzage',
        memberships: [],
        secondFactorDone: true,
      },
    },
  );
  lotte = await sessionFor(t.app, t.database, account.id);
  // two activities in her dossier, with learning goals and a reflection that stay hers
  const [{ id: enrolmentId }] = await t.database.query<{ id: string }>(`SELECT id FROM enrolments WHERE account_id = $1`, [account.id]);
  await t.database.query(
    `INSERT INTO activities (id, enrolment_id, kind, title, provider, started_on, completed_on, hours, primary_process, themes, learning_goals, reflection, points, source)
     VALUES ($1, $3, 'cursus', 'Rekenen in groep 5', 'Hogeschool Utrecht', '2025-02-02', '2025-03-14', 12.5, true, '{"Omgaan met verschillen"}', 'Beter differentiëren.', 'GEHEIME REFLECTIE over mijn klas.', 20, 'eigen'),
            ($2, $3, 'studiedag', 'Leesonderwijs', NULL, '2025-06-01', '2025-06-01', 6, false, '{"Kennis- en kwaliteitsontwikkeling"}', NULL, NULL, NULL, 'eigen')`,
    [uuidV7(), uuidV7(), enrolmentId],
  );
  const hrBActor = await boardStaffActor(t.database, boardB.id, 'hr@bestuur-b.nl');
  hrB = await sessionFor(t.app, t.database, hrBActor.type === 'account' ? hrBActor.accountId : '');
  const registerStaff = await createAccount(t.database, {
    email: 'staf@register.nl',
    roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
  });
  office = await sessionFor(t.app, t.database, registerStaff.id);
});
afterAll(async () => t?.close());

describe('the professional decides whether a board sees their development', () => {
  it('lists the boards they work or worked for, says what a board would see, and that nobody sees anything yet', async () => {
    const page = await lotte.get(inzage);
    expect(page.statusCode).toBe(200);
    const text = visibleText(page.body);
    expect(text).toContain(`${boardA.name} Dit bestuur mag uw professionalisering niet inzien.`);
    expect(text).toContain(`${boardB.name} U werkt hier niet meer. Dit bestuur mag uw professionalisering niet inzien.`);
    expect(text).toContain("de soort, de naam, de aanbieder, de begin- en einddatum, het aantal uren, de punten en de thema's");
    expect(text).toContain('Uw leerdoelen, uw reflecties en uw bewijsstukken ziet het bestuur nooit.');
    expect(text).toContain('U hebt nog geen toestemming gegeven.');
    expect(visibleText((await lotte.get(`${inzage}?lang=en`)).body)).toContain('The board never sees your learning goals, your reflections or your proof.');
    await lotte.get(`${inzage}?lang=nl`); // the language choice is a cookie: back to Dutch
    // reached from Mijn register and from the dossier
    expect((await lotte.get('/mijn-register')).body).toContain(`href="${inzage}"`);
    expect((await lotte.get('/mijn-register/dossier')).body).toContain(`href="${inzage}"`);
  });

  it("refuses board A's staff before consent: the staff list says so and the page is a 403 that explains", async () => {
    expect(visibleText((await hrA.get(`/beheer/bestuur/${boardA.id}/personeel`)).body)).toMatch(/L\. Inzage .* geen inzage/);
    const page = await hrA.get(developmentOf(boardA.id));
    expect(page.statusCode).toBe(403);
    expect(visibleText(page.body)).toContain(`L. Inzage heeft ${boardA.name} geen toestemming gegeven om de professionalisering in te zien`);
    expect(page.body).not.toContain('Rekenen in groep 5');
    expect(await auditRows(t.database, 'development.read')).toHaveLength(0);
  });

  it('consent granted: board A staff see the activities without what stays hers, the view is audited and listed for her', async () => {
    await lotte.get(inzage);
    const granted = await lotte.post(`${inzage}/${boardA.id}/toestemming`, {});
    expect(granted.statusCode).toBe(303);
    const own = visibleText((await lotte.get(String(granted.headers.location))).body);
    expect(own).toContain('U hebt toestemming gegeven.');
    expect(own).toMatch(new RegExp(`${literal(boardA.name)} Dit bestuur mag uw professionalisering inzien sinds ${dated}\\.`, 'u'));
    expect(own).toMatch(new RegExp(`${literal(boardA.name)} ${dated} geldt nog`, 'u'));
    expect(await activeConsents()).toEqual([boardA.id]);
    expect((await auditRows(t.database, 'development-consent.granted')).at(-1)).toMatchObject({
      actor_account_id: lotteAccount,
      subject_account_id: lotteAccount,
      after: { board: boardA.id },
    });

    const list = await hrA.get(`/beheer/bestuur/${boardA.id}/personeel`);
    expect(list.body).toContain(`href="/beheer/bestuur/${boardA.id}/personeel/${lottePerson}/professionalisering"`);
    expect(visibleText(list.body)).toMatch(/L\. Collega .* geen inzage/);

    const page = await hrA.get(developmentOf(boardA.id));
    expect(page.statusCode).toBe(200);
    const text = visibleText(page.body);
    expect(text).toContain('Professionalisering van L. Inzage');
    expect(text).toContain('Activiteiten 2 Uren 18,5 Punten 20');
    expect(text).toContain('Rekenen in groep 5 cursus Hogeschool Utrecht 2 februari 2025 – 14 maart 2025 12,5 20 Omgaan met verschillen');
    expect(text).toContain('Leesonderwijs studiedag — 1 juni 2025 6 — Kennis- en kwaliteitsontwikkeling');
    expect(page.body).not.toContain('GEHEIME REFLECTIE');
    expect(page.body).not.toContain('Beter differentiëren');

    const [read] = await auditRows(t.database, 'development.read');
    expect(read).toMatchObject({
      actor_account_id: hrAAccount,
      actor_role: 'board-staff',
      actor_organisation_id: boardA.id,
      subject_account_id: lotteAccount,
      after: { board: boardA.id, person: lottePerson, activities: 2 },
    });
    // she sees who looked: in her access overview and in the overview of all her data
    expect(visibleText((await lotte.get('/mijn-gegevens/inzage')).body)).toMatch(/ hr \(.+\) uw professionalisering ingezien door uw bestuur/);
    const overview = visibleText((await lotte.get('/mijn-gegevens/overzicht')).body);
    expect(overview).toContain(`Handeling uw professionalisering ingezien door uw bestuur Door account ${hrAAccount}`);
  });

  it("refuses board B's staff with consent for A only, the register office, and the professional herself", async () => {
    for (const [who, web, url] of [
      ['board B on A', hrB, developmentOf(boardA.id)],
      ['board B on B', hrB, developmentOf(boardB.id)],
      ['register', office, developmentOf(boardA.id)],
      ['herself', lotte, developmentOf(boardA.id)],
    ] as const) {
      const res = await web.get(url);
      expect(res.statusCode, who).toBe(403);
      expect(res.body, who).not.toContain('Rekenen in groep 5');
    }
    expect(visibleText((await hrB.get(developmentOf(boardB.id))).body)).toContain(`heeft ${boardB.name} geen toestemming gegeven`);
    expect(visibleText((await hrB.get(developmentOf(boardA.id))).body)).toContain('U werkt niet voor dit bestuur.');
    expect(await auditRows(t.database, 'development.read')).toHaveLength(1);
  });

  it('answers "not found" for a person who is not at the board, and for a board the professional never worked for', async () => {
    expect((await hrA.get(`/beheer/bestuur/${boardA.id}/personeel/${uuidV7()}/professionalisering`)).statusCode).toBe(404);
    await lotte.get(inzage);
    const other = await lotte.post(`${inzage}/${boardC.id}/toestemming`, {});
    expect(other.statusCode).toBe(404);
    expect((await lotte.post(`${inzage}/geen-uuid/toestemming`, {})).statusCode).toBe(404);
    expect(await activeConsents()).toEqual([boardA.id]);
  });

  it('refuses to revoke without the confirmation: the error at its checkbox, nothing changes', async () => {
    await lotte.get(inzage);
    const res = await lotte.post(`${inzage}/${boardA.id}/intrekken`, {});
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(`href="#bevestigd-${boardA.id}"`);
    expect(res.body).toContain(`id="bevestigd-${boardA.id}-error"`);
    expect(visibleText(res.body)).toContain(`Vink aan dat u uw toestemming voor ${boardA.name} wilt intrekken.`);
    expect(await activeConsents()).toEqual([boardA.id]);
    expect(await auditRows(t.database, 'development-consent.revoked')).toHaveLength(0);
  });

  it('gives the refusals in English to a reader who chose English: the missing confirmation, and a board that is not theirs', async () => {
    await lotte.get(`${inzage}?lang=en`);
    const res = await lotte.post(`${inzage}/${boardA.id}/intrekken`, {});
    expect(res.statusCode).toBe(400);
    expect(visibleText(res.body)).toContain(`Tick the box to confirm that you want to withdraw your consent for ${boardA.name}.`);
    expect(visibleText(res.body)).not.toContain('Vink aan');
    await lotte.get(`${inzage}?lang=nl`);
    const refused = await hrB.get(`${developmentOf(boardA.id)}?lang=en`);
    expect(refused.statusCode).toBe(403);
    expect(visibleText(refused.body)).toContain('You do not work for this board.');
    await hrB.get(`${inzage}?lang=nl`);
    expect(await activeConsents()).toEqual([boardA.id]);
  });

  it("consent revoked: board A's staff are refused at once, and the history shows both dates", async () => {
    await lotte.get(inzage);
    const revoked = await lotte.post(`${inzage}/${boardA.id}/intrekken`, { bevestigd: 'ja' });
    expect(revoked.statusCode).toBe(303);
    const own = visibleText((await lotte.get(String(revoked.headers.location))).body);
    expect(own).toContain('U hebt uw toestemming ingetrokken.');
    expect(own).toContain(`${boardA.name} Dit bestuur mag uw professionalisering niet inzien.`);
    expect(own).toMatch(new RegExp(`${literal(boardA.name)} ${dated} ${dated}`, 'u'));
    expect(await activeConsents()).toEqual([]);
    expect((await auditRows(t.database, 'development-consent.revoked')).at(-1)).toMatchObject({
      actor_account_id: lotteAccount,
      subject_account_id: lotteAccount,
      before: { board: boardA.id },
    });

    const page = await hrA.get(developmentOf(boardA.id));
    expect(page.statusCode).toBe(403);
    expect(page.body).not.toContain('Rekenen in groep 5');
    expect(visibleText((await hrA.get(`/beheer/bestuur/${boardA.id}/personeel`)).body)).toMatch(/L\. Inzage .* geen inzage/);
    expect(await auditRows(t.database, 'development.read')).toHaveLength(1);
  });

  it('a new grant is a new line in the history, and every consent is in the AVG download', async () => {
    await lotte.get(inzage);
    expect((await lotte.post(`${inzage}/${boardA.id}/toestemming`, {})).statusCode).toBe(303);
    // granting again changes nothing
    await lotte.get(inzage);
    expect((await lotte.post(`${inzage}/${boardA.id}/toestemming`, {})).statusCode).toBe(303);
    expect(await t.database.query(`SELECT 1 FROM development_consents WHERE account_id = $1`, [lotteAccount])).toHaveLength(2);
    expect(await auditRows(t.database, 'development-consent.granted')).toHaveLength(2);
    const download = await lotte.get('/mijn-gegevens/download');
    const { toestemmingen } = JSON.parse(download.body) as {
      toestemmingen: { bestuur: string; bestuursnummer: string; gegevenOp: string; ingetrokkenOp: string | null }[];
    };
    expect(toestemmingen).toEqual([
      { bestuur: boardA.name, bestuursnummer: boardA.number, gegevenOp: expect.any(String), ingetrokkenOp: null },
      { bestuur: boardA.name, bestuursnummer: boardA.number, gegevenOp: expect.any(String), ingetrokkenOp: expect.any(String) },
    ]);
    expect((await hrA.get(developmentOf(boardA.id))).statusCode).toBe(200);
  });
});

describe('demo data', () => {
  it("lets one in three of the board's enrolled professionals with a current employment consent", async () => {
    // four more enrolled professionals at board A: with Lotte (who has consented already), the third and the sixth get a consent
    for (let i = 0; i < 4; i++) {
      const [{ id: person }] = await t.database.query<{ id: string }>(
        `INSERT INTO persons (id, initials, surname, birth_date, email) VALUES ($1, 'D.', 'Demo', '1990-01-01', $2) RETURNING id`,
        [uuidV7(), `demo${i}@school.nl`],
      );
      await t.database.query(
        `INSERT INTO employments (id, person_id, board_id, school_id, staff_number, employment_key, function, start_date)
         SELECT $1, $2, $3, id, $4, $4, 'LERAAR', '2020-08-01' FROM schools WHERE board_id = $3 ORDER BY brin LIMIT 1`,
        [uuidV7(), person, boardA.id, `DEMO${i}`],
      );
      const account = await createAccount(t.database, { email: `demo${i}@school.nl` });
      await enrol(
        { db: t.database.db },
        {
          actor: { type: 'account', accountId: account.id, sessionId: 's', email: account.email, displayName: 'Demo', memberships: [], secondFactorDone: true },
        },
      );
    }
    await t.database.query(`DELETE FROM development_consents`);
    expect(await seedDemoConsents(t.database.db, boardA.number)).toBe(1);
    expect(await t.database.query(`SELECT 1 FROM development_consents WHERE revoked_at IS NULL`)).toHaveLength(1);
  });
});
