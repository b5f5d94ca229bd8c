import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { boardStaffActor, deliverAndApply, deliveringBoard, deliveryDeps, type DeliveryRow } from '../../../tests/support/deliveries.ts';
import { auditRows, sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { postMultipart, visibleText, type UploadPart, type WebSession } from '../../../tests/support/web-session.ts';
import { formatDate } from '../../platform/i18n.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { sendDeliveryInvitations } from '../deliveries/index.ts';
import { sendDisputeDigests } from '../register/index.ts';

/**
 * "Klopt niet" per block (issue 19, item 3): the professional names the fields of one employment, or of
 * their person data, that are wrong, with an optional proof; the person data goes to each board that
 * delivers it, and is approved as a step of its own. What the professional, the boards' staff and the
 * outbox see, and the AVG download.
 */
let t: TestApp;
let deps: ReturnType<typeof deliveryDeps>;
const dataDir = mkdtempSync(join(tmpdir(), 'br-dispute-proof-'));
let boardA: { id: string; number: string };
let boardB: { id: string; number: string };
let schoolA: { brin: string; location: string };
let schoolB: { brin: string; location: string };
let hrActorA: Actor;
let hrActorB: Actor;
let hrA: WebSession;
let hrB: WebSession;
let dina: WebSession;
let personId: string;
let employmentA: string;

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 0x20), Buffer.from('\n%%EOF\n')]);
const proofFiles = () => (existsSync(join(dataDir, 'dispute-proofs')) ? readdirSync(join(dataDir, 'dispute-proofs')) : []);
const ownPath = (id: string) => `/mijn-register/dienstverbanden/${id}/betwisten`;

const dinaRow = (board: { number: string }, school: { brin: string; location: string }, changes: DeliveryRow = {}): DeliveryRow => ({
  bevoegd_gezag_nummer: board.number,
  personeelsnummer: 'D1',
  bsn: '111222333',
  voorletters: 'D.',
  achternaam: 'Dubbel',
  geboortedatum: '1988-08-08',
  email: 'dina@school.nl',
  instellingscode: school.brin,
  vestigingscode: school.location,
  functie: 'LERAAR',
  benoemingsgrondslag: 'BEVOEGD',
  begindatum: '2019-08-01',
  werktijdfactor: '0,8',
  ...changes,
});

type Mail = { to_address: string; subject: string; text: string };
const mailsOf = (template: string, to?: string) =>
  t.database.query<Mail>(
    `SELECT to_address, subject, text FROM mail_outbox WHERE template = $1 AND ($2::text IS NULL OR to_address = $2) ORDER BY created_at, to_address`,
    [template, to ?? null],
  );
const disputesNow = () =>
  t.database.query<{ kind: string; board_id: string; employment_id: string | null; fields: string[]; status: string; proof_id: string | null }>(
    `SELECT kind, board_id, employment_id, fields, status, proof_id FROM employment_disputes ORDER BY created_at, board_id`,
  );

/** The page's own dispute form, posted as a browser would: the fields named, the comment, then the file part. */
async function sendDispute(web: WebSession, path: string, fields: string[], comment: string, file?: { filename: string; type: string; content: Buffer }) {
  await web.get(path);
  const parts: UploadPart[] = [...fields.map((value) => ({ name: 'velden', value })), { name: 'toelichting', value: comment }];
  parts.push({ name: 'bewijs', filename: file?.filename ?? '', type: file?.type ?? 'application/octet-stream', content: file?.content ?? Buffer.alloc(0) });
  return postMultipart(web, path, parts);
}

