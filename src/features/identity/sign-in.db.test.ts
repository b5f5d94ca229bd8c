import { toString as qrSvg } from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, testPassword } from '../../../tests/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { totpSecretOn } from '../../../tests/support/identity.ts';
import { WebSession, visibleText } from '../../../tests/support/web-session.ts';
import { registerOfficeId } from '../../platform/auth/roles.ts';
import { currentTotp } from '../../platform/auth/totp.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

type MailRow = { to_address: string; subject: string; text: string };
async function mailsTo(address: string): Promise<MailRow[]> {
  return t.database.query<MailRow>('SELECT to_address, subject, text FROM mail_outbox WHERE to_address = $1 ORDER BY created_at', [address]);
}
function linkIn(mail: MailRow): string {
  const match = /http:\/\/localhost:\d+(\/\S+)/.exec(mail.text);
  if (!match) throw new Error(`no link in mail: ${mail.text}`);
  return match[1];
}
async function signIn(session: WebSession, email: string, password = testPassword) {
  await session.get('/inloggen');
  return session.post('/inloggen', { email, wachtwoord: password, terug: '/account' });
}

describe('creating an account and confirming the address', () => {
  it('is a page titled for what it does, not after the public register (their texts once shared a key)', async () => {
    const page = await new WebSession(t.app).get('/account/aanmaken');
    expect(page.body).toMatch(/<h1[^>]*>Account aanmaken<\/h1>/);
    expect(page.body).toContain('<title>Account aanmaken | Beroepsregister Onderwijs</title>');
    expect(visibleText(page.body)).toContain('Een account aanmaken is gratis.');
    const english = await new WebSession(t.app).get('/account/aanmaken?lang=en');
    expect(english.body).toMatch(/<h1[^>]*>Create an account<\/h1>/);
  });

  it('mails a confirmation link; signing in waits for it; after confirming, the person is signed in', async () => {
    const web = new WebSession(t.app);
    await web.get('/account/aanmaken');
    const created = await web.post('/account/aanmaken', {
      naam: 'Fleur de Vries',
      email: 'Fleur@School.nl',
      wachtwoord: 'mijn geheime zin',
      terug: '/account',
    });
    expect(created.statusCode).toBe(200);
    expect(visibleText(created.body)).toContain('We hebben een e-mail gestuurd naar Fleur@School.nl');

    const early = await signIn(web, 'fleur@school.nl', 'mijn geheime zin');
    expect(early.statusCode).toBe(400);
    expect(visibleText(early.body)).toContain('Bevestig eerst uw e-mailadres');

    const mails = await mailsTo('fleur@school.nl');
    expect(mails.map((m) => m.subject)).toEqual(['Bevestig uw e-mailadres', 'Bevestig uw e-mailadres']);
    const link = linkIn(mails[1]);
    const confirmPage = await web.get(link);
    expect(confirmPage.statusCode).toBe(200);
    const token = /name="token" value="([^"]+)"/.exec(confirmPage.body)![1];
    const confirmed = await web.post('/account/bevestigen', { token });
    expect(visibleText(confirmed.body)).toContain('Uw e-mailadres is bevestigd');

    const signedIn = await signIn(web, 'fleur@school.nl', 'mijn geheime zin');
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/account');
    const account = await web.get('/account');
    expect(visibleText(account.body)).toContain('Fleur de Vries');
    expect(account.headers['cache-control']).toBe('no-store');
  });

  it('keeps the way back through the mailed link: made for an enrolment link, signing in goes on to it', async () => {
    const web = new WebSession(t.app);
    const back = '/mijn-register/inschrijven?bestuur=32073';
    await web.get(`/account/aanmaken?terug=${encodeURIComponent(back)}`);
    await web.post('/account/aanmaken', { naam: 'Gijs Pool', email: 'gijs@school.nl', wachtwoord: 'mijn geheime zin', terug: back });
    const [mail] = await mailsTo('gijs@school.nl');
    const confirmPage = await web.get(linkIn(mail));
    const token = /name="token" value="([^"]+)"/.exec(confirmPage.body)![1];
    const carried = /name="terug" value="([^"]+)"/.exec(confirmPage.body)![1].replace(/&amp;/g, '&');
    expect(carried).toBe(back);
    const confirmed = await web.post('/account/bevestigen', { token, terug: carried });
    const signInLink = /href="(\/inloggen[^"]*)"/.exec(confirmed.body.split('<main')[1])![1].replace(/&amp;/g, '&');
    expect(signInLink).toBe(`/inloggen?terug=${encodeURIComponent(back)}`);
    await web.get(signInLink);
    const signedIn = await web.post('/inloggen', { email: 'gijs@school.nl', wachtwoord: 'mijn geheime zin', terug: back });
    expect(signedIn.headers.location).toBe(back);
  });

  it('refuses a weak password and an invalid address, keeping what was typed', async () => {
    const web = new WebSession(t.app);
    await web.get('/account/aanmaken');
    const refused = await web.post('/account/aanmaken', { naam: 'Kees', email: 'geen-adres', wachtwoord: 'kort' });
    expect(refused.statusCode).toBe(400);
    const text = visibleText(refused.body);
    expect(text).toContain('Vul een geldig e-mailadres in');
    expect(text).toContain('Kies een wachtwoord van minstens 10 tekens');
    expect(refused.body).toContain('href="#email"');
    expect(refused.body).toContain('value="geen-adres"');
  });

  it('refuses in English to a reader who chose English: the form and a used confirmation link', async () => {
    const web = new WebSession(t.app);
    await web.get('/account/aanmaken?lang=en');
    const refused = await web.post('/account/aanmaken', { naam: '  ', email: 'geen-adres', wachtwoord: 'een lange genoeg zin' });
    expect(refused.statusCode).toBe(400);
    const text = visibleText(refused.body);
    expect(text).toContain('Enter a valid email address, such as name@school.nl.');
    expect(text).toContain('Enter your name.');
    expect(text).not.toContain('Vul een geldig e-mailadres in');
    expect(refused.body).toContain('href="#naam"');
    expect(refused.body).toContain('value="geen-adres"');
    // the platform's own password rule, in English as well
    const weak = await web.post('/account/aanmaken', { naam: 'Ann', email: 'ann@school.nl', wachtwoord: 'kort' });
    expect(weak.statusCode).toBe(400);
    expect(visibleText(weak.body)).toContain('Choose a password of at least 10 characters.');
    // signing in without the fields: the schema's own refusals, in English too
    await web.get('/inloggen');
    const empty = await web.post('/inloggen', { email: ' ', wachtwoord: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#email"');
    expect(empty.body).toContain('href="#wachtwoord"');
    expect(visibleText(empty.body)).toContain('Enter your e-mail address.');
    expect(visibleText(empty.body)).toContain('Enter your password.');
    // a refusal of the service on a page: a mailed link that was used or never existed
    await web.get('/account/bevestigen?token=verzonnen');
    const used = await web.post('/account/bevestigen', { token: 'verzonnen' });
    expect(used.statusCode).toBe(400);
    expect(visibleText(used.body)).toContain('This confirmation link has already been used or has expired. Sign in to have a new one sent.');
  });

  it('tells nobody whether an address already has an account', async () => {
    await createAccount(t.database, { email: 'bestaand@school.nl' });
    const web = new WebSession(t.app);
    await web.get('/account/aanmaken');
    const again = await web.post('/account/aanmaken', { naam: 'Iemand', email: 'bestaand@school.nl', wachtwoord: 'nog een lange zin' });
    expect(again.statusCode).toBe(200);
    expect(visibleText(again.body)).toContain('We hebben een e-mail gestuurd naar bestaand@school.nl');
    expect((await mailsTo('bestaand@school.nl')).map((m) => m.subject)).toEqual(['Nieuw wachtwoord instellen']);
  });
});

