import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardStaffActor, bytesOf, deliveringBoard, deliveryCsv, deliveryDeps, type DeliveryRow } from '../../../tests/support/deliveries.ts';
import { sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, type WebSession } from '../../../tests/support/web-session.ts';
import type { ActorContext } from '../../platform/audit/audit.ts';
import { applyDelivery, getRowResults, submitDelivery, type DeliveryRecord } from './deliveries.service.ts';
import { columns } from './delivery-format.rules.ts';

let t: TestApp;
let deps: ReturnType<typeof deliveryDeps>;
let hr: ActorContext;
let web: WebSession;
let board: { id: string; number: string };
let school: { brin: string; location: string };

const row = (n: number, changes: DeliveryRow = {}): DeliveryRow => ({
  bevoegd_gezag_nummer: board.number,
  personeelsnummer: `B${n}`,
  voorletters: 'A.',
  achternaam: `Bakker${n}`,
  geboortedatum: '1980-01-01',
  email: `b${n}@school.nl`,
  instellingscode: school.brin,
  vestigingscode: school.location,
  functie: 'LERAAR',
  benoemingsgrondslag: 'BEVOEGD',
  begindatum: '2016-08-01',
  ...changes,
});

async function deliver(body: Buffer, fileName = 'personeel.csv', mode: 'volledig' | 'mutaties' = 'mutaties'): Promise<DeliveryRecord> {
  return submitDelivery(deps, hr, { boardId: board.id, mode, fileName, channel: 'upload', body: bytesOf(body), applyWhenValid: false });
}

async function messagesOf(delivery: DeliveryRecord) {
  const { rows } = await getRowResults(deps, hr, delivery.id, { problemsOnly: true, page: 1, pageSize: 100 });
  return rows.flatMap((r) => r.messages.map((m) => [r.rowNumber, m.soort, m.kolom, m.melding]));
}

/** Every table and column of every schema, as text (jsonb and arrays too), where `value` occurs. */
async function placesHolding(value: string): Promise<string[]> {
  const textColumns = await t.database.query<{ schema: string; table: string; column: string }>(
    `SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column
     FROM information_schema.columns c JOIN information_schema.tables tb USING (table_schema, table_name)
     WHERE tb.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
       AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')`,
  );
  const found: string[] = [];
  for (const { schema, table, column } of textColumns) {
    const [{ n }] = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}"."${table}" WHERE strpos("${column}"::text, $1) > 0`, [
      value,
    ]);
    if (n > 0) found.push(`${schema}.${table}.${column}`);
  }
  return found;
}

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
  ({ board, school } = await deliveringBoard(t.database));
  deps = deliveryDeps(t.database);
  hr = { actor: await boardStaffActor(t.database, board.id, 'hr@bsn.nl') };
  web = await sessionFor(t.app, t.database, hr.actor.type === 'account' ? hr.actor.accountId : '');
  // the register knows B1 of this board with BSN 111222333
  const first = await deliver(deliveryCsv([row(1, { bsn: '111222333' })]), 'eerste.csv', 'volledig');
  await applyDelivery(deps, hr, first.id, { confirmed: true });
});
afterAll(async () => t?.close());

