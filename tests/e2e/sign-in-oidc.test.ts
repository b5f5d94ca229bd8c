import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createCrypto } from '../../src/platform/crypto.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../support/texts.ts';
import { createAccount, testPassword } from '../support/accounts.ts';
import { expectNoAxeViolations, launchBrowser, newContext } from '../support/browser.ts';
import { freePort, startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Journey: signing in through an OpenID Connect issuer (as DigiD, Entree or SURFconext arrive through
 * a broker). The issuer is a real node-oidc-provider on loopback, started here; Chromium goes through
 * its login and consent pages and back. A new identity gets an account; the same identity later gets
 * the same account; a local account links an identity from Mijn account; an identity whose address
 * already has a local account is refused with what to do instead.
 */

const nl = translator('nl');
const oidcName = 'de testinlogdienst';

const people = {
  sanne: { login: 'sanne', email: 'sanne.oidc@school.nl', name: 'Sanne Jansen' },
  lotte: { login: 'lotte-broker', email: 'lotte.prive@example.nl', name: 'L. Bakker' },
  piet: { login: 'piet', email: 'piet@school.nl', name: 'Piet Visser' },
  noor: { login: 'noor', email: 'noor@school.nl', name: 'Noor Smit' },
  bas: { login: 'bas', email: 'bas.prive@example.nl', name: 'Bas Bakker', bsn: '111222333' },
};
// the app's secrets, so the test can put a person delivered with Bas's BSN in the register as a delivery would
const secrets = { SESSION_SECRET: randomBytes(32).toString('hex'), ENCRYPTION_KEY: randomBytes(32).toString('hex'), HASH_KEY: randomBytes(32).toString('hex') };

let testApp: TestApp;
let provider: TestOidcProvider;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  // the app's address must be known to the provider (redirect_uri), and the provider's to the app (issuer)
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider({ redirectUri: `${baseUrl}/inloggen/oidc/terug`, people: Object.values(people) });
  [testApp, browser] = await Promise.all([
    createTestApp({
      env: {
        BASE_URL: baseUrl,
        PORT: String(port),
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
        OIDC_NAME: oidcName,
        ...secrets,
      },
    }),
    launchBrowser(),
  ]);
  await testApp.app.listen({ port, host: '127.0.0.1' });
});

afterAll(async () => {
  await browser?.close();
  await testApp?.close();
  await provider?.close();
});

