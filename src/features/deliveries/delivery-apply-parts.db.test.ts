import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardStaffActor, bytesOf, deliveryCsv, deliveryDeps, type DeliveryRow } from '../../../tests/support/deliveries.ts';
import { createTestDatabase, importRealDuo } from '../../../tests/support/test-database.ts';
import type { Database } from '../../db/database.ts';
import type { ActorContext } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { applyDelivery, cancelDelivery, getDelivery, submitDelivery, type DeliveryDeps } from './deliveries.service.ts';

/**
 * A large delivery on the embedded database is applied in committed parts (decision 017). Here the
 * parts are three rows, so a small file crosses many part boundaries: the register must end up exactly
 * as when the same deliveries are applied in one go, and an apply that breaks off between parts must
 * carry on to that same end, never be cancelled halfway.
 */
let database: Database;
type Board = { id: string; number: string; school: { brin: string; location: string }; hr: ActorContext };
let inParts: Board;
let inOneGo: Board;

async function boardOf(number: string, email: string): Promise<Board> {
  const [board] = await database.query<{ id: string; number: string }>(`SELECT id, number FROM boards WHERE number = $1`, [number]);
  const [school] = await database.query<{ brin: string; location: string }>(
    `SELECT s.brin, min(l.code) AS location FROM schools s JOIN locations l ON l.school_id = s.id
     WHERE s.board_id = $1 AND s.closed_at IS NULL AND l.closed_at IS NULL GROUP BY s.brin ORDER BY s.brin LIMIT 1`,
    [board.id],
  );
  return { ...board, school, hr: { actor: await boardStaffActor(database, board.id, email) } };
}

/** Person n of a board; surnames end in the board's number, so the boards' staff never look alike. */
const rowFor = (board: Board, n: number, changes: DeliveryRow = {}): DeliveryRow => ({
  bevoegd_gezag_nummer: board.number,
  personeelsnummer: `P${n}`,
  bsn: '',
  voorletters: 'A.',
  geboortedatum: `1980-01-${String(10 + n).padStart(2, '0')}`,
  email: `p${n}@${board.number}.nl`,
  instellingscode: board.school.brin,
  vestigingscode: board.school.location,
  functie: 'LERAAR',
  benoemingsgrondslag: 'BEVOEGD',
  begindatum: '2020-08-01',
  einddatum: '',
  werktijdfactor: '0,8',
  ...changes,
  achternaam: `${changes.achternaam ?? `Visser${n}`} ${board.number}`,
});

/** The first delivery: person 3's two functions four rows apart (in two parts), persons 5 and 7 look alike across parts. */
const firstFile = (b: Board) => [
  rowFor(b, 1),
  rowFor(b, 2),
  rowFor(b, 3),
  rowFor(b, 4),
  rowFor(b, 5, { achternaam: 'Smit', geboortedatum: '1975-05-05' }),
  rowFor(b, 6),
  rowFor(b, 3, { functie: 'INTERN_BEGELEIDER', benoemingsgrondslag: '' }),
  rowFor(b, 7, { achternaam: 'Smit', geboortedatum: '1975-05-05' }),
];
/** The second: person 1 renamed, person 2 gone (ended), person 3's second function changed, person 8 new. */
const secondFile = (b: Board) => [
  rowFor(b, 8),
  rowFor(b, 1, { achternaam: 'Visser-Bakker' }),
  rowFor(b, 3),
  rowFor(b, 4),
  rowFor(b, 5, { achternaam: 'Smit', geboortedatum: '1975-05-05' }),
  rowFor(b, 6),
  rowFor(b, 3, { functie: 'INTERN_BEGELEIDER', benoemingsgrondslag: '', werktijdfactor: '0,4' }),
  rowFor(b, 7, { achternaam: 'Smit', geboortedatum: '1975-05-05' }),
];

