import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, testPassword } from '../../../tests/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { WebSession, visibleText } from '../../../tests/support/web-session.ts';
import { signInAndEnrolTotp, totpSecretOn } from '../../../tests/support/identity.ts';
import { registerOfficeId } from '../auth/roles.ts';
import { currentTotp } from '../auth/totp.ts';

/**
 * Mail over SMTP to a real SMTP server started here (smtp-server on loopback, no TLS): the password
 * reset mail arrives with the Dutch (or English) template, the configured sender and a link that
 * works, and the outbox row says it was sent. With the SMTP server unreachable the person sees the
 * same answer and the failure stays on the outbox row. Without SMTP, register staff read the outbox
 * in the app outside production; nobody else does.
 */

type Received = { mailFrom: string; rcptTo: string[]; raw: string };

const baseUrl = 'https://register.example.nl';
const mailFrom = 'Beroepsregister Onderwijs – testomgeving <afzender@register.example.nl>';

let smtp: SMTPServer;
let smtpPort: number;
const received: Received[] = [];

async function listenOnFreePort(listen: (port: number, done: () => void) => void, address: () => AddressInfo) {
  await new Promise<void>((resolve) => listen(0, resolve));
  return address().port;
}

/** A port nothing listens on: bound once and closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listenOnFreePort(
    (p, done) => server.listen(p, '127.0.0.1', done),
    () => server.address() as AddressInfo,
  );
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Headers (unfolded, RFC 2047 words decoded) and the text body (transfer encoding undone) of a raw message. */
function parseMail(raw: string) {
  const split = raw.indexOf('\r\n\r\n');
  const headerBlock = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of headerBlock.split('\r\n')) {
    const colon = line.indexOf(':');
    const value = line
      .slice(colon + 1)
      .trim()
      .replace(/\?=\s+=\?/g, '?==?') // whitespace between encoded words is not part of the text
      .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_w, kind: string, text: string) =>
        kind.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')),
      );
    headers.set(line.slice(0, colon).toLowerCase(), value);
  }
  const body = raw.slice(split + 4);
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  const text = encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : body;
  return { header: (name: string) => headers.get(name.toLowerCase()), contentType: headers.get('content-type') ?? '', text };
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function receivedBy(address: string) {
  return received.filter((m) => m.rcptTo.includes(address)).map((m) => ({ ...m, ...parseMail(m.raw) }));
}

type OutboxRow = { subject: string; text: string; sent_at: Date | null; attempts: number; last_error: string | null };
async function outboxTo(t: TestApp, address: string) {
  return t.database.query<OutboxRow>('SELECT subject, text, sent_at, attempts, last_error FROM mail_outbox WHERE to_address = $1 ORDER BY created_at', [
    address,
  ]);
}

async function forgotPassword(t: TestApp, email: string) {
  const web = new WebSession(t.app);
  await web.get('/wachtwoord-vergeten');
  return web.post('/wachtwoord-vergeten', { email });
}

beforeAll(async () => {
  smtp = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  smtpPort = await listenOnFreePort(
    (p, done) => smtp.listen(p, '127.0.0.1', done),
    () => smtp.server.address() as AddressInfo,
  );
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

describe('mail over SMTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: mailFrom, BASE_URL: baseUrl } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('delivers the Dutch password-reset mail, from the configured sender, with a link that works', async () => {
    await createAccount(t.database, { email: 'joost@school.nl', displayName: 'Joost Mulder' });
    const answer = await forgotPassword(t, 'joost@school.nl');
    expect(answer.statusCode).toBe(200);
    expect(visibleText(answer.body)).toContain('Als er een account bij joost@school.nl hoort, is er nu een e-mail onderweg.');

    const [mail, ...more] = receivedBy('joost@school.nl');
    expect(more).toEqual([]);
    expect(mail.mailFrom).toBe('afzender@register.example.nl');
    expect(mail.rcptTo).toEqual(['joost@school.nl']);
    expect(mail.header('from')).toBe(mailFrom);
    expect(mail.header('to')).toBe('joost@school.nl');
    expect(mail.header('subject')).toBe('Nieuw wachtwoord instellen');
    expect(mail.contentType).toMatch(/^text\/plain; charset=utf-8/i);
    expect(mail.text).toContain('Beste Joost Mulder,');
    expect(mail.text).toContain('Iemand (hopelijk u) vroeg om een nieuw wachtwoord.');

    // the outbox keeps the mail, marked as sent
    const [row] = await outboxTo(t, 'joost@school.nl');
    expect(row).toMatchObject({ subject: 'Nieuw wachtwoord instellen', attempts: 1, last_error: null });
    expect(row.sent_at).toBeInstanceOf(Date);
    expect(mail.text.replace(/\r\n/g, '\n').trim()).toBe(row.text.trim());

    // the link in the mail that arrived sets a new password
    const link = new URL(/https:\/\/\S+/.exec(mail.text)![0]);
    expect(link.origin).toBe(baseUrl);
    expect(link.pathname).toBe('/wachtwoord-herstellen');
    const web = new WebSession(t.app);
    const form = await web.get(link.pathname + link.search);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`name="token" value="${link.searchParams.get('token')}"`);
    const done = await web.post('/wachtwoord-herstellen', { token: link.searchParams.get('token')!, wachtwoord: 'een gloednieuwe lange zin' });
    expect(visibleText(done.body)).toContain('Uw wachtwoord is gewijzigd');
    await web.get('/inloggen');
    const signedIn = await web.post('/inloggen', { email: 'joost@school.nl', wachtwoord: 'een gloednieuwe lange zin', terug: '/account' });
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/account');
  });

  it('uses the English template for an account that prefers English', async () => {
    const account = await createAccount(t.database, { email: 'emma@school.nl', displayName: 'Emma Brown' });
    await t.database.query("UPDATE accounts SET preferred_lang = 'en' WHERE id = $1", [account.id]);
    expect((await forgotPassword(t, 'emma@school.nl')).statusCode).toBe(200);
    const [mail] = receivedBy('emma@school.nl');
    expect(mail.header('subject')).toBe('Set a new password');
    expect(mail.text).toContain('Dear Emma Brown,');
    expect(mail.text).toContain('Someone (hopefully you) asked for a new password.');
    expect(mail.text).toMatch(new RegExp(`${baseUrl}/wachtwoord-herstellen\\?token=\\S+`));
  });

  it('sends nothing for an address without an account, and says the same', async () => {
    const before = received.length;
    const answer = await forgotPassword(t, 'niemand@school.nl');
    expect(answer.statusCode).toBe(200);
    expect(visibleText(answer.body)).toContain('Als er een account bij niemand@school.nl hoort, is er nu een e-mail onderweg.');
    expect(received.length).toBe(before);
    expect(await outboxTo(t, 'niemand@school.nl')).toEqual([]);
  });
});

