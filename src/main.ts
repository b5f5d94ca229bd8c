import { existsSync, readFileSync } from 'node:fs';
import { translateMessage } from './platform/i18n.ts';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, ConfigError, type Config } from './config.ts';
import { openDatabase, DataDirLockedError, type Database } from './db/database.ts';
import { buildApp } from './app.ts';
import { seedDemo, DemoDataMissingError } from './demo/demo.service.ts';
import { importDuo } from './features/organisations/index.ts';
import { AppError } from './platform/errors.ts';
import { describeStartupError, describeUnexpectedError } from './startup-errors.ts';
import { startJobsInBackground, type Jobs } from './platform/jobs.ts';
import { features } from './features/index.ts';
import type { ServerContext } from './features/feature.ts';
import { heartbeatJob } from './platform/heartbeat.job.ts';
import { runNightlyReregistration } from './features/register/index.ts';
import { dutchDateOf, dutchToday, isCalendarDate } from './platform/dates/calendar.ts';
import { createCrypto } from './platform/crypto.ts';
import { createMailer } from './platform/mail/mailer.ts';
import { registerOfficeId } from './platform/auth/roles.ts';
import { createAccountFromCli, createTokenFromCli, resolveOrganisation } from './features/identity/index.ts';

const help: Record<string, string> = {
  '': `Beroepsregister Onderwijs

Gebruik: beroepsregister <opdracht> [opties]

Opdrachten:
  serve                 start de webapplicatie (standaard op http://localhost:3000)
  migrate               breng het databaseschema bij
  seed --demo           vul de database met demodata
  import-duo <bestand>  lees DUO's bestand met schoolvestigingen in
  token create          maak een API-token voor een bestuur of organisatie
  account create        maak een account met een rol (bijv. de eerste medewerker registerbeheer)
  reregistration-run    draai de nachtelijke herregistratie (herinneringen, onder voorwaarden, verlopen)
  help <opdracht>       uitleg bij een opdracht

Configuratie via omgevingsvariabelen: PORT, DATABASE_URL (leeg: ingebouwde database in DATA_DIR,
standaard ./data), DATABASE_MIGRATION_URL (eigenaar van het schema), DATABASE_POOL_SIZE (standaard 5), BASE_URL, LOG_LEVEL, SESSION_SECRET, ENCRYPTION_KEY, HASH_KEY, SMTP_URL, MAIL_FROM,
OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME.`,
  serve: `beroepsregister serve

Start de webapplicatie op PORT (standaard 3000). Zonder DATABASE_URL gebruikt ze de ingebouwde
database in DATA_DIR (standaard ./data); een lege of ontbrekende datamap wordt aangemaakt, bijgewerkt
en met demodata gevuld. Stopt netjes op Ctrl+C of SIGTERM.`,
  migrate: `beroepsregister migrate

Voert alle databasemigraties uit die nog niet zijn uitgevoerd. Veilig om vaker te draaien.`,
  seed: `beroepsregister seed --demo

Vult de database met demodata: de organisatiegids uit DUO's bestanden (demo-data/duo in de repository,
of de map in DUO_DATA_DIR).
Herhaalbaar: een tweede keer verandert niets.`,
  'import-duo': `beroepsregister import-duo <vestigingen.csv> [--besturen <besturen.csv>] [--bevestig-sluiten]

Leest DUO's bestand "Alle schoolvestigingen basisonderwijs" in (Windows-1252 of UTF-8, ; of ,).
Maakt besturen, scholen en vestigingen aan of werkt ze bij; vestigingen die niet meer in het bestand
staan worden gesloten, nooit verwijderd. Onleesbare regels worden met regelnummer gemeld; de rest
wordt gewoon ingelezen.

  --besturen <bestand>  ook de besturenlijst (kvk, naam, soort, bevoegd_gezag) inlezen
  --bevestig-sluiten    ook doorgaan als meer dan 20% van de open vestigingen zou sluiten`,
  token: `beroepsregister token create (--bestuur <nummer> | --organisatie <id>) --scope <scope> [--verloopt <datum>] [--naam <naam>]

Maakt een API-token voor de software van een bestuur (of andere organisatie). Het token staat op de
laatste regel van de uitvoer en wordt nergens bewaard: alleen een hash ervan.

  --bestuur <nummer>    bestuursnummer (5 cijfers) uit de organisatiegids
  --organisatie <id>    of de id van de organisatie
  --scope <scope>       aanleveren, lezen of presentie; meer scopes met komma's of door --scope te herhalen
  --verloopt <datum>    JJJJ-MM-DD (standaard: over een jaar; hoogstens twee jaar)
  --naam <naam>         naam van het token (standaard: "Aangemaakt op de opdrachtregel")`,
  account: `beroepsregister account create --email <adres> --naam <naam> --rol <rol> [--bestuur <nummer> | --organisatie <id>]

Maakt een account (of gebruikt het bestaande) en geeft het een rol. Zonder --bestuur of --organisatie
is de organisatie het bureau van het register (voor register-staff, registration-committee,
accreditation-committee). Drukt een eenmalige link af (7 dagen geldig) om het wachtwoord in te stellen.

Rollen: board-admin, board-staff, register-staff, registration-committee, accreditation-committee, ...`,
  'reregistration-run': `beroepsregister reregistration-run [--datum <JJJJ-MM-DD>]

Draait wat de server elke nacht om 02:30 doet: beoordeelt iedere registratie tegen de herregistratieregel
van haar registerversie, stuurt herinneringen 6 en 2 maanden voor het einde, en meldt de overgang naar
onder voorwaarden (na het einde, of na toegekend uitstel) en na 6 maanden naar herregistratie verlopen.
Elk bericht gaat één keer: nog eens draaien op dezelfde dag verstuurt niets opnieuw.

  --datum <datum>       de dag waarvoor de run geldt (standaard: vandaag in Nederland)`,
};

