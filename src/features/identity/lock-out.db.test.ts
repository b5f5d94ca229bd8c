import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { linkIn, mailsTo, signInAndEnrolTotp, signInWithPassword } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, WebSession } from '../../../tests/support/web-session.ts';
import { currentTotp } from '../../platform/auth/totp.ts';

/**
 * Anyone can type five wrong passwords for someone else's address. That slows guessing, but must not
 * keep the owner out (issue 17): the right password with the authenticator's code, or a mailed link, still gets in.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function lockByGuessing(email: string) {
  const attacker = new WebSession(t.app);
  for (let i = 0; i < 5; i++) await signInWithPassword(attacker, email, `geraden wachtwoord ${i}`);
  const again = await signInWithPassword(attacker, email, 'nog een gok wachtwoord');
  expect(again.statusCode).toBe(429);
}

describe('a lock that an attacker set', () => {
  it('lets the owner with an authenticator app in with the right password and code, and lifts the lock', async () => {
    const owner = await createAccount(t.database, { email: 'staf@register.nl' });
    const { secret } = await signInAndEnrolTotp(t.app, 'staf@register.nl');
    await lockByGuessing('staf@register.nl');

    const web = new WebSession(t.app);
    const password = await signInWithPassword(web, 'staf@register.nl');
    expect(password.statusCode).toBe(303);
    expect(password.headers.location).toBe('/inloggen/tweede-stap?terug=%2Faccount');
    await web.get('/inloggen/tweede-stap?terug=%2Faccount');
    // a step later than the enrolment's code, which is accepted only once
    const code = currentTotp(secret, Date.now() + 30_000);
    const done = await web.post('/inloggen/tweede-stap', { code, terug: '/account' });
    expect(done.statusCode).toBe(303);
    expect(visibleText((await web.get('/account')).body)).toContain('staf@register.nl');
    const throttles = await t.database.query('SELECT 1 FROM sign_in_throttle');
    expect(throttles.length).toBe(0);
    expect(owner.id).toBeTruthy();
  });

  it('keeps an attacker who has the password but not the code at the second step', async () => {
    await createAccount(t.database, { email: 'directeur@school.nl' });
    await signInAndEnrolTotp(t.app, 'directeur@school.nl');
    await lockByGuessing('directeur@school.nl');
    const web = new WebSession(t.app);
    await signInWithPassword(web, 'directeur@school.nl');
    await web.get('/inloggen/tweede-stap?terug=%2Faccount');
    const wrong = await web.post('/inloggen/tweede-stap', { code: '000000', terug: '/account' });
    expect(wrong.statusCode).toBe(400);
    expect((await web.get('/account')).statusCode).toBe(303);
    // the lock holds for a wrong password
    expect((await signInWithPassword(new WebSession(t.app), 'directeur@school.nl', 'weer een gok wachtwoord')).statusCode).toBe(429);
  });

  it('mails an owner without an app a fresh unlock link when the right password is typed, and the answer looks the same as to a guess', async () => {
    await createAccount(t.database, { email: 'juf@school.nl' });
    await lockByGuessing('juf@school.nl');
    expect((await mailsTo(t.database, 'juf@school.nl')).length).toBe(1);
    // the lock's own mail went out minutes ago
    await t.database.query(`UPDATE email_tokens SET created_at = created_at - interval '10 minutes'`);

    const guess = await signInWithPassword(new WebSession(t.app), 'juf@school.nl', 'nog weer een gok');
    const web = new WebSession(t.app);
    const right = await signInWithPassword(web, 'juf@school.nl');
    expect(right.statusCode).toBe(429);
    expect(visibleText(right.body).replace(/\d+ minuten/, '')).toBe(visibleText(guess.body).replace(/\d+ minuten/, ''));
    const mails = await mailsTo(t.database, 'juf@school.nl');
    expect(mails.length).toBe(2);
    // typing it again at once sends no third mail
    await signInWithPassword(new WebSession(t.app), 'juf@school.nl');
    expect((await mailsTo(t.database, 'juf@school.nl')).length).toBe(2);

    const page = await web.get(linkIn(mails[1]));
    const token = /name="token" value="([^"]+)"/.exec(page.body)![1];
    expect(visibleText((await web.post('/account/deblokkeren', { token })).body)).toContain('Uw account is gedeblokkeerd');
    expect((await signInWithPassword(web, 'juf@school.nl')).statusCode).toBe(303);
  });
});
