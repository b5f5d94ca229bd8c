/**
 * The application's database role: it reads and writes rows, and owns nothing of the schema, so it
 * cannot change the audit trail (no UPDATE, DELETE or TRUNCATE on audit_events, and only an owner may
 * disable its append-only trigger). The schema's owner (the role that migrates) grants this after each
 * migration, so new tables are covered too.
 */

/** On PGlite, the role the app switches to after migrating (PGlite has one built-in superuser). */
export const embeddedAppRole = 'beroepsregister_app';

/** A role name as an SQL identifier. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** How the owner talks to the database: a script, and a query of rows. */
export type OwnerConnection = { exec(script: string): Promise<void>; rows<T>(text: string): Promise<T[]> };

/**
 * Run by the owner after migrating: lets `role` work, and no more. pg-boss's schema belongs to the app's
 * role, since pg-boss adds a table (a queue's partition) on the app's connection whenever a queue is made;
 * the owner installs it (making a schema needs a right on the database the app has not) and hands it over.
 * The owner must be a superuser or a member of `role` to do that (see the README).
 */
export async function grantAppRole(owner: OwnerConnection, role: string): Promise<void> {
  const [{ installed }] = await owner.rows<{ installed: boolean }>(`SELECT to_regclass('pgboss.version') IS NOT NULL AS installed`);
  if (!installed) {
    const { default: PgBoss } = await import('pg-boss');
    await owner.exec(PgBoss.getConstructionPlans('pgboss'));
  }
  await owner.exec(appRoleGrants(role));
}

function appRoleGrants(role: string): string {
  const r = quoteIdentifier(role);
  const literal = `'${role.replace(/'/g, "''")}'`;
  return `
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO ${r};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r};
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${r};
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM PUBLIC, ${r};
DO $$
DECLARE
  object record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss') THEN
    EXECUTE format('CREATE SCHEMA pgboss AUTHORIZATION %I', ${literal});
  ELSIF (SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'pgboss') <> quote_ident(${literal}) THEN
    -- made by an earlier start that ran pg-boss as the owner: hand it, and all in it, to the app's role
    EXECUTE format('ALTER SCHEMA pgboss OWNER TO %I', ${literal});
    FOR object IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'pgboss' AND c.relkind IN ('r', 'p', 'S', 'v') LOOP
      EXECUTE format('ALTER %s pgboss.%I OWNER TO %I', CASE object.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END, object.relname, ${literal});
    END LOOP;
    FOR object IN SELECT p.oid::regprocedure AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'pgboss' LOOP
      EXECUTE format('ALTER ROUTINE %s OWNER TO %I', object.signature, ${literal});
    END LOOP;
    FOR object IN SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'pgboss' AND t.typtype = 'e' LOOP
      EXECUTE format('ALTER TYPE pgboss.%I OWNER TO %I', object.typname, ${literal});
    END LOOP;
  END IF;
END $$;
`;
}

/** PGlite's own role for the app: made once, logging in never (PGlite has no log-in). */
export const createEmbeddedAppRole = `
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${embeddedAppRole}') THEN
    CREATE ROLE ${embeddedAppRole} NOLOGIN;
  END IF;
END $$;
`;