describe('signing in with a password', () => {
  it('gives the same answer for an unknown address and a wrong password', async () => {
    await createAccount(t.database, { email: 'anna@school.nl' });
    const web = new WebSession(t.app);
    const unknown = await signIn(web, 'niemand@school.nl', 'wat dan ook');
    const wrong = await signIn(web, 'anna@school.nl', 'verkeerd wachtwoord');
    expect(unknown.statusCode).toBe(400);
    expect(wrong.statusCode).toBe(400);
    expect(visibleText(unknown.body)).toContain('Het e-mailadres of het wachtwoord klopt niet.');
    expect(visibleText(wrong.body)).toContain('Het e-mailadres of het wachtwoord klopt niet.');
  });

  it('sets an HttpOnly, SameSite session cookie that changes on every sign-in, and signing out ends it', async () => {
    await createAccount(t.database, { email: 'bram@school.nl' });
    const web = new WebSession(t.app);
    const first = await signIn(web, 'bram@school.nl');
    const cookie = first.cookies.find((c) => c.name === 'br_sessie')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true, path: '/' });
    const firstValue = cookie.value;
    const other = new WebSession(t.app);
    const second = await signIn(other, 'bram@school.nl');
    expect(second.cookies.find((c) => c.name === 'br_sessie')!.value).not.toBe(firstValue);

    const stolen = new WebSession(t.app);
    stolen.cookies.set('br_sessie', web.cookies.get('br_sessie')!);
    expect((await stolen.get('/account')).statusCode).toBe(200);
    await web.get('/account');
    const out = await web.post('/uitloggen', {});
    expect(out.statusCode).toBe(303);
    const after = await stolen.get('/account');
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toBe('/inloggen?terug=%2Faccount');
  });

  it('locks an address after 5 wrong passwords, mails an unlock link, and the link lifts the lock', async () => {
    await createAccount(t.database, { email: 'carla@school.nl' });
    const web = new WebSession(t.app);
    for (let i = 0; i < 4; i++) expect((await signIn(web, 'carla@school.nl', `fout ${i} wachtwoord`)).statusCode).toBe(400);
    const locked = await signIn(web, 'carla@school.nl', 'fout 5 wachtwoord');
    expect(locked.statusCode).toBe(429);
    expect(visibleText(locked.body)).toContain('Er is te vaak een verkeerd wachtwoord gegeven voor dit e-mailadres');
    const stillLocked = await signIn(web, 'carla@school.nl');
    expect(stillLocked.statusCode).toBe(429);

    const [unlockMail] = await mailsTo('carla@school.nl');
    expect(unlockMail.subject).toBe('Uw account is tijdelijk geblokkeerd');
    const page = await web.get(linkIn(unlockMail));
    const token = /name="token" value="([^"]+)"/.exec(page.body)![1];
    expect(visibleText((await web.post('/account/deblokkeren', { token })).body)).toContain('Uw account is gedeblokkeerd');
    expect((await signIn(web, 'carla@school.nl')).statusCode).toBe(303);
    // the link works once
    await web.get(linkIn(unlockMail));
    const reused = await web.post('/account/deblokkeren', { token });
    expect(reused.statusCode).toBe(400);
    expect(visibleText(reused.body)).toContain('Deze link is al gebruikt of verlopen');
  });

  it('locks an unknown address the same way, without sending mail', async () => {
    const web = new WebSession(t.app);
    let last: Awaited<ReturnType<typeof signIn>> | undefined;
    for (let i = 0; i < 5; i++) last = await signIn(web, 'onbekend@school.nl', `gok ${i} wachtwoord`);
    expect(last!.statusCode).toBe(429);
    expect(visibleText(last!.body)).toContain('Er is te vaak een verkeerd wachtwoord gegeven voor dit e-mailadres');
    expect(await mailsTo('onbekend@school.nl')).toEqual([]);
  });

  it('refuses a form posted without the CSRF token, or with a token from another browser', async () => {
    await createAccount(t.database, { email: 'csrf@school.nl' });
    const web = new WebSession(t.app);
    await web.get('/inloggen');
    const without = await web.post('/inloggen', { email: 'csrf@school.nl', wachtwoord: testPassword }, { csrf: null });
    expect(without.statusCode).toBe(403);
    expect(visibleText(without.body)).toContain('Dit formulier is verlopen of niet vanaf deze website verstuurd');
    const other = new WebSession(t.app);
    await other.get('/inloggen');
    const foreign = await web.post('/inloggen', { email: 'csrf@school.nl', wachtwoord: testPassword }, { csrf: other.csrfToken() });
    expect(foreign.statusCode).toBe(403);
    expect(web.cookies.has('br_sessie')).toBe(false);
  });

  it('resets a forgotten password by mail, signing out every session', async () => {
    await createAccount(t.database, { email: 'dirk@school.nl' });
    const laptop = new WebSession(t.app);
    await signIn(laptop, 'dirk@school.nl');
    const web = new WebSession(t.app);
    await web.get('/wachtwoord-vergeten');
    const unknown = await web.post('/wachtwoord-vergeten', { email: 'niet-dirk@school.nl' });
    await web.get('/wachtwoord-vergeten');
    const known = await web.post('/wachtwoord-vergeten', { email: 'dirk@school.nl' });
    expect(visibleText(unknown.body)).toContain('Als er een account bij niet-dirk@school.nl hoort');
    expect(visibleText(known.body)).toContain('Als er een account bij dirk@school.nl hoort');
    expect(await mailsTo('niet-dirk@school.nl')).toEqual([]);
    const [mail] = await mailsTo('dirk@school.nl');
    const form = await web.get(linkIn(mail));
    const token = /name="token" value="([^"]+)"/.exec(form.body)![1];
    const weak = await web.post('/wachtwoord-herstellen', { token, wachtwoord: 'kort' });
    expect(weak.statusCode).toBe(400);
    const done = await web.post('/wachtwoord-herstellen', { token, wachtwoord: 'een nieuwe lange zin' });
    expect(visibleText(done.body)).toContain('Uw wachtwoord is gewijzigd');
    expect((await laptop.get('/account')).statusCode).toBe(303);
    expect((await signIn(web, 'dirk@school.nl')).statusCode).toBe(400);
    expect((await signIn(web, 'dirk@school.nl', 'een nieuwe lange zin')).statusCode).toBe(303);
  });

  it('signs out everywhere', async () => {
    await createAccount(t.database, { email: 'eva@school.nl' });
    const phone = new WebSession(t.app);
    const laptop = new WebSession(t.app);
    await signIn(phone, 'eva@school.nl');
    await signIn(laptop, 'eva@school.nl');
    const account = await laptop.get('/account');
    expect(visibleText(account.body)).toContain('Ingelogd op 2 apparaten of browsers');
    await laptop.post('/account/overal-uitloggen', {});
    expect((await phone.get('/account')).statusCode).toBe(303);
    expect((await laptop.get('/account')).statusCode).toBe(303);
  });
});