describe('mail with the SMTP server unreachable', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${await closedPort()}`, MAIL_FROM: mailFrom, BASE_URL: baseUrl } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers the same page (no error) and keeps the failure on the outbox row', async () => {
    await createAccount(t.database, { email: 'kees@school.nl' });
    const answer = await forgotPassword(t, 'kees@school.nl');
    expect(answer.statusCode).toBe(200);
    expect(visibleText(answer.body)).toContain('Als er een account bij kees@school.nl hoort, is er nu een e-mail onderweg.');
    const [row] = await outboxTo(t, 'kees@school.nl');
    expect(row).toMatchObject({ subject: 'Nieuw wachtwoord instellen', sent_at: null, attempts: 1 });
    expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(receivedBy('kees@school.nl')).toEqual([]);
  });
});

describe('the outbox page without SMTP', () => {
  /** Signs in a register staff member and links an authenticator app: the second factor is done. */
  async function staffSession(t: TestApp, email: string) {
    await createAccount(t.database, { email, roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }] });
    const web = new WebSession(t.app);
    await web.get('/inloggen');
    expect((await web.post('/inloggen', { email, wachtwoord: testPassword, terug: '/beheer' })).headers.location).toContain('/account/tweestapsverificatie');
    const enrol = await web.get('/account/tweestapsverificatie?terug=%2Fbeheer');
    const secret = totpSecretOn(enrol.body)!;
    const linked = await web.post('/account/tweestapsverificatie', { code: currentTotp(secret), terug: '/beheer' });
    expect(linked.headers.location).toBe('/beheer');
    return web;
  }

  describe('outside production', () => {
    let t: TestApp;
    beforeAll(async () => {
      // NODE_ENV=test: like development, everything but production shows the outbox
      t = await createTestApp();
    });
    afterAll(async () => {
      await t?.close();
    });

    it('register staff read the mail that was kept instead of sent; a board admin and a visitor do not', async () => {
      await createAccount(t.database, { email: 'lisa@school.nl', displayName: 'Lisa de Boer' });
      expect((await forgotPassword(t, 'lisa@school.nl')).statusCode).toBe(200);
      const [row] = await outboxTo(t, 'lisa@school.nl');
      expect(row).toMatchObject({ subject: 'Nieuw wachtwoord instellen', sent_at: null, attempts: 0, last_error: null });

      const staff = await staffSession(t, 'staf@register.nl');
      const home = await staff.get('/beheer');
      expect(home.statusCode).toBe(200);
      expect(home.body).toContain('href="/beheer/uitgaande-mail"');
      const outbox = await staff.get('/beheer/uitgaande-mail');
      expect(outbox.statusCode).toBe(200);
      const text = visibleText(outbox.body);
      expect(text).toContain('Er is geen SMTP-server ingesteld; e-mails worden hier bewaard in plaats van verstuurd.');
      expect(text).toContain('Nieuw wachtwoord instellen');
      expect(text).toContain('Aan: lisa@school.nl');
      expect(text).toContain('niet verstuurd');
      expect(text).toContain('Beste Lisa de Boer,');
      expect(text).toMatch(/\/wachtwoord-herstellen\?token=\S+/);

      await createAccount(t.database, {
        email: 'bestuur@school.nl',
        roles: [{ role: 'board-admin', organisation: { kind: 'bestuur', id: '00000000-0000-4000-8000-0000000000b1' } }],
      });
      const { web: admin } = await signInAndEnrolTotp(t.app, 'bestuur@school.nl');
      const refused = await admin.get('/beheer/uitgaande-mail');
      expect(refused.statusCode).toBe(403);
      expect(visibleText(refused.body)).not.toContain('lisa@school.nl');

      const visitor = await new WebSession(t.app).get('/beheer/uitgaande-mail');
      expect(visitor.statusCode).toBe(303);
      expect(visitor.headers.location).toBe('/inloggen?terug=%2Fbeheer%2Fuitgaande-mail');
    });
  });

  describe('in production', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: { NODE_ENV: 'production' } });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('has no outbox page, not even for register staff', async () => {
      const staff = await staffSession(t, 'staf@register.nl');
      const home = await staff.get('/beheer');
      expect(home.statusCode).toBe(200);
      expect(home.body).not.toContain('/beheer/uitgaande-mail');
      expect((await staff.get('/beheer/uitgaande-mail')).statusCode).toBe(404);
    });
  });
});
