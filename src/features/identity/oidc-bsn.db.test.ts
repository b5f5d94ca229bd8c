import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { boardStaffActor, deliverAndApply, deliveringBoard, deliveryDeps, type DeliveryRow } from '../../../tests/support/deliveries.ts';
import { auditRows, sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, WebSession } from '../../../tests/support/web-session.ts';
import { anonymous, type AccountActor } from '../../platform/auth/actor.ts';
import { sessionCookie } from '../../platform/auth/sessions.ts';
import { createCrypto } from '../../platform/crypto.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import type { DeliveryDeps } from '../deliveries/index.ts';
import type { IdentityDeps } from './identity.deps.ts';
import { claimsOf, type OidcClaims } from './oidc-client.ts';
import { signInWithOidc } from './oidc.service.ts';

/**
 * Sign-in through OpenID Connect with a BSN claim (DigiD through a broker, decision 021): the account is
 * bound to the person with that BSN by its keyed hash, now or when a later delivery brings them; never
 * when either side is someone else's; and the professional is told what to do when it could not link.
 */

// the app's secrets, so that the test hashes a BSN as the app does
const secrets = { sessionSecret: randomBytes(32).toString('hex'), encryptionKey: randomBytes(32).toString('hex'), hashKey: randomBytes(32).toString('hex') };
const crypto = createCrypto(secrets);
let t: TestApp;
let identity: IdentityDeps;
let deliveries: DeliveryDeps;
let board: { id: string; number: string };
let school: { brin: string; location: string };
let hrActor: Awaited<ReturnType<typeof boardStaffActor>>;

// 9 digits that pass the elfproef, none of them anybody's
const bsn = { eerst: '111222333', later: '123456782', zelf: '100000009', bezet: '100000010', anders: '100000022', verschil: '100000034' };

beforeAll(async () => {
  t = await createTestApp({
    withDuo: true,
    env: { SESSION_SECRET: secrets.sessionSecret, ENCRYPTION_KEY: secrets.encryptionKey, HASH_KEY: secrets.hashKey },
  });
  identity = { db: t.database.db, crypto, mailer: createMailer({ from: 'test@beroepsregister.nl' }), baseUrl: 'http://localhost:3000' };
  deliveries = deliveryDeps(t.database, { crypto });
  ({ board, school } = await deliveringBoard(t.database));
  hrActor = await boardStaffActor(t.database, board.id, 'hr@digid.nl');
});
afterAll(async () => t?.close());

let staffNumber = 0;
const row = (changes: DeliveryRow): DeliveryRow => ({
  bevoegd_gezag_nummer: board.number,
  personeelsnummer: `D${++staffNumber}`,
  voorletters: 'D.',
  achternaam: 'Digid',
  geboortedatum: '1980-01-01',
  instellingscode: school.brin,
  vestigingscode: school.location,
  functie: 'LERAAR',
  benoemingsgrondslag: 'BEVOEGD',
  begindatum: '2019-08-01',
  mutatie: 'NIEUW',
  ...changes,
});
const deliver = async (rows: DeliveryRow[]) => (await deliverAndApply(deliveries, hrActor, board.id, rows, 'mutaties')).delivery;

/** What the broker says about someone: the claims as the client makes them from the ID token, the BSN hashed and sealed there. */
const claims = (subject: string, email: string, number?: string): OidcClaims =>
  claimsOf({ iss: 'https://broker.example', sub: subject, email, email_verified: true, name: `Iemand ${subject}`, bsn: number }, 'bsn', crypto);

/** Signs in through the issuer as the app's callback does, and hands back the browser with the session. */
async function signIn(c: OidcClaims) {
  const result = await signInWithOidc(identity, { actor: anonymous }, c, false);
  if (result.outcome !== 'signed-in') throw new Error(`not signed in: ${result.outcome}`);
  const web = new WebSession(t.app);
  web.cookies.set(sessionCookie, result.sessionToken);
  return { web, bsn: result.bsn, accountId: result.accountId };
}

const linkEvents = (accountId: string) =>
  t.database.query<{ action: string; after: { via?: string; reason?: string } }>(
    `SELECT action, after FROM audit_events WHERE subject_account_id = $1 AND action LIKE 'person.%' ORDER BY id`,
    [accountId],
  );

