import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { boardStaffActor, bytesOf, deliveryCsv, deliveryDeps, textOf, type DeliveryRow } from '../../../tests/support/deliveries.ts';
import { createTestDatabase, importRealDuo } from '../../../tests/support/test-database.ts';
import type { Database } from '../../db/database.ts';
import type { ActorContext } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { addTexts, message, translateMessage } from '../../platform/i18n.ts';
import { deliveriesEn } from './deliveries.texts.en.ts';
import { deliveriesNl } from './deliveries.texts.nl.ts';
import {
  applyDelivery,
  cancelDelivery,
  getDelivery,
  getRowResults,
  openRowResultsCsv,
  submitDelivery,
  validateDelivery,
  type DeliveryDeps,
  type DeliveryRecord,
} from './deliveries.service.ts';
import { columns } from './delivery-format.rules.ts';
import { sendDeliveryInvitations } from './delivery-invitations.service.ts';
import { checkAcrossRows } from './deliveries.repo.ts';
import type { SuspectPairs } from './repeated-keys.ts';
// the product's today is the Dutch date: between 23:00 and 00:00 UTC (22:00 in summer) it is already tomorrow
import { dutchToday } from '../../platform/dates/calendar.ts';

addTexts('deliveries', { nl: deliveriesNl, en: deliveriesEn });

let database: Database;
let deps: ReturnType<typeof deliveryDeps>;
let hr: ActorContext;
let otherHr: ActorContext;
let board: { id: string; number: string };
let schools: { brin: string; location: string }[];

const rowFor = (n: number, changes: DeliveryRow = {}): DeliveryRow => ({
  bevoegd_gezag_nummer: board.number,
  personeelsnummer: `P${String(n).padStart(3, '0')}`,
  bsn: '',
  voorletters: 'A.',
  achternaam: `Jansen${n}`,
  geboortedatum: `19${70 + (n % 20)}-0${1 + (n % 9)}-1${n % 10}`,
  email: `persoon${n}@school.nl`,
  instellingscode: schools[n % schools.length].brin,
  vestigingscode: schools[n % schools.length].location,
  functie: 'LERAAR',
  benoemingsgrondslag: 'BEVOEGD',
  begindatum: '2020-08-01',
  einddatum: '',
  werktijdfactor: '0,8',
  ...changes,
});

const count = async (table: string, where = 'true', params: unknown[] = []) =>
  Number((await database.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params))[0].n);

async function deliver(
  rows: DeliveryRow[],
  options: { mode?: 'volledig' | 'mutaties'; header?: readonly string[]; bytes?: Buffer; as?: ActorContext; applyWhenValid?: boolean } = {},
) {
  return submitDelivery(deps, options.as ?? hr, {
    boardId: board.id,
    mode: options.mode ?? 'volledig',
    fileName: 'personeel.csv',
    channel: 'upload',
    body: bytesOf(options.bytes ?? deliveryCsv(rows, options.header)),
    applyWhenValid: options.applyWhenValid ?? false,
  });
}

async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function messagesOf(delivery: DeliveryRecord) {
  const { rows } = await getRowResults(deps, hr, delivery.id, { problemsOnly: true, page: 1, pageSize: 100 });
  return rows.flatMap((r) => r.messages.map((m) => [r.rowNumber, m.soort, m.kolom, m.melding]));
}

beforeAll(async () => {
  database = await createTestDatabase();
  await importRealDuo(database);
  [board] = await database.query<{ id: string; number: string }>(`SELECT id, number FROM boards WHERE number = '32073'`);
  schools = await database.query<{ brin: string; location: string }>(
    `SELECT s.brin, min(l.code) AS location FROM schools s JOIN locations l ON l.school_id = s.id
     WHERE s.board_id = $1 AND s.closed_at IS NULL AND l.closed_at IS NULL GROUP BY s.brin ORDER BY s.brin LIMIT 3`,
    [board.id],
  );
  deps = deliveryDeps(database);
  hr = { actor: await boardStaffActor(database, board.id, 'hr@bestuur.nl') };
  const [other] = await database.query<{ id: string }>(`SELECT id FROM boards WHERE number = '41039'`);
  otherHr = { actor: await boardStaffActor(database, other.id, 'hr@ander-bestuur.nl') };
});
afterAll(async () => database?.close());