async function withContext(run: (page: Page, context: BrowserContext) => Promise<void>) {
  const context = await newContext(browser, { baseURL: baseUrl });
  // only the two loopback servers: the provider's dev pages import a web font from the internet
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort(),
  );
  try {
    await run(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const inApp = (url: URL) => url.origin === baseUrl;
const atProvider = (url: URL) => url.origin === provider.issuer && url.pathname.startsWith('/interaction/');
const federatedItem = (page: Page) => page.locator('.utrecht-data-list__item', { has: page.getByText(nl('account.federated'), { exact: true }) });
const dataValue = (page: Page, label: string) =>
  page.locator('.utrecht-data-list__item', { has: page.getByText(label, { exact: true }) }).locator('.utrecht-data-list__item-value');

/**
 * At the provider: its login form (the test person's login, any password), then its consent page if
 * it asks, and back in the app.
 */
async function signInAtProvider(page: Page, login: string) {
  await page.waitForURL(atProvider);
  const loginPage = page.url();
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('wat dan ook');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.waitForURL((url) => inApp(url) || (atProvider(url) && url.href !== loginPage));
  if (atProvider(new URL(page.url()))) {
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(inApp);
  }
}

/**
 * /inloggen → "Inloggen met …" → provider (its login form when `login` is given) → back. `callback`
 * is the app's answer on its redirect URI.
 */
async function signInWithOidc(page: Page, login: string | null) {
  await page.goto('/inloggen');
  expect(await h1(page)).toBe(nl('signIn.title'));
  await expectNoAxeViolations(page);
  const callback = page.waitForResponse((r) => r.url().startsWith(`${baseUrl}/inloggen/oidc/terug`));
  callback.catch(() => undefined); // awaited by the caller; if a step before fails, that step reports it
  await page.getByRole('link', { name: nl('signIn.oidc', { name: oidcName }) }).click();
  if (login) await signInAtProvider(page, login);
  return { callback };
}

async function signOut(page: Page) {
  await page
    .getByRole('navigation', { name: nl('layout.mainNav') })
    .getByRole('button', { name: nl('nav.signOut') })
    .click();
  await page.waitForURL((url) => inApp(url) && url.pathname === '/');
  await page
    .getByRole('navigation', { name: nl('layout.mainNav') })
    .getByRole('link', { name: nl('nav.signIn') })
    .waitFor();
  await expectNoAxeViolations(page);
}

async function accountsWith(email: string) {
  return testApp.database.query<{ id: string; display_name: string; password_hash: string | null; email_verified_at: Date | null }>(
    'SELECT id, display_name, password_hash, email_verified_at FROM accounts WHERE email = $1',
    [email],
  );
}
async function identitiesOf(subject: string) {
  return testApp.database.query<{ account_id: string; issuer: string }>('SELECT account_id, issuer FROM federated_identities WHERE subject = $1', [subject]);
}

describe('signing in with OpenID Connect', () => {
  it('a new identity gets an account; signing in again reaches the same account', async () => {
    let accountId = '';
    await withContext(async (page, context) => {
      const { callback } = await signInWithOidc(page, people.sanne.login);
      expect((await callback).status()).toBe(303);
      // signing in lands on the start page; the account page shows who signed in
      await page.waitForURL((url) => inApp(url) && url.pathname === '/start');
      expect(await h1(page)).toBe(nl('start.title'));
      await expectNoAxeViolations(page);
      await page.goto('/account');
      expect(await h1(page)).toBe(nl('account.title'));
      expect(await dataValue(page, nl('account.name')).textContent()).toBe(people.sanne.name);
      expect(await dataValue(page, nl('account.email')).textContent()).toBe(people.sanne.email);
      expect(await federatedItem(page).textContent()).toContain(provider.issuer);
      await expectNoAxeViolations(page);

      const cookie = (await context.cookies(baseUrl)).find((c) => c.name === 'br_sessie');
      expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });

      // an account without a password, its address confirmed by the issuer, and the identity linked to it
      const accounts = await accountsWith(people.sanne.email);
      expect(accounts).toHaveLength(1);
      expect(accounts[0]).toMatchObject({ display_name: people.sanne.name, password_hash: null });
      expect(accounts[0].email_verified_at).not.toBeNull();
      accountId = accounts[0].id;
      expect(await identitiesOf(people.sanne.login)).toEqual([{ account_id: accountId, issuer: provider.issuer }]);

      // again in the same browser: the provider still knows the person, so it goes straight back
      await signOut(page);
      const { callback: again } = await signInWithOidc(page, null);
      expect((await again).status()).toBe(303);
      await page.waitForURL((url) => inApp(url) && url.pathname === '/start');
      expect(await page.getByRole('main').textContent()).toContain(nl('start.welcome', { name: people.sanne.name }));
    });

    // and in another browser, through the provider's login form again
    await withContext(async (page) => {
      await signInWithOidc(page, people.sanne.login);
      await page.waitForURL((url) => inApp(url) && url.pathname === '/start');
      expect(await page.getByRole('main').textContent()).toContain(nl('start.welcome', { name: people.sanne.name }));
      await expectNoAxeViolations(page);
    });
    const after = await accountsWith(people.sanne.email);
    expect(after.map((a) => a.id)).toEqual([accountId]);
    expect(await identitiesOf(people.sanne.login)).toHaveLength(1);
    const signIns = await testApp.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_events WHERE action = 'account.signed-in' AND subject_account_id = $1",
      [accountId],
    );
    expect(signIns[0].n).toBe(3);
    // the code flow with PKCE went through the provider three times, without errors
    expect(provider.events.filter((e) => e.startsWith('server_error'))).toEqual([]);
  });

  it('a signed-in local account links the identity from Mijn account; the identity then signs in to that account', async () => {
    const local = await createAccount(testApp.database, { email: 'lotte@school.nl', displayName: 'Lotte Bakker' });
    await withContext(async (page) => {
      await page.goto('/inloggen?terug=%2Faccount');
      await expectNoAxeViolations(page);
      await page.getByRole('textbox', { name: nl('signIn.email') }).fill('lotte@school.nl');
      await page.getByLabel(nl('signIn.password')).fill(testPassword);
      await page.getByLabel(nl('signIn.password')).press('Enter');
      await page.waitForURL((url) => inApp(url) && url.pathname === '/account');
      expect(await dataValue(page, nl('account.federated')).textContent()).toContain(nl('account.noFederated'));
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: nl('account.linkOidc', { name: oidcName }) }).click();
      await signInAtProvider(page, people.lotte.login);
      await page.waitForURL((url) => inApp(url) && url.pathname === '/account');
      // still Lotte's own account, now with the issuer listed, and told so
      expect(await page.getByRole('status').first().textContent()).toContain(nl('account.linkedOidc', { name: oidcName }));
      expect(await dataValue(page, nl('account.email')).textContent()).toBe('lotte@school.nl');
      expect(await federatedItem(page).textContent()).toContain(provider.issuer);
      await expectNoAxeViolations(page);
      expect(await identitiesOf(people.lotte.login)).toEqual([{ account_id: local.id, issuer: provider.issuer }]);
      // the issuer's address for the identity did not become an account of its own
      expect(await accountsWith(people.lotte.email)).toEqual([]);

      await signOut(page);
      await signInWithOidc(page, null);
      await page.waitForURL((url) => inApp(url) && url.pathname === '/start');
      await page.goto('/account');
      expect(await dataValue(page, nl('account.name')).textContent()).toBe('Lotte Bakker');
      expect(await dataValue(page, nl('account.email')).textContent()).toBe('lotte@school.nl');
    });
  });

  it('refuses an identity whose address already has a local account, saying to sign in and link instead', async () => {
    await createAccount(testApp.database, { email: people.piet.email, displayName: 'Piet Visser (lokaal)' });
    await withContext(async (page, context) => {
      const { callback } = await signInWithOidc(page, people.piet.login);
      expect((await callback).status()).toBe(409);
      expect(await page.getByRole('main').textContent()).toContain(
        `Er is al een account met ${people.piet.email}. Log in met uw wachtwoord en koppel de inlogdienst daarna via Mijn account.`,
      );
      await expectNoAxeViolations(page);
      expect((await context.cookies(baseUrl)).some((c) => c.name === 'br_sessie')).toBe(false);
      await page
        .getByRole('navigation', { name: nl('layout.mainNav') })
        .getByRole('link', { name: nl('nav.signIn') })
        .waitFor();
    });
    expect(await identitiesOf(people.piet.login)).toEqual([]);
    expect((await accountsWith(people.piet.email)).map((a) => a.display_name)).toEqual(['Piet Visser (lokaal)']);
  });

  it('a BSN in the claims links the account to the person delivered with that BSN (decision 021)', async () => {
    const keyedHash = createCrypto({ sessionSecret: secrets.SESSION_SECRET, encryptionKey: secrets.ENCRYPTION_KEY, hashKey: secrets.HASH_KEY }).keyedHash;
    await testApp.database.query(
      `INSERT INTO persons (id, initials, surname, birth_date, bsn_hash) VALUES (gen_random_uuid(), 'B.', 'Bakker', '1979-09-09', $1)`,
      [keyedHash(people.bas.bsn)],
    );
    await withContext(async (page) => {
      const { callback } = await signInWithOidc(page, people.bas.login);
      expect((await callback).status()).toBe(303);
      await page.waitForURL((url) => inApp(url) && url.pathname === '/start');
      await page.goto('/mijn-register');
      expect(await dataValue(page, nl('employment.field.achternaam')).textContent()).toBe('Bakker');
      await expectNoAxeViolations(page);
    });
    const [account] = await accountsWith(people.bas.email);
    expect(await testApp.database.query(`SELECT account_id FROM persons WHERE surname = 'Bakker'`)).toEqual([{ account_id: account.id }]);
  });

  it('cancelling at the provider comes back with a message, signed out', async () => {
    await withContext(async (page, context) => {
      const { callback } = await signInWithOidc(page, null);
      await page.waitForURL(atProvider);
      await page.getByRole('link', { name: '[ Cancel ]' }).click();
      expect((await callback).status()).toBe(400);
      expect(await page.getByRole('main').textContent()).toContain(`Inloggen bij ${oidcName} is afgebroken. U kunt het opnieuw proberen.`);
      await expectNoAxeViolations(page);
      expect((await context.cookies(baseUrl)).some((c) => c.name === 'br_sessie')).toBe(false);
    });
    expect(await accountsWith(people.noor.email)).toEqual([]);
  });
});
