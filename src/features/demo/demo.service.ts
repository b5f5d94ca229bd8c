import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../db/database.ts';
import { createDemoAccounts, demoPassword } from '../identity/operator.service.ts';
import { importDuo } from '../organisations/organisations.service.ts';
import { seedDemoStaff } from './demo-staff.ts';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** DUO's files beside the project (`../shared/data/duo`), or wherever DUO_DATA_DIR points. */
export function demoDuoDir(): string {
  return resolve(process.env.DUO_DATA_DIR ?? join(projectRoot, '..', 'shared', 'data', 'duo'));
}

export class DemoDataMissingError extends Error {}

/** Fills an empty installation with demo data: the real DUO directory of schools and boards. */
export async function seedDemo(database: Database, log: (message: string) => void): Promise<void> {
  const dir = demoDuoDir();
  const locations = join(dir, 'alle-schoolvestigingen-basisonderwijs.csv');
  const boards = join(dir, 'besturen-po.csv');
  if (!existsSync(locations)) {
    throw new DemoDataMissingError(
      `De DUO-bestanden voor de demodata staan niet in ${dir}. Zet DUO_DATA_DIR naar de map met alle-schoolvestigingen-basisonderwijs.csv.`,
    );
  }
  log(`demodata: organisatiegids uit ${dir}`);
  const result = await importDuo(database, {
    locations: { name: 'alle-schoolvestigingen-basisonderwijs.csv', bytes: readFileSync(locations) },
    boards: existsSync(boards) ? { name: 'besturen-po.csv', bytes: readFileSync(boards) } : undefined,
  });
  log(`demodata: ${result.boardsAdded} besturen, ${result.schoolsAdded} scholen, ${result.locationsAdded} vestigingen`);
  const accounts = await createDemoAccounts(database.db, demoBoardNumber);
  for (const a of accounts) log(`demodata: account ${a.email} (${a.role}), wachtwoord "${demoPassword}"`);
  await seedDemoStaff(database, demoBoardNumber, 300, log);
}

/** Stichting Christelijke Kindcentra Drenthe: the demo's board, for its HR account. */
export const demoBoardNumber = '32073';
