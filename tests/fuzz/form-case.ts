import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { WebSession } from '../support/web-session.ts';
import type { Database } from '../../src/db/database.ts';
import { describeRequest, type FuzzOutcome, responseProblems } from './outcome.ts';
import { queryValue, urlEncodedPairs } from './url-encoded.arb.ts';

/** The fields each public form posts; a public POST route missing here fails the test that lists them. */
export const publicFormFields: Record<string, string[]> = {
  '/inloggen': ['email', 'wachtwoord', 'terug'],
  '/account/aanmaken': ['email', 'naam', 'wachtwoord', 'terug'],
  '/account/bevestigen': ['token'],
  '/account/deblokkeren': ['token'],
  '/wachtwoord-vergeten': ['email'],
  '/wachtwoord-herstellen': ['token', 'wachtwoord'],
  '/uitloggen': [],
  // the events' public forms (decision 027); the fuzz app has no event, so an :id names none (404), and a token or code is bad (400, 404)
  '/bijeenkomsten/:id/aanmelden': ['naam', 'email', 'rol', 'school', 'schoolId', 'omgeving'],
  '/bijeenkomsten/aanmelding/bevestigen': ['token'],
  '/bijeenkomsten/aanmelding/:id/afmelden': ['code'],
  // the feedback form behind its mailed link (decision 030); the fuzz app has no invitation, so every token is unknown (404)
  '/feedback': ['token', 'cijfer', 'waardevol', 'beter', 'overig'],
  // the koploper application (decision 026): the form, then sending it from the check page
  '/koplopers/aanmelden': [
    'school',
    'zoekSchool',
    'naam',
    'email',
    'telefoon',
    'leraren',
    'aanlevering',
    'leverancier',
    'grondslagen',
    'activiteiten',
    'actie',
  ],
  '/koplopers/aanmelden/versturen': [
    'school',
    'naam',
    'email',
    'telefoon',
    'leraren',
    'aanlevering',
    'leverancier',
    'grondslagen',
    'activiteiten',
    'referentie',
  ],
};

export type FormCase = { url: string; body: string };

// now and then a well-formed e-mail address and a strong password, so that a sign-up can succeed and the check sees it
const plausible = fc.constantFrom(
  'email=fuzz%40voorbeeld.nl',
  'wachtwoord=Een-lang-genoeg-wachtwoord-2024',
  'naam=Fuzz%20Tester',
  'email=%20FUZZ%40Voorbeeld.NL%20',
);

export function formCase(urls: string[]): fc.Arbitrary<FormCase> {
  return fc.constantFrom(...urls).chain((url) =>
    fc.record({
      url: fc.constant(url),
      body: fc
        .tuple(urlEncodedPairs(publicFormFields[url] ?? []), fc.array(plausible, { maxLength: 3 }), fc.option(queryValue, { nil: undefined }))
        .map(([pairs, extra, raw]) => [pairs, ...extra, ...(raw === undefined ? [] : [raw])].filter(Boolean).join('&')),
    }),
  );
}

async function counts(database: Database): Promise<{ accounts: number; sessions: number }> {
  const [row] = await database.query<{ accounts: number; sessions: number }>(
    `SELECT (SELECT count(*) FROM accounts)::int AS accounts, (SELECT count(*) FROM sessions)::int AS sessions`,
  );
  return row;
}

/**
 * Posts one fuzzed form with a valid CSRF token, so that the handler runs. No 5xx; a refused form
 * (4xx) writes no account and no session; only a sign-up that succeeds adds one account.
 */
export async function runFormCase(app: FastifyInstance, database: Database, c: FormCase): Promise<FuzzOutcome> {
  const web = new WebSession(app);
  await web.get('/wachtwoord-vergeten');
  const payload = `_csrf=${encodeURIComponent(web.csrfToken())}${c.body ? `&${c.body}` : ''}`;
  const before = await counts(database);
  const response = await web.send({
    method: 'POST',
    url: c.url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: Buffer.from(payload),
  });
  const after = await counts(database);
  const problems = responseProblems(response, { api: false });
  const added = after.accounts - before.accounts;
  const mayAdd = c.url === '/account/aanmaken' && response.statusCode < 400 ? 1 : 0;
  if (added < 0 || added > mayAdd) problems.push(`accounts ${before.accounts} → ${after.accounts} after ${response.statusCode}`);
  if (response.statusCode >= 400 && after.sessions !== before.sessions)
    problems.push(`sessions ${before.sessions} → ${after.sessions} after ${response.statusCode}`);
  return { request: describeRequest('POST', c.url, c.body), status: response.statusCode, problems };
}
