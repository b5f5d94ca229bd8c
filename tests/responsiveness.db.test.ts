import { createReadStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeHealth } from './support/health-probe.ts';
import { writeLargeDelivery } from './support/large-delivery.ts';
import { serverProcesses, until, type Processes } from './support/server-process.ts';
import { testDatabaseKind } from './support/test-database.ts';

/**
 * The web process stays there for everyone while it works through a large delivery: the real server,
 * sent a full delivery of 30,000 employments with `verwerken=true`, checks it, applies it and sends the
 * invitations, while this process asks /health 20 times a second. Every answer must come, and within
 * 10 s (the figures against a national delivery are `npm run bench -- responsiveness`). Before the work
 * was cut into parts that yield, the invitations alone held every request up for 12 s at 20,000 rows.
 */
const rows = 30_000;
const board = '32073';
let processes: Processes;
let token: string;
let file: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'br-responsive-'));
  processes = await serverProcesses(
    { NODE_ENV: 'test', LOG_LEVEL: 'warn', DATA_DIR: join(dir, 'data') },
    testDatabaseKind() === 'postgres' ? process.env.TEST_DATABASE_URL : undefined,
  );
  token = await processes.boardWithToken(board);
  file = join(dir, 'aanlevering.csv');
  writeLargeDelivery(file, board, rows);
}, 180_000);

afterAll(async () => processes?.cleanUp());

describe('the server while it checks, applies and invites a delivery of 30,000 rows', { timeout: 300_000 }, () => {
  it('answers every /health within 10 s throughout', async () => {
    const server = await processes.startServer();
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${server.base}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });
    const probe = probeHealth(server.base, { timeoutMs: 30_000 });
    const submitted = await api('/aanleveringen?modus=volledig&verwerken=true', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: Readable.toWeb(createReadStream(file)) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    expect(submitted.status).toBe(201);
    const { id } = (await submitted.json()) as { id: string };
    const applied = await until(
      'the delivery applied',
      async () => {
        const answer = await api(`/aanleveringen/${id}`).catch(() => null);
        const delivery = answer?.ok ? ((await answer.json()) as { status: string; samenvatting: Record<string, number> | null }) : undefined;
        expect(delivery?.status).not.toBe('afgewezen');
        return delivery?.status === 'verwerkt' ? delivery : undefined;
      },
      240,
    );
    const invitations = applied.samenvatting!.uitnodigingen;
    await until('every invitation sent', async () => (server.output().includes(`klaar: ${invitations} uitnodigingen verstuurd`) ? true : undefined), 240);
    const samples = await probe.stop();
    await server.stop('SIGTERM');

    // asked all through the work: 20 a second over at least the seconds it took
    expect(samples.length).toBeGreaterThan(40);
    const late = samples.filter((s) => s.status !== 200 || s.ms >= 10_000);
    expect(late, `of ${samples.length} answers, these failed or took 10 s or more`).toEqual([]);
  });
});