function printHelp(command = ''): void {
  console.log(help[command] ?? help['']);
}

/**
 * A fresh embedded database counts as set up only once the command has done its work (see Database.finishSetUp).
 * The operator's commands work as the schema's owner (DATABASE_MIGRATION_URL when set): a first DUO import
 * drops and adds the directory's foreign keys, which only an owner may. `migrate` also grants the app's role.
 */
async function withDatabase<T>(config: Config, run: (database: Database) => Promise<T>, options: { asOwner: boolean } = { asOwner: true }): Promise<T> {
  const database = await openDatabase(
    options.asOwner ? { ...config, databaseUrl: config.databaseMigrationUrl ?? config.databaseUrl, databaseMigrationUrl: undefined } : config,
  );
  try {
    await database.migrate();
    const result = await run(database);
    database.finishSetUp();
    return result;
  } finally {
    await database.close();
  }
}

/** Migrated, and on a fresh embedded database filled with demo data; a failure leaves the data directory to start over. */
async function openServedDatabase(config: Config): Promise<Database> {
  const database = await openDatabase(config);
  try {
    await database.migrate();
    if (database.fresh) await seedDemo(database, (m) => console.log(m));
    database.finishSetUp();
    await database.enterAppRole();
    return database;
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}

async function serve(config: Config): Promise<void> {
  const started = Date.now();
  const database = await openServedDatabase(config);
  const log = (msg: string, err?: unknown) => console.error(msg, err);
  const mailer = createMailer(config.mail);
  const crypto = createCrypto(config.secrets);
  let jobs: Jobs | undefined;
  const server: ServerContext = { database, config, crypto, mailer, jobs: () => jobs, log, report: (m) => console.log(m) };
  for (const feature of features) await feature.prepare?.(server);
  const work = features.flatMap((feature) => (feature.background ? [feature.background(server)] : []));
  jobs = config.jobs ? startJobsInBackground(database, [heartbeatJob, ...work.flatMap((w) => w.jobs)], log) : undefined;
  const stops = work.flatMap((w) => (w.start ? [w.start()] : []));
  const app = await buildApp({ config, database, jobs, mailer });
  if (!database.restricted) {
    app.log.warn(
      'DATABASE_URL is de eigenaar van het schema: de app kan het logboek (audit_events) wijzigen. Zet DATABASE_MIGRATION_URL voor productie (zie README). / ' +
        'DATABASE_URL owns the schema: the app can alter the audit trail (audit_events). Set DATABASE_MIGRATION_URL for production (see README).',
    );
  }
  let closing = false;
  const stop = async (signal: string) => {
    if (closing) return;
    closing = true;
    for (const stopWork of stops) stopWork();
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
    console.log(
      `Vestigingen: ${result.locationsAdded} nieuw, ${result.locationsChanged} gewijzigd, ${result.locationsReopened} heropend, ${result.locationsClosed} gesloten.`,
    );
    console.log(`Besturen: ${result.boardsAdded} nieuw, ${result.boardsChanged} gewijzigd. Scholen: ${result.schoolsAdded} nieuw.`);
  });
}

function identityDeps(config: Config, database: Database) {
  return { db: database.db, crypto: createCrypto(config.secrets), mailer: createMailer(config.mail), baseUrl: config.baseUrl };
}

