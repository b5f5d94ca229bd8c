import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../db/database.ts';
import { createDemoAccounts, demoPassword } from '../features/identity/index.ts';
import { importDuo } from '../features/organisations/index.ts';
import { seedDemoAccreditation } from '../features/accreditation/index.ts';
import { seedDemoOffice } from '../features/administration-offices/index.ts';
import { seedDemoRuns } from '../features/catalogue/index.ts';
import { seedDemoConsents } from '../features/consent/index.ts';
import { seedDemoEvents } from '../features/events/index.ts';
import { seedDemoEventGroups } from '../features/event-groups/index.ts';
import { seedDemoFeedback } from '../features/feedback/index.ts';
import { seedDemoReregistration } from '../features/register/index.ts';
import { seedDemoValuation } from '../features/dossier/index.ts';
import { seedDemoKoplopers } from '../features/koplopers/index.ts';
import { seedDemoQualityFramework } from '../features/quality-framework/index.ts';
import { seedDemoStaff } from './demo-staff.ts';
import { dutchDateOf } from '../platform/dates/calendar.ts';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** DUO's files in the repository (`demo-data/duo`, see its SOURCES.md), or wherever DUO_DATA_DIR points. */
export function demoDuoDir(): string {
  return resolve(process.env.DUO_DATA_DIR || join(projectRoot, 'demo-data', 'duo'));
}

export class DemoDataMissingError extends Error {}

/** Fills an empty installation with demo data: the real DUO directory of schools and boards. */
export async function seedDemo(database: Database, log: (message: string) => void): Promise<void> {
  const dir = demoDuoDir();
  const locations = join(dir, 'alle-schoolvestigingen-basisonderwijs.csv');
  const boards = join(dir, 'besturen-po.csv');
  if (!existsSync(locations)) {
    throw new DemoDataMissingError(
      `De DUO-bestanden voor de demodata staan niet in ${dir}. Maak DUO_DATA_DIR leeg voor de map demo-data/duo in de repository, ` +
        `of zet hem naar een map met alle-schoolvestigingen-basisonderwijs.csv. De volgende start begint opnieuw.\n` +
        `The DUO files for the demo data are not in ${dir}. Unset DUO_DATA_DIR for the folder demo-data/duo in the repository, ` +
        `or point it to a folder with alle-schoolvestigingen-basisonderwijs.csv. The next start begins afresh.`,
    );
  }
  log(`demodata: organisatiegids uit ${dir}`);
  const result = await importDuo(database, {
    locations: { name: 'alle-schoolvestigingen-basisonderwijs.csv', bytes: readFileSync(locations) },
    boards: existsSync(boards) ? { name: 'besturen-po.csv', bytes: readFileSync(boards) } : undefined,
  });
  log(`demodata: ${result.boardsAdded} besturen, ${result.schoolsAdded} scholen, ${result.locationsAdded} vestigingen`);
  // accredited a month ago, so a run of two weeks ago (with attendance) falls within the validity
  const catalogue = await seedDemoAccreditation(database.db, { today: dutchDateOf(new Date(Date.now() - 30 * 86_400_000)) });
  log(`demodata: ${catalogue.providers.length} aanbieders, ${catalogue.offerings.length} aanbiedingen`);
  // an administratiekantoor the demo board authorises to deliver for it (decision 022)
  const officeId = await seedDemoOffice(database.db, demoBoardNumber);
  const accounts = await createDemoAccounts(database.db, demoBoardNumber, catalogue.providers[0]?.id, officeId);
  for (const a of accounts) log(`demodata: account ${a.email} (${a.role}), wachtwoord "${demoPassword}"`);
  await seedDemoStaff(database, demoBoardNumber, 300, log);
  // runs (with a past run's attendance), consents and valuation requests need the enrolled staff
  const runs = await seedDemoRuns(
    database.db,
    catalogue.offerings.filter((o) => o.status === 'geaccrediteerd'),
  );
  const consents = await seedDemoConsents(database.db, demoBoardNumber);
  const valuations = await seedDemoValuation(database.db);
  const renewals = await seedDemoReregistration(database.db);
  // koplopers in every step; the demo board's schools in steps 5 and 6, with its staff's real approval figures
  const koplopers = await seedDemoKoplopers(database.db, demoBoardNumber);
  log(`demodata: ${koplopers} koplopers`);
  log(`demodata: ${renewals.renewals} herregistratie aangevraagd, ${renewals.postponements} keer uitstel gevraagd`);
  const events = await seedDemoEvents(database.db);
  log(`demodata: ${events.events} bijeenkomsten met ${events.registrations} aanmeldingen`);
  // the exploratory conversation in groups of ten, as staff would propose them (decision 029)
  const groups = await seedDemoEventGroups(database.db);
  log(`demodata: ${groups.groups} groepen voor ${groups.events} verkennend gesprek`);
  // feedback on the past events, over several months, some anonymous, most tagged with a topic
  const feedback = await seedDemoFeedback(database.db);
  log(`demodata: ${feedback.answers} feedbackantwoorden op ${feedback.invitations} uitnodigingen, ${feedback.topics} onderwerpen`);
  // the Kwaliteitskader's first version: demo content with neutral names, never the official text (decision 032)
  if (await seedDemoQualityFramework(database.db)) log('demodata: kwaliteitskader versie 1 (demo-inhoud, neutrale namen)');
  log(`demodata: ${runs.runs} uitvoeringen, ${runs.attendances} keer presentie, ${consents} toestemmingen, ${valuations} waarderingsverzoeken`);
}

/** Stichting Christelijke Kindcentra Drenthe: the demo's board, for its HR account. */
export const demoBoardNumber = '32073';