async function deliverAndApply(deps: DeliveryDeps, board: Board, rows: DeliveryRow[]) {
  const submitted = await submitDelivery(deps, board.hr, {
    boardId: board.id,
    mode: 'volledig',
    fileName: 'personeel.csv',
    channel: 'upload',
    body: bytesOf(deliveryCsv(rows)),
    applyWhenValid: false,
  });
  expect(submitted).toMatchObject({ status: 'gecontroleerd', errorRows: 0 });
  return applyDelivery(deps, board.hr, submitted.id, { confirmed: true });
}

/** What the register holds for a board's staff, in terms that do not depend on ids or on the board. */
async function registerOf(board: Board) {
  const persons = await database.query(
    `SELECT s.staff_number, replace(p.surname, ' ' || $2, '') AS surname, p.birth_date::text AS birth_date, p.email IS NOT NULL AS has_email
     FROM staff_numbers s JOIN persons p ON p.id = s.person_id WHERE s.board_id = $1 ORDER BY s.staff_number`,
    [board.id, board.number],
  );
  const employments = await database.query(
    `SELECT staff_number, function, end_date::text AS end_date, fte::text AS fte, approval_status FROM employments
     WHERE board_id = $1 ORDER BY staff_number, function`,
    [board.id],
  );
  const history = await database.query(
    `SELECT s.staff_number, h.kind, replace(h.changes::text, ' ' || $2, '') AS changes
     FROM person_history h JOIN staff_numbers s ON s.person_id = h.person_id AND s.board_id = $1
     ORDER BY s.staff_number, h.kind, h.changes::text`,
    [board.id, board.number],
  );
  const invitations = await database.query(
    `SELECT s.staff_number, count(*)::int AS n FROM person_invitations i JOIN deliveries d ON d.id = i.delivery_id
     JOIN staff_numbers s ON s.person_id = i.person_id AND s.board_id = d.board_id WHERE d.board_id = $1
     GROUP BY d.created_at, s.staff_number ORDER BY d.created_at, s.staff_number`,
    [board.id],
  );
  const duplicates = await database.query(
    `SELECT count(*)::int AS n FROM duplicate_candidates c JOIN deliveries d ON d.id = c.delivery_id WHERE d.board_id = $1`,
    [board.id],
  );
  return { persons, employments, history, invitations, duplicates };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await importRealDuo(database);
  inParts = await boardOf('32073', 'hr@delen.nl');
  inOneGo = await boardOf('41039', 'hr@ineens.nl');
});
afterAll(async () => database?.close());

describe('an apply in parts of three rows', () => {
  it('leaves the register exactly as one apply in one go does, with the same summaries', async () => {
    const parts = deliveryDeps(database, { applyPartRows: 3 });
    const oneGo = deliveryDeps(database, { applyPartRows: 1_000_000 });
    const firstInParts = await deliverAndApply(parts, inParts, firstFile(inParts));
    const firstInOneGo = await deliverAndApply(oneGo, inOneGo, firstFile(inOneGo));
    expect(firstInParts.summary).toEqual(firstInOneGo.summary);
    expect(firstInParts.summary).toMatchObject({ personenNieuw: 7, dienstverbandenNieuw: 8, uitnodigingen: 7, mogelijkeDubbelen: 1 });

    const secondInParts = await deliverAndApply(parts, inParts, secondFile(inParts));
    const secondInOneGo = await deliverAndApply(oneGo, inOneGo, secondFile(inOneGo));
    expect(secondInParts.summary).toEqual(secondInOneGo.summary);
    expect(secondInParts.summary).toMatchObject({
      personenNieuw: 1,
      personenGewijzigd: 1,
      dienstverbandenGewijzigd: 1,
      dienstverbandenBeeindigd: 1,
      uitnodigingen: 4,
    });
    expect(await registerOf(inParts)).toEqual(await registerOf(inOneGo));
  });
});