beforeAll(async () => {
  t = await createTestApp({ withDuo: true, env: { DATA_DIR: dataDir, EVIDENCE_MAX_MB: '0.05' } });
  deps = deliveryDeps(t.database);
  ({ board: boardA, school: schoolA } = await deliveringBoard(t.database));
  [boardB] = await t.database.query<{ id: string; number: string }>(
    `SELECT b.id, b.number FROM boards b WHERE b.id <> $1 AND EXISTS (SELECT 1 FROM schools s JOIN locations l ON l.school_id = s.id
       WHERE s.board_id = b.id AND l.closed_at IS NULL) ORDER BY b.number LIMIT 1`,
    [boardA.id],
  );
  [schoolB] = await t.database.query<{ brin: string; location: string }>(
    `SELECT s.brin, min(l.code) AS location FROM schools s JOIN locations l ON l.school_id = s.id
     WHERE s.board_id = $1 AND l.closed_at IS NULL GROUP BY s.brin ORDER BY s.brin LIMIT 1`,
    [boardB.id],
  );
  hrActorA = await boardStaffActor(t.database, boardA.id, 'hr@bestuur-a.nl');
  hrActorB = await boardStaffActor(t.database, boardB.id, 'hr@bestuur-b.nl');
  hrA = await sessionFor(t.app, t.database, hrActorA.type === 'account' ? hrActorA.accountId : '');
  hrB = await sessionFor(t.app, t.database, hrActorB.type === 'account' ? hrActorB.accountId : '');
  // two boards employ Dina: the same BSN makes her one person
  await deliverAndApply(deps, hrActorA, boardA.id, [dinaRow(boardA, schoolA)], 'volledig');
  await deliverAndApply(deps, hrActorB, boardB.id, [dinaRow(boardB, schoolB, { personeelsnummer: 'B7', functie: 'INTERN_BEGELEIDER' })], 'volledig');
  // board A hears of each dispute at once; board B in the day's overview (the default)
  await t.database.query(`INSERT INTO board_settings (board_id, dispute_mail) VALUES ($1, 'direct')`, [boardA.id]);
  dina = await sessionFor(t.app, t.database, (await createAccount(t.database, { email: 'dina@school.nl', displayName: 'Dina Dubbel' })).id);
  await dina.get('/mijn-register'); // links the account to the delivered person (decision 021)
  [{ id: personId }] = await t.database.query<{ id: string }>(`SELECT id FROM persons WHERE bsn_hash IS NOT NULL`);
  [{ id: employmentA }] = await t.database.query<{ id: string }>(`SELECT id FROM employments WHERE board_id = $1`, [boardA.id]);
});
afterAll(async () => t?.close());

