import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Database } from '../../src/db/database.ts';
import type { DeliveryDeps, DeliveryTask } from '../../src/features/deliveries/index.ts';
import { applyDelivery, columns, submitDelivery } from '../../src/features/deliveries/index.ts';
import type { Actor } from '../../src/platform/auth/actor.ts';
import { createCrypto } from '../../src/platform/crypto.ts';
import { createMailer } from '../../src/platform/mail/mailer.ts';
import { createAccount } from './accounts.ts';

export type DeliveryRow = Partial<Record<(typeof columns)[number], string>>;

/** A delivery file in the format: the given columns (all of them by default), `;`, CRLF. */
export function deliveryCsv(rows: DeliveryRow[], header: readonly string[] = columns): Buffer {
  const quote = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [header.join(';'), ...rows.map((r) => header.map((h) => quote(r[h as keyof DeliveryRow] ?? '')).join(';'))];
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

export const bytesOf = (bytes: Buffer) => Readable.from([bytes]);

/** A stream read to its end as UTF-8 text (the terugmelding as CSV, say). */
export async function textOf(stream: AsyncIterable<string | Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(Buffer.from(part));
  return Buffer.concat(parts).toString('utf8');
}

/** Deps for the delivery use cases on a test database; scheduled tasks wait in `tasks` until the test runs them. */
export function deliveryDeps(database: Database, overrides: Partial<DeliveryDeps> = {}): DeliveryDeps & { tasks: DeliveryTask[] } {
  const tasks: DeliveryTask[] = [];
  return {
    db: database.db,
    database,
    crypto: createCrypto({
      sessionSecret: randomBytes(32).toString('hex'),
      encryptionKey: randomBytes(32).toString('hex'),
      hashKey: randomBytes(32).toString('hex'),
    }),
    mailer: createMailer({ from: 'test@beroepsregister.nl' }),
    dataDir: mkdtempSync(join(tmpdir(), 'br-deliveries-')),
    baseUrl: 'http://localhost:3000',
    maxBytes: 10 * 1024 * 1024,
    schedule: async (task) => {
      tasks.push(task);
    },
    tasks,
    ...overrides,
  };
}

/** A board staff member of `boardId`, as the delivery use cases see them. */
export async function boardStaffActor(database: Database, boardId: string, email: string): Promise<Actor> {
  const account = await createAccount(database, { email, roles: [{ role: 'board-staff', organisation: { kind: 'bestuur', id: boardId } }] });
  const [membership] = await database.query<{ id: string }>(`SELECT id FROM memberships WHERE account_id = $1`, [account.id]);
  return {
    type: 'account',
    accountId: account.id,
    sessionId: 'test',
    email,
    displayName: account.displayName,
    secondFactorDone: true,
    memberships: [{ id: membership.id, role: 'board-staff', organisation: { kind: 'bestuur', id: boardId } }],
  };
}

/** The demo board 32073 from the real DUO directory and its first school with an open location: what the delivery tests deliver for. */
export async function deliveringBoard(database: Database): Promise<{ board: { id: string; number: string }; school: { brin: string; location: string } }> {
  const [board] = await database.query<{ id: string; number: string }>(`SELECT id, number FROM boards WHERE number = '32073'`);
  const [school] = await database.query<{ brin: string; location: string }>(
    `SELECT s.brin, min(l.code) AS location FROM schools s JOIN locations l ON l.school_id = s.id
     WHERE s.board_id = $1 AND l.closed_at IS NULL GROUP BY s.brin ORDER BY s.brin LIMIT 1`,
    [board.id],
  );
  return { board, school };
}

/**
 * A board's HR delivers these rows as a file and applies them, confirmed: the way most tests put people
 * in the register. A row with an error stops the test here, with the rows' messages.
 */
export async function deliverAndApply(deps: DeliveryDeps, actor: Actor, boardId: string, rows: DeliveryRow[], mode: 'volledig' | 'mutaties') {
  const ctx = { actor };
  const delivery = await submitDelivery(deps, ctx, {
    boardId,
    mode,
    fileName: 'p.csv',
    body: bytesOf(deliveryCsv(rows)),
    applyWhenValid: false,
    channel: 'upload',
  });
  if (delivery.errorRows > 0) throw new Error(`the delivery has ${delivery.errorRows} row(s) with errors`);
  return { delivery, applied: await applyDelivery(deps, ctx, delivery.id, { confirmed: true }) };
}