describe('a first full delivery', () => {
  let delivery: DeliveryRecord;
  const rows = () => [rowFor(1, { bsn: '111222333' }), rowFor(2), rowFor(3), rowFor(3, { functie: 'INTERN_BEGELEIDER', benoemingsgrondslag: '' })];

  it('is checked at once (a small file): every row accepted, nothing in the register yet', async () => {
    delivery = await deliver(rows());
    expect(delivery).toMatchObject({ status: 'gecontroleerd', rowCount: 4, errorRows: 0, warningRows: 0, needsConfirmation: false, progress: 100 });
    expect(await count('persons')).toBe(0);
    expect(await count('employments')).toBe(0);
  });

  it('keeps no readable BSN and no file once checked', async () => {
    const staged = await database.query<{ bsn_sealed: string | null; bsn_hash: string | null }>(
      `SELECT bsn_sealed, bsn_hash FROM delivery_rows WHERE delivery_id = $1 AND bsn_hash IS NOT NULL`,
      [delivery.id],
    );
    expect(staged).toHaveLength(1);
    expect(staged[0].bsn_sealed).not.toContain('111222333');
    expect(deps.crypto.open(staged[0].bsn_sealed!)).toBe('111222333');
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(`${deps.dataDir}/deliveries`)).toEqual([]);
  });

  it('applied: persons, employments awaiting approval, history and invitations', async () => {
    const applied = await applyDelivery(deps, hr, delivery.id, { confirmed: false });
    expect(applied.status).toBe('verwerkt');
    expect(applied.summary).toMatchObject({
      personenNieuw: 3,
      personenGewijzigd: 0,
      dienstverbandenNieuw: 4,
      dienstverbandenGewijzigd: 0,
      dienstverbandenBeeindigd: 0,
      uitnodigingen: 3,
    });
    expect(await count('employments', `approval_status = 'te-controleren' AND board_id = $1`, [board.id])).toBe(4);
    // a new person or employment carries the delivery that added it; the history holds the changes that follow
    expect(await count('persons', `first_delivery_id = $1`, [delivery.id])).toBe(3);
    expect(await count('employments', `first_delivery_id = $1 AND last_delivery_id = $1`, [delivery.id])).toBe(4);
    expect(await count('person_history', `delivery_id = $1`, [delivery.id])).toBe(0);
    const [person] = await database.query<{ bsn_sealed: string; bsn_hash: string }>(`SELECT bsn_sealed, bsn_hash FROM persons WHERE surname = 'Jansen1'`);
    expect(person.bsn_hash).toBe(deps.crypto.keyedHash('111222333'));
    expect(JSON.stringify(await database.query(`SELECT * FROM persons`))).not.toContain('111222333');
    expect(deps.tasks).toContainEqual({ kind: 'uitnodigen', deliveryId: delivery.id });
  });

  it('sends one invitation mail per person, once', async () => {
    expect(await sendDeliveryInvitations(deps, delivery.id)).toBe(3);
    expect(await sendDeliveryInvitations(deps, delivery.id)).toBe(0);
    const mails = await database.query<{ to_address: string; subject: string; text: string }>(
      `SELECT to_address, subject, text FROM mail_outbox WHERE template = 'person-invitation' ORDER BY to_address`,
    );
    expect(mails.map((m) => m.to_address)).toEqual(['persoon1@school.nl', 'persoon2@school.nl', 'persoon3@school.nl']);
    expect(mails[0].subject).toBe('Controleer uw gegevens in het Beroepsregister Onderwijs');
    // each with its own one-time link to bind an account to the person (decision 021)
    const links = mails.map((m) => /http:\/\/localhost:3000\/mijn-register\/koppelen\?code=[\w-]{43}/.exec(m.text)?.[0]);
    expect(new Set(links).size).toBe(3);
    expect(links).not.toContain(undefined);
  });

  it('the same file again changes nothing', async () => {
    const again = await deliver(rows());
    const before = { persons: await count('persons'), employments: await count('employments'), history: await count('person_history') };
    const applied = await applyDelivery(deps, hr, again.id, { confirmed: false });
    expect(applied.summary).toMatchObject({
      personenNieuw: 0,
      personenGewijzigd: 0,
      dienstverbandenNieuw: 0,
      dienstverbandenGewijzigd: 0,
      dienstverbandenBeeindigd: 0,
      uitnodigingen: 0,
    });
    expect({ persons: await count('persons'), employments: await count('employments'), history: await count('person_history') }).toEqual(before);
  });
});

