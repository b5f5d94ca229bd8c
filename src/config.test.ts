import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const freshDir = () => join(mkdtempSync(join(tmpdir(), 'br-config-')), 'data');

/** All three secrets given: loadConfig then never touches the data directory. */
const secrets = {
  SESSION_SECRET: 's'.repeat(32),
  ENCRYPTION_KEY: 'ab'.repeat(32),
  HASH_KEY: 'h'.repeat(32),
};

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('has defaults for everything: port 3000, ./data resolved, embedded database, development', () => {
    const config = loadConfig({ ...secrets });
    expect(config.port).toBe(3000);
    expect(config.host).toBe('0.0.0.0');
    expect(config.env).toBe('development');
    expect(config.dataDir).toBe(resolve('./data'));
    expect(config.dataDir).toBe(join(process.cwd(), 'data'));
    expect(config.databaseUrl).toBeUndefined();
    expect(config.baseUrl).toBe('http://localhost:3000');
    expect(config.logLevel).toBe('info');
    expect(config.jobs).toBe(true);
    expect(config.secrets).toEqual({ sessionSecret: secrets.SESSION_SECRET, encryptionKey: secrets.ENCRYPTION_KEY, hashKey: secrets.HASH_KEY });
  });

  it('reads the environment, and overrides win over it', () => {
    const dir = freshDir();
    const config = loadConfig(
      { ...secrets, PORT: '8080', DATA_DIR: dir, DATABASE_URL: 'postgres://app@db.example:5432/register', BASE_URL: 'https://register.example/', JOBS: 'off' },
      { PORT: '9090' },
    );
    expect(config.port).toBe(9090);
    expect(config.dataDir).toBe(dir);
    expect(config.databaseUrl).toBe('postgres://app@db.example:5432/register');
    expect(config.baseUrl).toBe('https://register.example');
    expect(config.jobs).toBe(false);
    expect(loadConfig({ ...secrets, PORT: '8080' }).baseUrl).toBe('http://localhost:8080');
  });

  it('holds five PostgreSQL connections unless told otherwise, and refuses a pool of none', () => {
    expect(loadConfig({ ...secrets }).databasePoolSize).toBe(5);
    expect(loadConfig({ ...secrets, DATABASE_POOL_SIZE: '12' }).databasePoolSize).toBe(12);
    expect(configError(() => loadConfig({ ...secrets, DATABASE_POOL_SIZE: '0' })).problems).toEqual(['DATABASE_POOL_SIZE: ten minste 1 / at least 1']);
  });

  it.each([['abc'], ['70000'], ['-1'], ['3000.5']])('refuses PORT=%s and names the variable', (port) => {
    const error = configError(() => loadConfig({ ...secrets, PORT: port }));
    expect(error.message).toMatch(/^Ongeldige configuratie \/ invalid configuration:\n {2}- PORT: /);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^PORT: /);
  });

  it('refuses a DATABASE_URL that is no PostgreSQL URL, in Dutch and English', () => {
    const message = 'DATABASE_URL: een postgres:// of postgresql:// URL / a postgres:// or postgresql:// URL';
    for (const url of ['postgres at db01', 'localhost:5432', 'mysql://db01/register']) {
      const error = configError(() => loadConfig({ ...secrets, DATABASE_URL: url }));
      expect(error.problems).toEqual([message]);
      expect(error.message).toContain(message);
    }
    expect(loadConfig({ ...secrets, DATABASE_URL: 'postgresql://register@db01:5432/register' }).databaseUrl).toBe('postgresql://register@db01:5432/register');
  });

  it('names every invalid variable at once', () => {
    const error = configError(() => loadConfig({ PORT: 'x', BASE_URL: 'nergens', ENCRYPTION_KEY: 'kort', LOG_LEVEL: 'luid', NODE_ENV: 'staging' }));
    expect(error.problems.map((p) => p.split(':')[0]).sort()).toEqual(['BASE_URL', 'ENCRYPTION_KEY', 'LOG_LEVEL', 'NODE_ENV', 'PORT']);
    expect(error.problems).toContain('ENCRYPTION_KEY: 64 hexadecimale tekens (256 bits) / 64 hex characters');
  });

  it('refuses a secret shorter than 32 characters', () => {
    const error = configError(() => loadConfig({ ...secrets, SESSION_SECRET: 'te-kort' }));
    expect(error.problems).toEqual(['SESSION_SECRET: minstens 32 tekens / at least 32 characters']);
  });
});

