import fastifyCookie from '@fastify/cookie';
import Fastify, { type LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { auditRows, sessionFor, signInAndEnrolTotp } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText } from '../../../tests/support/web-session.ts';
import { createApiToken } from '../../platform/auth/api-tokens.ts';
import { registerNumberFor } from '../register/index.ts';
import { registerOfficeId, type OrganisationRef } from '../../platform/auth/roles.ts';
import { sessionCookie, startSession } from '../../platform/auth/sessions.ts';
import { hashToken } from '../../platform/crypto.ts';
import { accessControl, MissingAccessRuleError } from '../../web/access.ts';
import { rateLimiting } from '../../web/rate-limit.ts';
import { csrfCookie } from '../../web/csrf.ts';

/**
 * The authorisation matrix: every registered route (app.registeredRoutes), called as every kind of
 * actor, with the outcome each must get (`expected`), and how to call it (`calls`). A route missing
 * from the tables fails the test: a new route gets its row here.
 *
 * Parameters are filled with board A's ids; cross-organisation cases (A on B) follow the matrix.
 * Every account call runs on a fresh session, so routes that sign out or revoke do not disturb the
 * next cell; POSTs carry a valid CSRF token (refusal without one is checked separately below).
 */

// ─── the actors ──────────────────────────────────────────────────────────────────────────────────
const actorNames = [
  'anon',
  'pro',
  'adminA',
  'staffA',
  'adminB',
  'register',
  'register2fa',
  'tokenA',
  'tokenB',
  'officeA',
  'officeB',
  'officeTokenA',
  'officeTokenB',
] as const;
const tokenActors: readonly ActorName[] = ['tokenA', 'tokenB', 'officeTokenA', 'officeTokenB'];
type ActorName = (typeof actorNames)[number];
/*
 * anon         nobody signed in
 * pro          a professional with an account and no role
 * adminA       board-admin at board A          staffA   board-staff at board A
 * adminB       board-admin at board B
 * register     register staff, second factor (TOTP) given
 * register2fa  the same register staff member on a session that has not given the code yet
 * tokenA       a machine token of board A, scope lezen      tokenB  a token of board B, scope aanleveren
 *              (a bearer token counts on /api/ only: on pages its caller is anonymous)
 * officeA      office-admin of administratiekantoor KA, which board A authorises (decision 022)
 * officeB      office-admin of administratiekantoor KB, which board B authorises (and A does not)
 * officeTokenA a token of KA, scope aanleveren                officeTokenB  a token of KB, scope aanleveren
 *              An office is allowed on board A's delivery routes only through A's machtiging, and sees
 *              only its own deliveries: board A's deliveries below were made by KA.
 */

// ─── outcomes ────────────────────────────────────────────────────────────────────────────────────
/**
 * A status code, or for 303: `sign-in` (to /inloggen with the way back), `2nd-step` (to the TOTP
 * code first) or `→/path` (any other redirect; ids in the path read `:id`).
 */
type Outcome = number | 'sign-in' | '2nd-step' | `→/${string}`;
const SIGN_IN = 'sign-in' as const;
const STEP = '2nd-step' as const;

const row = (...outcomes: Outcome[]): Record<ActorName, Outcome> => {
  if (outcomes.length !== actorNames.length) throw new Error(`a row has ${actorNames.length} outcomes, not ${outcomes.length}`);
  return Object.fromEntries(actorNames.map((a, i) => [a, outcomes[i]])) as Record<ActorName, Outcome>;
};

// ids, filled in beforeAll
let t: TestApp;
let boardA: { id: string; number: string; name: string };
let boardB: { id: string; number: string; name: string };
let ids: Record<'pro' | 'adminA' | 'staffA' | 'adminB' | 'register' | 'officeA' | 'officeB', string>;
let offices: { KA: string; KB: string };
let staffAMembership: string;
let tokenSecrets: Record<'tokenA' | 'tokenB' | 'officeTokenA' | 'officeTokenB', string>;
let invitationToken: string;
let tokenOfAToRevoke: string;
let deliveryOfA: string;
let screenDeliveryOfA: string;
let deliveryToApply: string;
let deliveryToCancel: string;
let employmentOfPro: string;
const A = () => `/beheer/bestuur/${boardA.id}`;

/** For cells that change something: a fresh colleague at board A to revoke, a fresh token of A to revoke. */
async function freshMemberOfA(): Promise<string> {
  const account = await createAccount(t.database, {
    email: `collega-${crypto.randomUUID()}@bestuur-a.nl`,
    roles: [{ role: 'board-staff', organisation: { kind: 'bestuur', id: boardA.id } }],
  });
  const [m] = await t.database.query<{ id: string }>('SELECT id FROM memberships WHERE account_id = $1', [account.id]);
  return m.id;
}
async function freshTokenOfA(): Promise<string> {
  const { row: token } = await createApiToken(t.database.db, {
    organisation: { kind: 'bestuur', id: boardA.id },
    name: 'Wegwerp',
    scopes: ['lezen'],
    expiresAt: inDays(30),
    createdBy: null,
  });
  return token.id;
}
/** A fresh person of board A that no account has (an activation letter's subject). */
async function freshPersonOfA(): Promise<string> {
  const [person, employment] = [crypto.randomUUID(), crypto.randomUUID()];
  await t.database.query(`INSERT INTO persons (id, initials, surname, birth_date) VALUES ($1, 'Z.', 'Zonder', '1980-01-01')`, [person]);
  await t.database.query(
    `INSERT INTO employments (id, person_id, board_id, school_id, staff_number, employment_key, function, start_date)
     SELECT $1, $2, $3, id, $4, $4, 'LERAAR', '2020-08-01' FROM schools WHERE board_id = $3 ORDER BY brin LIMIT 1`,
    [employment, person, boardA.id, `Z-${employment}`],
  );
  return person;
}

/** An employment of board A for a fresh person, disputed by them: for each call that answers one. */
async function freshDisputeOfA(): Promise<string> {
  const [person, employment, dispute] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
  await t.database.query(`INSERT INTO persons (id, initials, surname, birth_date) VALUES ($1, 'B.', 'Betwist', '1980-01-01')`, [person]);
  await t.database.query(
    `INSERT INTO employments (id, person_id, board_id, school_id, staff_number, employment_key, function, start_date, approval_status)
     SELECT $1, $2, $3, id, $4, $4, 'LERAAR', '2020-08-01', 'betwist' FROM schools WHERE board_id = $3 ORDER BY brin LIMIT 1`,
    [employment, person, boardA.id, `B-${employment}`],
  );
  await t.database.query(`INSERT INTO employment_disputes (id, employment_id, person_id, board_id, comment) VALUES ($1, $2, $3, $4, 'Klopt niet.')`, [
    dispute,
    employment,
    person,
    boardA.id,
  ]);
  return dispute;
}
const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000);
/** A fresh administratiekantoor, authorised by `authorisedBy` when given: for each call that authorises or withdraws one. */
let freshOffices = 0;
async function freshOffice(authorisedBy?: string): Promise<string> {
  const kvk = String(30_000_000 + ++freshOffices);
  const [{ id }] = await t.database.query<{ id: string }>(`INSERT INTO administration_offices (name, kvk_number) VALUES ('Wegwerpkantoor', $1) RETURNING id`, [
    kvk,
  ]);
  if (authorisedBy) await t.database.query(`INSERT INTO office_mandates (board_id, office_id) VALUES ($1, $2)`, [authorisedBy, id]);
  return id;
}
/** An offering board A submitted, waiting for the commission (made once, at its first call). */
let offeringOfAId: string | undefined;
async function offeringOfA(): Promise<string> {
  if (offeringOfAId) return offeringOfAId;
  offeringOfAId = crypto.randomUUID();
  await t.database.query(
    `INSERT INTO offerings (id, organisation_kind, organisation_id, organisation_name, title, description, learning_goals, activity_kind, format, themes,
       study_load_hours, price_cents, contact_name, contact_email, status, submitted_by_label)
     VALUES ($1, 'bestuur', $2, $3, 'Studiedag rekenen', 'Een studiedag over rekenonderwijs voor het hele team.', 'Rekenen beter uitleggen.', 'studiedag', 'klassikaal',
       '{"Omgaan met verschillen"}', 6, 0, 'Anton Admin A', 'admin@bestuur-a.nl', 'ingediend', 'Anton Admin A')`,
    [offeringOfAId, boardA.id, boardA.name],
  );
  return offeringOfAId;
}
const dateIn = (days: number) => inDays(days).toISOString().slice(0, 10);
/** An event of the register office, three weeks ahead (made once, at its first call). */
let eventId: string | undefined;
async function eventOfRegister(): Promise<string> {
  if (eventId) return eventId;
  eventId = crypto.randomUUID();
  await t.database.query(
    `INSERT INTO events (id, kind, title, description, audience, starts_at, ends_at, online, place, capacity, created_by_label)
     VALUES ($1, 'voorlichting', 'Voorlichting koplopers', 'Wat het register vraagt.', '{schoolleider}', $2, $3, false, 'Utrecht', 10, 'Test')`,
    [eventId, inDays(21).toISOString(), new Date(inDays(21).getTime() + 3_600_000).toISOString()],
  );
  return eventId;
}

/** An exploratory conversation (verkennend gesprek) of the register office, without registrants: the one kind that has groups. */
let conversationId: string | undefined;
async function conversationOfRegister(): Promise<string> {
  if (conversationId) return conversationId;
  conversationId = crypto.randomUUID();
  await t.database.query(
    `INSERT INTO events (id, kind, title, description, audience, starts_at, ends_at, online, place, capacity, created_by_label)
     VALUES ($1, 'verkennend-gesprek', 'Verkennend gesprek', 'In groepen.', '{schoolleider}', $2, $3, false, 'Utrecht', 40, 'Test')`,
    [conversationId, inDays(35).toISOString(), new Date(inDays(35).getTime() + 3_600_000).toISOString()],
  );
  return conversationId;
}

/** A koploper of one of board A's schools, and a supplier (made once, at its first call); fresh ones at other schools. */
let koploperOfAIds: { id: string; reference: string; supplier: string } | undefined;
let freshKoplopers = 0;
async function insertKoploperOfA(n: number): Promise<{ id: string; reference: string }> {
  const [id, reference] = [crypto.randomUUID(), `matrix${String(n).padStart(26, '0')}`];
  // one koploper per school: board A's first school, then any school that has none yet
  const [school] = await t.database.query<{ id: string; boardId: string }>(
    `SELECT s.id, s.board_id AS "boardId" FROM schools s WHERE NOT EXISTS (SELECT 1 FROM koplopers k WHERE k.school_id = s.id) ORDER BY s.board_id = $1 DESC, s.brin LIMIT 1`,
    [boardA.id],
  );
  await t.database.query(
    `INSERT INTO koplopers (id, reference, board_id, school_id, school_name, contact_name, contact_email, teachers, delivery_method, grondslagen_mapped, estimate_version, estimate)
     VALUES ($1, $2, $3, $4, 'Matrixschool', 'Mia Matrix', 'mia@school.nl', 12, 'bestand', true, 1, '{"lines":[{"factor":"base","hours":4}],"totalHours":4}')`,
    [id, reference, school.boardId, school.id],
  );
  return { id, reference };
}
async function koploperOfA() {
  if (koploperOfAIds) return koploperOfAIds;
  const supplier = crypto.randomUUID();
  await t.database.query(`INSERT INTO software_suppliers (id, name) VALUES ($1, 'Matrixsoft')`, [supplier]);
  koploperOfAIds = { ...(await insertKoploperOfA(0)), supplier };
  return koploperOfAIds;
}
async function freshKoploperOfA(): Promise<string> {
  return (await insertKoploperOfA(++freshKoplopers)).id;
}

// ─── the matrix: what each actor gets ────────────────────────────────────────────────────────────
const ACCOUNT = '→/account' as const; // the authenticator app is linked already: back to the account page
const START = '→/start' as const; // already signed in: on to the start page
const ENROL = '→/account/tweestapsverificatie' as const; // no authenticator app linked yet
const CODE = '→/inloggen/tweede-stap' as const; // the app is linked: give the code
const TRAIL = '→/beheer/accounts/:id/logboek' as const;
const MEMBERS = '→/beheer/bestuur/:id/leden' as const;
const OWN = '→/mijn-register' as const;
const DISPUTES = '→/beheer/bestuur/:id/betwistingen' as const;
const REGISTER = '→/beheer/registers/schoolleidersregister-po' as const;
const FRAMEWORK = '→/beheer/referentiekader' as const;
const QUALITY_FRAMEWORK = '→/beheer/kwaliteitskader' as const;
const INSIGHT = '→/mijn-register/inzage' as const;
const PROGRESS = '→/beheer/bestuur/:id/voortgang' as const;
const NOTICES = '→/beheer/bestuur/:id/meldingen' as const;
const REGISTER_LERAREN = '→/beheer/registers/lerarenregister' as const;
const RUNS = '→/beheer/bestuur/:id/aanbod/:id/uitvoeringen' as const;
const KOPLOPERS = '→/beheer/koplopers' as const;
const KOPLOPER = '→/beheer/koplopers/:id' as const;
const ATTENDANCE = '→/beheer/bijeenkomsten/:id/aanwezigheid' as const;

