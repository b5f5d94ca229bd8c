import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind } from '../../tests/support/test-database.ts';
import type { Database } from './database.ts';

const piece = (from: number, to: number) =>
  Buffer.from(Array.from({ length: to - from + 1 }, (_, i) => `${from + i},"regel ${from + i}, met komma"\n`).join(''));

describe('a COPY fed piece by piece', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.exec('CREATE TABLE copied (n integer PRIMARY KEY, label text NOT NULL)');
  });
  afterAll(async () => database?.close());

  const copied = async () => database.query<{ count: number; sum: number }>('SELECT count(*)::int AS count, coalesce(sum(n), 0)::int AS sum FROM copied');

  it('holds every piece once it has ended', async () => {
    const sink = await database.openCopy('copied', ['n', 'label']);
    for (let from = 1; from <= 5000; from += 1000) await sink.write(piece(from, from + 999));
    await sink.end();
    expect(await copied()).toEqual([{ count: 5000, sum: (5000 * 5001) / 2 }]);
    expect(await database.query('SELECT label FROM copied WHERE n = 4321')).toEqual([{ label: 'regel 4321, met komma' }]);
  });

  it('reports rows the table refuses, and leaves the database usable', async () => {
    await database.exec('TRUNCATE copied');
    const sink = await database.openCopy('copied', ['n', 'label']);
    const failure = (async () => {
      await sink.write(piece(1, 10));
      await sink.write(piece(10, 10)); // the same key again
      await sink.end();
    })();
    await expect(failure).rejects.toThrow(/duplicate key|dubbele sleutel/);
    await sink.abort();
    // on PostgreSQL the one statement is undone whole; PGlite keeps the pieces written before (the caller removes them)
    expect((await copied())[0].count).toBe(testDatabaseKind() === 'postgres' ? 0 : 10);
    expect(await database.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });

  it('leaves nothing of an aborted COPY on PostgreSQL', async () => {
    await database.exec('TRUNCATE copied');
    const sink = await database.openCopy('copied', ['n', 'label']);
    await sink.write(piece(1, 100));
    await sink.abort();
    expect((await copied())[0].count).toBe(testDatabaseKind() === 'postgres' ? 0 : 100);
    const again = await database.openCopy('copied', ['n', 'label']);
    await again.write(piece(101, 110));
    await again.end();
    expect((await copied())[0].count).toBe(testDatabaseKind() === 'postgres' ? 10 : 110);
  });
});