describe('the BSN claim', () => {
  it('is kept only as the keyed hash a delivery makes, and sealed; a claim that is no BSN links nothing', () => {
    const given = claims('c1', 'c1@thuis.nl', bsn.eerst);
    expect(given.bsn?.hash).toBe(crypto.keyedHash(bsn.eerst));
    expect(crypto.open(given.bsn?.sealed ?? '')).toBe(bsn.eerst);
    expect(JSON.stringify(given)).not.toContain(bsn.eerst);
    expect(claims('c2', 'c2@thuis.nl', '123456789')).toMatchObject({ bsn: null, bsnRefused: true }); // fails the elfproef
    expect(claims('c3', 'c3@thuis.nl', '12345678')).toMatchObject({ bsn: null, bsnRefused: true });
    expect(claims('c4', 'c4@thuis.nl')).toMatchObject({ bsn: null, bsnRefused: false });
    // the claim's name is the broker's: configurable
    expect(claimsOf({ iss: 'x', sub: 'y', urn_nl_bsn: bsn.eerst }, 'urn_nl_bsn', crypto).bsn?.hash).toBe(crypto.keyedHash(bsn.eerst));
  });
});

describe('sign-in with a BSN', () => {
  it('links a new account to the delivered person with that BSN, whatever the addresses', async () => {
    await deliver([row({ bsn: bsn.eerst, achternaam: 'Eerst', email: 'd.eerst@school.nl' })]);
    const { web, bsn: outcome, accountId } = await signIn(claims('eerst', 'eerst@thuis.nl', bsn.eerst));
    expect(outcome).toBe('linked');
    const page = visibleText((await web.get('/mijn-register')).body);
    expect(page).toContain('Nog te controleren: 1.');
    expect(page).toContain('Voorletters D. Voornamen niet aangeleverd Tussenvoegsel niet aangeleverd Achternaam Eerst');
    expect(await linkEvents(accountId)).toEqual([{ action: 'person.linked', after: { via: 'bsn' } }]);
    // the account keeps the hash, never the number
    const [account] = await t.database.query<{ bsn_hash: string }>(`SELECT bsn_hash FROM accounts WHERE id = $1`, [accountId]);
    expect(account.bsn_hash).toBe(crypto.keyedHash(bsn.eerst));
  });

  it('links a later delivery with that BSN to the account at apply time', async () => {
    const { web, bsn: outcome, accountId } = await signIn(claims('later', 'later@thuis.nl', bsn.later));
    expect(outcome).toBe('unchanged');
    expect(visibleText((await web.get('/mijn-register')).body)).toContain('Er zijn (nog) geen gegevens van u aan uw account gekoppeld.');
    const delivery = await deliver([row({ bsn: bsn.later, achternaam: 'Later', email: 'd.later@school.nl' })]);
    expect(visibleText((await web.get('/mijn-register')).body)).toContain(
      'Voorletters D. Voornamen niet aangeleverd Tussenvoegsel niet aangeleverd Achternaam Later',
    );
    expect(await linkEvents(accountId)).toEqual([{ action: 'person.linked', after: { via: 'bsn', delivery: delivery.id } }]);
  });

  it('a person who enrolled without a delivery gets the BSN; a later delivery with it lands on that person, not a second one', async () => {
    const account = await createAccount(t.database, { email: 'zelf@thuis.nl', displayName: 'Zelf Zonder' });
    const web = await sessionFor(t.app, t.database, account.id);
    const form = { voorletters: 'Z.', tussenvoegsel: '', achternaam: 'Zelfstandig', geboortedatum: '02-02-1982' };
    await web.get('/mijn-register/inschrijving/gegevens');
    expect((await web.post('/mijn-register/inschrijving/gegevens', form)).statusCode).toBe(200);
    expect((await web.post('/mijn-register/inschrijving/gegevens', { ...form, stap: 'bevestigen' })).statusCode).toBe(303);
    const number = /Registernummer (\d{9})/.exec(visibleText((await web.get('/mijn-register')).body))?.[1];
    expect(number).toBeDefined();

    // DigiD linked to the account from Mijn account: the BSN goes to the person the account has
    const actor: AccountActor = {
      type: 'account',
      accountId: account.id,
      sessionId: 's',
      email: account.email,
      displayName: account.displayName,
      memberships: [],
      secondFactorDone: true,
    };
    expect(await signInWithOidc(identity, { actor }, claims('zelf', 'zelf@thuis.nl', bsn.zelf), true)).toEqual({
      outcome: 'identity-linked',
      bsn: 'unchanged',
    });
    expect(await linkEvents(account.id)).toContainEqual({ action: 'person.bsn-added', after: { via: 'oidc' } });

    await deliver([row({ bsn: bsn.zelf, voorletters: 'Z.J.', achternaam: 'Zelfstandig', geboortedatum: '1982-02-02', email: 'z.zelfstandig@school.nl' })]);
    expect(await t.database.query(`SELECT count(*)::int AS n FROM persons WHERE lower(surname) = 'zelfstandig'`)).toEqual([{ n: 1 }]);
    const page = visibleText((await web.get('/mijn-register')).body);
    expect(page).toContain(`Registernummer ${number}`);
    expect(page).toContain('Nog te controleren: 1.');
    expect(page).toContain('Uw gegevens zoals aangeleverd');
    expect(page).toContain('Voorletters Z.J. Voornamen niet aangeleverd Tussenvoegsel niet aangeleverd Achternaam Zelfstandig');
  });
});