describe('a personeelsnummer that is a BSN', () => {
  it('is an error when it is the row BSN, the BSN of someone the register knows for the board, or a BSN in the delivery', async () => {
    const delivery = await deliver(
      deliveryCsv(
        [
          row(2, { personeelsnummer: '123456782', bsn: '123456782', mutatie: 'NIEUW' }),
          row(3, { personeelsnummer: '111222333', mutatie: 'NIEUW' }),
          row(4, { personeelsnummer: '200000019', mutatie: 'NIEUW' }),
          row(5, { bsn: '200000019', mutatie: 'NIEUW' }),
        ],
        [...columns],
      ),
    );
    expect(delivery).toMatchObject({ status: 'gecontroleerd', errorRows: 3 });
    const messages = await messagesOf(delivery);
    expect(messages).toEqual([
      [2, 'fout', 'personeelsnummer', expect.stringContaining('is het BSN van deze rij')],
      [3, 'fout', 'personeelsnummer', expect.stringContaining('is het BSN van een medewerker van dit bestuur')],
      [4, 'fout', 'personeelsnummer', expect.stringContaining('is het BSN van een medewerker van dit bestuur')],
    ]);
    for (const bsn of ['123456782', '111222333', '200000019']) expect(await placesHolding(bsn)).toEqual([]);
  });

  it('is a warning when it only passes the elfproef: applied, but shown nowhere and kept only as a key', async () => {
    const file = deliveryCsv([row(6, { personeelsnummer: '200000007' })]);
    const delivery = await deliver(file, 'elfproef.csv', 'volledig');
    expect(delivery).toMatchObject({ status: 'gecontroleerd', errorRows: 0, warningRows: 1 });
    expect(await messagesOf(delivery)).toEqual([[2, 'waarschuwing', 'personeelsnummer', expect.stringContaining('lijkt op een BSN')]]);
    const applied = await applyDelivery(deps, hr, delivery.id, { confirmed: true });
    expect(applied.summary).toMatchObject({ personenNieuw: 1, dienstverbandenNieuw: 1 });

    const staffPage = visibleText((await web.get(`/beheer/bestuur/${board.id}/personeel`)).body);
    expect(staffPage).toMatch(/A\. Bakker6 ••••••••• Leraar/);
    const staffCsv = (await web.get(`/beheer/bestuur/${board.id}/personeel.csv`)).body;
    expect(staffCsv).toContain('A. Bakker6;•••••••••;');
    const terugmelding = (await web.get(`/beheer/bestuur/${board.id}/aanleveringen/${delivery.id}/terugmelding.csv`)).body;
    expect(terugmelding).toContain('lijkt op een BSN');
    for (const shown of [staffPage, staffCsv, terugmelding]) expect(shown).not.toContain('200000007');
    expect(await placesHolding('200000007')).toEqual([]);

    // the same number is the same key: delivering the file again changes nothing
    const again = await deliver(file, 'elfproef.csv', 'volledig');
    expect((await applyDelivery(deps, hr, again.id, { confirmed: true })).summary).toMatchObject({
      personenNieuw: 0,
      personenGewijzigd: 0,
      dienstverbandenNieuw: 0,
      dienstverbandenGewijzigd: 0,
      dienstverbandenBeeindigd: 0,
    });
  });
});

describe('a file with shifted columns', () => {
  it('leaves no BSN in clear in any column of any table', async () => {
    const header = [...columns].filter((c) => c !== 'mutatie');
    const line = (values: string[]) => values.join(';');
    const file = Buffer.from(
      `${[
        line(header),
        // the personeelsnummer is left out: the BSN lands in personeelsnummer, the rest one column to the left
        line([
          board.number,
          '123456782',
          'A.',
          '',
          '',
          'Links',
          '1980-01-01',
          'l@school.nl',
          school.brin,
          school.location,
          'LERAAR',
          'BEVOEGD',
          '2016-08-01',
          '',
          '0,8',
        ]),
        // one field too many before the BSN: the BSN lands in voorletters, a date in achternaam
        line([
          board.number,
          'R1',
          '',
          '200000032',
          'A.',
          'Jan',
          '',
          'Rechts',
          '1980-01-01',
          'r@school.nl',
          school.brin,
          school.location,
          'LERAAR',
          'BEVOEGD',
          '2016-08-01',
          '',
          '0,8',
        ]),
        // a BSN without its leading zero in a date column, and one in a name
        line([
          board.number,
          'R2',
          '',
          'A.',
          '',
          '',
          'Naam 200000020',
          '10000008',
          'n@school.nl',
          school.brin,
          school.location,
          'LERAAR',
          'BEVOEGD',
          '2016-08-01',
          '',
          '0,8',
        ]),
      ].join('\r\n')}\r\n`,
    );
    const delivery = await deliver(file, 'verschoven-kolommen 123456782.csv', 'volledig');
    expect(delivery).toMatchObject({ status: 'gecontroleerd', rowCount: 3, errorRows: 3 });
    const messages = (await messagesOf(delivery)).map((m) => m[3]).join('\n');
    expect(messages).toContain('"•••••••••" is geen bestaande datum');

    expect(await placesHolding('verschoven-kolommen')).toEqual(['public.deliveries.file_name']); // the scan finds what is there
    for (const bsn of ['123456782', '200000032', '200000020', '10000008']) expect(await placesHolding(bsn), bsn).toEqual([]);
  });
});