describe('"Klopt niet" on one employment', () => {
  it("lists the employment's fields as checkboxes with their labels, under the employment as delivered, and a proof field", async () => {
    const page = await dina.get(ownPath(employmentA));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('enctype="multipart/form-data"');
    for (const field of ['functie', 'benoemingsgrondslag', 'school', 'begindatum', 'einddatum', 'werktijdfactor']) {
      expect(page.body).toContain(`name="velden" value="${field}"`);
    }
    expect(page.body).toContain('type="file"');
    const text = visibleText(page.body);
    expect(text).toMatch(/Begindatum 1 augustus 2019 Einddatum geen: het dienstverband loopt Werktijdfactor 0,8/);
    expect(text).toContain('Wat klopt er niet? Kies alles wat niet klopt. Functie Benoemingsgrondslag School of vestiging Begindatum Einddatum Werktijdfactor');
  });

  it('refuses it without a field, at the field, and stores no proof', async () => {
    const res = await sendDispute(dina, ownPath(employmentA), [], 'Ik begon in 2018.', { filename: 'contract.pdf', type: 'application/pdf', content: pdf });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#velden"');
    expect(visibleText(res.body)).toContain('Kies wat er niet klopt aan dit dienstverband: ten minste één gegeven.');
    expect(res.body).toContain('Ik begon in 2018.');
    expect(proofFiles()).toEqual([]);
    expect(await disputesNow()).toEqual([]);
  });

  it('refuses it in English to someone reading in English', async () => {
    dina.cookies.set('lang', 'en');
    try {
      const res = await sendDispute(dina, ownPath(employmentA), [], 'no');
      expect(res.statusCode).toBe(400);
      const text = visibleText(res.body);
      expect(text).toContain('Choose what is wrong with this employment: at least one item.');
      expect(text).toContain('Write at least 5 characters.');
    } finally {
      dina.cookies.delete('lang');
    }
  });

  it('refuses a proof that is no PDF, JPG or PNG, and one over the limit, at the field, keeping what was chosen', async () => {
    const program = { filename: 'bewijs.pdf', type: 'application/pdf', content: Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(500)]) };
    const wrong = await sendDispute(dina, ownPath(employmentA), ['begindatum'], 'Ik begon op 1 augustus 2018.', program);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#bewijs"');
    expect(visibleText(wrong.body)).toContain('Dit bestand is geen PDF, JPG of PNG. Scan of fotografeer het bewijs en voeg dat bestand toe.');
    expect(wrong.body).toMatch(/value="begindatum" checked/);
    const huge = { filename: 'scan.pdf', type: 'application/pdf', content: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200 * 1024, 0x20)]) };
    const large = await sendDispute(dina, ownPath(employmentA), ['begindatum'], 'Ik begon op 1 augustus 2018.', huge);
    expect(large.statusCode).toBe(413);
    expect(visibleText(large.body)).toContain('Het bestand is groter dan 51 kB. Verklein de scan, of lever een PDF aan.');
    expect(proofFiles()).toEqual([]);
    expect(await disputesNow()).toEqual([]);
  });

  it("files it with the field and the proof: betwist, the field shown back, and the board's staff mailed at once naming it", async () => {
    const res = await sendDispute(dina, ownPath(employmentA), ['begindatum'], 'Ik begon op 1 augustus 2018.', {
      filename: 'arbeidsovereenkomst 2018.pdf',
      type: 'application/pdf',
      content: pdf,
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/mijn-register?melding=betwist');
    expect(visibleText((await dina.get('/mijn-register')).body)).toContain('Status betwist Klopt niet: Begindatum U schreef: "Ik begon op 1 augustus 2018."');
    expect(await disputesNow()).toEqual([
      { kind: 'dienstverband', board_id: boardA.id, employment_id: employmentA, fields: ['begindatum'], status: 'open', proof_id: expect.any(String) },
    ]);
    expect(proofFiles()).toHaveLength(1);
    const [filed] = await mailsOf('dispute-filed', 'hr@bestuur-a.nl');
    expect(filed.subject).toMatch(/^Betwisting van D\. Dubbel: Leraar · /);
    expect(filed.text).toContain('Wat klopt niet: Begindatum\n\nIk begon op 1 augustus 2018.');
  });

  it("the board's staff read the field and open the proof, audited; another board's staff cannot", async () => {
    const disputes = `/beheer/bestuur/${boardA.id}/betwistingen`;
    expect(visibleText((await hrA.get(disputes)).body)).toMatch(/D\. Dubbel Leraar · .* Begindatum Ik begon op 1 augustus 2018\. open/);
    const [{ id }] = await t.database.query<{ id: string }>(`SELECT id FROM employment_disputes WHERE employment_id = $1`, [employmentA]);
    const page = await hrA.get(`${disputes}/${id}`);
    const text = visibleText(page.body);
    expect(text).toContain('Klopt niet Begindatum');
    expect(text).toContain('Bewijs arbeidsovereenkomst 2018.pdf openen (3 kB)');
    expect(page.body).toContain(`href="${disputes}/${id}/bewijs"`);
    const file = await hrA.get(`${disputes}/${id}/bewijs`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['cache-control']).toContain('no-store');
    expect(Buffer.from(file.rawPayload).equals(pdf)).toBe(true);
    expect((await auditRows(t.database, 'employment-dispute.proof-opened')).at(-1)).toMatchObject({
      subject_person_id: personId,
      subject_organisation_id: boardA.id,
    });
    // board B's staff: not their board, and not a dispute of theirs
    expect((await hrB.get(`${disputes}/${id}/bewijs`)).statusCode).toBe(403);
    expect((await hrB.get(`/beheer/bestuur/${boardB.id}/betwistingen/${id}/bewijs`)).statusCode).toBe(404);
    expect(await auditRows(t.database, 'employment-dispute.proof-opened')).toHaveLength(1);
  });
});