describe('secrets', () => {
  it('are generated once in DATA_DIR/secrets.json, readable only by the owner, and the same on the next start', () => {
    const dir = freshDir();
    const first = loadConfig({ DATA_DIR: dir });
    const file = join(dir, 'secrets.json');
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(first.secrets.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.secrets.hashKey.length).toBeGreaterThanOrEqual(32);
    expect(first.secrets.encryptionKey).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first.secrets);

    const second = loadConfig({ DATA_DIR: dir });
    expect(second.secrets).toEqual(first.secrets);

    const other = loadConfig({ DATA_DIR: freshDir() });
    expect(other.secrets.sessionSecret).not.toBe(first.secrets.sessionSecret);
    expect(other.secrets.encryptionKey).not.toBe(first.secrets.encryptionKey);
  });

  it('a secret set in the environment wins over the stored one, the others still come from the file', () => {
    const dir = freshDir();
    const stored = loadConfig({ DATA_DIR: dir }).secrets;
    const config = loadConfig({ DATA_DIR: dir, SESSION_SECRET: secrets.SESSION_SECRET });
    expect(config.secrets).toEqual({ ...stored, sessionSecret: secrets.SESSION_SECRET });
  });

  it('are required in production with an external database, naming each missing one; nothing is written', () => {
    const dir = freshDir();
    const error = configError(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://app@db.example/register', DATA_DIR: dir }));
    expect(error.problems).toEqual([
      'SESSION_SECRET: verplicht in productie (of SECRETS_FILE) / required in production (or SECRETS_FILE)',
      'ENCRYPTION_KEY: verplicht in productie (of SECRETS_FILE) / required in production (or SECRETS_FILE)',
      'HASH_KEY: verplicht in productie (of SECRETS_FILE) / required in production (or SECRETS_FILE)',
    ]);
    expect(existsSync(join(dir, 'secrets.json'))).toBe(false);

    const partly = configError(() =>
      loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://app@db.example/register', DATA_DIR: dir, SESSION_SECRET: secrets.SESSION_SECRET }),
    );
    expect(partly.problems.map((p) => p.split(':')[0])).toEqual(['ENCRYPTION_KEY', 'HASH_KEY']);

    const complete = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://app@db.example/register', DATA_DIR: dir, ...secrets });
    expect(complete.env).toBe('production');
  });

  it('are generated in production with the embedded database (one machine, one data directory)', () => {
    const dir = freshDir();
    const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dir });
    expect(config.secrets.encryptionKey).toMatch(/^[0-9a-f]{64}$/);
    expect(existsSync(join(dir, 'secrets.json'))).toBe(true);
  });

  describe('from SECRETS_FILE, outside the data directory', () => {
    const outside = () => join(mkdtempSync(join(tmpdir(), 'br-keys-')), 'keys', 'secrets.json');

    it('are generated there once (0600, in a new folder of mode 0700), and nothing is written to DATA_DIR', () => {
      const dir = freshDir();
      const file = outside();
      const first = loadConfig({ DATA_DIR: dir, SECRETS_FILE: file });
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first.secrets);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700);
      expect(existsSync(dir)).toBe(false);
      expect(loadConfig({ DATA_DIR: dir, SECRETS_FILE: file }).secrets).toEqual(first.secrets);
    });

    it('are read from a file the operator wrote; a secret in the environment still wins', () => {
      const file = outside();
      const written = { sessionSecret: 'x'.repeat(40), encryptionKey: 'cd'.repeat(32), hashKey: 'y'.repeat(40) };
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, JSON.stringify(written));
      expect(loadConfig({ DATA_DIR: freshDir(), SECRETS_FILE: file }).secrets).toEqual(written);
      expect(loadConfig({ DATA_DIR: freshDir(), SECRETS_FILE: file, HASH_KEY: secrets.HASH_KEY }).secrets).toEqual({ ...written, hashKey: secrets.HASH_KEY });
      const production = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://app@db.example/register', DATA_DIR: freshDir(), SECRETS_FILE: file });
      expect(production.secrets).toEqual(written);
    });

    it('refuses a file with a key that is too short, naming the file', () => {
      const file = outside();
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, JSON.stringify({ sessionSecret: 'kort', encryptionKey: 'cd'.repeat(32), hashKey: 'y'.repeat(40) }));
      expect(configError(() => loadConfig({ DATA_DIR: freshDir(), SECRETS_FILE: file })).problems[0]).toMatch(
        /^SECRETS_FILE \(.*secrets\.json\): onleesbaar of onvolledig/,
      );
    });

    it('refuses a SECRETS_FILE inside DATA_DIR', () => {
      const dir = freshDir();
      const error = configError(() => loadConfig({ DATA_DIR: dir, SECRETS_FILE: join(dir, 'keys.json') }));
      expect(error.problems).toEqual([
        `SECRETS_FILE: ligt in DATA_DIR (${dir}); kies een pad buiten de datamap / is inside DATA_DIR; choose a path outside it`,
      ]);
    });

    it('does not generate new keys while the old ones are still in DATA_DIR: it says to move them', () => {
      const dir = freshDir();
      const old = loadConfig({ DATA_DIR: dir }).secrets;
      const file = outside();
      const error = configError(() => loadConfig({ DATA_DIR: dir, SECRETS_FILE: file }));
      expect(error.problems[0]).toContain(`maar ${join(dir, 'secrets.json')} wel: verplaats dat bestand naar ${file}`);
      expect(existsSync(file)).toBe(false);
      mkdirSync(join(file, '..'), { recursive: true });
      renameSync(join(dir, 'secrets.json'), file);
      expect(loadConfig({ DATA_DIR: dir, SECRETS_FILE: file }).secrets).toEqual(old);
    });

    it('in production with an external database: must exist, nothing is generated', () => {
      const file = outside();
      const error = configError(() =>
        loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://app@db.example/register', DATA_DIR: freshDir(), SECRETS_FILE: file }),
      );
      expect(error.problems[0]).toMatch(/^SECRETS_FILE: .* bestaat niet; in productie met DATABASE_URL wordt niets gegenereerd/);
      expect(existsSync(file)).toBe(false);
    });
  });
});