describe("two-step sign-in for a board's HR, who deliver files with BSNs", () => {
  it.each(['board-admin', 'board-staff'] as const)('asks a %s for an authenticator app before any board page opens', async (role) => {
    const boardId = '00000000-0000-4000-8000-00000000b0a0';
    await createAccount(t.database, { email: `${role}@bestuur.nl`, roles: [{ role, organisation: { kind: 'bestuur', id: boardId } }] });
    const web = new WebSession(t.app);
    const first = await signIn(web, `${role}@bestuur.nl`);
    expect(first.headers.location).toBe('/account/tweestapsverificatie?terug=%2Faccount');
    const board = await web.get(`/beheer/bestuur/${boardId}/aanleveringen`);
    expect(board.statusCode).toBe(303);
    expect(board.headers.location).toContain('/inloggen/tweede-stap');
  });
});

describe('two-step sign-in for register staff', () => {
  it('makes a staff member link an authenticator app, then asks for a code at every sign-in, each code once', async () => {
    await createAccount(t.database, {
      email: 'staf@register.nl',
      roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
    });
    const web = new WebSession(t.app);
    const first = await signIn(web, 'staf@register.nl');
    expect(first.headers.location).toBe('/account/tweestapsverificatie?terug=%2Faccount');
    // a password alone opens nothing that needs the role
    const blocked = await web.get('/beheer');
    expect(blocked.statusCode).toBe(303);
    expect(blocked.headers.location).toContain('/inloggen/tweede-stap');
    expect((await web.get(blocked.headers.location as string)).headers.location).toContain('/account/tweestapsverificatie');

    const enrol = await web.get('/account/tweestapsverificatie?terug=%2Fbeheer');
    const secret = totpSecretOn(enrol.body)!;
    expect(enrol.body).toContain('otpauth://totp/');
    const wrong = await web.post('/account/tweestapsverificatie', { code: '000000', terug: '/beheer' });
    expect(wrong.statusCode).toBe(400);
    expect(visibleText(wrong.body)).toContain('Deze code klopt niet');
    const linked = await web.post('/account/tweestapsverificatie', { code: currentTotp(secret), terug: '/beheer' });
    expect(linked.headers.location).toBe('/beheer');
    expect((await web.get('/beheer')).statusCode).toBe(200);

    const later = new WebSession(t.app);
    const again = await signIn(later, 'staf@register.nl');
    expect(again.headers.location).toBe('/inloggen/tweede-stap?terug=%2Faccount');
    // the same code as before is refused: each code counts once
    await later.get('/inloggen/tweede-stap');
    const replay = await later.post('/inloggen/tweede-stap', { code: currentTotp(secret), terug: '/beheer' });
    expect(replay.statusCode).toBe(400);
    // re-linking an app with only the password is not possible
    expect((await later.get('/account/tweestapsverificatie')).headers.location).toContain('/inloggen/tweede-stap');
    const next = currentTotp(secret, Date.now() + 30_000);
    await later.get('/inloggen/tweede-stap');
    const ok = await later.post('/inloggen/tweede-stap', { code: next, terug: '/beheer' });
    expect(ok.headers.location).toBe('/beheer');
    expect((await later.get('/beheer')).statusCode).toBe(200);
  });
});

