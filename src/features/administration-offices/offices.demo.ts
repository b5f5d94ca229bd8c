import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { column, firstRowOf, row } from '../../db/rows.ts';

/** The demo's administratiekantoor (a made-up name and KvK number), authorised by the demo board. */
export const demoOffice = { name: 'Salarisadministratie Het Noorden B.V.', kvkNumber: '90000017' };

const idRow = row({ id: column.text });

/**
 * The demo's office, and the demo board's machtiging for it: repeatable, an office or a live machtiging
 * already there is kept. Returns the office's id, or undefined when the board is not in the directory.
 */
export async function seedDemoOffice(db: Db, boardNumber: string): Promise<string | undefined> {
  const board = firstRowOf(idRow, await db.execute(sql`SELECT id FROM boards WHERE number = ${boardNumber}`));
  if (!board) return undefined;
  await db.execute(
    sql`INSERT INTO administration_offices (name, kvk_number) VALUES (${demoOffice.name}, ${demoOffice.kvkNumber}) ON CONFLICT (kvk_number) DO NOTHING`,
  );
  const office = firstRowOf(idRow, await db.execute(sql`SELECT id FROM administration_offices WHERE kvk_number = ${demoOffice.kvkNumber}`))!;
  await db.execute(sql`INSERT INTO office_mandates (board_id, office_id) VALUES (${board.id}, ${office.id})
    ON CONFLICT (board_id, office_id) WHERE withdrawn_at IS NULL DO NOTHING`);
  return office.id;
}
