import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, ConfigError, type Config } from './config.ts';
import { openDatabase, DataDirLockedError, type Database } from './db/database.ts';
import { buildApp } from './app.ts';
import { seedDemo, DemoDataMissingError } from './features/demo/demo.service.ts';
import { importDuo } from './features/organisations/organisations.service.ts';
import { AppError } from './platform/errors.ts';
import { startJobs } from './platform/jobs.ts';
import { heartbeatJob } from './platform/heartbeat.job.ts';

const help: Record<string, string> = {
  '': `Beroepsregister Onderwijs

Gebruik: beroepsregister <opdracht> [opties]

Opdrachten:
  serve                 start de webapplicatie (standaard op http://localhost:3000)
  migrate               breng het databaseschema bij
  seed --demo           vul de database met demodata
  import-duo <bestand>  lees DUO's bestand met schoolvestigingen in
  help <opdracht>       uitleg bij een opdracht

Configuratie via omgevingsvariabelen: PORT, DATABASE_URL (leeg: ingebouwde database in DATA_DIR,
standaard ./data), BASE_URL, LOG_LEVEL, SESSION_SECRET, ENCRYPTION_KEY, HASH_KEY.`,
  serve: `beroepsregister serve

Start de webapplicatie op PORT (standaard 3000). Zonder DATABASE_URL gebruikt ze de ingebouwde
database in DATA_DIR (standaard ./data); een lege of ontbrekende datamap wordt aangemaakt, bijgewerkt
en met demodata gevuld. Stopt netjes op Ctrl+C of SIGTERM.`,
  migrate: `beroepsregister migrate

Voert alle databasemigraties uit die nog niet zijn uitgevoerd. Veilig om vaker te draaien.`,
  seed: `beroepsregister seed --demo

Vult de database met demodata: de organisatiegids uit DUO's bestanden (../shared/data/duo of DUO_DATA_DIR).
Herhaalbaar: een tweede keer verandert niets.`,
  'import-duo': `beroepsregister import-duo <vestigingen.csv> [--besturen <besturen.csv>] [--bevestig-sluiten]

Leest DUO's bestand "Alle schoolvestigingen basisonderwijs" in (Windows-1252 of UTF-8, ; of ,).
Maakt besturen, scholen en vestigingen aan of werkt ze bij; vestigingen die niet meer in het bestand
staan worden gesloten, nooit verwijderd. Onleesbare regels worden met regelnummer gemeld; de rest
wordt gewoon ingelezen.

  --besturen <bestand>  ook de besturenlijst (kvk, naam, soort, bevoegd_gezag) inlezen
  --bevestig-sluiten    ook doorgaan als meer dan 20% van de open vestigingen zou sluiten`,
};

function printHelp(command = ''): void {
  console.log(help[command] ?? help['']);
}

function isFreshDataDir(config: Config): boolean {
  if (config.databaseUrl) return false;
  const dir = join(config.dataDir, 'pglite');
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

async function withDatabase<T>(config: Config, run: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(config);
  try {
    await database.migrate();
    return await run(database);
  } finally {
    await database.close();
  }
}

async function serve(config: Config): Promise<void> {
  const started = Date.now();
  const fresh = isFreshDataDir(config);
  const database = await openDatabase(config);
  await database.migrate();
  if (fresh) await seedDemo(database, (m) => console.log(m));
  const jobs = config.jobs ? await startJobs(database, [heartbeatJob], (msg, err) => console.error(msg, err)) : undefined;
  const app = await buildApp({ config, database, jobs });
  let closing = false;
  const stop = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'stopping');
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info({ ms: Date.now() - started, database: database.kind, url: config.baseUrl }, 'Beroepsregister Onderwijs draait');
}

async function importDuoCommand(config: Config, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { besturen: { type: 'string' }, 'bevestig-sluiten': { type: 'boolean', default: false } },
  });
  const file = positionals[0];
  if (!file) throw new UsageError('Geef het vestigingenbestand op.', 'import-duo');
  for (const f of [file, values.besturen].filter(Boolean) as string[]) {
    if (!existsSync(f)) throw new UsageError(`Bestand niet gevonden: ${f}`, 'import-duo');
  }
  await withDatabase(config, async (database) => {
    const started = Date.now();
    const result = await importDuo(database, {
      locations: { name: basename(file), bytes: readFileSync(file) },
      boards: values.besturen ? { name: basename(values.besturen), bytes: readFileSync(values.besturen) } : undefined,
      confirmMassClose: values['bevestig-sluiten'],
      onProgress: (m) => console.log(`… ${m}`),
    });
    for (const r of result.rejected) console.log(`regel ${r.line}: ${r.reason}`);
    for (const r of result.boardsRejected) console.log(`besturenbestand regel ${r.line}: ${r.reason}`);
    console.log(`Klaar in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.rowsRead} regels gelezen, ${result.rejected.length} afgekeurd.`);
    console.log(`Vestigingen: ${result.locationsAdded} nieuw, ${result.locationsChanged} gewijzigd, ${result.locationsReopened} heropend, ${result.locationsClosed} gesloten.`);
    console.log(`Besturen: ${result.boardsAdded} nieuw, ${result.boardsChanged} gewijzigd. Scholen: ${result.schoolsAdded} nieuw.`);
  });
}

class UsageError extends Error {
  constructor(message: string, readonly command: string) {
    super(message);
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command = 'help', ...args] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    printHelp(args[0]);
    return 0;
  }
  if (args.includes('--help') || args.includes('-h')) {
    printHelp(command);
    return 0;
  }
  try {
    const config = loadConfig();
    switch (command) {
      case 'serve':
        await serve(config);
        return -1; // keeps running
      case 'migrate':
        await withDatabase(config, async () => console.log('Database is bijgewerkt.'));
        return 0;
      case 'seed': {
        if (!args.includes('--demo')) throw new UsageError('Gebruik: beroepsregister seed --demo', 'seed');
        await withDatabase(config, (database) => seedDemo(database, (m) => console.log(m)));
        return 0;
      }
      case 'import-duo':
        await importDuoCommand(config, args);
        return 0;
      default:
        console.error(`Onbekende opdracht: ${command}\n`);
        printHelp();
        return 2;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n`);
      printHelp(error.command);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof DemoDataMissingError) {
      console.error(error.message);
      return 1;
    }
    if (error instanceof AppError) {
      console.error(`Fout: ${error.detail ?? error.code}`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException)?.code === 'ECONNREFUSED') {
      console.error(`De database is niet bereikbaar (${(error as Error).message}). Controleer DATABASE_URL.`);
      return 1;
    }
    throw error;
  }
}
