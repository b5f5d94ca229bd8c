import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import type { Actor } from '../platform/auth/actor.ts';
import { createCrypto } from '../platform/crypto.ts';
import { uuidV7 } from '../lib/uuid-v7.ts';
import { createMailer } from '../platform/mail/mailer.ts';
import { applyDelivery, submitDelivery, type DeliveryDeps } from '../features/deliveries/index.ts';
import { columns } from '../features/deliveries/index.ts';
import { registerNumberFor } from '../features/register/index.ts';
import { validUntil } from '../features/register/index.ts';
import { dutchDateOf } from '../platform/dates/calendar.ts';
import { column, countOf, firstRowOf, row, rowsOf } from '../db/rows.ts';
import { inTransaction } from '../db/transaction.ts';
import { arrayLiteral } from '../db/array-literal.ts';

/** A small deterministic generator (mulberry32): the same demo staff on every fresh installation. */
export function generator(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] };
}

/** First names as Dutch schools have them (also for the benchmarks' generated registers). */
export const firstNames = [
  'Anna',
  'Sanne',
  'Lotte',
  'Fleur',
  'Eva',
  'Noor',
  'Iris',
  'Femke',
  'Marloes',
  'Inge',
  'Esther',
  'Bérénice',
  'Daan',
  'Bram',
  'Joost',
  'Pieter',
  'Sem',
  'Thijs',
  'Mohamed',
  'Yusuf',
  'Fatima',
  'Aylin',
  'Hendrik',
  'Willemijn',
  'Geert',
  'Renée',
  'Chloë',
  'Jeroen',
  'Karin',
  'Marieke',
];
const surnames: [string, string][] = [
  ['', 'Jansen'],
  ['de', 'Vries'],
  ['van den', 'Berg'],
  ['van der', 'Berg'],
  ['', 'Bakker'],
  ['', 'Visser'],
  ['', 'Smit'],
  ['', 'Meijer'],
  ['de', 'Boer'],
  ['', 'Mulder'],
  ['de', 'Groot'],
  ['', 'Bos'],
  ['', 'Vos'],
  ['', 'Peters'],
  ['', 'Hendriks'],
  ['van', 'Leeuwen'],
  ['', 'Dekker'],
  ['', 'Brouwer'],
  ['de', 'Wit'],
  ['', 'Dijkstra'],
  ['', 'Smits'],
  ['de', 'Graaf'],
  ['van der', 'Meer'],
  ['van der', 'Linden'],
  ['', 'Kok'],
  ['', 'Jacobs'],
  ['de', 'Haan'],
  ['', 'Vermeulen'],
  ['van den', 'Heuvel'],
  ['', 'Yılmaz'],
  ['', 'El Amrani'],
  ['', 'Koç'],
  ['', 'Bouzid'],
  ['van', 'Dam'],
  ['', 'Postma'],
  ['ten', 'Brink'],
  ['', 'Huisman'],
  ['', 'Kuipers'],
  ['', 'Schouten'],
  ['', "D'Hondt"],
];
const functionsWeighted = [
  'LERAAR',
  'LERAAR',
  'LERAAR',
  'LERAAR',
  'LERAAR',
  'LERAAR',
  'LERAARONDERSTEUNER',
  'INTERN_BEGELEIDER',
  'SCHOOLLEIDER',
  'ADJUNCT_DIRECTEUR',
];
const basesWeighted = ['BEVOEGD', 'BEVOEGD', 'BEVOEGD', 'BEVOEGD', 'ZIJINSTROOM', 'IN_OPLEIDING', 'ONBEVOEGD_TIJDELIJK'];
/** What a demo employee says is wrong with an employment: the fields they named ("Klopt niet", dispute.rules.ts) and why */
const disputeComments: { fields: string[]; comment: string }[] = [
  { fields: ['school'], comment: 'Ik werk sinds 1 augustus op een andere vestiging.' },
  { fields: ['werktijdfactor'], comment: 'Mijn werktijdfactor is 0,6 en niet 0,8.' },
  { fields: ['benoemingsgrondslag'], comment: 'Ik ben bevoegd: ik heb mijn pabodiploma in 2019 gehaald.' },
  { fields: ['einddatum'], comment: 'Dit dienstverband is per 31 juli beëindigd.' },
  { fields: ['begindatum'], comment: 'Ik ben in augustus 2018 begonnen, niet in 2020.' },
];