// biome-ignore format: a table reads best one route a line
const expected: Record<string, Record<ActorName, Outcome>> = {
  // public pages, the public part of the API, service endpoints
  //                                                       anon     pro      adminA   staffA   adminB   register  register2fa  tokenA   tokenB   officeA  officeB  officeTokenA officeTokenB
  'GET /': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /toegankelijkheid': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  // the component gallery: outside production only, and for register staff (pages.db.test.ts: 404 in production)
  'GET /ontwikkeling/componenten': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'GET /health': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  // a redirect to /static/favicon.svg
  'GET /favicon.ico': row(301, 301, 301, 301, 301, 301, 301, 301, 301, 301, 301, 301, 301),
  // off without METRICS_TOKEN; with one, only its bearer reads it (pages.db.test.ts)
  'GET /metrics': row(404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  'GET /organisaties': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /organisaties/:id': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /api/v1/openapi.json': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /api/v1/organisaties': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /api/v1/organisaties/:id': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /register': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /register/:registernummer': row(404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  'GET /api/v1/registraties': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  // a valid register number nobody has
  'GET /api/v1/registraties/:registernummer': row(404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404),

  // signing in and the mailed links: public (posted empty or with a bad link: 400 for anyone)
  //                                                       anon     pro      adminA   staffA   adminB   register  register2fa  tokenA   tokenB   officeA  officeB  officeTokenA officeTokenB
  'GET /inloggen': row(200, START, START, START, START, START, 200, 200, 200, START, START, 200, 200),
  'POST /inloggen': row(400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400),
  'GET /account/aanmaken': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'POST /account/aanmaken': row(400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400),
  'GET /account/bevestigen': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'POST /account/bevestigen': row(400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400),
  'GET /account/deblokkeren': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'POST /account/deblokkeren': row(400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400),
  'GET /wachtwoord-vergeten': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'POST /wachtwoord-vergeten': row(400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400),
  'GET /wachtwoord-herstellen': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'POST /wachtwoord-herstellen': row(400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400),
  'POST /uitloggen': row('→/', '→/', '→/', '→/', '→/', '→/', '→/', '→/', '→/', '→/', '→/', '→/', '→/'),

  // the OIDC issuer of this app is unreachable: starting is a 503, a callback without its cookie a 400
  //                                                       anon     pro      adminA   staffA   adminB   register  register2fa  tokenA   tokenB   officeA  officeB  officeTokenA officeTokenB
  'GET /inloggen/oidc': row(503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503),
  'GET /inloggen/oidc/terug': row(400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400),

  // the second factor: open to an account that has only given its password
  //                                                       anon     pro      adminA   staffA   adminB   register  register2fa  tokenA   tokenB   officeA  officeB  officeTokenA officeTokenB
  'GET /inloggen/tweede-stap': row(SIGN_IN, ENROL, ENROL, ENROL, ENROL, 200, 200, SIGN_IN, SIGN_IN, ENROL, ENROL, SIGN_IN, SIGN_IN),
  'POST /inloggen/tweede-stap': row(401, 400, 400, 400, 400, 400, 400, 401, 401, 400, 400, 401, 401),
  'GET /account/tweestapsverificatie': row(SIGN_IN, 200, 200, 200, 200, ACCOUNT, CODE, SIGN_IN, SIGN_IN, 200, 200, SIGN_IN, SIGN_IN),
  'POST /account/tweestapsverificatie': row(401, 400, 400, 400, 400, ENROL, ENROL, 401, 401, 400, 400, 401, 401),
  'POST /account/overal-uitloggen': row(401, 200, 200, 200, 200, 200, 200, 401, 401, 200, 200, 401, 401),

  // the own account and data; the start page every sign-in lands on (issue 20)
  //                                                       anon     pro      adminA   staffA   adminB   register  register2fa  tokenA   tokenB   officeA  officeB  officeTokenA officeTokenB
  'GET /start': row(SIGN_IN, 200, 200, 200, 200, 200, STEP, SIGN_IN, SIGN_IN, 200, 200, SIGN_IN, SIGN_IN),
  'GET /account': row(SIGN_IN, 200, 200, 200, 200, 200, STEP, SIGN_IN, SIGN_IN, 200, 200, SIGN_IN, SIGN_IN),
  'GET /mijn-gegevens/inzage': row(SIGN_IN, 200, 200, 200, 200, 200, STEP, SIGN_IN, SIGN_IN, 200, 200, SIGN_IN, SIGN_IN),
  'GET /mijn-gegevens/download': row(SIGN_IN, 200, 200, 200, 200, 200, STEP, SIGN_IN, SIGN_IN, 200, 200, SIGN_IN, SIGN_IN),
  'GET /mijn-gegevens/overzicht': row(SIGN_IN, 200, 200, 200, 200, 200, STEP, SIGN_IN, SIGN_IN, 200, 200, SIGN_IN, SIGN_IN),
  'GET /mijn-register': row(SIGN_IN, 200, 200, 200, 200, 200, STEP, SIGN_IN, SIGN_IN, 200, 200, SIGN_IN, SIGN_IN),
  // an employment board A delivered for the professional: theirs to approve or dispute, "not found" to anyone else
  'POST /mijn-register/dienstverbanden/:id/akkoord': row(401, OWN, 404, 404, 404, 404, 401, 401, 401, 404, 404, 401, 401),
  // diplomas: everyone signed in has a list (maybe empty); a form post is no upload (400); no proof has this id
  'GET /mijn-register/diplomas': row(SIGN_IN, 200, 200, 200, 200, 200, STEP, SIGN_IN, SIGN_IN, 200, 200, SIGN_IN, SIGN_IN),
  'POST /mijn-register/diplomas': row(401, 400, 400, 400, 400, 400, 401, 401, 401, 400, 400, 401, 401),
  'GET /mijn-register/diplomas/:id/bestand': row(SIGN_IN, 404, 404, 404, 404, 404, STEP, SIGN_IN, SIGN_IN, 404, 404, SIGN_IN, SIGN_IN),
  // inschrijving: the professional has a delivered employment; the others have none (409)
  'POST /mijn-register/inschrijving': row(401, OWN, 409, 409, 409, 409, 401, 401, 401, 409, 409, 401, 401),
  // enrolment without a delivery: the professional has a person already (to Mijn register, 409); the others
  // may, and an empty form is refused at its fields (400)
  'GET /mijn-register/inschrijving/gegevens': row(SIGN_IN, OWN, 200, 200, 200, 200, STEP, SIGN_IN, SIGN_IN, 200, 200, SIGN_IN, SIGN_IN),
  'POST /mijn-register/inschrijving/gegevens': row(401, 409, 400, 400, 400, 400, 401, 401, 401, 400, 400, 401, 401),
  // registration: the professional (enrolled just above) posts an empty form (400); the others are not enrolled (409)
  // a personal address: the professional has a delivered record (303); the others have none (409)
  'POST /mijn-register/email': row(401, OWN, 409, 409, 409, 409, 401, 401, 401, 409, 409, 401, 401),
  'GET /mijn-register/registratie': row(SIGN_IN, 200, 200, 200, 200, 200, STEP, SIGN_IN, SIGN_IN, 200, 200, SIGN_IN, SIGN_IN),
  // the dossier: every account has one page (the enrolled professional an empty form posted is a 400; the rest is told to enrol);
  // no activity has this id
  'GET /mijn-register/dossier': row(SIGN_IN, 200, 200, 200, 200, 200, STEP, SIGN_IN, SIGN_IN, 200, 200, SIGN_IN, SIGN_IN),
  'POST /mijn-register/dossier': row(401, 400, 400, 400, 400, 400, 401, 401, 401, 400, 400, 401, 401),
  'GET /mijn-register/dossier/:id': row(SIGN_IN, 404, 404, 404, 404, 404, STEP, SIGN_IN, SIGN_IN, 404, 404, SIGN_IN, SIGN_IN),
  'POST /mijn-register/dossier/:id': row(401, 404, 404, 404, 404, 404, 401, 401, 401, 404, 404, 401, 401),
  'POST /mijn-register/dossier/:id/verwijderen': row(401, 404, 404, 404, 404, 404, 401, 401, 401, 404, 404, 401, 401),
  'POST /mijn-register/registratie': row(401, 400, 409, 409, 409, 409, 401, 401, 401, 409, 409, 401, 401),
  'POST /mijn-register/registratie/:id/bezwaar': row(401, 404, 404, 404, 404, 404, 401, 401, 401, 404, 404, 401, 401),
  'GET /mijn-register/registratie/:id/bewijs.pdf': row(SIGN_IN, 404, 404, 404, 404, 404, STEP, SIGN_IN, SIGN_IN, 404, 404, SIGN_IN, SIGN_IN),
  'GET /mijn-register/dienstverbanden/:id/betwisten': row(SIGN_IN, 200, 404, 404, 404, 404, STEP, SIGN_IN, SIGN_IN, 404, 404, SIGN_IN, SIGN_IN),
  'POST /mijn-register/dienstverbanden/:id/betwisten': row(401, OWN, 404, 404, 404, 404, 401, 401, 401, 404, 404, 401, 401),
  // the person data: checked and disputed as a block of its own; only someone a board delivered has it (409 for the rest)
  'POST /mijn-register/persoonsgegevens/akkoord': row(401, OWN, 409, 409, 409, 409, 401, 401, 401, 409, 409, 401, 401),
  'GET /mijn-register/persoonsgegevens/betwisten': row(SIGN_IN, 200, 409, 409, 409, 409, STEP, SIGN_IN, SIGN_IN, 409, 409, SIGN_IN, SIGN_IN),
  'POST /mijn-register/persoonsgegevens/betwisten': row(401, OWN, 409, 409, 409, 409, 401, 401, 401, 409, 409, 401, 401),

  // an open invitation to board A for an address none of them has: anyone may read it, nobody here may take it
  //                                                       anon     pro      adminA   staffA   adminB   register  register2fa  tokenA   tokenB   officeA  officeB  officeTokenA officeTokenB
  'GET /uitnodiging': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'POST /uitnodiging': row(401, 403, 403, 403, 403, 403, 401, 401, 401, 403, 403, 401, 401),

  // board A's staff and tokens
  //                                                       anon     pro      adminA   staffA   adminB   register  register2fa  tokenA   tokenB   officeA  officeB  officeTokenA officeTokenB
  'GET /beheer/:soort/:id/leden': row(SIGN_IN, 403, 200, 200, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/:soort/:id/uitnodigingen': row(401, 403, 200, 403, 403, 200, 401, 401, 401, 403, 403, 401, 401),
  'GET /beheer/:soort/:id/leden/:lidId/intrekken': row(SIGN_IN, 403, 200, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/:soort/:id/leden/:lidId/intrekken': row(401, 403, 200, 403, 403, 200, 401, 401, 401, 403, 403, 401, 401),
  'GET /beheer/:soort/:id/tokens': row(SIGN_IN, 403, 200, 403, 403, 403, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/:soort/:id/tokens': row(401, 403, 201, 403, 403, 403, 401, 401, 401, 403, 403, 401, 401),
  'GET /beheer/:soort/:id/tokens/:tokenId/intrekken': row(SIGN_IN, 403, 200, 403, 403, 403, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/:soort/:id/tokens/:tokenId/intrekken': row(401, 403, 200, 403, 403, 403, 401, 401, 401, 403, 403, 401, 401),

  // board A's deliveries: its staff, and KA's admin through A's machtiging (these deliveries are KA's); others get
  // "not found" for a delivery (its id reveals nothing), KB's admin too; a plain form post is no upload (400);
  // applying and cancelling each have a checked delivery of their own
  //                                                       anon     pro      adminA   staffA   adminB   register  register2fa  tokenA   tokenB   officeA  officeB  officeTokenA officeTokenB
  'GET /beheer/bestuur/:id/aanleveringen': row(SIGN_IN, 403, 200, 200, 403, 403, STEP, SIGN_IN, SIGN_IN, 200, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/bestuur/:id/aanleveringen': row(401, 403, 400, 400, 403, 403, 401, 401, 401, 400, 403, 401, 401),
  'GET /beheer/bestuur/:id/aanleveringen/:aanleveringId': row(SIGN_IN, 404, 200, 200, 404, 404, STEP, SIGN_IN, SIGN_IN, 200, 404, SIGN_IN, SIGN_IN),
  'GET /beheer/bestuur/:id/aanleveringen/:aanleveringId/terugmelding.csv': row(SIGN_IN, 404, 200, 200, 404, 404, STEP, SIGN_IN, SIGN_IN, 200, 404, SIGN_IN, SIGN_IN),
  'POST /beheer/bestuur/:id/aanleveringen/:aanleveringId/verwerken': row(401, 404, 200, 200, 404, 404, 401, 401, 401, 200, 404, 401, 401),
  'POST /beheer/bestuur/:id/aanleveringen/:aanleveringId/annuleren': row(401, 404, 200, 200, 404, 404, 401, 401, 401, 200, 404, 401, 401),

  // board A's entry screen: one row as a delivery, so whoever delivers a file for A; an empty form is refused by the checks (400)
  //                                                       anon     pro      adminA   staffA   adminB   register  register2fa  tokenA   tokenB
  'GET /beheer/bestuur/:id/invoer': row(SIGN_IN, 403, 200, 200, 403, 403, STEP, SIGN_IN, SIGN_IN, 200, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/bestuur/:id/invoer': row(401, 403, 400, 400, 403, 403, 401, 401, 401, 400, 403, 401, 401),
  'POST /beheer/bestuur/:id/invoer/versturen': row(401, 403, 400, 400, 403, 403, 401, 401, 401, 400, 403, 401, 401),
  'GET /beheer/bestuur/:id/invoer/:aanleveringId': row(SIGN_IN, 404, 200, 200, 404, 404, STEP, SIGN_IN, SIGN_IN, 404, 404, SIGN_IN, SIGN_IN),

  // the disputes of board A's staff: its staff read and answer them (a fresh dispute each call), register staff only read
  //                                                       anon     pro      adminA   staffA   adminB   register  register2fa  tokenA   tokenB   officeA  officeB  officeTokenA officeTokenB
  'GET /beheer/bestuur/:id/betwistingen': row(SIGN_IN, 403, 200, 200, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'GET /beheer/bestuur/:id/personeel': row(SIGN_IN, 403, 200, 200, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'GET /beheer/bestuur/:id/personeel.csv': row(SIGN_IN, 403, 200, 200, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'GET /beheer/bestuur/:id/betwistingen/:betwistingId': row(SIGN_IN, 403, 200, 200, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/bestuur/:id/betwistingen/:betwistingId': row(401, 403, DISPUTES, DISPUTES, 403, 403, 401, 401, 401, 403, 403, 401, 401),
  // a dispute's proof: the board's own staff only, not register staff reading along (this dispute has none: 404 once allowed)
  'GET /beheer/bestuur/:id/betwistingen/:betwistingId/bewijs': row(SIGN_IN, 403, 404, 404, 403, 403, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),

  // the register office's tools
  //                                                       anon     pro      adminA   staffA   adminB   register  register2fa  tokenA   tokenB   officeA  officeB  officeTokenA officeTokenB
  // Beheer: whoever holds a role in an organisation (issue 20); a professional without one has nothing to manage
  'GET /beheer': row(SIGN_IN, 403, 200, 200, 200, 200, STEP, SIGN_IN, SIGN_IN, 200, 200, SIGN_IN, SIGN_IN),
  'GET /beheer/accounts': row(SIGN_IN, 403, 403, 403, 403, TRAIL, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'GET /beheer/accounts/:id/logboek': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'GET /beheer/besturen': row(SIGN_IN, 403, 403, 403, 403, MEMBERS, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'GET /beheer/uitgaande-mail': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'GET /beheer/aanleveringen': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'GET /beheer/dubbelen': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  // registration applications: register staff assign, commission members decide; no application has this id
  'GET /beheer/aanvragen': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/aanvragen/:id/toewijzing': row(401, 403, 403, 403, 403, 404, 401, 401, 401, 403, 403, 401, 401),
  'GET /beheer/aanvragen/:id': row(SIGN_IN, 404, 404, 404, 404, 404, STEP, SIGN_IN, SIGN_IN, 404, 404, SIGN_IN, SIGN_IN),
  'POST /beheer/aanvragen/:id/besluit': row(401, 403, 403, 403, 403, 403, 401, 401, 401, 403, 403, 401, 401),
  'GET /beheer/aanvragen/:id/bewijs/:bewijsId': row(SIGN_IN, 404, 404, 404, 404, 404, STEP, SIGN_IN, SIGN_IN, 404, 404, SIGN_IN, SIGN_IN),
  // enrolments: register staff find, strike off and reinstate; no enrolment has this register number
  'GET /beheer/inschrijvingen': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'GET /beheer/inschrijvingen/:registernummer': row(SIGN_IN, 403, 403, 403, 403, 404, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/inschrijvingen/:registernummer/doorhalen': row(401, 403, 403, 403, 403, 404, 401, 401, 401, 403, 403, 401, 401),
  'POST /beheer/inschrijvingen/:registernummer/herstellen': row(401, 403, 403, 403, 403, 404, 401, 401, 401, 403, 403, 401, 401),
  // the enrolment's account (decision 021): register staff link and unlink, with a reason; no enrolment has this number
  'GET /beheer/inschrijvingen/:registernummer/ontkoppelen': row(SIGN_IN, 403, 403, 403, 403, 404, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/inschrijvingen/:registernummer/ontkoppelen': row(401, 403, 403, 403, 403, 404, 401, 401, 401, 403, 403, 401, 401),
  'GET /beheer/inschrijvingen/:registernummer/koppelen': row(SIGN_IN, 403, 403, 403, 403, 404, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/inschrijvingen/:registernummer/koppelen': row(401, 403, 403, 403, 403, 404, 401, 401, 401, 403, 403, 401, 401),
  'GET /beheer/registers': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'GET /beheer/registers/:code': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  // a new version of the Schoolleidersregister's rules, made on version 1: register staff only
  'POST /beheer/registers/:code': row(401, 403, 403, 403, 403, REGISTER, 401, 401, 401, 403, 403, 401, 401),
  // no open task with this id: register staff get "not found", the rest never get that far
  'GET /beheer/dubbelen/:taakId/samenvoegen': row(SIGN_IN, 403, 403, 403, 403, 404, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/dubbelen/:taakId': row(401, 403, 403, 403, 403, 404, 401, 401, 401, 403, 403, 401, 401),

  // ── issue 6: accreditation (rows added by that slice) ──
  // providers: register staff only (an empty form is a 400)
  //                                                       anon     pro      adminA   staffA   adminB   register  register2fa  tokenA   tokenB   officeA  officeB  officeTokenA officeTokenB
  'GET /beheer/aanbieders': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/aanbieders': row(401, 403, 403, 403, 403, 400, 401, 401, 401, 403, 403, 401, 401),
  // board A's offerings: its admin and staff submit them (an empty form is a 400); B's admin and register staff are refused;
  // an offering of A waiting for the commission: answering it is a 409 (nothing was asked), withdrawing it unconfirmed a 400
  'GET /beheer/:soort/:id/aanbod': row(SIGN_IN, 403, 200, 200, 403, 403, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'GET /beheer/:soort/:id/aanbod/nieuw': row(SIGN_IN, 403, 200, 200, 403, 403, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/:soort/:id/aanbod': row(401, 403, 400, 400, 403, 403, 401, 401, 401, 403, 403, 401, 401),
  'GET /beheer/:soort/:id/aanbod/:aanbodId': row(SIGN_IN, 403, 200, 200, 403, 403, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/:soort/:id/aanbod/:aanbodId/antwoord': row(401, 403, 409, 409, 403, 403, 401, 401, 401, 403, 403, 401, 401),
  'POST /beheer/:soort/:id/aanbod/:aanbodId/intrekken': row(401, 403, 400, 400, 403, 403, 401, 401, 401, 403, 403, 401, 401),
  // the Commissie Accreditatie: register staff read and assign (to nobody in the commission: 400); only its members review,
  // and the matrix has none
  'GET /beheer/accreditatie': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/accreditatie/:aanbodId/toewijzing': row(401, 403, 403, 403, 403, 400, 401, 401, 401, 403, 403, 401, 401),
  'GET /beheer/accreditatie/:aanbodId': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/accreditatie/:aanbodId/informatie': row(401, 403, 403, 403, 403, 403, 401, 401, 401, 403, 403, 401, 401),
  'POST /beheer/accreditatie/:aanbodId/besluit': row(401, 403, 403, 403, 403, 403, 401, 401, 401, 403, 403, 401, 401),
  // ── issue 6: catalogue and attendance (rows added by that slice) ──
  // board A's accredited offering with a run of two days ago and one next month (catalogueOfA): its admin and staff add runs
  // (a valid form: back to the list), cancel a fresh run (confirmed), read and record attendance (a number nobody has: the
  // report, 200; a form post to the file upload is no file: 400); B's admin, register staff and the professional are refused
  //                                                       anon     pro      adminA   staffA   adminB   register  register2fa  tokenA   tokenB   officeA  officeB  officeTokenA officeTokenB
  'GET /beheer/:soort/:id/aanbod/:aanbodId/uitvoeringen': row(SIGN_IN, 403, 200, 200, 403, 403, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/:soort/:id/aanbod/:aanbodId/uitvoeringen': row(401, 403, RUNS, RUNS, 403, 403, 401, 401, 401, 403, 403, 401, 401),
  'GET /beheer/:soort/:id/aanbod/:aanbodId/uitvoeringen/:uitvoeringId/annuleren': row(SIGN_IN, 403, 200, 200, 403, 403, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/:soort/:id/aanbod/:aanbodId/uitvoeringen/:uitvoeringId/annuleren': row(401, 403, RUNS, RUNS, 403, 403, 401, 401, 401, 403, 403, 401, 401),
  'GET /beheer/:soort/:id/aanbod/:aanbodId/uitvoeringen/:uitvoeringId/presentie': row(SIGN_IN, 403, 200, 200, 403, 403, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/:soort/:id/aanbod/:aanbodId/uitvoeringen/:uitvoeringId/presentie': row(401, 403, 200, 200, 403, 403, 401, 401, 401, 403, 403, 401, 401),
  'POST /beheer/:soort/:id/aanbod/:aanbodId/uitvoeringen/:uitvoeringId/presentie/bestand': row(401, 403, 400, 400, 403, 403, 401, 401, 401, 403, 403, 401, 401),
  // the public catalogue, the offering's page and a run's calendar file: anyone
  'GET /aanbod': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /aanbod/:id': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /aanbod/:id/uitvoeringen/:uitvoeringId.ics': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /api/v1/aanbod': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /api/v1/aanbod/:id': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  // attendance through the API: a token of scope presentie (a provider's), which neither board token has
  'POST /api/v1/aanbod/:id/uitvoeringen/:uitvoeringId/presentie': row(401, 401, 401, 401, 401, 401, 401, 403, 403, 401, 401, 403, 403),
  // ── issue 6: re-registration (rows added by that slice) ──
  // the professional's own pages: every account has one (the enrolled professional an empty form is a 400, the rest is told to enrol or register first)
  'GET /mijn-register/herregistratie': row(SIGN_IN, 200, 200, 200, 200, 200, STEP, SIGN_IN, SIGN_IN, 200, 200, SIGN_IN, SIGN_IN),
  'POST /mijn-register/herregistratie': row(401, 400, 409, 409, 409, 409, 401, 401, 401, 409, 409, 401, 401),
  'GET /mijn-register/uitstel': row(SIGN_IN, 200, 200, 200, 200, 200, STEP, SIGN_IN, SIGN_IN, 200, 200, SIGN_IN, SIGN_IN),
  'POST /mijn-register/uitstel': row(401, 409, 409, 409, 409, 409, 401, 401, 401, 409, 409, 401, 401),
  // uitstel is decided by the Commissie Registratie only: register staff too are refused
  'GET /beheer/uitstel': row(SIGN_IN, 403, 403, 403, 403, 403, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'GET /beheer/uitstel/:id': row(SIGN_IN, 403, 403, 403, 403, 403, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/uitstel/:id': row(401, 403, 403, 403, 403, 403, 401, 401, 401, 403, 403, 401, 401),
  // ── issue 6: consent (rows added by that slice) ──
  // the professional's insight page: every account has one (maybe without boards); granting and withdrawing (confirmed)
  // for board A, where the professional has an employment: for anyone else board A is "not found"
  //                                                       anon     pro      adminA   staffA   adminB   register  register2fa  tokenA   tokenB   officeA  officeB  officeTokenA officeTokenB
  'GET /mijn-register/inzage': row(SIGN_IN, 200, 200, 200, 200, 200, STEP, SIGN_IN, SIGN_IN, 200, 200, SIGN_IN, SIGN_IN),
  'POST /mijn-register/inzage/:bestuurId/toestemming': row(401, INSIGHT, 404, 404, 404, 404, 401, 401, 401, 404, 404, 401, 401),
  'POST /mijn-register/inzage/:bestuurId/intrekken': row(401, INSIGHT, 404, 404, 404, 404, 401, 401, 401, 404, 404, 401, 401),
  // with the professional's consent for board A: its own staff only; not board B, not the register office, not the professional
  'GET /beheer/bestuur/:id/personeel/:persoonId/professionalisering': row(SIGN_IN, 403, 200, 200, 403, 403, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  // ── issue 19: linking an account to a person ──
  'GET /mijn-register/koppelen': row(SIGN_IN, 200, 200, 200, 200, 200, STEP, SIGN_IN, SIGN_IN, 200, 200, SIGN_IN, SIGN_IN),
  'POST /mijn-register/koppelen': row(401, 400, 400, 400, 400, 400, 401, 401, 401, 400, 400, 401, 401),
  'GET /beheer/bestuur/:id/personeel/:persoonId/activeringscode': row(SIGN_IN, 403, 200, 200, 403, 403, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/bestuur/:id/personeel/:persoonId/activeringscode': row(401, 403, 200, 200, 403, 403, 401, 401, 401, 403, 403, 401, 401),
  // ── issue 19: the record loop's mail ──
  // the check's progress per school: board A's staff and register staff read it; sending the reminder by hand (confirmed
  // first) is the board's own staff's (a second send the same day reaches nobody new: still 303)
  //                                                       anon     pro      adminA   staffA   adminB   register  register2fa  tokenA   tokenB
  'GET /beheer/bestuur/:id/voortgang': row(SIGN_IN, 403, 200, 200, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'GET /beheer/bestuur/:id/voortgang/herinnering': row(SIGN_IN, 403, 200, 200, 403, 403, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/bestuur/:id/voortgang/herinnering': row(401, 403, PROGRESS, PROGRESS, 403, 403, 401, 401, 401, 403, 403, 401, 401),
  // how board A hears of disputes: its staff and register staff read the setting, only its admin changes it
  'GET /beheer/bestuur/:id/meldingen': row(SIGN_IN, 403, 200, 200, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/bestuur/:id/meldingen': row(401, 403, NOTICES, 403, 403, 403, 401, 401, 401, 403, 403, 401, 401),
  // a register's reminder days: register staff only
  'POST /beheer/registers/:code/herinneringen': row(401, 403, 403, 403, 403, REGISTER_LERAREN, 401, 401, 401, 403, 403, 401, 401),
  // ── issue 6: framework and valuation (rows added by that slice) ──
  // the reference framework: public, with its versions; register staff make version 2 (one that only adds a theme)
  //                                                       anon     pro      adminA   staffA   adminB   register  register2fa  tokenA   tokenB   officeA  officeB  officeTokenA officeTokenB
  'GET /referentiekader': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /referentiekader/versies/:versie': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /beheer/referentiekader': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/referentiekader': row(401, 403, 403, 403, 403, FRAMEWORK, 401, 401, 401, 403, 403, 401, 401),
  'GET /kwaliteitskader': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /kwaliteitskader/versies/:versie': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /beheer/kwaliteitskader': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/kwaliteitskader': row(401, 403, 403, 403, 403, QUALITY_FRAMEWORK, 401, 401, 401, 403, 403, 401, 401),
  // achteraf waarderen: no activity has this id for anyone; the assessors' pages are the Commissie Accreditatie's (not among these actors)
  'POST /mijn-register/dossier/:id/waardering': row(401, 404, 404, 404, 404, 404, 401, 401, 401, 404, 404, 401, 401),
  'POST /mijn-register/dossier/:id/waardering/intrekken': row(401, 404, 404, 404, 404, 404, 401, 401, 401, 404, 404, 401, 401),
  'GET /beheer/waarderingen': row(SIGN_IN, 403, 403, 403, 403, 403, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'GET /beheer/waarderingen/:id': row(SIGN_IN, 403, 403, 403, 403, 403, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/waarderingen/:id': row(401, 403, 403, 403, 403, 403, 401, 401, 401, 403, 403, 401, 401),
  'GET /beheer/waarderingen/:id/bewijs': row(SIGN_IN, 403, 403, 403, 403, 403, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),

  // the machine API: a token, any token; a signed-in browser is not one
  //                                                       anon     pro      adminA   staffA   adminB   register  register2fa  tokenA   tokenB   officeA  officeB  officeTokenA officeTokenB
  'GET /api/v1/tokens/huidig': row(401, 401, 401, 401, 401, 401, 401, 200, 200, 401, 401, 200, 200),

  // deliveries: a token with scope aanleveren, for its own board only (board A's delivery is 404 to B); KA's token
  // reads and applies board A's delivery it made (A authorises KA), and then cannot cancel it any more (409); KB's
  // token gets "not found"; the form this file posts is no delivery file: 415
  //                                                       anon     pro      adminA   staffA   adminB   register  register2fa  tokenA   tokenB   officeA  officeB  officeTokenA officeTokenB
  'POST /api/v1/aanleveringen': row(401, 401, 401, 401, 401, 401, 401, 403, 415, 401, 401, 415, 415),
  'GET /api/v1/aanleveringen': row(401, 401, 401, 401, 401, 401, 401, 403, 200, 401, 401, 200, 200),
  'GET /api/v1/aanleveringen/:id': row(401, 401, 401, 401, 401, 401, 401, 403, 404, 401, 401, 200, 404),
  'GET /api/v1/aanleveringen/:id/terugmelding': row(401, 401, 401, 401, 401, 401, 401, 403, 404, 401, 401, 200, 404),
  'POST /api/v1/aanleveringen/:id/verwerking': row(401, 401, 401, 401, 401, 401, 401, 403, 404, 401, 401, 200, 404),
  'POST /api/v1/aanleveringen/:id/annulering': row(401, 401, 401, 401, 401, 401, 401, 403, 404, 401, 401, 409, 404),

  // ── issue 19: administratiekantoren (decision 022) ──
  // register staff keep them (an empty form is a 400); board A's admin finds one (KB: not authorised by A) and
  // confirms, authorises a fresh one (back to A's members), and withdraws KA (the page) or a fresh machtiging;
  // KA's own page of boards: its admin and register staff; the API: any token of a board or an office
  //                                                       anon     pro      adminA   staffA   adminB   register  register2fa  tokenA   tokenB   officeA  officeB  officeTokenA officeTokenB
  'GET /beheer/administratiekantoren': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/administratiekantoren': row(401, 403, 403, 403, 403, 400, 401, 401, 401, 403, 403, 401, 401),
  'GET /beheer/bestuur/:id/administratiekantoren': row(SIGN_IN, 403, 200, 403, 403, 403, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'GET /beheer/bestuur/:id/administratiekantoren/:kantoorId/machtigen': row(SIGN_IN, 403, 200, 403, 403, 403, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/bestuur/:id/administratiekantoren/:kantoorId/machtigen': row(401, 403, MEMBERS, 403, 403, 403, 401, 401, 401, 403, 403, 401, 401),
  'GET /beheer/bestuur/:id/administratiekantoren/:kantoorId/intrekken': row(SIGN_IN, 403, 200, 403, 403, 403, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/bestuur/:id/administratiekantoren/:kantoorId/intrekken': row(401, 403, MEMBERS, 403, 403, 403, 401, 401, 401, 403, 403, 401, 401),
  'GET /beheer/administratiekantoor/:id/besturen': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 200, 403, SIGN_IN, SIGN_IN),
  'GET /api/v1/machtigingen': row(401, 401, 401, 401, 401, 401, 401, 200, 200, 401, 401, 200, 200),
  // ── issue 21: koplopers (decision 026) ──
  // the application is public (a search of the form answers 200 to anyone; sending an application without the check
  // page's reference is refused at the form: 400); the receipt is public by its random reference; the pipeline, a
  // koploper, the estimate model and the suppliers are register staff's (an empty form is a 400; moving a fresh
  // koploper to step 2 and setting the threshold go back to the page)
  //                                                       anon     pro      adminA   staffA   adminB   register  register2fa  tokenA   tokenB   officeA  officeB  officeTokenA officeTokenB
  'GET /koplopers/aanmelden': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'POST /koplopers/aanmelden': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'POST /koplopers/aanmelden/versturen': row(400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400),
  'GET /koplopers/aanmelding/:referentie': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /beheer/koplopers': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'GET /beheer/koplopers.csv': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/koplopers/drempel': row(401, 403, 403, 403, 403, KOPLOPERS, 401, 401, 401, 403, 403, 401, 401),
  'GET /beheer/koplopers/inschatting': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/koplopers/inschatting': row(401, 403, 403, 403, 403, 400, 401, 401, 401, 403, 403, 401, 401),
  'GET /beheer/koplopers/inschatting/versies/:versie': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'GET /beheer/koplopers/leveranciers': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/koplopers/leveranciers': row(401, 403, 403, 403, 403, 400, 401, 401, 401, 403, 403, 401, 401),
  'GET /beheer/koplopers/leveranciers/:id': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/koplopers/leveranciers/:id': row(401, 403, 403, 403, 403, 400, 401, 401, 401, 403, 403, 401, 401),
  'GET /beheer/koplopers/:id': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/koplopers/:id/stap': row(401, 403, 403, 403, 403, KOPLOPER, 401, 401, 401, 403, 403, 401, 401),
  'POST /beheer/koplopers/:id/gegevens': row(401, 403, 403, 403, 403, KOPLOPER, 401, 401, 401, 403, 403, 401, 401),

  // ── issue 21: events (bijeenkomsten, decision 027) ──
  // the list, a page, its calendar file, the feed and the API: anyone; registering posted empty is refused (400) for anyone; the
  // mailed links with a bad token or code: 400 and 404; one's own registrations: whoever is signed in (no registration has this id: 404);
  // the register office's pages: register staff only (an empty form 400, presence saved back to the list)
  //                                                       anon     pro      adminA   staffA   adminB   register  register2fa  tokenA   tokenB   officeA  officeB  officeTokenA officeTokenB
  'GET /bijeenkomsten': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /bijeenkomsten.ics': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /bijeenkomsten/:id': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /bijeenkomsten/:id/agenda.ics': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'POST /bijeenkomsten/:id/aanmelden': row(400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400),
  'GET /bijeenkomsten/aanmelding/bevestigen': row(400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400),
  'POST /bijeenkomsten/aanmelding/bevestigen': row(400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400),
  'GET /bijeenkomsten/aanmelding/:id/afmelden': row(404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  'POST /bijeenkomsten/aanmelding/:id/afmelden': row(404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  'GET /api/v1/bijeenkomsten': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /api/v1/bijeenkomsten/:id': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /mijn-bijeenkomsten': row(SIGN_IN, 200, 200, 200, 200, 200, STEP, SIGN_IN, SIGN_IN, 200, 200, SIGN_IN, SIGN_IN),
  'GET /mijn-bijeenkomsten/:id/afmelden': row(SIGN_IN, 404, 404, 404, 404, 404, STEP, SIGN_IN, SIGN_IN, 404, 404, SIGN_IN, SIGN_IN),
  'POST /mijn-bijeenkomsten/:id/afmelden': row(401, 404, 404, 404, 404, 404, 401, 401, 401, 404, 404, 401, 401),
  'GET /beheer/bijeenkomsten': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'GET /beheer/bijeenkomsten/nieuw': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/bijeenkomsten': row(401, 403, 403, 403, 403, 400, 401, 401, 401, 403, 403, 401, 401),
  'GET /beheer/bijeenkomsten/:id': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/bijeenkomsten/:id': row(401, 403, 403, 403, 403, 400, 401, 401, 401, 403, 403, 401, 401),
  'GET /beheer/bijeenkomsten/:id/afgelasten': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/bijeenkomsten/:id/afgelasten': row(401, 403, 403, 403, 403, 400, 401, 401, 401, 403, 403, 401, 401),
  'GET /beheer/bijeenkomsten/:id/aanwezigheid': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/bijeenkomsten/:id/aanwezigheid': row(401, 403, 403, 403, 403, ATTENDANCE, 401, 401, 401, 403, 403, 401, 401),
  'GET /beheer/bijeenkomsten/:id/aanwezigheid.csv': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  // the diverse groups of an exploratory conversation (decision 029); the matrix's has no registrants yet, so the POSTs and the mail page refuse (409)
  'GET /beheer/bijeenkomsten/:id/groepen': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/bijeenkomsten/:id/groepen/voorstellen': row(401, 403, 403, 403, 403, 409, 401, 401, 401, 403, 403, 401, 401),
  'POST /beheer/bijeenkomsten/:id/groepen/verplaatsen': row(401, 403, 403, 403, 403, 409, 401, 401, 401, 403, 403, 401, 401),
  'POST /beheer/bijeenkomsten/:id/groepen/verbeteren': row(401, 403, 403, 403, 403, 409, 401, 401, 401, 403, 403, 401, 401),
  'GET /beheer/bijeenkomsten/:id/groepen/mailen': row(SIGN_IN, 403, 403, 403, 403, 409, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/bijeenkomsten/:id/groepen/mailen': row(401, 403, 403, 403, 403, 409, 401, 401, 401, 403, 403, 401, 401),
  // ── issue 21: feedback after events (decision 030); the form works by its mailed link alone, so a bad token is 404 for all ──
  'GET /feedback': row(404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  'POST /feedback': row(404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
  'GET /feedback/bedankt': row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
  'GET /beheer/feedback': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'GET /beheer/feedback.csv': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'GET /beheer/feedback/onderwerpen': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
  'POST /beheer/feedback/onderwerpen': row(401, 403, 403, 403, 403, 400, 401, 401, 401, 403, 403, 401, 401),
  'POST /beheer/feedback/onderwerpen/:id': row(401, 403, 403, 403, 403, 404, 401, 401, 401, 403, 403, 401, 401),
  'POST /beheer/feedback/antwoorden/:id': row(401, 403, 403, 403, 403, 404, 401, 401, 401, 403, 403, 401, 401),
  'GET /beheer/bijeenkomsten/:id/feedback': row(SIGN_IN, 403, 403, 403, 403, 200, STEP, SIGN_IN, SIGN_IN, 403, 403, SIGN_IN, SIGN_IN),
};

// ─── how each route is called: params are board A's ──────────────────────────────────────────────
type Call = {
  /** the URL; a function when it needs the set-up's ids or fresh data for every call */
  url: string | (() => string | Promise<string>);
  /** for POST: the form (the CSRF token is added) */
  form?: Record<string, string | string[]>;
};

const calls: Record<string, Call> = {
  'GET /bijeenkomsten': { url: '/bijeenkomsten' },
  'GET /bijeenkomsten.ics': { url: '/bijeenkomsten.ics' },
  'GET /bijeenkomsten/:id': { url: async () => `/bijeenkomsten/${await eventOfRegister()}` },
  'GET /bijeenkomsten/:id/agenda.ics': { url: async () => `/bijeenkomsten/${await eventOfRegister()}/agenda.ics` },
  'POST /bijeenkomsten/:id/aanmelden': { url: async () => `/bijeenkomsten/${await eventOfRegister()}/aanmelden`, form: {} },
  'GET /bijeenkomsten/aanmelding/bevestigen': { url: '/bijeenkomsten/aanmelding/bevestigen?token=onzin' },
  'POST /bijeenkomsten/aanmelding/bevestigen': { url: '/bijeenkomsten/aanmelding/bevestigen', form: { token: 'onzin' } },
  'GET /bijeenkomsten/aanmelding/:id/afmelden': { url: `/bijeenkomsten/aanmelding/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/afmelden?code=onzin` },
  'POST /bijeenkomsten/aanmelding/:id/afmelden': {
    url: `/bijeenkomsten/aanmelding/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/afmelden`,
    form: { code: 'onzin' },
  },
  'GET /api/v1/bijeenkomsten': { url: '/api/v1/bijeenkomsten' },
  'GET /api/v1/bijeenkomsten/:id': { url: async () => `/api/v1/bijeenkomsten/${await eventOfRegister()}` },
  'GET /mijn-bijeenkomsten': { url: '/mijn-bijeenkomsten' },
  'GET /mijn-bijeenkomsten/:id/afmelden': { url: `/mijn-bijeenkomsten/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/afmelden` },
  'POST /mijn-bijeenkomsten/:id/afmelden': { url: `/mijn-bijeenkomsten/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/afmelden`, form: {} },
  'GET /beheer/bijeenkomsten': { url: '/beheer/bijeenkomsten' },
  'GET /beheer/bijeenkomsten/nieuw': { url: '/beheer/bijeenkomsten/nieuw' },
  'POST /beheer/bijeenkomsten': { url: '/beheer/bijeenkomsten', form: {} },
  'GET /beheer/bijeenkomsten/:id': { url: async () => `/beheer/bijeenkomsten/${await eventOfRegister()}` },
  'POST /beheer/bijeenkomsten/:id': { url: async () => `/beheer/bijeenkomsten/${await eventOfRegister()}`, form: {} },
  'GET /beheer/bijeenkomsten/:id/afgelasten': { url: async () => `/beheer/bijeenkomsten/${await eventOfRegister()}/afgelasten` },
  'POST /beheer/bijeenkomsten/:id/afgelasten': { url: async () => `/beheer/bijeenkomsten/${await eventOfRegister()}/afgelasten`, form: {} },
  'GET /beheer/bijeenkomsten/:id/aanwezigheid': { url: async () => `/beheer/bijeenkomsten/${await eventOfRegister()}/aanwezigheid` },
  'POST /beheer/bijeenkomsten/:id/aanwezigheid': { url: async () => `/beheer/bijeenkomsten/${await eventOfRegister()}/aanwezigheid`, form: {} },
  'GET /beheer/bijeenkomsten/:id/aanwezigheid.csv': { url: async () => `/beheer/bijeenkomsten/${await eventOfRegister()}/aanwezigheid.csv` },
  'GET /beheer/bijeenkomsten/:id/groepen': { url: async () => `/beheer/bijeenkomsten/${await conversationOfRegister()}/groepen` },
  'POST /beheer/bijeenkomsten/:id/groepen/voorstellen': {
    url: async () => `/beheer/bijeenkomsten/${await conversationOfRegister()}/groepen/voorstellen`,
    form: {},
  },
  'POST /beheer/bijeenkomsten/:id/groepen/verplaatsen': {
    url: async () => `/beheer/bijeenkomsten/${await conversationOfRegister()}/groepen/verplaatsen`,
    form: {},
  },
  'POST /beheer/bijeenkomsten/:id/groepen/verbeteren': {
    url: async () => `/beheer/bijeenkomsten/${await conversationOfRegister()}/groepen/verbeteren`,
    form: {},
  },
  'GET /beheer/bijeenkomsten/:id/groepen/mailen': { url: async () => `/beheer/bijeenkomsten/${await conversationOfRegister()}/groepen/mailen` },
  'POST /beheer/bijeenkomsten/:id/groepen/mailen': { url: async () => `/beheer/bijeenkomsten/${await conversationOfRegister()}/groepen/mailen`, form: {} },
  'GET /feedback': { url: '/feedback?token=onzin' },
  'POST /feedback': { url: '/feedback', form: { token: 'onzin', cijfer: '4' } },
  'GET /feedback/bedankt': { url: '/feedback/bedankt' },
  'GET /beheer/feedback': { url: '/beheer/feedback' },
  'GET /beheer/feedback.csv': { url: '/beheer/feedback.csv' },
  'GET /beheer/feedback/onderwerpen': { url: '/beheer/feedback/onderwerpen' },
  'POST /beheer/feedback/onderwerpen': { url: '/beheer/feedback/onderwerpen', form: {} },
  'POST /beheer/feedback/onderwerpen/:id': {
    url: `/beheer/feedback/onderwerpen/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`,
    form: { actie: 'intrekken' },
  },
  'POST /beheer/feedback/antwoorden/:id': { url: `/beheer/feedback/antwoorden/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`, form: {} },
  'GET /beheer/bijeenkomsten/:id/feedback': { url: async () => `/beheer/bijeenkomsten/${await eventOfRegister()}/feedback` },
  'GET /': { url: '/' },
  'GET /toegankelijkheid': { url: '/toegankelijkheid' },
  'GET /ontwikkeling/componenten': { url: '/ontwikkeling/componenten' },
  'GET /health': { url: '/health' },
  'GET /favicon.ico': { url: '/favicon.ico' },
  'GET /metrics': { url: '/metrics' },
  'GET /organisaties': { url: '/organisaties?zoek=school' },
  'GET /organisaties/:id': { url: () => `/organisaties/${boardA.id}` },
  'GET /api/v1/openapi.json': { url: '/api/v1/openapi.json' },
  'GET /api/v1/organisaties': { url: '/api/v1/organisaties?zoek=school' },
  'GET /api/v1/organisaties/:id': { url: () => `/api/v1/organisaties/${boardA.id}` },
  'GET /register': { url: '/register?naam=jansen' },
  'GET /register/:registernummer': { url: `/register/${registerNumberFor(9_000_000)}` },
  'GET /api/v1/registraties': { url: '/api/v1/registraties?naam=jansen' },
  'GET /api/v1/registraties/:registernummer': { url: '/api/v1/registraties/900000048' },
  'GET /inloggen': { url: '/inloggen' },
  'POST /inloggen': { url: '/inloggen', form: {} },
  'GET /account/aanmaken': { url: '/account/aanmaken' },
  'POST /account/aanmaken': { url: '/account/aanmaken', form: {} },
  'GET /account/bevestigen': { url: '/account/bevestigen?token=onzin' },
  'POST /account/bevestigen': { url: '/account/bevestigen', form: { token: 'onzin' } },
  'GET /account/deblokkeren': { url: '/account/deblokkeren?token=onzin' },
  'POST /account/deblokkeren': { url: '/account/deblokkeren', form: { token: 'onzin' } },
  'GET /wachtwoord-vergeten': { url: '/wachtwoord-vergeten' },
  'POST /wachtwoord-vergeten': { url: '/wachtwoord-vergeten', form: {} },
  'GET /wachtwoord-herstellen': { url: '/wachtwoord-herstellen?token=onzin' },
  'POST /wachtwoord-herstellen': { url: '/wachtwoord-herstellen', form: { token: 'onzin', wachtwoord: 'een lang nieuw wachtwoord' } },
  'POST /uitloggen': { url: '/uitloggen', form: {} },
  'GET /inloggen/oidc': { url: '/inloggen/oidc' },
  'GET /inloggen/oidc/terug': { url: '/inloggen/oidc/terug?code=x&state=y' },
  'GET /inloggen/tweede-stap': { url: '/inloggen/tweede-stap' },
  'POST /inloggen/tweede-stap': { url: '/inloggen/tweede-stap', form: { code: '000000' } },
  'GET /account/tweestapsverificatie': { url: '/account/tweestapsverificatie' },
  'POST /account/tweestapsverificatie': { url: '/account/tweestapsverificatie', form: { code: '000000' } },
  'POST /account/overal-uitloggen': { url: '/account/overal-uitloggen', form: {} },
  'GET /start': { url: '/start' },
  'GET /account': { url: '/account' },
  'GET /mijn-gegevens/inzage': { url: '/mijn-gegevens/inzage' },
  'GET /mijn-gegevens/download': { url: '/mijn-gegevens/download' },
  'GET /mijn-gegevens/overzicht': { url: '/mijn-gegevens/overzicht' },
  'GET /mijn-register': { url: '/mijn-register' },
  'POST /mijn-register/dienstverbanden/:id/akkoord': { url: () => `/mijn-register/dienstverbanden/${employmentOfPro}/akkoord`, form: {} },
  'POST /mijn-register/inschrijving': { url: '/mijn-register/inschrijving', form: {} },
  'GET /mijn-register/inschrijving/gegevens': { url: '/mijn-register/inschrijving/gegevens' },
  'POST /mijn-register/inschrijving/gegevens': { url: '/mijn-register/inschrijving/gegevens', form: {} },
  'GET /mijn-register/diplomas': { url: '/mijn-register/diplomas' },
  'GET /mijn-register/registratie': { url: '/mijn-register/registratie' },
  'GET /mijn-register/dossier': { url: '/mijn-register/dossier' },
  'POST /mijn-register/dossier': { url: '/mijn-register/dossier', form: {} },
  'GET /mijn-register/dossier/:id': { url: `/mijn-register/dossier/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}` },
  'POST /mijn-register/dossier/:id': { url: `/mijn-register/dossier/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`, form: { titel: 'Cursus' } },
  'POST /mijn-register/dossier/:id/verwijderen': {
    url: `/mijn-register/dossier/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/verwijderen`,
    form: { bevestigd: 'ja' },
  },
  'POST /mijn-register/email': { url: '/mijn-register/email', form: { email: 'petra@thuis.nl' } },
  'POST /mijn-register/registratie': { url: '/mijn-register/registratie', form: {} },
  'POST /mijn-register/registratie/:id/bezwaar': {
    url: `/mijn-register/registratie/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/bezwaar`,
    form: { bezwaar: 'Niet eens met het besluit.' },
  },
  'GET /mijn-register/registratie/:id/bewijs.pdf': { url: `/mijn-register/registratie/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/bewijs.pdf` },
  'GET /beheer/aanvragen': { url: '/beheer/aanvragen' },
  'GET /beheer/inschrijvingen': { url: '/beheer/inschrijvingen?zoek=jansen' },
  'GET /beheer/inschrijvingen/:registernummer': { url: `/beheer/inschrijvingen/${registerNumberFor(9_000_000)}` },
  'POST /beheer/inschrijvingen/:registernummer/doorhalen': {
    url: `/beheer/inschrijvingen/${registerNumberFor(9_000_000)}/doorhalen`,
    form: { reden: 'Besluit van de commissie.', bevestigd: 'ja' },
  },
  'POST /beheer/inschrijvingen/:registernummer/herstellen': {
    url: `/beheer/inschrijvingen/${registerNumberFor(9_000_000)}/herstellen`,
    form: { reden: 'Bezwaar gegrond.' },
  },
  'GET /beheer/inschrijvingen/:registernummer/ontkoppelen': { url: `/beheer/inschrijvingen/${registerNumberFor(9_000_000)}/ontkoppelen` },
  'POST /beheer/inschrijvingen/:registernummer/ontkoppelen': {
    url: `/beheer/inschrijvingen/${registerNumberFor(9_000_000)}/ontkoppelen`,
    form: { reden: 'Verkeerd account gekoppeld.', stap: 'bevestigen' },
  },
  'GET /beheer/inschrijvingen/:registernummer/koppelen': { url: `/beheer/inschrijvingen/${registerNumberFor(9_000_000)}/koppelen` },
  'POST /beheer/inschrijvingen/:registernummer/koppelen': {
    url: `/beheer/inschrijvingen/${registerNumberFor(9_000_000)}/koppelen`,
    form: { email: 'pro@voorbeeld.nl', reden: 'Identiteit gecontroleerd.', stap: 'bevestigen' },
  },
  'POST /beheer/aanvragen/:id/toewijzing': {
    url: `/beheer/aanvragen/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/toewijzing`,
    form: { lid: `${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}` },
  },
  'GET /beheer/aanvragen/:id': { url: `/beheer/aanvragen/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}` },
  'POST /beheer/aanvragen/:id/besluit': {
    url: `/beheer/aanvragen/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/besluit`,
    form: { besluit: 'registreren', motivering: 'Voldoet aan de eisen.' },
  },
  'GET /beheer/aanvragen/:id/bewijs/:bewijsId': {
    url: `/beheer/aanvragen/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/bewijs/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`,
  },
  'POST /mijn-register/diplomas': { url: '/mijn-register/diplomas', form: { titel: 'Pabo' } },
  'GET /mijn-register/diplomas/:id/bestand': { url: `/mijn-register/diplomas/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/bestand` },
  'GET /mijn-register/dienstverbanden/:id/betwisten': { url: () => `/mijn-register/dienstverbanden/${employmentOfPro}/betwisten` },
  'POST /mijn-register/dienstverbanden/:id/betwisten': {
    url: () => `/mijn-register/dienstverbanden/${employmentOfPro}/betwisten`,
    form: { velden: 'einddatum', toelichting: 'De einddatum klopt niet.' },
  },
  'POST /mijn-register/persoonsgegevens/akkoord': { url: '/mijn-register/persoonsgegevens/akkoord', form: {} },
  'GET /mijn-register/persoonsgegevens/betwisten': { url: '/mijn-register/persoonsgegevens/betwisten' },
  'POST /mijn-register/persoonsgegevens/betwisten': {
    url: '/mijn-register/persoonsgegevens/betwisten',
    form: { velden: 'achternaam', toelichting: 'Mijn achternaam is anders.' },
  },
  'GET /beheer/bestuur/:id/betwistingen/:betwistingId/bewijs': { url: async () => `${A()}/betwistingen/${await freshDisputeOfA()}/bewijs` },
  'GET /beheer/bestuur/:id/betwistingen': { url: () => `${A()}/betwistingen` },
  'GET /beheer/bestuur/:id/personeel': { url: () => `${A()}/personeel` },
  'GET /beheer/bestuur/:id/personeel.csv': { url: () => `${A()}/personeel.csv` },
  'GET /beheer/bestuur/:id/betwistingen/:betwistingId': { url: async () => `${A()}/betwistingen/${await freshDisputeOfA()}` },
  'POST /beheer/bestuur/:id/betwistingen/:betwistingId': {
    url: async () => `${A()}/betwistingen/${await freshDisputeOfA()}`,
    form: { antwoord: 'Dat klopt wel, zie uw aanstelling.' },
  },
  'GET /uitnodiging': { url: () => `/uitnodiging?token=${invitationToken}` },
  'POST /uitnodiging': { url: '/uitnodiging', form: { token: 'set in beforeAll' } },
  'GET /beheer/:soort/:id/leden': { url: () => `${A()}/leden` },
  'POST /beheer/:soort/:id/uitnodigingen': { url: () => `${A()}/uitnodigingen`, form: { email: 'nieuwe.collega@bestuur-a.nl', rol: 'board-staff' } },
  'GET /beheer/:soort/:id/leden/:lidId/intrekken': { url: () => `${A()}/leden/${staffAMembership}/intrekken` },
  // revoking for real: a fresh colleague (and below, a fresh token) for every call
  'POST /beheer/:soort/:id/leden/:lidId/intrekken': { url: async () => `${A()}/leden/${await freshMemberOfA()}/intrekken`, form: { reden: 'vertrokken' } },
  'GET /beheer/:soort/:id/tokens': { url: () => `${A()}/tokens` },
  'POST /beheer/:soort/:id/tokens': { url: () => `${A()}/tokens`, form: { naam: 'Pakket', scope: ['lezen'], verloopt: dateIn(60) } },
  'GET /beheer/:soort/:id/tokens/:tokenId/intrekken': { url: () => `${A()}/tokens/${tokenOfAToRevoke}/intrekken` },
  'POST /beheer/:soort/:id/tokens/:tokenId/intrekken': { url: async () => `${A()}/tokens/${await freshTokenOfA()}/intrekken`, form: {} },
  'GET /beheer/bestuur/:id/aanleveringen': { url: () => `${A()}/aanleveringen` },
  'POST /beheer/bestuur/:id/aanleveringen': { url: () => `${A()}/aanleveringen`, form: { modus: 'volledig' } },
  'GET /beheer/bestuur/:id/aanleveringen/:aanleveringId': { url: () => `${A()}/aanleveringen/${deliveryOfA}` },
  'GET /beheer/bestuur/:id/aanleveringen/:aanleveringId/terugmelding.csv': { url: () => `${A()}/aanleveringen/${deliveryOfA}/terugmelding.csv` },
  'POST /beheer/bestuur/:id/aanleveringen/:aanleveringId/verwerken': { url: () => `${A()}/aanleveringen/${deliveryToApply}/verwerken`, form: {} },
  'POST /beheer/bestuur/:id/aanleveringen/:aanleveringId/annuleren': { url: () => `${A()}/aanleveringen/${deliveryToCancel}/annuleren`, form: {} },
  'GET /beheer': { url: '/beheer' },
  'GET /beheer/accounts': { url: `/beheer/accounts?email=${encodeURIComponent('pro@voorbeeld.nl')}` },
  'GET /beheer/accounts/:id/logboek': { url: () => `/beheer/accounts/${ids.pro}/logboek` },
  'GET /beheer/besturen': { url: () => `/beheer/besturen?nummer=${boardA.number}` },
  'GET /beheer/uitgaande-mail': { url: '/beheer/uitgaande-mail' },
  'GET /beheer/aanleveringen': { url: '/beheer/aanleveringen' },
  'GET /beheer/bestuur/:id/invoer': { url: () => `${A()}/invoer` },
  'POST /beheer/bestuur/:id/invoer': { url: () => `${A()}/invoer`, form: {} },
  'POST /beheer/bestuur/:id/invoer/versturen': { url: () => `${A()}/invoer/versturen`, form: {} },
  'GET /beheer/bestuur/:id/invoer/:aanleveringId': { url: () => `${A()}/invoer/${screenDeliveryOfA}` },
  'GET /beheer/dubbelen': { url: '/beheer/dubbelen' },
  'GET /beheer/registers': { url: '/beheer/registers' },
  'GET /beheer/registers/:code': { url: '/beheer/registers/lerarenregister' },
  'POST /beheer/registers/:code': {
    url: '/beheer/registers/schoolleidersregister-po',
    form: {
      versie: '1',
      niveaus: 'RDO; master; Een geaccrediteerde master',
      cyclus: '5',
      eenheid: 'punten',
      minimumPunten: '60',
      perioden: '60:3, 80:4, 100:5',
      tarief: '0',
      toelichting: 'Alleen nog de master',
    },
  },
  'GET /beheer/dubbelen/:taakId/samenvoegen': { url: `/beheer/dubbelen/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/samenvoegen` },
  'POST /beheer/dubbelen/:taakId': { url: `/beheer/dubbelen/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`, form: { besluit: 'verschillend' } },
  // ── issue 6 calls: accreditation ──
  'GET /beheer/aanbieders': { url: '/beheer/aanbieders' },
  'POST /beheer/aanbieders': { url: '/beheer/aanbieders', form: {} },
  'GET /beheer/:soort/:id/aanbod': { url: () => `${A()}/aanbod` },
  'GET /beheer/:soort/:id/aanbod/nieuw': { url: () => `${A()}/aanbod/nieuw` },
  'POST /beheer/:soort/:id/aanbod': { url: () => `${A()}/aanbod`, form: {} },
  'GET /beheer/:soort/:id/aanbod/:aanbodId': { url: async () => `${A()}/aanbod/${await offeringOfA()}` },
  'POST /beheer/:soort/:id/aanbod/:aanbodId/antwoord': {
    url: async () => `${A()}/aanbod/${await offeringOfA()}/antwoord`,
    form: { antwoord: 'Hier is het antwoord.' },
  },
  'POST /beheer/:soort/:id/aanbod/:aanbodId/intrekken': { url: async () => `${A()}/aanbod/${await offeringOfA()}/intrekken`, form: {} },
  'GET /beheer/accreditatie': { url: '/beheer/accreditatie' },
  'POST /beheer/accreditatie/:aanbodId/toewijzing': {
    url: async () => `/beheer/accreditatie/${await offeringOfA()}/toewijzing`,
    form: { lid: `${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}` },
  },
  'GET /beheer/accreditatie/:aanbodId': { url: async () => `/beheer/accreditatie/${await offeringOfA()}` },
  'POST /beheer/accreditatie/:aanbodId/informatie': {
    url: async () => `/beheer/accreditatie/${await offeringOfA()}/informatie`,
    form: { vraag: 'Hoe groot zijn de groepen?' },
  },
  'POST /beheer/accreditatie/:aanbodId/besluit': {
    url: async () => `/beheer/accreditatie/${await offeringOfA()}/besluit`,
    form: { besluit: 'accrediteren', punten: '40', themas: 'Persoonlijk leiderschap', motivering: 'Een sterk programma.' },
  },
  // ── issue 6 calls: catalogue and attendance ──
  'GET /beheer/:soort/:id/aanbod/:aanbodId/uitvoeringen': { url: async () => `${A()}/aanbod/${(await catalogueOfA()).offering}/uitvoeringen` },
  'POST /beheer/:soort/:id/aanbod/:aanbodId/uitvoeringen': {
    url: async () => `${A()}/aanbod/${(await catalogueOfA()).offering}/uitvoeringen`,
    form: { datum: dateIn(45), begintijd: '09:30', eindtijd: '12:00', vorm: 'online', plaats: '', provincie: '', capaciteit: '30' },
  },
  'GET /beheer/:soort/:id/aanbod/:aanbodId/uitvoeringen/:uitvoeringId/annuleren': {
    url: async () => `${A()}/aanbod/${(await catalogueOfA()).offering}/uitvoeringen/${(await catalogueOfA()).upcomingRun}/annuleren`,
  },
  'POST /beheer/:soort/:id/aanbod/:aanbodId/uitvoeringen/:uitvoeringId/annuleren': {
    url: async () => `${A()}/aanbod/${(await catalogueOfA()).offering}/uitvoeringen/${await freshRunOfA()}/annuleren`,
    form: { bevestigd: 'ja' },
  },
  'GET /beheer/:soort/:id/aanbod/:aanbodId/uitvoeringen/:uitvoeringId/presentie': {
    url: async () => `${A()}/aanbod/${(await catalogueOfA()).offering}/uitvoeringen/${(await catalogueOfA()).pastRun}/presentie`,
  },
  'POST /beheer/:soort/:id/aanbod/:aanbodId/uitvoeringen/:uitvoeringId/presentie': {
    url: async () => `${A()}/aanbod/${(await catalogueOfA()).offering}/uitvoeringen/${(await catalogueOfA()).pastRun}/presentie`,
    form: { registernummers: registerNumberFor(9_000_000) },
  },
  'POST /beheer/:soort/:id/aanbod/:aanbodId/uitvoeringen/:uitvoeringId/presentie/bestand': {
    url: async () => `${A()}/aanbod/${(await catalogueOfA()).offering}/uitvoeringen/${(await catalogueOfA()).pastRun}/presentie/bestand`,
    form: {},
  },
  'GET /aanbod': { url: '/aanbod?zoek=rekenen&regio=Utrecht' },
  'GET /aanbod/:id': { url: async () => `/aanbod/${(await catalogueOfA()).offering}` },
  'GET /aanbod/:id/uitvoeringen/:uitvoeringId.ics': {
    url: async () => `/aanbod/${(await catalogueOfA()).offering}/uitvoeringen/${(await catalogueOfA()).upcomingRun}.ics`,
  },
  'GET /api/v1/aanbod': { url: '/api/v1/aanbod?zoek=rekenen' },
  'GET /api/v1/aanbod/:id': { url: async () => `/api/v1/aanbod/${(await catalogueOfA()).offering}` },
  'POST /api/v1/aanbod/:id/uitvoeringen/:uitvoeringId/presentie': {
    url: async () => `/api/v1/aanbod/${(await catalogueOfA()).offering}/uitvoeringen/${(await catalogueOfA()).pastRun}/presentie`,
    form: { registernummers: registerNumberFor(9_000_000) },
  },
  // ── issue 6 calls: re-registration ──
  'GET /mijn-register/herregistratie': { url: '/mijn-register/herregistratie' },
  'POST /mijn-register/herregistratie': { url: '/mijn-register/herregistratie', form: {} },
  'GET /mijn-register/uitstel': { url: '/mijn-register/uitstel' },
  'POST /mijn-register/uitstel': {
    url: '/mijn-register/uitstel',
    form: { grond: 'ziekte', toelichting: 'Langdurig ziek sinds het voorjaar.', tot: '2030-01-01' },
  },
  'GET /beheer/uitstel': { url: '/beheer/uitstel' },
  'GET /beheer/uitstel/:id': { url: `/beheer/uitstel/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}` },
  'POST /beheer/uitstel/:id': {
    url: `/beheer/uitstel/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`,
    form: { besluit: 'afwijzen', motivering: 'Geen grond voor uitstel.' },
  },
  // ── issue 6 calls: consent ──
  'GET /mijn-register/inzage': { url: '/mijn-register/inzage' },
  'POST /mijn-register/inzage/:bestuurId/toestemming': { url: () => `/mijn-register/inzage/${boardA.id}/toestemming`, form: {} },
  'POST /mijn-register/inzage/:bestuurId/intrekken': { url: () => `/mijn-register/inzage/${boardA.id}/intrekken`, form: { bevestigd: 'ja' } },
  // the professional's consent for board A holds at every call, whatever ran before
  'GET /beheer/bestuur/:id/personeel/:persoonId/professionalisering': {
    url: async () => {
      await t.database.query(
        `INSERT INTO development_consents (id, account_id, board_id) VALUES ($1, $2, $3) ON CONFLICT (account_id, board_id) WHERE revoked_at IS NULL DO NOTHING`,
        [crypto.randomUUID(), ids.pro, boardA.id],
      );
      const [person] = await t.database.query<{ id: string }>(`SELECT id FROM persons WHERE email = 'pro@voorbeeld.nl'`);
      return `${A()}/personeel/${person.id}/professionalisering`;
    },
  },
  // ── issue 19 calls: linking ──
  'GET /mijn-register/koppelen': { url: '/mijn-register/koppelen' },
  'POST /mijn-register/koppelen': { url: '/mijn-register/koppelen', form: { code: '' } },
  'GET /beheer/bestuur/:id/personeel/:persoonId/activeringscode': { url: async () => `${A()}/personeel/${await freshPersonOfA()}/activeringscode` },
  'POST /beheer/bestuur/:id/personeel/:persoonId/activeringscode': {
    url: async () => `${A()}/personeel/${await freshPersonOfA()}/activeringscode`,
    form: {},
  },
  // ── issue 19 calls: the record loop's mail ──
  'GET /beheer/bestuur/:id/voortgang': { url: () => `${A()}/voortgang` },
  'GET /beheer/bestuur/:id/voortgang/herinnering': { url: () => `${A()}/voortgang/herinnering` },
  'POST /beheer/bestuur/:id/voortgang/herinnering': { url: () => `${A()}/voortgang/herinnering`, form: {} },
  'GET /beheer/bestuur/:id/meldingen': { url: () => `${A()}/meldingen` },
  'POST /beheer/bestuur/:id/meldingen': { url: () => `${A()}/meldingen`, form: { meldingen: 'direct' } },
  'POST /beheer/registers/:code/herinneringen': {
    url: '/beheer/registers/lerarenregister/herinneringen',
    form: { eersteHerinnering: '14', tweedeHerinnering: '42' },
  },
  // ── issue 6 calls: framework and valuation ──
  'GET /referentiekader': { url: '/referentiekader' },
  'GET /referentiekader/versies/:versie': { url: '/referentiekader/versies/1' },
  'GET /beheer/referentiekader': { url: '/beheer/referentiekader' },
  'POST /beheer/referentiekader': {
    url: '/beheer/referentiekader',
    form: {
      versie: '1',
      beroepsstandaard: 'De beroepsstandaard voor schoolleiders in het primair onderwijs beschrijft wat een schoolleider kent en kan.',
      competenties: 'Visiegestuurd werken\nIn relatie staan tot de omgeving\nWerken aan kwaliteit\nLeiding geven aan verandering\nHogere-orde denken',
      themas:
        'Persoonlijk leiderschap\nRegie & strategie\nIn relatie staan tot de omgeving\nKennis- en kwaliteitsontwikkeling\nOmgaan met verschillen\nLeiding geven aan verandering\nToekomstgericht onderwijs\nWildcard\nPedagogisch leiderschap',
      toelichting: 'Pedagogisch leiderschap erbij.',
    },
  },
  'GET /kwaliteitskader': { url: '/kwaliteitskader' },
  'GET /kwaliteitskader/versies/:versie': { url: '/kwaliteitskader/versies/1' },
  'GET /beheer/kwaliteitskader': { url: '/beheer/kwaliteitskader' },
  'POST /beheer/kwaliteitskader': {
    url: '/beheer/kwaliteitskader',
    form: { versie: '1', titel: 'Matrixversie', waarborgen: 'Waarborg A\nKenmerk A.1\n\nWaarborg B\nKenmerk B.1', toelichting: 'Voor de matrix.' },
  },
  'POST /mijn-register/dossier/:id/waardering': {
    url: `/mijn-register/dossier/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/waardering`,
    form: { toelichting: 'Ik las vier boeken over leiderschap.' },
  },
  'POST /mijn-register/dossier/:id/waardering/intrekken': {
    url: `/mijn-register/dossier/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/waardering/intrekken`,
    form: { intrekken: 'ja' },
  },
  'GET /beheer/waarderingen': { url: '/beheer/waarderingen' },
  'GET /beheer/waarderingen/:id': { url: `/beheer/waarderingen/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}` },
  'POST /beheer/waarderingen/:id': {
    url: `/beheer/waarderingen/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`,
    form: { punten: '50', motivering: 'Goed onderbouwd.' },
  },
  'GET /beheer/waarderingen/:id/bewijs': { url: `/beheer/waarderingen/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/bewijs` },
  'GET /api/v1/tokens/huidig': { url: '/api/v1/tokens/huidig' },
  'POST /api/v1/aanleveringen': { url: '/api/v1/aanleveringen?modus=volledig', form: {} },
  'GET /api/v1/aanleveringen': { url: '/api/v1/aanleveringen' },
  'GET /api/v1/aanleveringen/:id': { url: () => `/api/v1/aanleveringen/${deliveryOfA}` },
  'GET /api/v1/aanleveringen/:id/terugmelding': { url: () => `/api/v1/aanleveringen/${deliveryOfA}/terugmelding` },
  'POST /api/v1/aanleveringen/:id/verwerking': { url: () => `/api/v1/aanleveringen/${deliveryOfA}/verwerking`, form: {} },
  'POST /api/v1/aanleveringen/:id/annulering': { url: () => `/api/v1/aanleveringen/${deliveryOfA}/annulering`, form: {} },
  'GET /beheer/administratiekantoren': { url: '/beheer/administratiekantoren' },
  'POST /beheer/administratiekantoren': { url: '/beheer/administratiekantoren', form: {} },
  'GET /beheer/bestuur/:id/administratiekantoren': { url: () => `${A()}/administratiekantoren?zoek=kantoor` },
  'GET /beheer/bestuur/:id/administratiekantoren/:kantoorId/machtigen': { url: () => `${A()}/administratiekantoren/${offices.KB}/machtigen` },
  // authorising and withdrawing for real: a fresh office (and its machtiging by A) for every call
  'POST /beheer/bestuur/:id/administratiekantoren/:kantoorId/machtigen': {
    url: async () => `${A()}/administratiekantoren/${await freshOffice()}/machtigen`,
    form: {},
  },
  'GET /beheer/bestuur/:id/administratiekantoren/:kantoorId/intrekken': { url: () => `${A()}/administratiekantoren/${offices.KA}/intrekken` },
  'POST /beheer/bestuur/:id/administratiekantoren/:kantoorId/intrekken': {
    url: async () => `${A()}/administratiekantoren/${await freshOffice(boardA.id)}/intrekken`,
    form: {},
  },
  'GET /beheer/administratiekantoor/:id/besturen': { url: () => `/beheer/administratiekantoor/${offices.KA}/besturen` },
  'GET /api/v1/machtigingen': { url: '/api/v1/machtigingen' },
  'GET /koplopers/aanmelden': { url: '/koplopers/aanmelden' },
  'POST /koplopers/aanmelden': { url: '/koplopers/aanmelden', form: { actie: 'zoeken', zoekSchool: 'school' } },
  'POST /koplopers/aanmelden/versturen': { url: '/koplopers/aanmelden/versturen', form: {} },
  'GET /koplopers/aanmelding/:referentie': { url: async () => `/koplopers/aanmelding/${(await koploperOfA()).reference}` },
  'GET /beheer/koplopers': { url: '/beheer/koplopers?stap=1' },
  'GET /beheer/koplopers.csv': { url: '/beheer/koplopers.csv' },
  'POST /beheer/koplopers/drempel': { url: '/beheer/koplopers/drempel', form: { drempel: '90' } },
  'GET /beheer/koplopers/inschatting': { url: '/beheer/koplopers/inschatting' },
  'POST /beheer/koplopers/inschatting': { url: '/beheer/koplopers/inschatting', form: {} },
  'GET /beheer/koplopers/inschatting/versies/:versie': { url: '/beheer/koplopers/inschatting/versies/1' },
  'GET /beheer/koplopers/leveranciers': { url: '/beheer/koplopers/leveranciers' },
  'POST /beheer/koplopers/leveranciers': { url: '/beheer/koplopers/leveranciers', form: {} },
  'GET /beheer/koplopers/leveranciers/:id': { url: async () => `/beheer/koplopers/leveranciers/${(await koploperOfA()).supplier}` },
  'POST /beheer/koplopers/leveranciers/:id': { url: async () => `/beheer/koplopers/leveranciers/${(await koploperOfA()).supplier}`, form: {} },
  'GET /beheer/koplopers/:id': { url: async () => `/beheer/koplopers/${(await koploperOfA()).id}` },
  // moving for real: a fresh koploper (in step 1) for every call
  'POST /beheer/koplopers/:id/stap': { url: async () => `/beheer/koplopers/${await freshKoploperOfA()}/stap`, form: { stap: '2' } },
  'POST /beheer/koplopers/:id/gegevens': { url: async () => `/beheer/koplopers/${(await koploperOfA()).id}/gegevens`, form: { notities: 'Gebeld.' } },
};

// ─── calling a route as an actor ─────────────────────────────────────────────────────────────────
let csrf: { cookie: string; token: string };

async function cookieFor(actor: ActorName): Promise<string | undefined> {
  if (actor === 'anon' || tokenActors.includes(actor)) return undefined;
  const accountId = actor === 'register2fa' ? ids.register : ids[actor as keyof typeof ids];
  const { token } = await startSession(t.database.db, { accountId, method: 'password', secondFactor: actor !== 'register2fa' });
  return token;
}

async function send(actor: ActorName, method: string, url: string, form?: Record<string, string | string[]>, options: { csrf?: boolean } = {}) {
  const session = await cookieFor(actor);
  const cookies = [`${csrfCookie}=${csrf.cookie}`, ...(session ? [`${sessionCookie}=${session}`] : [])];
  const headers: Record<string, string> = { cookie: cookies.join('; ') };
  if (tokenActors.includes(actor)) headers.authorization = `Bearer ${tokenSecrets[actor as keyof typeof tokenSecrets]}`;
  if (method === 'GET') return t.app.inject({ method: 'GET', url, headers });
  const body = new URLSearchParams();
  if (options.csrf !== false) body.append('_csrf', csrf.token);
  for (const [k, v] of Object.entries(form ?? {})) for (const one of [v].flat()) body.append(k, one);
  return t.app.inject({ method, url, headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
}

const uuidInPath = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
function outcomeOf(res: LightMyRequestResponse, url: string): Outcome {
  if (res.statusCode !== 303) return res.statusCode;
  const location = String(res.headers.location);
  if (location === `/inloggen?terug=${encodeURIComponent(url)}`) return SIGN_IN;
  if (location === `/inloggen/tweede-stap?terug=${encodeURIComponent(url)}`) return STEP;
  return `→${location.split('?')[0].replace(uuidInPath, ':id')}` as Outcome;
}

// ─── set-up ──────────────────────────────────────────────────────────────────────────────────────
beforeAll(async () => {
  // the OIDC issuer is configured (so its routes exist) but unreachable; the limits per address are
  // out of the way here (they have tests of their own): this file makes hundreds of requests from one address
  t = await createTestApp({
    withDuo: true,
    env: { OIDC_ISSUER: 'http://127.0.0.1:9/', OIDC_CLIENT_ID: 'matrix', SIGN_IN_RATE_LIMIT: '100000', API_RATE_LIMIT: '100000' },
  });
  // two real boards from the DUO directory, by number: the lowest and the highest number with a name
  const boards = await t.database.query<{ id: string; number: string; name: string }>(
    `(SELECT id, number, name FROM boards WHERE name IS NOT NULL ORDER BY number LIMIT 1) UNION ALL (SELECT id, number, name FROM boards WHERE name IS NOT NULL ORDER BY number DESC LIMIT 1)`,
  );
  [boardA, boardB] = boards;
  expect(boardA.number).not.toBe(boardB.number);
  const at = (id: string): OrganisationRef => ({ kind: 'bestuur', id });
  const office: OrganisationRef = { kind: 'register', id: registerOfficeId };
  const pro = await createAccount(t.database, { email: 'pro@voorbeeld.nl', displayName: 'Petra Professional' });
  const adminA = await createAccount(t.database, {
    email: 'admin@bestuur-a.nl',
    displayName: 'Anton Admin A',
    roles: [{ role: 'board-admin', organisation: at(boardA.id) }],
  });
  const staffA = await createAccount(t.database, {
    email: 'staf@bestuur-a.nl',
    displayName: 'Sanne Staf A',
    roles: [{ role: 'board-staff', organisation: at(boardA.id) }],
  });
  const adminB = await createAccount(t.database, {
    email: 'admin@bestuur-b.nl',
    displayName: 'Bert Admin B',
    roles: [{ role: 'board-admin', organisation: at(boardB.id) }],
  });
  const register = await createAccount(t.database, {
    email: 'staf@register.nl',
    displayName: 'Rachid Register',
    roles: [{ role: 'register-staff', organisation: office }],
  });
  // two administratiekantoren: KA authorised by board A, KB by board B, each with an admin
  const newOffice = async (name: string, kvk: string, boardId: string) => {
    const [{ id }] = await t.database.query<{ id: string }>(`INSERT INTO administration_offices (name, kvk_number) VALUES ($1, $2) RETURNING id`, [name, kvk]);
    await t.database.query(`INSERT INTO office_mandates (board_id, office_id) VALUES ($1, $2)`, [boardId, id]);
    return id;
  };
  offices = { KA: await newOffice('Kantoor A', '11111111', boardA.id), KB: await newOffice('Kantoor B', '22222222', boardB.id) };
  const atOffice = (id: string): OrganisationRef => ({ kind: 'administratiekantoor', id });
  const officeA = await createAccount(t.database, {
    email: 'admin@kantoor-a.nl',
    displayName: 'Olga Office A',
    roles: [{ role: 'office-admin', organisation: atOffice(offices.KA) }],
  });
  const officeB = await createAccount(t.database, {
    email: 'admin@kantoor-b.nl',
    displayName: 'Oscar Office B',
    roles: [{ role: 'office-admin', organisation: atOffice(offices.KB) }],
  });
  ids = { pro: pro.id, adminA: adminA.id, staffA: staffA.id, adminB: adminB.id, register: register.id, officeA: officeA.id, officeB: officeB.id };
  [{ id: staffAMembership }] = await t.database.query<{ id: string }>('SELECT id FROM memberships WHERE account_id = $1', [staffA.id]);
  // register staff link an authenticator app through the pages, as they must before anything else
  await signInAndEnrolTotp(t.app, 'staf@register.nl');
  // the others start linking one (a pending secret), so posting a code gets an answer about the code
  for (const id of [pro.id, adminA.id, staffA.id, adminB.id, officeA.id, officeB.id]) {
    const web = await sessionFor(t.app, t.database, id);
    expect((await web.get('/account/tweestapsverificatie')).statusCode).toBe(200);
  }
  tokenSecrets = {
    tokenA: (
      await createApiToken(t.database.db, { organisation: at(boardA.id), name: 'Pakket A', scopes: ['lezen'], expiresAt: inDays(90), createdBy: adminA.id })
    ).token,
    tokenB: (
      await createApiToken(t.database.db, {
        organisation: at(boardB.id),
        name: 'Pakket B',
        scopes: ['aanleveren'],
        expiresAt: inDays(90),
        createdBy: adminB.id,
      })
    ).token,
    officeTokenA: (
      await createApiToken(t.database.db, {
        organisation: atOffice(offices.KA),
        name: 'Kantoor A',
        scopes: ['aanleveren'],
        expiresAt: inDays(90),
        createdBy: officeA.id,
      })
    ).token,
    officeTokenB: (
      await createApiToken(t.database.db, {
        organisation: atOffice(offices.KB),
        name: 'Kantoor B',
        scopes: ['aanleveren'],
        expiresAt: inDays(90),
        createdBy: officeB.id,
      })
    ).token,
  };
  tokenOfAToRevoke = await freshTokenOfA();
  [deliveryOfA, deliveryToApply, deliveryToCancel] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
  for (const id of [deliveryOfA, deliveryToApply, deliveryToCancel]) {
    await t.database.query(
      `INSERT INTO deliveries (id, board_id, mode, status, format, byte_size, sha256, channel, submitted_by_label, submitted_by_office) VALUES ($1, $2, 'mutaties', 'gecontroleerd', 'csv', 10, 'x', 'api', 'API-koppeling', $3)`,
      [id, boardA.id, offices.KA],
    );
  }
  screenDeliveryOfA = crypto.randomUUID();
  await t.database.query(
    `INSERT INTO deliveries (id, board_id, mode, status, format, byte_size, sha256, channel, submitted_by_label) VALUES ($1, $2, 'mutaties', 'verwerkt', 'csv', 10, 'x', 'scherm', 'HR')`,
    [screenDeliveryOfA, boardA.id],
  );
  // board A delivered an employment for the professional's address
  const [proPerson, proEmployment] = [crypto.randomUUID(), crypto.randomUUID()];
  await t.database.query(`INSERT INTO persons (id, initials, surname, birth_date, email) VALUES ($1, 'P.', 'Professional', '1985-01-01', 'pro@voorbeeld.nl')`, [
    proPerson,
  ]);
  await t.database.query(
    `INSERT INTO employments (id, person_id, board_id, school_id, staff_number, employment_key, function, start_date)
     SELECT $1, $2, $3, id, 'PRO', 'PRO', 'LERAAR', '2020-08-01' FROM schools WHERE board_id = $3 ORDER BY brin LIMIT 1`,
    [proEmployment, proPerson, boardA.id],
  );
  employmentOfPro = proEmployment;
  // an open invitation to board A, for an address none of the actors has
  invitationToken = 'uitnodiging-voor-iemand-anders-0123456789';
  await t.database.query(
    `INSERT INTO invitations (email, organisation_kind, organisation_id, role, token_hash, invited_by, expires_at) VALUES ($1, 'bestuur', $2, 'board-staff', $3, $4, now() + interval '7 days')`,
    ['iemand.anders@bestuur-a.nl', boardA.id, hashToken(invitationToken), adminA.id],
  );
  calls['POST /uitnodiging'].form = { token: invitationToken };
  // version 1 of the Kwaliteitskader, which the versions page shows and the new version starts from
  await t.database.query(
    `INSERT INTO quality_framework_versions (id, version, title, guarantees, note, created_by_label)
    VALUES (gen_random_uuid(), 1, 'Eerste versie', '[{"code":"W1","name":"Waarborg 1","characteristics":[{"code":"W1.1","text":"Kenmerk 1.1"}]}]', 'Begin.', 'Test')`,
  );
  // one CSRF cookie with its token, as a browser has after its first page
  const first = await t.app.inject({ method: 'GET', url: '/wachtwoord-vergeten' });
  const cookie = first.cookies.find((c) => c.name === csrfCookie)!.value;
  csrf = { cookie, token: /name="_csrf" value="([^"]+)"/.exec(first.body)![1] };
});
afterAll(async () => {
  await t?.close();
});

/** What every refused page says under its title "Geen toegang" (src/platform/i18n/nl.ts, error.403.body). */
const noAccess = 'U hebt geen toegang tot deze pagina of handeling. Bent u ingelogd met het account dat erbij hoort?';

// ─── the tests ───────────────────────────────────────────────────────────────────────────────────
describe('the authorisation matrix', () => {
  it('has a row for every registered route, and no row for a route that does not exist', () => {
    const registered = t.app.registeredRoutes.map((r) => `${r.method} ${r.url}`);
    const missing = registered.filter((key) => !(key in expected));
    const stale = Object.keys(expected).filter((key) => !registered.includes(key));
    expect(missing, 'routes without a row in the authorisation matrix: add one (and how to call it)').toEqual([]);
    expect(stale, 'rows for routes that are not registered').toEqual([]);
    expect(Object.keys(calls).sort()).toEqual(Object.keys(expected).sort());
    expect(registered.length).toBeGreaterThanOrEqual(50);
  });

  it('refuses to start with a route that declares no access rule', async () => {
    const app = Fastify({ logger: false });
    await app.register(fastifyCookie);
    await app.register(rateLimiting);
    await app.register(accessControl, { db: t.database.db, apiPerMinute: 10 });
    await app.after();
    expect(() => app.get('/vergeten-regel', async () => 'open voor iedereen')).toThrow(MissingAccessRuleError);
    app.get('/met-regel', { config: { access: 'signed-in' } }, async () => 'alleen ingelogd');
    await app.ready();
    expect(app.registeredRoutes.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /met-regel']);
    expect((await app.inject({ method: 'GET', url: '/vergeten-regel' })).statusCode).toBe(404);
    await app.close();
  });

  it.each(Object.keys(expected))('%s', async (key) => {
    const [method] = key.split(' ');
    const call = calls[key];
    const actual: Partial<Record<ActorName, Outcome>> = {};
    const notProblems: string[] = [];
    const otherRefusals: string[] = [];
    for (const actor of actorNames) {
      const url = typeof call.url === 'string' ? call.url : await call.url();
      const res = await send(actor, method, url, call.form);
      actual[actor] = outcomeOf(res, url);
      // the API answers every refusal as problem+json
      if (url.startsWith('/api/') && res.statusCode >= 400 && !String(res.headers['content-type']).startsWith('application/problem+json'))
        notProblems.push(actor);
      // one refusal for everyone: the API's one title, the pages' one title and text (a reason may follow)
      if (res.statusCode === 403) {
        const says = url.startsWith('/api/') ? res.json().title === 'Geen toegang' : visibleText(res.body).includes(` Geen toegang ${noAccess} `);
        if (!says) otherRefusals.push(actor);
      }
    }
    expect(actual).toEqual(expected[key]);
    expect(notProblems, 'API refusals that are not problem+json').toEqual([]);
    expect(otherRefusals, 'refusals (403) that do not say the one refusal').toEqual([]);
  });
});

describe('organisation scope: board A never acts for board B', () => {
  const B = () => `/beheer/bestuur/${boardB.id}`;

  it("refuses board A's admin and staff B's members and tokens pages, without showing anything of B", async () => {
    for (const actor of ['adminA', 'staffA'] as const) {
      for (const path of ['/leden', '/tokens']) {
        const res = await send(actor, 'GET', `${B()}${path}`);
        expect(res.statusCode, `${actor} ${path}`).toBe(403);
        expect(visibleText(res.body)).toContain(noAccess);
        expect(res.body).not.toContain(boardB.name);
        expect(res.body).not.toContain('admin@bestuur-b.nl');
      }
    }
    // B's own admin does see them
    expect((await send('adminB', 'GET', `${B()}/leden`)).statusCode).toBe(200);
    expect((await send('adminB', 'GET', `${B()}/tokens`)).statusCode).toBe(200);
  });

  it("refuses board A's admin inviting into B, or making and revoking B's tokens, and changes nothing", async () => {
    const before = await t.database.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM invitations WHERE organisation_id = $1)::int + (SELECT count(*) FROM api_tokens WHERE organisation_id = $1)::int AS n`,
      [boardB.id],
    );
    expect((await send('adminA', 'POST', `${B()}/uitnodigingen`, { email: 'indringer@bestuur-a.nl', rol: 'board-admin' })).statusCode).toBe(403);
    expect((await send('adminA', 'POST', `${B()}/tokens`, { naam: 'Indringer', scope: ['aanleveren'], verloopt: dateIn(30) })).statusCode).toBe(403);
    const [tokenOfB] = await t.database.query<{ id: string }>('SELECT id FROM api_tokens WHERE organisation_id = $1 AND revoked_at IS NULL LIMIT 1', [
      boardB.id,
    ]);
    expect((await send('adminA', 'POST', `${B()}/tokens/${tokenOfB.id}/intrekken`, {})).statusCode).toBe(403);
    // B's ids under A's address: not A's, so not found
    expect((await send('adminA', 'GET', `${A()}/tokens/${tokenOfB.id}/intrekken`)).statusCode).toBe(404);
    expect((await send('adminA', 'POST', `${A()}/tokens/${tokenOfB.id}/intrekken`, {})).statusCode).toBe(404);
    const [memberOfB] = await t.database.query<{ id: string }>('SELECT id FROM memberships WHERE organisation_id = $1 AND revoked_at IS NULL LIMIT 1', [
      boardB.id,
    ]);
    expect((await send('adminA', 'GET', `${A()}/leden/${memberOfB.id}/intrekken`)).statusCode).toBe(404);
    expect((await send('adminA', 'POST', `${A()}/leden/${memberOfB.id}/intrekken`, { reden: 'poging' })).statusCode).toBe(404);
    expect((await send('adminA', 'POST', `${B()}/leden/${memberOfB.id}/intrekken`, { reden: 'poging' })).statusCode).toBe(403);
    const after = await t.database.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM invitations WHERE organisation_id = $1)::int + (SELECT count(*) FROM api_tokens WHERE organisation_id = $1)::int AS n`,
      [boardB.id],
    );
    expect(after[0].n).toBe(before[0].n);
    const revoked = await t.database.query('SELECT 1 FROM memberships WHERE organisation_id = $1 AND revoked_at IS NOT NULL', [boardB.id]);
    expect(revoked).toEqual([]);
    expect((await send('tokenB', 'GET', '/api/v1/tokens/huidig')).statusCode).toBe(200);
  });

  it('refuses board admins the register office and organisations that do not exist', async () => {
    expect((await send('adminA', 'GET', `/beheer/register/${registerOfficeId}/leden`)).statusCode).toBe(403);
    expect(
      (await send('adminA', 'POST', `/beheer/register/${registerOfficeId}/uitnodigingen`, { email: 'ik@bestuur-a.nl', rol: 'register-staff' })).statusCode,
    ).toBe(403);
    expect((await send('adminA', 'GET', `/beheer/aanbieder/${boardA.id}/tokens`)).statusCode).toBe(403);
    expect((await send('adminA', 'GET', `/beheer/onzin/${boardA.id}/leden`)).statusCode).toBe(404);
    expect((await send('adminA', 'GET', '/beheer/bestuur/geen-uuid/leden')).statusCode).toBe(404);
  });

  it("tells board A's token its own organisation and scopes, never B's", async () => {
    const a = await send('tokenA', 'GET', '/api/v1/tokens/huidig');
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({
      naam: 'Pakket A',
      organisatie: { soort: 'bestuur', id: boardA.id, naam: boardA.name, nummer: boardA.number },
      scopes: ['lezen'],
    });
    expect(a.body).not.toContain(boardB.id);
    expect(a.body).not.toContain(boardB.number);
    const b = await send('tokenB', 'GET', '/api/v1/tokens/huidig');
    expect(b.json()).toMatchObject({ organisatie: { id: boardB.id, nummer: boardB.number }, scopes: ['aanleveren'] });
    expect(b.body).not.toContain(boardA.id);
  });

  it('gives a token nothing on the pages: with only a bearer token, a board page sends to sign-in', async () => {
    const res = await send('tokenA', 'GET', `${A()}/leden`);
    expect(outcomeOf(res, `${A()}/leden`)).toBe(SIGN_IN);
  });

  it('answers an unknown, malformed or missing token with 401 problem+json', async () => {
    for (const authorization of ['Bearer bro_onbekend', 'Bearer', 'Basic abc', undefined]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/tokens/huidig', headers: authorization ? { authorization } : {} });
      expect(res.statusCode, String(authorization)).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
    }
  });
});

describe('administratiekantoren: an office acts only for the boards that authorise it now (decision 022)', () => {
  const B = () => `/beheer/bestuur/${boardB.id}`;
  const csv = (number: string) => Buffer.from(`bevoegd_gezag_nummer;personeelsnummer\n${number};X1\n`);
  const deliverAs = (actor: 'officeTokenA' | 'officeTokenB', number: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/aanleveringen?modus=mutaties&bestuur=${number}`,
      payload: csv(number),
      headers: { authorization: `Bearer ${tokenSecrets[actor]}`, 'content-type': 'text/csv' },
    });

  it('refuses KA everything of board B, and everything of A but the deliveries it made', async () => {
    expect((await send('officeA', 'GET', `${B()}/aanleveringen`)).statusCode).toBe(403);
    const refused = await deliverAs('officeTokenA', boardB.number);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await deliverAs('officeTokenB', boardA.number)).statusCode).toBe(403);
    // a delivery board A made itself is not KA's to see
    const own = crypto.randomUUID();
    await t.database.query(
      `INSERT INTO deliveries (id, board_id, mode, status, format, byte_size, sha256, channel, submitted_by_label) VALUES ($1, $2, 'mutaties', 'gecontroleerd', 'csv', 10, 'x', 'api', 'API-koppeling')`,
      [own, boardA.id],
    );
    expect((await send('officeA', 'GET', `${A()}/aanleveringen/${own}`)).statusCode).toBe(404);
    expect((await send('officeTokenA', 'GET', `/api/v1/aanleveringen/${own}`)).statusCode).toBe(404);
    expect((await send('adminA', 'GET', `${A()}/aanleveringen/${own}`)).statusCode).toBe(200);
    expect(visibleText((await send('officeA', 'GET', `${A()}/aanleveringen`)).body)).toContain('U levert aan als Kantoor A');
  });

  it('shows KA nothing of board A once A withdraws the machtiging, its own deliveries included; A keeps them', async () => {
    expect((await send('adminA', 'POST', `${A()}/administratiekantoren/${offices.KA}/intrekken`, {})).statusCode).toBe(303);
    expect((await send('officeA', 'GET', `${A()}/aanleveringen`)).statusCode).toBe(403);
    expect((await send('officeA', 'GET', `${A()}/aanleveringen/${deliveryOfA}`)).statusCode).toBe(404);
    expect((await send('officeTokenA', 'GET', `/api/v1/aanleveringen/${deliveryOfA}`)).statusCode).toBe(404);
    expect((await send('officeTokenA', 'GET', '/api/v1/aanleveringen')).json().totaal).toBe(0);
    expect((await send('officeTokenA', 'GET', '/api/v1/machtigingen')).json().totaal).toBe(0);
    expect((await deliverAs('officeTokenA', boardA.number)).statusCode).toBe(403);
    expect((await send('adminA', 'GET', `${A()}/aanleveringen/${deliveryOfA}`)).statusCode).toBe(200);
    // KB, authorised by B, is untouched
    expect((await send('officeTokenB', 'GET', '/api/v1/machtigingen')).json().totaal).toBe(1);
  });
});

describe('CSRF: every form post without its token is refused', () => {
  /**
   * Per POST route, an actor the matrix lets through, so that the refusal is the CSRF check's doing
   * (the message says so too). Nobody here may accept the open invitation: that one is tried as `pro`.
   */
  const allowedActor = (expectations: Record<ActorName, Outcome>): ActorName =>
    actorNames.find((a) => expectations[a] !== 401 && expectations[a] !== 403 && expectations[a] !== SIGN_IN) ?? 'pro';

  it('answers 403 with a Dutch explanation for every POST route, and changes nothing', async () => {
    // the API takes bearer tokens only, never cookies: nothing there for a forged form to ride on
    const posts = t.app.registeredRoutes.filter((r) => r.method === 'POST' && !r.url.startsWith('/api/'));
    expect(posts.length).toBeGreaterThan(10);
    // what a POST here could change; the members and tokens made fresh for the revoke URLs are not among them
    const changes = async () =>
      (
        await t.database.query(
          `SELECT (SELECT count(*) FROM audit_events)::int AS audit, (SELECT count(*) FROM invitations)::int AS invitations,
             (SELECT count(*) FROM memberships WHERE revoked_at IS NOT NULL)::int AS revoked_members, (SELECT count(*) FROM memberships WHERE granted_by IS NOT NULL)::int AS granted,
             (SELECT count(*) FROM api_tokens WHERE revoked_at IS NOT NULL)::int AS revoked_tokens, (SELECT count(*) FROM api_tokens WHERE name = 'Pakket')::int AS created_tokens,
             (SELECT count(*) FROM sessions WHERE ended_at IS NOT NULL)::int AS ended_sessions, (SELECT count(*) FROM accounts)::int - (SELECT count(*) FROM memberships WHERE role = 'board-staff')::int AS accounts,
             (SELECT count(*) FROM mail_outbox)::int AS mails`,
        )
      )[0];
    const before = await changes();
    const refusedWith: Record<string, string> = {};
    for (const route of posts) {
      const key = `${route.method} ${route.url}`;
      const actor = allowedActor(expected[key]);
      const call = calls[key];
      const url = typeof call.url === 'string' ? call.url : await call.url();
      const res = await send(actor, 'POST', url, call.form, { csrf: false });
      const csrfRefusal = res.statusCode === 403 && visibleText(res.body).includes('Dit formulier is verlopen of niet vanaf deze website verstuurd');
      refusedWith[`${key} as ${actor}`] = csrfRefusal ? 'refused: CSRF' : `${res.statusCode}`;
    }
    expect(Object.entries(refusedWith).filter(([, outcome]) => outcome !== 'refused: CSRF')).toEqual([]);
    expect(await changes()).toEqual(before);
  });

  it('refuses a token from another browser, and a header token that does not fit', async () => {
    const other = await t.app.inject({ method: 'GET', url: '/wachtwoord-vergeten' });
    const foreignToken = /name="_csrf" value="([^"]+)"/.exec(other.body)![1];
    const session = await cookieFor('adminA');
    const res = await t.app.inject({
      method: 'POST',
      url: `${A()}/tokens`,
      headers: { cookie: `${csrfCookie}=${csrf.cookie}; ${sessionCookie}=${session}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: foreignToken, naam: 'Vals', scope: 'lezen', verloopt: dateIn(10) }).toString(),
    });
    expect(res.statusCode).toBe(403);
    const htmx = await t.app.inject({
      method: 'POST',
      url: '/uitloggen',
      headers: { cookie: `${csrfCookie}=${csrf.cookie}; ${sessionCookie}=${session}`, 'x-csrf-token': foreignToken },
    });
    expect(htmx.statusCode).toBe(403);
    // the session survived the refused sign-out
    expect((await t.app.inject({ method: 'GET', url: '/account', headers: { cookie: `${sessionCookie}=${session}` } })).statusCode).toBe(200);
    expect(await t.database.query("SELECT 1 FROM api_tokens WHERE name = 'Vals'")).toEqual([]);
  });
});

describe('the audit trail of the matrix', () => {
  it('recorded the reads of personal data and the changes, with actor, role and organisation', async () => {
    const listed = await auditRows(t.database, 'members.listed');
    expect(
      listed.some(
        (r) =>
          r.actor_account_id === ids.adminA &&
          r.actor_role === 'board-admin' &&
          r.actor_organisation_id === boardA.id &&
          r.subject_organisation_id === boardA.id,
      ),
    ).toBe(true);
    expect(listed.some((r) => r.actor_account_id === ids.register && r.actor_role === 'register-staff' && r.subject_organisation_id === boardA.id)).toBe(true);
    const viewed = await auditRows(t.database, 'account.audit-trail-viewed');
    expect(viewed.some((r) => r.actor_account_id === ids.register && r.subject_account_id === ids.pro && r.request_id)).toBe(true);
    const invited = await auditRows(t.database, 'membership.invited');
    expect(
      invited
        .filter((r) => r.subject_organisation_id === boardA.id)
        .map((r) => r.actor_account_id)
        .sort(),
    ).toEqual(expect.arrayContaining([ids.adminA, ids.register]));
    const revoked = await auditRows(t.database, 'membership.revoked');
    expect(revoked.every((r) => r.reason === 'vertrokken' && (r.before as { role: string }).role === 'board-staff')).toBe(true);
    expect(revoked.map((r) => r.actor_account_id).sort()).toEqual([ids.adminA, ids.register].sort());
    expect((await auditRows(t.database, 'api-token.created')).filter((r) => r.actor_account_id === ids.adminA)).toHaveLength(1);
    expect((await auditRows(t.database, 'api-token.revoked')).filter((r) => r.actor_account_id === ids.adminA)).toHaveLength(1);
  });

  it('has no row by an actor that was refused', async () => {
    // board A's staff may read its members, its staff list and their disputes, answer those, print activation letters and send a
    // row from the entry screen (an empty one: submitted, refused by the checks, cancelled): the rest was refused them
    const refusedActors = [ids.pro, ids.staffA, ids.adminB, ids.officeB];
    const rows = await t.database.query<{ action: string; actor_account_id: string }>(
      `SELECT action, actor_account_id FROM audit_events WHERE subject_organisation_id = $1 AND actor_account_id = ANY($2::uuid[]) AND action NOT IN ('members.listed', 'member.viewed', 'employment-disputes.viewed', 'employment-dispute.answered', 'board-staff.listed', 'board-staff.exported', 'offering-run.added', 'offering-run.cancelled', 'attendances.viewed', 'attendance.recorded', 'person.activation-code.issued', 'delivery.submitted', 'delivery.cancelled')`,
      [boardA.id, refusedActors],
    );
    expect(rows).toEqual([]);
    const byB = await t.database.query(`SELECT action FROM audit_events WHERE actor_account_id = $1 AND subject_organisation_id = $2`, [ids.adminB, boardA.id]);
    expect(byB).toEqual([]);
  });
});

// ── catalogue and attendance: board A's accredited offering, with a run of two days ago and one next month ──
let catalogueOfAIds: Promise<{ offering: string; pastRun: string; upcomingRun: string }> | undefined;
function catalogueOfA(): Promise<{ offering: string; pastRun: string; upcomingRun: string }> {
  catalogueOfAIds ??= (async () => {
    const [offering, pastRun, upcomingRun] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    await t.database.query(
      `INSERT INTO offerings (id, organisation_kind, organisation_id, organisation_name, title, description, learning_goals, activity_kind, format, themes,
         study_load_hours, price_cents, contact_name, contact_email, status, accredited_points, accredited_themes, valid_from, valid_until, submitted_by_label)
       VALUES ($1, 'bestuur', $2, $3, 'Rekenen in de onderbouw', 'Een cursus rekenen.', 'Rekenen beter uitleggen.', 'cursus', 'klassikaal',
         '{"Omgaan met verschillen"}', 12, 0, 'Anton Admin A', 'admin@bestuur-a.nl', 'geaccrediteerd', 10, '{"Omgaan met verschillen"}', $4, $5, 'Anton Admin A')`,
      [offering, boardA.id, boardA.name, dateIn(-60), dateIn(700)],
    );
    await insertRunOfA(offering, pastRun, -2);
    await insertRunOfA(offering, upcomingRun, 30);
    return { offering, pastRun, upcomingRun };
  })();
  return catalogueOfAIds;
}
async function insertRunOfA(offering: string, id: string, days: number): Promise<void> {
  await t.database.query(
    `INSERT INTO offering_runs (id, offering_id, starts_at, ends_at, place, province, online, capacity, created_by_label) VALUES ($1, $2, $3, $4, 'Jaarbeurs', 'Utrecht', false, 30, 'test')`,
    [id, offering, inDays(days).toISOString(), new Date(inDays(days).getTime() + 3 * 3600 * 1000).toISOString()],
  );
}
/** A run of board A's offering next month, for each call that cancels one. */
async function freshRunOfA(): Promise<string> {
  const id = crypto.randomUUID();
  await insertRunOfA((await catalogueOfA()).offering, id, 30);
  return id;
}
