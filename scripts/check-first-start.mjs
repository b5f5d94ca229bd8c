#!/usr/bin/env node
// What a newcomer does after `npm start`: waits for /health, signs in with a demo account and sees that
// the demo data is there. `node scripts/check-first-start.mjs [base URL] [seconds to wait]`; exits 0 when
// all is well, 1 with what went wrong. Used by tests/first-start.test.ts and by .ci/run on a bare clone.
import { pathToFileURL } from 'node:url';

export const demoAccount = { email: 'leraar@demo.beroepsregister.nl', password: 'demo wachtwoord' };

/** Waits until GET /health answers 200; throws after `seconds`. */
export async function waitForHealth(baseUrl, seconds, isAlive = () => true) {
  const until = Date.now() + seconds * 1000;
  let last = 'geen antwoord / no answer';
  while (Date.now() < until) {
    if (!isAlive()) throw new Error('de server is gestopt / the server stopped');
    try {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return await response.json();
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`/health antwoordde niet binnen ${seconds} s / did not answer within ${seconds} s (${last})`);
}

const cookiesOf = (response, jar) => {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
};

/** Signs in through the pages with the demo account; returns the text of the page it lands on. */
export async function signInWithDemoAccount(baseUrl, account = demoAccount) {
  const jar = new Map();
  const form = await fetch(`${baseUrl}/inloggen`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!csrf) throw new Error('/inloggen heeft geen formulier met CSRF-token / has no form with a CSRF token');
  const body = new URLSearchParams({ _csrf: csrf, email: account.email, wachtwoord: account.password, terug: '/mijn-register' });
  const signIn = await fetch(`${baseUrl}/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookiesOf(form, jar), 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
  const cookie = cookiesOf(signIn, jar);
  const location = signIn.headers.get('location');
  if (signIn.status !== 303 && signIn.status !== 302)
    throw new Error(`inloggen als ${account.email} gaf HTTP ${signIn.status} / signing in answered HTTP ${signIn.status}`);
  const page = await fetch(new URL(location, baseUrl), { headers: { cookie } });
  if (page.status !== 200) throw new Error(`${location} na het inloggen gaf HTTP ${page.status} / answered HTTP ${page.status} after signing in`);
  return { location, text: (await page.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') };
}

async function main() {
  const baseUrl = (process.argv[2] ?? 'http://localhost:3000').replace(/\/$/, '');
  const seconds = Number(process.argv[3] ?? 120);
  const health = await waitForHealth(baseUrl, seconds);
  console.log(`/health: ${JSON.stringify(health)}`);
  const { location, text } = await signInWithDemoAccount(baseUrl);
  if (!text.includes('Stichting Christelijke Kindcentra Drenthe')) {
    throw new Error(`${location} toont de aangeleverde dienstverbanden van de demodata niet / does not show the demo data's employments`);
  }
  console.log(`ingelogd als ${demoAccount.email}: ${location} toont de demodata / signed in, ${location} shows the demo data`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(`✗ ${error.message}`);
    process.exit(1);
  });
}