describe('checking', () => {
  it('reports each bad row with its row number, column and reason, and refuses to apply', async () => {
    const delivery = await deliver([rowFor(1), rowFor(2, { bsn: '123456789' }), rowFor(3, { geboortedatum: '31-02-1980', functie: 'JUF' })]);
    expect(delivery).toMatchObject({ status: 'gecontroleerd', rowCount: 3, errorRows: 2 });
    expect(await messagesOf(delivery)).toEqual([
      [3, 'fout', 'bsn', 'Het BSN klopt niet: het voldoet niet aan de elfproef.'],
      [4, 'fout', 'geboortedatum', '"31-02-1980" is geen bestaande datum (JJJJ-MM-DD of DD-MM-JJJJ).'],
      [4, 'fout', 'functie', '"JUF" is geen functie uit de lijst: LERAAR, SCHOOLLEIDER, ADJUNCT_DIRECTEUR, INTERN_BEGELEIDER, LERAARONDERSTEUNER, OVERIG.'],
    ]);
    const refused = await rejectionOf(applyDelivery(deps, hr, delivery.id, { confirmed: true }));
    expect(refused).toMatchObject({ code: 'conflict' });
    expect(refused.detail).toEqual(message('deliveries.error.hasErrors', { count: 2 }));
    expect(translateMessage('nl', refused.detail ?? '')).toMatch(/^De aanlevering heeft 2 rijen met fouten/);
  });

  it('gives the terugmelding as CSV: one line per message, accepted rows too, with the original row number', async () => {
    const delivery = await deliver([rowFor(1), rowFor(2, { werktijdfactor: '2' })]);
    const csv = await openRowResultsCsv(deps, hr, delivery.id);
    if (!csv.ready) throw new Error('a small delivery has its CSV at once');
    expect(await textOf(csv.body)).toBe(
      '\uFEFFrij;resultaat;kolom;melding\r\n2;geaccepteerd;;\r\n3;fout;werktijdfactor;Werktijdfactor 2 ligt niet tussen 0,0001 en 1,5.\r\n',
    );
  });

  it('finds the same employment twice, one personeelsnummer with two people, one BSN under two numbers', async () => {
    const delivery = await deliver([
      rowFor(1, { bsn: '111222333' }),
      rowFor(1, { bsn: '111222333' }),
      rowFor(2, { personeelsnummer: 'P001', functie: 'OVERIG', geboortedatum: '1990-01-01' }),
      rowFor(4, { bsn: '111222333' }),
    ]);
    expect(await messagesOf(delivery)).toEqual([
      [3, 'fout', null, 'Dit dienstverband staat ook op rij 2 (zelfde personeelsnummer, instellingscode, vestigingscode en functie).'],
      [4, 'fout', 'personeelsnummer', 'Personeelsnummer P001 staat op rij 2 met andere persoonsgegevens (bsn, achternaam, geboortedatum).'],
      [5, 'fout', 'bsn', 'Dit BSN staat ook op rij 2, bij een ander personeelsnummer.'],
    ]);
  });

  it('finds the same across rows when the database groups them, and when two keys share a hash', async () => {
    const delivery = await deliver([
      rowFor(1, { bsn: '111222333' }),
      rowFor(1, { bsn: '111222333' }),
      rowFor(2, { personeelsnummer: 'P001', functie: 'OVERIG', geboortedatum: '1990-01-01' }),
      rowFor(4, { bsn: '111222333' }),
      rowFor(5, { personeelsnummer: '', bsn: '111222333' }),
    ]);
    const noticed = await messagesOf(delivery);
    expect(noticed.filter(([row]) => row === 6)).toEqual([
      [6, 'fout', 'personeelsnummer', 'Het personeelsnummer ontbreekt.'],
      [6, 'fout', 'bsn', 'Dit BSN staat ook op rij 2, bij een ander personeelsnummer.'],
    ]);
    const checkAgain = async (suspects?: SuspectPairs) => {
      // take the messages across rows (those naming another row) off again, keep each row's own
      await database.query(
        `UPDATE delivery_rows d SET messages = own.list,
          outcome = CASE WHEN own.list @> '[{"soort": "fout"}]' THEN 'fout' WHEN own.list IS NOT NULL THEN 'waarschuwing' ELSE 'geaccepteerd' END
        FROM (SELECT row_number, (SELECT jsonb_agg(m) FROM jsonb_array_elements(coalesce(messages, '[]')) m WHERE m->>'melding' !~ 'op rij [0-9]+') AS list
              FROM delivery_rows WHERE delivery_id = $1) own
        WHERE d.delivery_id = $1 AND d.row_number = own.row_number`,
        [delivery.id],
      );
      await checkAcrossRows(database.db, delivery.id, board.id, 'volledig', suspects);
      return messagesOf(delivery);
    };
    expect(await checkAgain()).toEqual(noticed);
    // as if every key had one hash: rows 4 and 5 paired with row 2 although their employment keys differ
    const wrongPairs = (rows: number[]) => ({ rows, firsts: rows.map(() => 2) });
    expect(await checkAgain({ employment: wrongPairs([3, 4, 5]), staff: wrongPairs([3, 4, 5]), bsn: wrongPairs([3, 5, 6]) })).toEqual(noticed);
  });

  it('refuses a file for another board, and a file that names another board', async () => {
    expect((await rejectionOf(deliver([rowFor(1)], { as: otherHr }))).code).toBe('forbidden');
    const delivery = await deliver([rowFor(1, { bevoegd_gezag_nummer: '41039' })]);
    expect(await messagesOf(delivery)).toEqual([
      [2, 'fout', 'bevoegd_gezag_nummer', `Bevoegd gezag 41039 is niet het aanleverende bestuur (${board.number}).`],
    ]);
    expect((await rejectionOf(getDelivery(deps, otherHr, delivery.id))).code).toBe('not_found');
  });

  it('refuses an empty file, a binary file, a wrong header and a file over the limit, keeping them as afgewezen', async () => {
    const cases: [Buffer, RegExp][] = [
      [Buffer.from(''), /^Het bestand is leeg\.$/],
      [Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]), /^Dit is geen CSV-bestand/],
      [
        deliveryCsv(
          [rowFor(1)],
          columns.filter((c) => c !== 'achternaam'),
        ),
        /^De kopregel mist de verplichte kolom\(men\): achternaam\.$/,
      ],
      [Buffer.from('1;2;3\r\n'), /geen kopregel/],
    ];
    for (const [bytes, message] of cases) {
      const error = await rejectionOf(deliver([], { bytes }));
      expect(error.code).toBe('validation_failed');
      expect(error.detail).toMatch(message);
    }
    const small = deliveryDeps(database, { maxBytes: 100 });
    const tooLarge = await rejectionOf(
      submitDelivery(small, hr, {
        boardId: board.id,
        mode: 'volledig',
        fileName: null,
        channel: 'api',
        body: bytesOf(deliveryCsv([rowFor(1)])),
        applyWhenValid: false,
      }),
    );
    expect(tooLarge.code).toBe('payload_too_large');
    expect(await count('deliveries', `status = 'afgewezen'`)).toBe(4);
  });

  it('reads a large file by a job, with progress, and a file cut off halfway becomes afgewezen', async () => {
    const jobDeps = deliveryDeps(database, { inlineBytes: 0 });
    const delivery = await submitDelivery(jobDeps, hr, {
      boardId: board.id,
      mode: 'volledig',
      fileName: null,
      channel: 'api',
      body: bytesOf(deliveryCsv([rowFor(1)])),
      applyWhenValid: false,
    });
    expect(delivery).toMatchObject({ status: 'in-behandeling', progress: 0 });
    expect(jobDeps.tasks).toEqual([{ kind: 'controleren', deliveryId: delivery.id }]);
    await validateDelivery(jobDeps, delivery.id);
    expect(await getDelivery(jobDeps, hr, delivery.id)).toMatchObject({ status: 'gecontroleerd', progress: 100, rowCount: 1 });

    // past the first 64 KB the header is read from, the file stops inside a quoted field
    const many = Array.from({ length: 800 }, (_, i) => rowFor(100 + i));
    const cut = Buffer.concat([deliveryCsv(many), Buffer.from(`${board.number};"P009;`)]);
    expect(cut.length).toBeGreaterThan(64 * 1024);
    const broken = await submitDelivery(jobDeps, hr, {
      boardId: board.id,
      mode: 'volledig',
      fileName: null,
      channel: 'api',
      body: bytesOf(cut),
      applyWhenValid: false,
    });
    await validateDelivery(jobDeps, broken.id);
    const after = await getDelivery(jobDeps, hr, broken.id);
    expect(after.status).toBe('afgewezen');
    expect(after.rejection).toMatch(/lijkt afgebroken/);
  });

  it('reads an XLSX file like a CSV file', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Personeel');
    sheet.addRow([...columns]);
    const row = rowFor(7);
    sheet.addRow(columns.map((c) => (c === 'geboortedatum' ? new Date(`${row.geboortedatum}T00:00:00Z`) : (row[c] ?? ''))));
    const delivery = await deliver([], { bytes: Buffer.from(await workbook.xlsx.writeBuffer()) });
    expect(delivery).toMatchObject({ format: 'xlsx', status: 'gecontroleerd', rowCount: 1, errorRows: 0 });
  });

  it('can be cancelled instead of applied', async () => {
    const delivery = await deliver([rowFor(1)]);
    expect((await cancelDelivery(deps, hr, delivery.id)).status).toBe('geannuleerd');
    expect((await rejectionOf(applyDelivery(deps, hr, delivery.id, { confirmed: false }))).code).toBe('conflict');
  });
});

