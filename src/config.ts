import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { makePrivateDir } from './lib/private-dir.ts';

const secretSchema = z.string().min(32, 'minstens 32 tekens / at least 32 characters');
const encryptionKeySchema = z.string().regex(/^[0-9a-f]{64}$/i, '64 hexadecimale tekens (256 bits) / 64 hex characters');
const storedSecretsSchema = z.object({ sessionSecret: secretSchema, encryptionKey: encryptionKeySchema, hashKey: secretSchema });

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'een postgres:// of postgresql:// URL / a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_MIGRATION_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'een postgres:// of postgresql:// URL / a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1, 'ten minste 1 / at least 1').max(100, 'ten hoogste 100 / at most 100').default(5),
  DATA_DIR: z.string().default('./data'),
  BASE_URL: z.string().url('geen geldige URL / not a valid URL').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_SECRET: secretSchema.optional(),
  ENCRYPTION_KEY: encryptionKeySchema.optional(),
  HASH_KEY: secretSchema.optional(),
  SECRETS_FILE: z.string().min(1).optional(),
  JOBS: z.enum(['on', 'off']).default('on'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'een smtp:// of smtps:// URL / an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().default('Beroepsregister Onderwijs <noreply@beroepsregister.nl>'),
  OIDC_ISSUER: z.string().url('geen geldige URL / not a valid URL').optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().default('DigiD, Entree of SURFconext'),
  OIDC_BSN_CLAIM: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'een claimnaam / a claim name')
    .default('bsn'),
  METRICS_TOKEN: z.string().min(32, 'minstens 32 tekens / at least 32 characters').optional(),
  TRUSTED_PROXIES: z
    .string()
    .regex(/^[\s,0-9a-fA-F.:/]*$/, "IP-adressen of CIDR-blokken, met komma's / IP addresses or CIDR blocks, comma-separated")
    .default(''),
  SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).default(100),
  API_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  PUBLIC_SEARCH_RATE_LIMIT: z.coerce.number().int().min(1).default(60),
  DELIVERY_MAX_MB: z.coerce.number().min(0.001).max(2000).default(100),
  EVIDENCE_MAX_MB: z.coerce.number().min(0.001).max(100).default(10),
  DELIVERY_LEASE_SECONDS: z.coerce.number().int().min(3).max(3600).default(30),
  DELIVERY_CSV_INLINE_ROWS: z.coerce.number().int().min(0).default(20_000),
});

export type Secrets = { sessionSecret: string; encryptionKey: string; hashKey: string };

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  baseUrl: string;
  logLevel: string;
  dataDir: string;
  /** unset: the embedded PGlite database in `${dataDir}/pglite` */
  databaseUrl?: string;
  /** the schema's owner on PostgreSQL: migrates, and grants the role of `databaseUrl` only what the app needs; unset: `databaseUrl` owns it */
  databaseMigrationUrl?: string;
  /** connections to PostgreSQL the app holds at most (decision 009: a few per database core, not one per request) */
  databasePoolSize: number;
  jobs: boolean;
  secrets: Secrets;
  /** unset: mail is kept in the outbox only (shown to register staff outside production) */
  mail: { smtpUrl?: string; from: string };
  /** the bearer token Prometheus sends for /metrics; unset: /metrics is off */
  metricsToken?: string;
  /** the reverse proxies whose X-Forwarded-For is believed (addresses or CIDR blocks); empty: none */
  trustedProxies: string[];
  /** requests per minute: sign-in attempts per IP address, API calls per token, public register searches per client */
  rateLimits: { signInPerMinute: number; apiPerMinute: number; publicSearchPerMinute: number };
  /** the largest delivery file accepted, in bytes (DELIVERY_MAX_MB) */
  deliveryMaxBytes: number;
  /** how long a delivery's work may go without a heartbeat before another process takes it over */
  deliveryLeaseSeconds: number;
  /** deliveries up to this many rows have their terugmelding CSV read from the database while its file is not made yet */
  deliveryCsvInlineRows: number;
  /** the largest proof of a diploma or certificate accepted, in bytes (EVIDENCE_MAX_MB) */
  evidenceMaxBytes: number;
  /** unset: only local accounts. `bsnClaim`: the claim that carries a BSN (DigiD through a broker; decision 021) */
  oidc?: { issuer: string; clientId: string; clientSecret?: string; name: string; bsnClaim: string };
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      'Ongeldige configuratie / invalid configuration:\n' +
        problems.map((p) => `  - ${p}`).join('\n') +
        '\nPas de genoemde omgevingsvariabelen aan, of maak ze leeg voor de standaardwaarde (README, "Configuratie").' +
        '\nFix the environment variables named, or unset them for the default (README, "Configuration").',
    );
  }
}