/** The dark modules ("x,y") of a QR code drawn as strokes one module high (M/m moves, h runs), as the qrcode library draws one. */
function darkModules(svg: string): Set<string> {
  const d = [...svg.matchAll(/<path [^>]*\bstroke="[^"]+"[^>]*\bd="([^"]+)"/g)].map((m) => m[1]).join('');
  const cells = new Set<string>();
  let [x, y] = [0, 0];
  for (const [, command, a, b] of d.matchAll(/([Mmh])\s*(-?[\d.]+)(?:\s+(-?[\d.]+))?/g)) {
    if (command === 'M') [x, y] = [Number(a), Number(b)];
    else if (command === 'm') [x, y] = [x + Number(a), y + Number(b ?? 0)];
    else for (let i = 0; i < Number(a); i++) cells.add(`${x++},${y - 0.5}`);
  }
  return cells;
}

describe('the authenticator set-up page', () => {
  it('shows a QR code of the link beside it, named for people who cannot see it, and keeps the key as text', async () => {
    await createAccount(t.database, {
      email: 'qr@register.nl',
      roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
    });
    const web = new WebSession(t.app);
    await signIn(web, 'qr@register.nl');
    const page = await web.get('/account/tweestapsverificatie');
    expect(page.statusCode).toBe(200);
    const link = /<a [^>]*href="(otpauth:\/\/totp\/[^"]+)"/.exec(page.body)?.[1].replaceAll('&amp;', '&');
    expect(link).toBeDefined();
    expect(totpSecretOn(page.body)).toMatch(/^[A-Z2-7]{16,}$/);

    const svg = /<svg\b[^>]*>[\s\S]*?<\/svg>/.exec(page.body)?.[0] ?? '';
    expect(svg).toMatch(/\brole="img"/);
    const titleId = /aria-labelledby="([^"]+)"/.exec(svg)?.[1];
    expect(svg).toContain(
      `<title id="${titleId}">QR-code voor uw authenticator-app. Kunt u hem niet scannen, gebruik dan de sleutel of de koppeling hieronder.</title>`,
    );
    // the same dark modules as the library's own drawing of that link: a phone that scans it gets the link
    expect(darkModules(svg).size).toBeGreaterThan(100);
    expect([...darkModules(svg)].sort()).toEqual([...darkModules(await qrSvg(link as string, { type: 'svg' }))].sort());

    const english = await web.get('/account/tweestapsverificatie?lang=en');
    expect(english.body).toContain('QR code for your authenticator app. If you cannot scan it, use the key or the link below.');
  });
});

