import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database of its own on a PostgreSQL server, for one test file, process or benchmark, and how to drop it. */
export type ScratchDatabase = { name: string; url: string; drop: () => Promise<void> };

/**
 * Makes an empty database named `<prefix>_<random>` on the server of `adminUrl`. `drop` waits for
 * connections that are still closing rather than forcing them (a forced end reaches such a client as an
 * unhandled FATAL), and forces only as a last resort or with `force` (a killed child process's).
 */
export async function createScratchDatabase(adminUrl: string, prefix: string, options: { force?: boolean } = {}): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    const dropper = new pg.Client({ connectionString: adminUrl });
    await dropper.connect();
    try {
      for (let attempt = 0; ; attempt++) {
        const force = options.force || attempt >= 20;
        try {
          await dropper.query(`DROP DATABASE IF EXISTS ${name}${force ? ' WITH (FORCE)' : ''}`);
          return;
        } catch (error) {
          if ((error as { code?: string }).code !== '55006' || force) throw error;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    } finally {
      await dropper.end();
    }
  };
  return { name, url: url.toString(), drop };
}