describe('an apply in parts of one row', () => {
  it('ends the employments a full delivery leaves out over several parts of keys, as one go does', async () => {
    const [fourth] = await database.query<{ number: string }>(`SELECT b.number FROM boards b JOIN schools s ON s.board_id = b.id AND s.closed_at IS NULL
      JOIN locations l ON l.school_id = s.id AND l.closed_at IS NULL WHERE b.number NOT IN ('32073', '41039') ORDER BY b.number DESC LIMIT 1`);
    const board = await boardOf(fourth.number, 'hr@kleinedelen.nl');
    // four employment keys a part of the ending: the board's nine employments take three parts
    const parts = deliveryDeps(database, { applyPartRows: 1 });
    await deliverAndApply(parts, board, [...firstFile(board), rowFor(board, 9)]);
    const second = await deliverAndApply(parts, board, [rowFor(board, 1), rowFor(board, 4), rowFor(board, 6)]);
    expect(second.summary).toMatchObject({ dienstverbandenBeeindigd: 6, personenNieuw: 0 });
    const open = await database.query<{ staff_number: string }>(
      `SELECT staff_number FROM employments WHERE board_id = $1 AND end_date IS NULL ORDER BY staff_number`,
      [board.id],
    );
    expect(open.map((e) => e.staff_number)).toEqual(['P1', 'P4', 'P6']);
  });
});

describe('an apply in parts that breaks off after its first part', () => {
  it('keeps the parts it committed, cannot be cancelled, and carries on to the same end when applied again', async () => {
    const [third] = await database.query<{ number: string }>(`SELECT b.number FROM boards b JOIN schools s ON s.board_id = b.id AND s.closed_at IS NULL
      JOIN locations l ON l.school_id = s.id AND l.closed_at IS NULL WHERE b.number NOT IN ('32073', '41039') ORDER BY b.number LIMIT 1`);
    const board = await boardOf(third.number, 'hr@afgebroken.nl');
    let partsDone = 0;
    const breaking = deliveryDeps(database, {
      applyPartRows: 3,
      afterApplyStep: (step) => {
        if (step === 'uitnodigingen klaargezet' && ++partsDone === 2) throw new Error('de stroom valt uit');
      },
    });
    const submitted = await submitDelivery(breaking, board.hr, {
      boardId: board.id,
      mode: 'volledig',
      fileName: 'personeel.csv',
      channel: 'upload',
      body: bytesOf(deliveryCsv(firstFile(board))),
      applyWhenValid: false,
    });
    await expect(applyDelivery(breaking, board.hr, submitted.id, { confirmed: true })).rejects.toThrow('de stroom valt uit');

    // the first part (rows 2–4: persons 1, 2 and 3) is in the register, the second is not
    const staffNumbers = async () =>
      (await database.query<{ staff_number: string }>(`SELECT staff_number FROM staff_numbers WHERE board_id = $1 ORDER BY staff_number`, [board.id])).map(
        (r) => r.staff_number,
      );
    expect(await staffNumbers()).toEqual(['P1', 'P2', 'P3']);
    expect(await getDelivery(breaking, board.hr, submitted.id)).toMatchObject({ status: 'in-behandeling', phase: 'verwerken' });

    const refused = await cancelDelivery(breaking, board.hr, submitted.id).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'conflict', detail: message('deliveries.error.applyingCannotCancel') });

    const carriedOn = await applyDelivery(deliveryDeps(database, { applyPartRows: 3 }), board.hr, submitted.id, { confirmed: true });
    expect(carriedOn.status).toBe('verwerkt');
    expect(carriedOn.summary).toMatchObject({ personenNieuw: 7, dienstverbandenNieuw: 8, uitnodigingen: 7, mogelijkeDubbelen: 1 });
    expect(await staffNumbers()).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7']);
    const [{ n }] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM person_invitations WHERE delivery_id = $1`, [submitted.id]);
    expect(n).toBe(7);
  });
});