async function tokenCreateCommand(config: Config, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      bestuur: { type: 'string' },
      organisatie: { type: 'string' },
      scope: { type: 'string', multiple: true },
      verloopt: { type: 'string' },
      naam: { type: 'string' },
    },
  });
  const scopes = (values.scope ?? [])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  if (!values.bestuur && !values.organisatie) throw new UsageError('Geef --bestuur <nummer> of --organisatie <id> op.', 'token');
  if (scopes.length === 0) throw new UsageError('Geef minstens één --scope op.', 'token');
  if (values.verloopt && !/^\d{4}-\d{2}-\d{2}$/.test(values.verloopt)) throw new UsageError('--verloopt is een datum als 2027-12-31.', 'token');
  const expiresAt = values.verloopt ? new Date(`${values.verloopt}T23:59:59+01:00`) : new Date(Date.now() + 365 * 24 * 3600 * 1000);
  await withDatabase(config, async (database) => {
    const deps = identityDeps(config, database);
    const organisation = await resolveOrganisation(deps, { boardNumber: values.bestuur, organisationId: values.organisatie });
    const { token, row } = await createTokenFromCli(deps, { organisation, scopes, expiresAt, name: values.naam ?? 'Aangemaakt op de opdrachtregel' });
    console.log(`Token "${row.name}" voor ${organisation.kind} ${organisation.id}, scopes ${row.scopes.join(', ')}, geldig tot ${dutchDateOf(row.expiresAt)}.`);
    console.log('Bewaar het nu: het wordt niet nog eens getoond.');
    console.log(token);
  });
}

async function accountCreateCommand(config: Config, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, naam: { type: 'string' }, rol: { type: 'string' }, bestuur: { type: 'string' }, organisatie: { type: 'string' } },
  });
  if (!values.email || !values.rol) throw new UsageError('Geef --email en --rol op.', 'account');
  await withDatabase(config, async (database) => {
    const deps = identityDeps(config, database);
    const organisation =
      values.bestuur || values.organisatie
        ? await resolveOrganisation(deps, { boardNumber: values.bestuur, organisationId: values.organisatie })
        : { kind: 'register' as const, id: registerOfficeId };
    const { passwordLink } = await createAccountFromCli(deps, { email: values.email!, displayName: values.naam ?? '', role: values.rol!, organisation });
    console.log(`Account ${values.email} heeft nu de rol ${values.rol}. Stel het wachtwoord in via:`);
    console.log(passwordLink);
  });
}

async function reregistrationRunCommand(config: Config, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { datum: { type: 'string' } } });
  if (values.datum !== undefined && !isCalendarDate(values.datum)) throw new UsageError('--datum is een bestaande datum als 2027-03-01.', 'reregistration-run');
  const asOf = values.datum ?? dutchToday();
  await withDatabase(config, async (database) => {
    const mailer = createMailer(config.mail);
    try {
      const run = await runNightlyReregistration({ db: database.db, mailer, baseUrl: config.baseUrl }, asOf);
      console.log(`Herregistratie ${asOf}: ${run.evaluated} registraties beoordeeld, ${run.met} voldoen aan de regel.`);
      console.log(
        `Stand: ${run.standing.geregistreerd} geregistreerd, ${run.standing['onder voorwaarden']} onder voorwaarden, ${run.standing['herregistratie verlopen']} herregistratie verlopen.`,
      );
      console.log(
        `Berichten: ${run.notices['herinnering-6']} herinneringen (6 maanden), ${run.notices['herinnering-2']} herinneringen (2 maanden), ${run.notices['onder-voorwaarden']} onder voorwaarden, ${run.notices.verlopen} verlopen; ${run.mailed} e-mails.`,
      );
    } finally {
      mailer.close();
    }
  });
}

class UsageError extends Error {
  constructor(
    message: string,
    readonly command: string,
  ) {
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
  if (!['serve', 'migrate', 'seed', 'import-duo', 'token', 'account', 'reregistration-run'].includes(command)) {
    console.error(`Onbekende opdracht: ${command}\n`);
    printHelp();
    return 2;
  }
  let config: Config | undefined;
  try {
    config = loadConfig();
    switch (command) {
      case 'serve':
        await serve(config);
        return -1; // keeps running
      case 'migrate':
        await withDatabase(config, async () => console.log('Database is bijgewerkt.'), { asOwner: false });
        return 0;
      case 'seed': {
        if (!args.includes('--demo')) throw new UsageError('Gebruik: beroepsregister seed --demo', 'seed');
        await withDatabase(config, (database) => seedDemo(database, (m) => console.log(m)));
        return 0;
      }
      case 'import-duo':
        await importDuoCommand(config, args);
        return 0;
      case 'token':
        if (args[0] !== 'create') throw new UsageError('Gebruik: beroepsregister token create ...', 'token');
        await tokenCreateCommand(config, args.slice(1));
        return 0;
      case 'account':
        if (args[0] !== 'create') throw new UsageError('Gebruik: beroepsregister account create ...', 'account');
        await accountCreateCommand(config, args.slice(1));
        return 0;
      case 'reregistration-run':
        await reregistrationRunCommand(config, args);
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
      const params = error.extra.invalidParams?.map((p) => `${p.name}: ${translateMessage('nl', p.reason)}`).join('; ');
      console.error(`Fout: ${params || (error.detail && translateMessage('nl', error.detail)) || error.code}`);
      return 1;
    }
    const known = describeStartupError(error, { port: config?.port });
    console.error(known ?? describeUnexpectedError(error, command));
    return 1;
  }
}