describe('never links what is someone else’s', () => {
  it('a person with the BSN who has another account stays theirs; the professional is told to contact the register', async () => {
    await deliver([row({ bsn: bsn.bezet, achternaam: 'Bezet', email: 'bezet@school.nl' })]);
    const owner = await createAccount(t.database, { email: 'bezet@school.nl' });
    await sessionFor(t.app, t.database, owner.id).then((web) => web.get('/mijn-register')); // linked by the confirmed address
    const { web, bsn: outcome, accountId } = await signIn(claims('bezet', 'indringer@thuis.nl', bsn.bezet));
    expect(outcome).toBe('person-of-other-account');
    expect(visibleText((await web.get('/mijn-register')).body)).not.toContain('Bezet');
    expect(await linkEvents(accountId)).toEqual([{ action: 'person.link-refused', after: { via: 'bsn', reason: 'person-of-other-account' } }]);
    const notice = visibleText((await web.get('/mijn-register?melding=bsn-bezet')).body);
    expect(notice).toContain('De gegevens die bij uw BSN horen, zijn al aan een ander account gekoppeld.');
  });

  it('a second account with the same BSN gets nothing by it', async () => {
    const { bsn: outcome, accountId } = await signIn(claims('tweede', 'tweede@thuis.nl', bsn.eerst));
    expect(outcome).toBe('bsn-on-other-account');
    expect(await t.database.query(`SELECT bsn_hash FROM accounts WHERE id = $1`, [accountId])).toEqual([{ bsn_hash: null }]);
  });

  it('an account whose person was delivered with another BSN is not moved to the one it signs in with', async () => {
    await deliver([
      row({ bsn: bsn.verschil, achternaam: 'Verschil', email: 'verschil@school.nl' }),
      row({ bsn: bsn.anders, achternaam: 'Anders', email: 'anders@school.nl' }),
    ]);
    const account = await createAccount(t.database, { email: 'verschil@school.nl' });
    await sessionFor(t.app, t.database, account.id).then((web) => web.get('/mijn-register'));
    const actor: AccountActor = {
      type: 'account',
      accountId: account.id,
      sessionId: 's',
      email: account.email,
      displayName: account.displayName,
      memberships: [],
      secondFactorDone: true,
    };
    const result = await signInWithOidc(identity, { actor }, claims('verschil', 'verschil@school.nl', bsn.anders), true);
    expect(result.bsn).toBe('bsn-differs');
    const [anders] = await t.database.query<{ account_id: string | null }>(`SELECT account_id FROM persons WHERE surname = 'Anders'`);
    expect(anders.account_id).toBeNull();
    expect(await auditRows(t.database, 'person.link-refused')).toContainEqual(expect.objectContaining({ subject_account_id: account.id }));
  });
});