describe('later deliveries', () => {
  it('a full delivery without one employment ends it on the delivery date', async () => {
    const rows = [
      rowFor(1, { bsn: '111222333' }),
      rowFor(2),
      rowFor(3),
      rowFor(3, { functie: 'INTERN_BEGELEIDER', benoemingsgrondslag: '' }),
      rowFor(5),
      rowFor(6),
    ];
    await applyDelivery(deps, hr, (await deliver(rows)).id, { confirmed: false });
    const delivery = await deliver(rows.slice(0, 5));
    expect(delivery.summary).toEqual({ actieveDienstverbanden: 6, teBeeindigen: 1 });
    const applied = await applyDelivery(deps, hr, delivery.id, { confirmed: false });
    expect(applied.summary).toMatchObject({ dienstverbandenBeeindigd: 1, dienstverbandenNieuw: 0 });
    const [ended] = await database.query<{ end_date: string }>(`SELECT end_date::text FROM employments WHERE employment_key LIKE 'P006|%'`);
    expect(ended.end_date).toBe(dutchToday());
  });

  it('a full delivery that would end more than 20% needs confirmation', async () => {
    const delivery = await deliver([rowFor(1, { bsn: '111222333' }), rowFor(2)]);
    expect(delivery).toMatchObject({ needsConfirmation: true, summary: { actieveDienstverbanden: 5, teBeeindigen: 3 } });
    const refused = await rejectionOf(applyDelivery(deps, hr, delivery.id, { confirmed: false }));
    expect(refused.detail).toEqual(message('deliveries.error.confirmMassEnd', { count: 3 }));
    expect(translateMessage('nl', refused.detail ?? '')).toBe(
      'Deze volledige aanlevering beëindigt 3 dienstverbanden (meer dan 20%). Bevestig dat dit klopt om haar te verwerken.',
    );
    expect(translateMessage('en', refused.detail ?? '')).toBe(
      'This complete delivery ends 3 employments (more than 20%). Confirm that this is right to apply it.',
    );
    await cancelDelivery(deps, hr, delivery.id);
  });

  it('mutaties: NIEUW adds, WIJZIGING changes, EINDE ends; a change of an unknown employment is an error', async () => {
    const bad = await deliver([rowFor(8, { mutatie: 'WIJZIGING' })], { mode: 'mutaties' });
    expect(await messagesOf(bad)).toEqual([
      [2, 'fout', 'mutatie', 'Er is geen dienstverband om te wijzigen met dit personeelsnummer, deze school, vestiging en functie. Lever het aan als NIEUW.'],
    ]);
    const delivery = await deliver(
      [
        rowFor(8, { mutatie: 'NIEUW' }),
        rowFor(2, { mutatie: 'WIJZIGING', werktijdfactor: '1', benoemingsgrondslag: 'ZIJINSTROOM' }),
        rowFor(5, { mutatie: 'EINDE', einddatum: '2026-12-31' }),
      ],
      { mode: 'mutaties' },
    );
    expect(delivery.errorRows).toBe(0);
    const applied = await applyDelivery(deps, hr, delivery.id, { confirmed: false });
    expect(applied.summary).toMatchObject({ personenNieuw: 1, dienstverbandenNieuw: 1, dienstverbandenGewijzigd: 2, dienstverbandenBeeindigd: 0 });
    const history = await database.query<{ kind: string; changes: unknown }>(
      `SELECT kind, changes FROM person_history WHERE delivery_id = $1 AND kind LIKE 'dienstverband-%' ORDER BY kind`,
      [delivery.id],
    );
    expect(history).toEqual([
      { kind: 'dienstverband-beeindigd', changes: { einddatum: [null, '2026-12-31'] } },
      { kind: 'dienstverband-gewijzigd', changes: { benoemingsgrondslag: ['BEVOEGD', 'ZIJINSTROOM'], werktijdfactor: [0.8, 1] } },
    ]);
    expect(await count('employments', `first_delivery_id = $1`, [delivery.id])).toBe(1);
  });

  it('a new person with the surname and birth date of someone known becomes a possible duplicate, never merged', async () => {
    const twin = rowFor(9, { achternaam: 'Jansen1', geboortedatum: rowFor(1).geboortedatum, bsn: '123456782', mutatie: 'NIEUW' });
    const applied = await applyDelivery(deps, hr, (await deliver([twin], { mode: 'mutaties' })).id, { confirmed: false });
    expect(applied.summary).toMatchObject({ personenNieuw: 1, mogelijkeDubbelen: 1 });
    const [task] = await database.query<{ reason: string; status: string }>(`SELECT reason, status FROM duplicate_candidates`);
    expect(task).toEqual({ reason: 'naam-geboortedatum', status: 'open' });
    expect(await count('persons', `lower(surname) = 'jansen1'`)).toBe(2);
  });

  it('two new persons alike within one file become one task, not two', async () => {
    const alike = { achternaam: 'Tweeling', geboortedatum: '1991-05-05', mutatie: 'NIEUW' };
    const delivery = await deliver([rowFor(31, alike), rowFor(32, alike)], { mode: 'mutaties' });
    const applied = await applyDelivery(deps, hr, delivery.id, { confirmed: false });
    expect(applied.summary).toMatchObject({ personenNieuw: 2, mogelijkeDubbelen: 1 });
    const tasks = await database.query(
      `SELECT p.surname AS person, c.surname AS candidate, d.reason FROM duplicate_candidates d
       JOIN persons p ON p.id = d.person_id JOIN persons c ON c.id = d.candidate_id WHERE d.delivery_id = $1`,
      [delivery.id],
    );
    expect(tasks).toEqual([{ person: 'Tweeling', candidate: 'Tweeling', reason: 'naam-geboortedatum' }]);
  });
});

