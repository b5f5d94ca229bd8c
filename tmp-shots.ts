import { mkdirSync } from 'node:fs';
import { createTestApp } from './tests/support/test-app.ts';
import { launchBrowser, newContext } from './tests/support/browser.ts';
import { seedDemo } from './src/demo/demo.service.ts';
import { sessionCookie, startSession } from './src/platform/auth/sessions.ts';

const shots: [string, string, string][] = JSON.parse(process.argv[2]);
const out = '/tmp/shots';
mkdirSync(out, { recursive: true });
const t = await createTestApp({ prepare: (db) => seedDemo(db, () => {}) });
const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
const browser = await launchBrowser();
const [{ id: boardId }] = await t.database.query<{ id: string }>("SELECT id FROM boards WHERE number = '32073'");
const offices = await t.database.query<{ id: string }>('SELECT id FROM administration_offices LIMIT 1');
for (const [name, email, rawPath] of shots) {
  const path = rawPath.replace('{board}', boardId).replace('{office}', offices[0]?.id ?? 'none');
  const [acc] = await t.database.query<{ id: string }>('SELECT id FROM accounts WHERE email = $1', [email]);
  const cookies = [];
  if (acc) {
    const { token } = await startSession(t.database.db, { accountId: acc.id, method: 'password', secondFactor: true });
    cookies.push({ name: sessionCookie, value: token, url: address });
  }
  for (const width of [1280, 390]) {
    const context = await newContext(browser, { viewport: { width, height: 900 }, javaScriptEnabled: false });
    await context.addCookies(cookies);
    const page = await context.newPage();
    const res = await page.goto(`${address}${path}`);
    await page.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: true });
    console.log(name, width, res?.status(), page.url());
    await context.close();
  }
}
await browser.close();
await t.close();
process.exit(0);
