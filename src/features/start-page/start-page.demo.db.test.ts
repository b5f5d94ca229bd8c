import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInFromTheSignInPage } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { translator } from '../../../tests/support/texts.ts';
import { visibleText, type WebSession } from '../../../tests/support/web-session.ts';
import { seedDemo } from '../../demo/demo.service.ts';
import { demoPassword } from '../identity/index.ts';

/**
 * Every demo account of the README, signed in through the sign-in pages as a person does: each lands on
 * the start page, and every link the product shows them there, in the menu, on their account page and on
 * Beheer opens (issue 20: a commission member got 403 on /beheer).
 */

let t: TestApp;
const nl = translator('nl');

beforeAll(async () => {
  t = await createTestApp({ prepare: (database) => seedDemo(database, () => {}) });
});
afterAll(async () => t?.close());

const demo = (name: string) => `${name}@demo.beroepsregister.nl`;

/** Every demo account, with the menu items it must see besides Mijn overzicht and Mijn account. */
const accounts: { email: string; ownRecord: boolean; manage: boolean }[] = [
  { email: demo('registerbeheer'), ownRecord: false, manage: true },
  { email: demo('hr'), ownRecord: false, manage: true },
  { email: demo('personeelszaken'), ownRecord: false, manage: true },
  { email: demo('commissie'), ownRecord: false, manage: true },
  { email: demo('accreditatie'), ownRecord: false, manage: true },
  { email: demo('aanbieder'), ownRecord: false, manage: true },
  { email: demo('trainer'), ownRecord: false, manage: true },
  { email: demo('administratiekantoor'), ownRecord: false, manage: true },
  { email: demo('salarisadministratie'), ownRecord: false, manage: true },
  { email: demo('leraar'), ownRecord: true, manage: false },
];

/** The links on a page to this site, once each, without their fragment; the language switch and static files left out. */
function linksOn(html: string): string[] {
  const hrefs = [...html.matchAll(/<a\b[^>]*\bhref="(\/[^"]*)"[^>]*>/g)]
    .filter(([tag]) => !/\bhreflang=/.test(tag))
    .map(([, href]) => href.replace(/&amp;/g, '&').split('#')[0]);
  return [...new Set(hrefs)].filter((href) => href !== '' && !href.startsWith('/static/'));
}

/** The menu's items, by their text. */
function menuOf(html: string): string[] {
  const nav = /<nav class="utrecht-nav-bar"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
  return [...nav.matchAll(/<a\b[^>]*>([^<]*)<\/a>/g)].map((m) => m[1].trim());
}

async function statusesOf(web: WebSession, links: string[]): Promise<Record<string, number>> {
  const statuses: Record<string, number> = {};
  for (const link of links) statuses[link] = (await web.get(link)).statusCode;
  return statuses;
}

describe('every demo account', () => {
  it.each(accounts)('$email lands on the start page, sees its menu, and every link it is shown opens', async ({ email, ownRecord, manage }) => {
    const { web, landing } = await signInFromTheSignInPage(t.app, email, demoPassword);
    expect(landing).toBe('/start');
    const start = await web.get(landing);
    expect(start.statusCode).toBe(200);
    expect(visibleText(start.body)).toContain(nl('start.title'));

    const menu = menuOf(start.body);
    expect(menu).toEqual([
      nl('nav.home'),
      nl('nav.organisations'),
      nl('nav.register'),
      nl('nav.catalogue'),
      nl('nav.start'),
      ...(ownRecord ? [nl('nav.ownRecord')] : []),
      ...(manage ? [nl('nav.manage')] : []),
      nl('nav.account'),
    ]);

    const pages = [start.body, (await web.get('/account')).body];
    if (manage) pages.push((await web.get('/beheer')).body);
    const links = [...new Set(pages.flatMap(linksOn))];
    const statuses = await statusesOf(web, links);
    const refused = Object.entries(statuses).filter(([, status]) => status !== 200);
    expect(refused).toEqual([]);
    // the cards link to the role's own pages, not only to the public ones
    expect(links.filter((l) => l.startsWith('/beheer/') || l.startsWith('/mijn-register')).length).toBeGreaterThan(0);
  });
});