describe('all or nothing', () => {
  it('a failure halfway leaves the register as it was; the delivery can be applied again', async () => {
    const failing: DeliveryDeps = {
      ...deps,
      afterApplyStep: (step) => {
        if (step === 'dienstverbanden gewijzigd') throw new Error('stroomstoring');
      },
    };
    const delivery = await deliver([rowFor(1, { bsn: '111222333', achternaam: 'Jansen-de Vries' }), rowFor(2), rowFor(3), rowFor(10)]);
    const tables = ['persons', 'employments', 'person_history', 'staff_numbers', 'person_invitations', 'duplicate_candidates'];
    const before = await Promise.all(tables.map((t) => count(t)));
    const snapshot = await database.query(`SELECT * FROM persons ORDER BY id`);
    await expect(applyDelivery(failing, hr, delivery.id, { confirmed: true })).rejects.toThrow('stroomstoring');
    expect(await Promise.all(tables.map((t) => count(t)))).toEqual(before);
    expect(await database.query(`SELECT * FROM persons ORDER BY id`)).toEqual(snapshot);
    expect((await getDelivery(deps, hr, delivery.id)).status).toBe('gecontroleerd');
    const applied = await applyDelivery(deps, hr, delivery.id, { confirmed: true });
    expect(applied.status).toBe('verwerkt');
    expect(applied.summary).toMatchObject({ personenNieuw: 1, personenGewijzigd: 1 });
  });
});