const boardRow = row({ id: column.text, number: column.text });
const hrRow = row({ accountId: column.text, membershipId: column.text, email: column.text, name: column.text });
const schoolRow = row({ brin: column.text, location: column.text });
const faultyDeliveryRow = row({
  row_number: column.integer,
  messages: column
    .json(z.array(row({ kolom: column.text.nullable(), melding: column.text, soort: column.oneOf(['fout', 'waarschuwing'] as const) })))
    .nullable(),
});

/** The demo professional (an account without a role) is one of the delivered staff, with two employments. */
export const demoProfessionalEmail = 'leraar@demo.beroepsregister.nl';

/**
 * The demo board's staff, delivered through the real delivery use cases (no BSNs, so nothing needs the
 * installation's keys) by its HR account: some hundreds of professionals with Dutch names over the
 * board's schools, then a mix of approved, disputed and answered employments, as after a few weeks.
 * Skipped when the board already has employments, so `seed --demo` can run again.
 */
export async function seedDemoStaff(database: Database, boardNumber: string, count: number, log: (message: string) => void): Promise<void> {
  const db = database.db;
  const board = firstRowOf(boardRow, await db.execute(sql`SELECT id, number FROM boards WHERE number = ${boardNumber}`));
  if (!board) return;
  if (countOf(await db.execute(sql`SELECT count(*)::int AS n FROM employments WHERE board_id = ${board.id}`)) > 0) return;
  const hr = firstRowOf(
    hrRow,
    await db.execute(sql`SELECT a.id AS "accountId", m.id AS "membershipId", a.email, a.display_name AS name
    FROM memberships m JOIN accounts a ON a.id = m.account_id
    WHERE m.organisation_kind = 'bestuur' AND m.organisation_id = ${board.id} AND m.role IN ('board-admin', 'board-staff') ORDER BY a.created_at LIMIT 1`),
  );
  if (!hr) return;
  const schools = rowsOf(
    schoolRow,
    await db.execute(sql`SELECT s.brin, min(l.code) AS location
    FROM schools s JOIN locations l ON l.school_id = s.id WHERE s.board_id = ${board.id} AND s.closed_at IS NULL AND l.closed_at IS NULL
    GROUP BY s.brin ORDER BY s.brin`),
  );
  if (schools.length === 0) return;

  const random = generator(32073);
  const rows: string[][] = [];
  const line = (values: Record<string, string>) => columns.map((c) => values[c] ?? '');
  for (let i = 1; i <= count; i++) {
    const first = random.pick(firstNames);
    const [prefix, surname] = random.pick(surnames);
    const school = schools[i % schools.length];
    const year = 1962 + Math.floor(random.next() * 40);
    const birth = `${year}-${String(1 + Math.floor(random.next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random.next() * 28)).padStart(2, '0')}`;
    const start = `${Math.max(year + 23, 1990 + Math.floor(random.next() * 35))}-08-01`;
    const fn = i === 1 ? 'LERAAR' : random.pick(functionsWeighted);
    const email =
      i === 1
        ? demoProfessionalEmail
        : `${first
            .toLowerCase()
            .normalize('NFD')
            .replace(/[^a-z]/g, '')}.${surname
            .toLowerCase()
            .normalize('NFD')
            .replace(/[^a-z]/g, '')}${i}@demo-school.nl`;
    const base = {
      bevoegd_gezag_nummer: board.number,
      personeelsnummer: `D${String(i).padStart(5, '0')}`,
      voorletters: `${first[0]}.`,
      voornamen: first,
      tussenvoegsel: prefix,
      achternaam: surname,
      geboortedatum: birth,
      email,
      instellingscode: school.brin,
      vestigingscode: school.location,
      functie: fn,
      benoemingsgrondslag: fn === 'LERAAR' ? random.pick(basesWeighted) : '',
      begindatum: start,
      werktijdfactor: random.pick(['1', '0,8', '0,6', '0,5', '0,4']),
    };
    rows.push(line(base));
    // the demo professional and one in ten others also have a second function
    if (i === 1 || (fn !== 'INTERN_BEGELEIDER' && random.next() < 0.1))
      rows.push(line({ ...base, functie: 'INTERN_BEGELEIDER', benoemingsgrondslag: '', werktijdfactor: '0,2' }));
  }
  const file = Buffer.from(`${[columns.join(';'), ...rows.map((r) => r.join(';'))].join('\r\n')}\r\n`);

  const dataDir = mkdtempSync(join(tmpdir(), 'br-demo-'));
  try {
    const deps: DeliveryDeps = {
      db,
      database,
      mailer: createMailer({ from: 'demo@beroepsregister.nl' }),
      dataDir,
      baseUrl: 'http://localhost:3000',
      // the file holds no BSN: nothing sealed with these throwaway keys outlives the seeding
      crypto: createCrypto({
        sessionSecret: randomBytes(32).toString('hex'),
        encryptionKey: randomBytes(32).toString('hex'),
        hashKey: randomBytes(32).toString('hex'),
      }),
      maxBytes: 10 * 1024 * 1024,
      inlineBytes: Number.MAX_SAFE_INTEGER,
      inlineRows: Number.MAX_SAFE_INTEGER,
      schedule: async () => {},
    };
    const actor: Actor = {
      type: 'account',
      accountId: hr.accountId,
      sessionId: 'demodata',
      email: hr.email,
      displayName: hr.name,
      secondFactorDone: true,
      memberships: [{ id: hr.membershipId, role: 'board-admin', organisation: { kind: 'bestuur', id: board.id } }],
    };
    const delivery = await submitDelivery(
      deps,
      { actor },
      { boardId: board.id, mode: 'volledig', fileName: 'personeel-demo.csv', body: Readable.from([file]), applyWhenValid: false, channel: 'upload' },
    );
    if (delivery.errorRows > 0) {
      const [first] = rowsOf(
        faultyDeliveryRow,
        await db.execute(sql`SELECT row_number, messages FROM delivery_rows
        WHERE delivery_id = ${delivery.id} AND outcome = 'fout' ORDER BY row_number LIMIT 1`),
      );
      throw new Error(`demo delivery has ${delivery.errorRows} rows with errors, the first: row ${first.row_number} ${JSON.stringify(first.messages)}`);
    }
    await applyDelivery(deps, { actor }, delivery.id, { confirmed: true });
    log(`demodata: ${count} medewerkers van bestuur ${board.number} aangeleverd (${rows.length} dienstverbanden)`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  await settleDemoApprovals(database, board.id, hr.name, random.next);
  const registered = await seedDemoRegistrations(database, board.id, random.next);
  log(`demodata: ${registered} van hen ingeschreven, met aanvragen en registraties in elke status`);
}

/** How the demo's enrolled staff are spread over the registration statuses (the rest only ingeschreven). */
const demoRegistrationMix = [
  'geregistreerd',
  'geregistreerd',
  'geregistreerd',
  'geregistreerd',
  'aangevraagd',
  'in-behandeling',
  'afgewezen',
  'bezwaar',
  'onder voorwaarden',
  'verlopen',
  'doorgehaald',
  'ingeschreven',
  'ingeschreven',
] as const;

const personRow = row({ id: column.text, email: column.text, name: column.text, fn: column.text });
const memberRow = row({ id: column.text, name: column.text });
const firstVersionRow = row({
  code: column.text,
  registerId: column.text,
  versionId: column.text,
  cycleYears: column.integer,
  levels: column.json(z.array(row({ title: column.text, level: column.text }))),
});
const sequenceRow = row({ n: column.integer });

/**
 * Two thirds of the demo staff enrolled (with an account without password; they could set one), and
 * their applications in every status, decided by the demo's commission member under the registers'
 * first version. Straight into the tables: this is the state after months of use, not a use case.
 */
async function seedDemoRegistrations(database: Database, boardId: string, next: () => number): Promise<number> {
  const db = database.db;
  const people = rowsOf(
    personRow,
    await db.execute(sql`SELECT DISTINCT ON (p.id) p.id, p.email,
      concat_ws(' ', p.first_names, p.prefix, p.surname) AS name, e.function AS fn
    FROM persons p JOIN employments e ON e.person_id = p.id
    WHERE e.board_id = ${boardId} AND p.email IS NOT NULL AND p.email <> ${demoProfessionalEmail} ORDER BY p.id, e.function`),
  );
  const member = firstRowOf(
    memberRow,
    await db.execute(sql`SELECT a.id, a.display_name AS name FROM accounts a
    JOIN memberships m ON m.account_id = a.id WHERE m.role = 'registration-committee' AND m.revoked_at IS NULL ORDER BY a.created_at LIMIT 1`),
  );
  const versions = rowsOf(
    firstVersionRow,
    await db.execute(sql`SELECT r.code,
      r.id AS "registerId", v.id AS "versionId", v.cycle_years AS "cycleYears", v.levels FROM registers r JOIN register_versions v ON v.register_id = r.id AND v.version = 1`),
  );
  const teachers = versions.find((v) => v.code === 'lerarenregister');
  const leaders = versions.find((v) => v.code === 'schoolleidersregister-po');
  if (!member || !teachers || !leaders) return 0;
  const day = (offset: number) => dutchDateOf(new Date(Date.now() + offset * 86_400_000));
  let count = 0;
  await inTransaction(db, async (tx) => {
    for (const [i, person] of people.entries()) {
      if (i % 3 === 2) continue;
      const accountId = uuidV7();
      await tx.execute(sql`INSERT INTO accounts (id, email, display_name, email_verified_at) VALUES (${accountId}, ${person.email}, ${person.name}, now())
        ON CONFLICT (email) DO NOTHING`);
      const [{ n }] = rowsOf(sequenceRow, await tx.execute(sql`SELECT nextval('register_number_seq') AS n`));
      const enrolmentId = uuidV7();
      const outcome = demoRegistrationMix[Math.floor(next() * demoRegistrationMix.length)];
      const enrolmentStatus =
        outcome === 'ingeschreven' || outcome === 'afgewezen'
          ? 'ingeschreven'
          : outcome === 'aangevraagd' || outcome === 'in-behandeling'
            ? 'aangevraagd'
            : outcome === 'doorgehaald'
              ? 'doorgehaald'
              : 'geregistreerd';
      await tx.execute(sql`UPDATE persons SET account_id = ${accountId} WHERE id = ${person.id}`);
      await tx.execute(sql`INSERT INTO enrolments (id, person_id, account_id, register_number, status, created_at)
        VALUES (${enrolmentId}, ${person.id}, ${accountId}, ${registerNumberFor(n)}, ${enrolmentStatus}, now() - interval '400 days')`);
      await tx.execute(sql`INSERT INTO enrolment_events (id, enrolment_id, from_status, to_status, by_label, created_at)
        VALUES (${uuidV7()}, ${enrolmentId}, NULL, 'ingeschreven', ${person.name}, now() - interval '400 days')`);
      if (outcome === 'doorgehaald') {
        await tx.execute(sql`INSERT INTO enrolment_events (id, enrolment_id, from_status, to_status, by_label, reason, created_at)
          VALUES (${uuidV7()}, ${enrolmentId}, 'geregistreerd', 'doorgehaald', 'Bureau Beroepsregister', 'Besluit van de Commissie Registratie na een klacht.', now() - interval '10 days')`);
      }
      count++;
      if (outcome === 'ingeschreven') continue;
      const leader = person.fn === 'SCHOOLLEIDER' || person.fn === 'ADJUNCT_DIRECTEUR';
      const register = leader ? leaders : teachers;
      const level = register.levels[Math.min(register.levels.length - 1, Math.floor(next() * register.levels.length))];
      const decidedDaysAgo =
        outcome === 'onder voorwaarden'
          ? register.cycleYears * 365 + 30
          : outcome === 'verlopen'
            ? register.cycleYears * 365 + 400
            : 20 + Math.floor(next() * 300);
      const decidedOn = day(-decidedDaysAgo);
      const decided = !['aangevraagd', 'in-behandeling'].includes(outcome);
      const status = outcome === 'onder voorwaarden' || outcome === 'verlopen' || outcome === 'doorgehaald' ? 'geregistreerd' : outcome;
      const until = status === 'geregistreerd' || status === 'bezwaar' ? validUntil(decidedOn, register.cycleYears) : null;
      const applicationId = uuidV7();
      await tx.execute(sql`INSERT INTO registration_applications (id, person_id, enrolment_id, register_id, register_version_id, title, level, motivation, evidence_ids,
          status, assigned_to, decision_motivation, decided_on, valid_until, created_at)
        VALUES (${applicationId}, ${person.id}, ${enrolmentId}, ${register.registerId}, ${register.versionId}, ${level.title}, ${level.level},
          'Ik voldoe aan de toelatingseis; mijn diploma staat bij mijn gegevens.', '[]'::jsonb, ${status},
          ${outcome === 'aangevraagd' ? null : member.id}, ${decided ? (status === 'afgewezen' ? 'Het bewijs van de bevoegdheid ontbreekt.' : 'Voldoet aan de toelatingseis.') : null},
          ${decided ? decidedOn : null}, ${until}, ${day(-decidedDaysAgo - 30)})`);
      const steps: [string | null, string, string][] = [[null, 'aangevraagd', person.name]];
      if (outcome !== 'aangevraagd') steps.push(['aangevraagd', 'in-behandeling', 'demodata']);
      if (decided) steps.push(['in-behandeling', status === 'bezwaar' ? 'geregistreerd' : status, member.name]);
      if (status === 'bezwaar') steps.push(['geregistreerd', 'bezwaar', person.name]);
      for (const [k, [from, to, by]] of steps.entries()) {
        await tx.execute(sql`INSERT INTO registration_events (id, application_id, from_status, to_status, by_label, created_at)
          VALUES (${uuidV7()}, ${applicationId}, ${from}, ${to}, ${by}, ${day(-decidedDaysAgo - 30 + k * 10)})`);
      }
    }
  });
  return count;
}

const employmentRow = row({ id: column.text, person_id: column.text, school_id: column.text.nullable(), email: column.text.nullable() });

/**
 * About half the staff approved their employments, one in twenty disputed one (some answered); the demo professional still has both to
 * check. At the school with the second most staff nearly everyone approved: it is the demo's completed koploper, whose teachers
 * approved their data together in a guided session (seed 000), so its share is past the pipeline's threshold.
 */
async function settleDemoApprovals(database: Database, boardId: string, hrName: string, next: () => number): Promise<void> {
  const db = database.db;
  const employments = rowsOf(
    employmentRow,
    await db.execute(sql`SELECT e.id, e.person_id, e.school_id, p.email
    FROM employments e JOIN persons p ON p.id = e.person_id WHERE e.board_id = ${boardId} ORDER BY e.staff_number, e.function`),
  );
  const perSchool = new Map<string, number>();
  // not a school of the demo professional's: they still have their employments to check
  const professionalsSchools = new Set(employments.filter((e) => e.email === demoProfessionalEmail).map((e) => e.school_id));
  for (const e of employments) if (e.school_id && !professionalsSchools.has(e.school_id)) perSchool.set(e.school_id, (perSchool.get(e.school_id) ?? 0) + 1);
  const guidedSchool = [...perSchool.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[1]?.[0];
  const now = new Date();
  await inTransaction(db, async (tx) => {
    let disputes = 0;
    for (const e of employments) {
      if (e.email === demoProfessionalEmail) continue;
      const roll = next();
      const guided = e.school_id === guidedSchool;
      if (roll < (guided ? 0.96 : 0.5)) {
        await tx.execute(sql`UPDATE employments SET approval_status = 'geaccordeerd' WHERE id = ${e.id}`);
        await tx.execute(sql`INSERT INTO person_history (id, person_id, employment_id, kind, changes, by_label, created_at)
          VALUES (${uuidV7()}, ${e.person_id}, ${e.id}, 'dienstverband-geaccordeerd', '{"status": ["te-controleren", "geaccordeerd"]}'::jsonb, 'demodata', ${now.toISOString()})`);
      } else if (!guided && roll < 0.55) {
        const answered = disputes++ % 3 === 2;
        await tx.execute(sql`UPDATE employments SET approval_status = ${answered ? 'te-controleren' : 'betwist'} WHERE id = ${e.id}`);
        // as after a few weeks: the board's staff were told of these long ago (no overview of them tonight)
        const said = disputeComments[disputes % disputeComments.length];
        await tx.execute(sql`INSERT INTO employment_disputes (id, employment_id, person_id, board_id, fields, comment, status, reply, replied_by_label, created_at,
            resolved_at, board_notified_at)
          VALUES (${uuidV7()}, ${e.id}, ${e.person_id}, ${boardId}, ${arrayLiteral(said.fields)}::text[], ${said.comment}, ${answered ? 'beantwoord' : 'open'},
            ${answered ? 'Dank je, we hebben het nagekeken: in ons systeem staat het zo. Kom even langs als het toch niet klopt.' : null},
            ${answered ? hrName : null}, ${now.toISOString()}, ${answered ? now.toISOString() : null}, ${now.toISOString()})`);
      }
    }
  });
}