describe('guessing the code', () => {
  it('ends the half-signed-in session after 5 wrong codes: the password is needed again', async () => {
    await createAccount(t.database, {
      email: 'raden@register.nl',
      roles: [{ role: 'registration-committee', organisation: { kind: 'register', id: registerOfficeId } }],
    });
    const web = new WebSession(t.app);
    await signIn(web, 'raden@register.nl');
    const enrol = await web.get('/account/tweestapsverificatie');
    const secret = totpSecretOn(enrol.body)!;
    await web.post('/account/tweestapsverificatie', { code: currentTotp(secret), terug: '/account' });
    await web.post('/uitloggen', {});

    const guesser = new WebSession(t.app);
    await signIn(guesser, 'raden@register.nl');
    let answer: Awaited<ReturnType<WebSession['post']>> | undefined;
    for (let i = 0; i < 5; i++) {
      await guesser.get('/inloggen/tweede-stap');
      answer = await guesser.post('/inloggen/tweede-stap', { code: `00000${i}`, terug: '/account' });
      if (i < 4) expect(answer.statusCode).toBe(400);
    }
    expect(answer!.statusCode).toBe(401);
    expect(visibleText(answer!.body)).toContain('5 keer een verkeerde code. Log opnieuw in met uw wachtwoord.');
    const after = await guesser.get('/inloggen/tweede-stap');
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toContain('/inloggen?terug=');
  });
});

describe('the audit trail', () => {
  it('records sign-ins and cannot be changed or deleted', async () => {
    const rows = await t.database.query<{ action: string }>("SELECT action FROM audit_events WHERE action = 'account.signed-in'");
    expect(rows.length).toBeGreaterThan(3);
    // the app's role may not (on PGlite the test app is that role: src/db/app-role.db.test.ts); on the PostgreSQL
    // test server the app connects as the owner, and the append-only trigger stops that
    const refused = /permission denied for table audit_events|audit_events is append-only/;
    await expect(t.database.query("UPDATE audit_events SET action = 'iets anders'")).rejects.toThrow(refused);
    await expect(t.database.query('DELETE FROM audit_events')).rejects.toThrow(refused);
    const after = await t.database.query<{ action: string }>("SELECT action FROM audit_events WHERE action = 'account.signed-in'");
    expect(after.length).toBe(rows.length);
  });
});
