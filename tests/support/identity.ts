import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/db/database.ts';
import { sessionCookie, startSession } from '../../src/platform/auth/sessions.ts';
import { currentTotp } from '../../src/platform/auth/totp.ts';
import { testPassword } from './accounts.ts';
import { WebSession } from './web-session.ts';

/**
 * A browser that is signed in as this account, without going through the sign-in pages: a session
 * row straight in the database. `secondFactor: false` is a session that still owes its TOTP code.
 */
export async function sessionFor(app: FastifyInstance, database: Database, accountId: string, options: { secondFactor?: boolean } = {}): Promise<WebSession> {
  const { token } = await startSession(database.db, { accountId, method: 'password', secondFactor: options.secondFactor ?? true });
  const web = new WebSession(app);
  web.cookies.set(sessionCookie, token);
  return web;
}

/** The secret the authenticator set-up page shows beside its QR code, without the spaces that group it. */
export function totpSecretOn(body: string): string | undefined {
  return /class="[^"]*\bbr-secret"[^>]*>\s*([A-Z2-7 ]+?)\s*</.exec(body)?.[1].replace(/ /g, '');
}

/** Signs in through the pages with the test password; the response of POST /inloggen. */
export async function signInWithPassword(web: WebSession, email: string, password = testPassword) {
  await web.get('/inloggen');
  return web.post('/inloggen', { email, wachtwoord: password, terug: '/account' });
}

/**
 * Signs in through the pages and links an authenticator app (as a person does the first time):
 * returns the browser, now past its second factor, and the TOTP secret.
 */
export async function signInAndEnrolTotp(app: FastifyInstance, email: string): Promise<{ web: WebSession; secret: string }> {
  const web = new WebSession(app);
  await signInWithPassword(web, email);
  const enrol = await web.get('/account/tweestapsverificatie?terug=%2Faccount');
  const secret = totpSecretOn(enrol.body);
  if (!secret) throw new Error(`no TOTP secret on the enrolment page (status ${enrol.statusCode})`);
  const linked = await web.post('/account/tweestapsverificatie', { code: currentTotp(secret), terug: '/account' });
  if (linked.statusCode !== 303) throw new Error(`linking the authenticator app failed: ${linked.statusCode}`);
  return { web, secret };
}

/** The hidden `terug` value of the last page's form: where the sign-in pages will send the person on. */
function backOnLastPage(web: WebSession): string {
  const match = /name="terug" value="([^"]*)"/.exec(web.lastPage);
  if (!match) throw new Error('the last page has no way back (terug) in its form');
  return match[1].replace(/&#x2F;|&#47;/g, '/').replace(/&amp;/g, '&');
}

/**
 * Signs in as a person does from the sign-in page, without a way back of their own: the password, then the
 * code (linking an authenticator app first where the role asks for one), each form posted as it came.
 * Returns the browser and where the last step sent it: the landing.
 */
export async function signInFromTheSignInPage(app: FastifyInstance, email: string, password = testPassword): Promise<{ web: WebSession; landing: string }> {
  const web = new WebSession(app);
  await web.get('/inloggen');
  const first = await web.post('/inloggen', { email, wachtwoord: password, terug: backOnLastPage(web) });
  if (first.statusCode !== 303) throw new Error(`signing in as ${email} answered ${first.statusCode}`);
  const next = String(first.headers.location);
  if (!next.startsWith('/account/tweestapsverificatie')) return { web, landing: next };
  const enrol = await web.get(next);
  const secret = totpSecretOn(enrol.body);
  if (!secret) throw new Error(`no TOTP secret on the enrolment page (status ${enrol.statusCode})`);
  const linked = await web.post('/account/tweestapsverificatie', { code: currentTotp(secret), terug: backOnLastPage(web) });
  if (linked.statusCode !== 303) throw new Error(`linking the authenticator app failed: ${linked.statusCode}`);
  return { web, landing: String(linked.headers.location) };
}

export type MailRow = { to_address: string; subject: string; text: string; html: string | null };

export function mailsTo(database: Database, address: string): Promise<MailRow[]> {
  return database.query<MailRow>('SELECT to_address, subject, text, html FROM mail_outbox WHERE to_address = $1 ORDER BY created_at', [address]);
}

/** The path of the first link to this site in a mail's text. */
export function linkIn(mail: MailRow): string {
  const match = /https?:\/\/[^/\s]+(\/\S+)/.exec(mail.text);
  if (!match) throw new Error(`no link in mail: ${mail.text}`);
  return match[1];
}

export type AuditEventRow = {
  id: number;
  action: string;
  actor_account_id: string | null;
  actor_token_id: string | null;
  actor_role: string | null;
  actor_organisation_kind: string | null;
  actor_organisation_id: string | null;
  subject_account_id: string | null;
  subject_person_id: string | null;
  subject_organisation_kind: string | null;
  subject_organisation_id: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  request_id: string | null;
  at: Date;
};

/** Audit rows of one action, oldest first. */
export function auditRows(database: Database, action: string): Promise<AuditEventRow[]> {
  return database.query<AuditEventRow>('SELECT * FROM audit_events WHERE action = $1 ORDER BY id', [action]);
}