/** zod's own messages are English only; a setting that has no message of its own gets one in both languages. */
const bilingualIssue = (issue: z.core.$ZodRawIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'number' ? 'geen getal / not a number' : `ongeldige waarde / invalid value`;
    case 'invalid_value':
      return `een van / one of: ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      return `ten minste ${String(issue.minimum)} / at least ${String(issue.minimum)}`;
    case 'too_big':
      return `ten hoogste ${String(issue.maximum)} / at most ${String(issue.maximum)}`;
    default:
      return 'ongeldige waarde / invalid value';
  }
};

function generateSecrets(): Secrets {
  return {
    sessionSecret: randomBytes(32).toString('base64url'),
    encryptionKey: randomBytes(32).toString('hex'),
    hashKey: randomBytes(32).toString('base64url'),
  };
}

function readStoredSecrets(file: string, variable: string): Secrets {
  let stored: unknown;
  try {
    stored = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    stored = undefined; // reported below, with what to do
  }
  const parsed = storedSecretsSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  throw new ConfigError([
    `${variable} (${file}): onleesbaar of onvolledig; verwacht JSON met sessionSecret, encryptionKey en hashKey. Zet SESSION_SECRET, ` +
      'ENCRYPTION_KEY en HASH_KEY, of zet het bestand terug uit een back-up / unreadable or incomplete; expected JSON with sessionSecret, ' +
      'encryptionKey and hashKey. Set SESSION_SECRET, ENCRYPTION_KEY and HASH_KEY, or restore the file from a backup',
  ]);
}

const isInside = (path: string, dir: string) => {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * Secrets left unset in the environment come from SECRETS_FILE, or else from DATA_DIR/secrets.json;
 * either file is generated once when missing, so that the server and the CLI always agree. With
 * SECRETS_FILE the keys live apart from the data they protect (a copy of the data directory alone
 * reads nothing). Production with an external database generates nothing: the processes must share them.
 */
function resolveSecrets(env: z.infer<typeof envSchema>, dataDir: string): Secrets {
  const given = { sessionSecret: env.SESSION_SECRET, encryptionKey: env.ENCRYPTION_KEY, hashKey: env.HASH_KEY };
  const secretsFile = env.SECRETS_FILE === undefined ? undefined : resolve(env.SECRETS_FILE);
  if (secretsFile && isInside(secretsFile, dataDir)) {
    throw new ConfigError([`SECRETS_FILE: ligt in DATA_DIR (${dataDir}); kies een pad buiten de datamap / is inside DATA_DIR; choose a path outside it`]);
  }
  if (given.sessionSecret && given.encryptionKey && given.hashKey) return given as Secrets;
  const generateNone = env.NODE_ENV === 'production' && env.DATABASE_URL !== undefined;
  if (generateNone && !secretsFile) {
    const missing = Object.entries({ SESSION_SECRET: given.sessionSecret, ENCRYPTION_KEY: given.encryptionKey, HASH_KEY: given.hashKey })
      .filter(([, v]) => !v)
      .map(([k]) => `${k}: verplicht in productie (of SECRETS_FILE) / required in production (or SECRETS_FILE)`);
    throw new ConfigError(missing);
  }
  const inDataDir = join(dataDir, 'secrets.json');
  const file = secretsFile ?? inDataDir;
  const variable = secretsFile ? 'SECRETS_FILE' : 'DATA_DIR/secrets.json';
  let stored: Secrets;
  if (existsSync(file)) {
    stored = readStoredSecrets(file, variable);
  } else if (generateNone) {
    throw new ConfigError([
      `SECRETS_FILE: ${file} bestaat niet; in productie met DATABASE_URL wordt niets gegenereerd / does not exist; nothing is generated in production with DATABASE_URL`,
    ]);
  } else if (secretsFile && existsSync(inDataDir)) {
    // new keys would leave everything sealed with the old ones unreadable
    throw new ConfigError([
      `SECRETS_FILE: ${file} bestaat niet, maar ${inDataDir} wel: verplaats dat bestand naar ${file} / does not exist, but ${inDataDir} does: move that file to ${file}`,
    ]);
  } else {
    makePrivateDir(dirname(file));
    stored = generateSecrets();
    writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  }
  return {
    sessionSecret: given.sessionSecret ?? stored.sessionSecret,
    encryptionKey: given.encryptionKey ?? stored.encryptionKey,
    hashKey: given.hashKey ?? stored.hashKey,
  };
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env, overrides: Partial<Record<keyof z.infer<typeof envSchema>, string>> = {}): Config {
  const parsed = envSchema.safeParse({ ...source, ...overrides }, { error: bilingualIssue });
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const env = parsed.data;
  const dataDir = resolve(env.DATA_DIR);
  if (env.DATABASE_MIGRATION_URL && !env.DATABASE_URL) throw new ConfigError(['DATABASE_MIGRATION_URL: alleen met DATABASE_URL / only with DATABASE_URL']);
  if (env.OIDC_ISSUER && !env.OIDC_CLIENT_ID) throw new ConfigError(['OIDC_CLIENT_ID: verplicht bij OIDC_ISSUER / required with OIDC_ISSUER']);
  const port = env.PORT;
  return {
    env: env.NODE_ENV,
    port,
    host: env.HOST,
    baseUrl: (env.BASE_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    logLevel: env.LOG_LEVEL,
    dataDir,
    databaseUrl: env.DATABASE_URL,
    databaseMigrationUrl: env.DATABASE_MIGRATION_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    jobs: env.JOBS === 'on',
    secrets: resolveSecrets(env, dataDir),
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    metricsToken: env.METRICS_TOKEN,
    trustedProxies: env.TRUSTED_PROXIES.split(',')
      .map((p) => p.trim())
      .filter(Boolean),
    rateLimits: { signInPerMinute: env.SIGN_IN_RATE_LIMIT, apiPerMinute: env.API_RATE_LIMIT, publicSearchPerMinute: env.PUBLIC_SEARCH_RATE_LIMIT },
    deliveryMaxBytes: Math.round(env.DELIVERY_MAX_MB * 1024 * 1024),
    evidenceMaxBytes: Math.round(env.EVIDENCE_MAX_MB * 1024 * 1024),
    deliveryLeaseSeconds: env.DELIVERY_LEASE_SECONDS,
    deliveryCsvInlineRows: env.DELIVERY_CSV_INLINE_ROWS,
    oidc: env.OIDC_ISSUER
      ? { issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID!, clientSecret: env.OIDC_CLIENT_SECRET, name: env.OIDC_NAME, bsnClaim: env.OIDC_BSN_CLAIM }
      : undefined,
  };
}