describe('the person data', () => {
  const personPath = '/mijn-register/persoonsgegevens/betwisten';

  it('is shown field by field, not checked yet, with its own buttons', async () => {
    const text = visibleText((await dina.get('/mijn-register')).body);
    expect(text).toMatch(
      /Voorletters D\. Voornamen niet aangeleverd Tussenvoegsel niet aangeleverd Achternaam Dubbel Geboortedatum 8 augustus 1988 Personeelsnummer B7 \(.*\), D1 \(Stichting Christelijke Kindcentra Drenthe\) BSN aangeleverd; versleuteld bewaard en nergens getoond .* Controle Nog niet gecontroleerd/,
    );
    expect(text).toContain('Mijn gegevens kloppen : Uw gegevens zoals aangeleverd');
    expect(text).not.toContain('111222333');
  });

  it("a dispute of it lists the person's fields, says which boards get it, and goes to each as its own dispute", async () => {
    const form = await dina.get(personPath);
    for (const field of ['voorletters', 'voornamen', 'tussenvoegsel', 'achternaam', 'geboortedatum', 'personeelsnummer']) {
      expect(form.body).toContain(`name="velden" value="${field}"`);
    }
    expect(visibleText(form.body)).toMatch(/Uw melding gaat naar .*Stichting Christelijke Kindcentra Drenthe/);
    const res = await dina.post(personPath, { velden: ['achternaam', 'onzin'], toelichting: 'Mijn achternaam is Dubbel-Smit.' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/mijn-register?melding=gegevens-betwist');
    const text = visibleText((await dina.get(String(res.headers.location))).body);
    expect(text).toContain('Uw werkgever heeft uw melding gekregen.');
    expect(text).toContain('Controle Klopt niet gemeld');
    expect(text).toContain('Stichting Christelijke Kindcentra Drenthe: u meldde dat dit niet klopt: Achternaam. U schreef: "Mijn achternaam is Dubbel-Smit."');
    const person = (await disputesNow()).filter((d) => d.kind === 'persoonsgegevens');
    expect(person.map((d) => [d.board_id, d.employment_id, d.fields, d.status]).sort()).toEqual(
      [
        [boardA.id, null, ['achternaam'], 'open'],
        [boardB.id, null, ['achternaam'], 'open'],
      ].sort(),
    );
    // board A at once, board B in the evening's overview
    const [filed] = (await mailsOf('dispute-filed', 'hr@bestuur-a.nl')).slice(-1);
    expect(filed.subject).toBe('Betwisting van D. Dubbel: Persoonsgegevens');
    expect(filed.text).toContain('aangeleverde gegevens niet kloppen (Persoonsgegevens).\n\nWat klopt niet: Achternaam\n\nMijn achternaam is Dubbel-Smit.');
    expect(await mailsOf('dispute-filed', 'hr@bestuur-b.nl')).toEqual([]);
    await sendDisputeDigests({ db: t.database.db, mailer: deps.mailer, baseUrl: deps.baseUrl });
    const [digest] = await mailsOf('dispute-digest', 'hr@bestuur-b.nl');
    expect(digest.text).toContain('- D. Dubbel: Persoonsgegevens\n  Wat klopt niet: Achternaam\n  "Mijn achternaam is Dubbel-Smit."');
  });

  it('is refused a second time while it is open, and without a field', async () => {
    await dina.get('/mijn-register');
    const again = await dina.post(personPath, { velden: 'achternaam', toelichting: 'Nog een keer: Dubbel-Smit.' });
    expect(again.statusCode).toBe(409);
    expect(visibleText(again.body)).toContain('U hebt al gemeld dat uw persoonsgegevens niet kloppen; uw werkgever reageert erop.');
    expect(await disputesNow()).toHaveLength(3);
  });

  it("each board's staff see it as the person data, with a way to correct it at the person's employment there", async () => {
    const [dispute] = await t.database.query<{ id: string }>(`SELECT id FROM employment_disputes WHERE kind = 'persoonsgegevens' AND board_id = $1`, [
      boardA.id,
    ]);
    const page = await hrA.get(`/beheer/bestuur/${boardA.id}/betwistingen/${dispute.id}`);
    const text = visibleText(page.body);
    expect(text).toContain('Gaat over Persoonsgegevens');
    expect(text).toContain('Klopt niet Achternaam Toelichting Mijn achternaam is Dubbel-Smit.');
    expect(text).toContain('Corrigeer de persoonsgegevens in het invoerscherm');
    expect(page.body).toContain(`/beheer/bestuur/${boardA.id}/invoer?dienstverband=${employmentA}&mutatie=wijziging`);
  });

  it("board B answers: Dina is mailed, and the person data stays disputed while board A's is open", async () => {
    const [dispute] = await t.database.query<{ id: string }>(`SELECT id FROM employment_disputes WHERE kind = 'persoonsgegevens' AND board_id = $1`, [
      boardB.id,
    ]);
    await hrB.get(`/beheer/bestuur/${boardB.id}/betwistingen/${dispute.id}`);
    const res = await hrB.post(`/beheer/bestuur/${boardB.id}/betwistingen/${dispute.id}`, { antwoord: 'Wij passen het aan zodra u de akte stuurt.' });
    expect(res.statusCode).toBe(303);
    const [answered] = await mailsOf('dispute-answered', 'dina@school.nl');
    expect(answered.text).toContain('over uw gegevens (Persoonsgegevens):\n\nWij passen het aan zodra u de akte stuurt.');
    expect(visibleText((await dina.get('/mijn-register')).body)).toContain('Controle Klopt niet gemeld');
  });

  it('board A corrects the surname by a delivery: its dispute closes, Dina is told instead of invited, and checks again', async () => {
    const { applied } = await deliverAndApply(
      deps,
      hrActorA,
      boardA.id,
      [dinaRow(boardA, schoolA, { achternaam: 'Dubbel-Smit', mutatie: 'WIJZIGING' })],
      'mutaties',
    );
    expect(applied.summary).toMatchObject({ betwistingenOpgelost: 1 });
    await sendDeliveryInvitations(deps, applied.id);
    const [corrected] = await mailsOf('dispute-corrected', 'dina@school.nl');
    expect(corrected.text).toContain('U gaf aan dat aangeleverde gegevens niet klopten (Persoonsgegevens).');
    expect(corrected.text).toContain('Stichting Christelijke Kindcentra Drenthe heeft ze met een nieuwe aanlevering gecorrigeerd.');
    const statuses = await t.database.query<{ board_id: string; status: string }>(
      `SELECT board_id, status FROM employment_disputes WHERE kind = 'persoonsgegevens' ORDER BY board_id`,
    );
    expect(Object.fromEntries(statuses.map((s) => [s.board_id, s.status]))).toEqual({ [boardA.id]: 'opgelost', [boardB.id]: 'beantwoord' });
    // the employment's own dispute (begindatum) stays open: the delivery did not change the employment
    expect((await disputesNow()).find((d) => d.kind === 'dienstverband')?.status).toBe('open');
    const text = visibleText((await dina.get('/mijn-register')).body);
    expect(text).toContain('Achternaam Dubbel-Smit');
    expect(text).toContain('Controle Nog niet gecontroleerd');
  });

  it('"Mijn gegevens kloppen" records the moment; once only; a later delivery that changes a person field resets it', async () => {
    await dina.get('/mijn-register');
    const res = await dina.post('/mijn-register/persoonsgegevens/akkoord', {});
    expect(res.statusCode).toBe(303);
    const text = visibleText((await dina.get(String(res.headers.location))).body);
    expect(text).toContain('U hebt uw persoonsgegevens akkoord gegeven.');
    expect(text).toContain(`Controle Gecontroleerd op ${formatDate('nl', new Date())}`);
    expect(text).not.toContain('Mijn gegevens kloppen :');
    expect(await t.database.query(`SELECT kind, by_label FROM person_history WHERE kind = 'persoonsgegevens-geaccordeerd'`)).toEqual([
      { kind: 'persoonsgegevens-geaccordeerd', by_label: 'Dina Dubbel' },
    ]);
    const twice = await dina.post('/mijn-register/persoonsgegevens/akkoord', {});
    expect(twice.statusCode).toBe(409);
    expect(visibleText(twice.body)).toContain('U hebt uw persoonsgegevens al akkoord gegeven.');

    await deliverAndApply(
      deps,
      hrActorB,
      boardB.id,
      [dinaRow(boardB, schoolB, { personeelsnummer: 'B7', functie: 'INTERN_BEGELEIDER', achternaam: 'Dubbel-Smit', voornamen: 'Dina', mutatie: 'WIJZIGING' })],
      'mutaties',
    );
    expect(visibleText((await dina.get('/mijn-register')).body)).toContain('Voornamen Dina Tussenvoegsel niet aangeleverd Achternaam Dubbel-Smit');
    expect(await t.database.query(`SELECT data_approved_at FROM persons WHERE id = $1`, [personId])).toEqual([{ data_approved_at: null }]);
  });

  it('approving withdraws an open dispute of it', async () => {
    await dina.get(personPath);
    expect((await dina.post(personPath, { velden: 'geboortedatum', toelichting: 'Ik ben op 9 augustus geboren.' })).statusCode).toBe(303);
    await dina.get('/mijn-register');
    expect((await dina.post('/mijn-register/persoonsgegevens/akkoord', {})).statusCode).toBe(303);
    const latest = await t.database.query<{ status: string }>(
      `SELECT status FROM employment_disputes WHERE kind = 'persoonsgegevens' AND 'geboortedatum' = ANY(fields)`,
    );
    expect(latest).toEqual([{ status: 'ingetrokken' }, { status: 'ingetrokken' }]);
  });

  it('cannot be disputed by someone no board delivered', async () => {
    const nobody = await sessionFor(t.app, t.database, (await createAccount(t.database, { email: 'niemand@voorbeeld.nl' })).id);
    expect((await nobody.get(personPath)).statusCode).toBe(409);
  });
});

describe("the professional's AVG download", () => {
  it('holds every dispute with its fields and the proof, and when the person data was approved', async () => {
    const data = JSON.parse((await dina.get('/mijn-gegevens/download')).body);
    expect(data.register.aangeleverdePersoonsgegevens.gecontroleerdOp).toEqual(expect.any(String));
    const disputes = data.register.betwistingen as { over: string; velden: string[]; bewijs: unknown; status: string }[];
    expect(disputes.map((d) => [d.over, d.velden.join(','), d.status])).toEqual([
      ['dienstverband', 'begindatum', 'open'],
      ['persoonsgegevens', 'achternaam', expect.any(String)],
      ['persoonsgegevens', 'achternaam', expect.any(String)],
      ['persoonsgegevens', 'geboortedatum', 'ingetrokken'],
      ['persoonsgegevens', 'geboortedatum', 'ingetrokken'],
    ]);
    expect(disputes[0].bewijs).toEqual({ bestand: 'arbeidsovereenkomst 2018.pdf', soort: 'application/pdf', grootte: pdf.length });
    expect(data.register.meldingen.map((n: { soort: string; dienstverbanden: string[] }) => [n.soort, n.dienstverbanden])).toContainEqual([
      'correctie',
      ['persoonsgegevens'],
    ]);
  });
});
