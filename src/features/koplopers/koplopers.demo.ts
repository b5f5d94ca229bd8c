import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { column, countOf, firstRowOf, row, rowsOf } from '../../db/rows.ts';
import { inTransaction } from '../../db/transaction.ts';
import { countSchoolApprovals } from '../register/index.ts';
import { estimateEffort, type DeliveryMethod, type PipelineStep } from './koplopers.rules.ts';
import * as repo from './koplopers.repo.ts';

/** Made-up suppliers' contacts (names of real HR software houses, addresses on example.nl). */
const demoSuppliers: repo.SupplierInput[] = [
  { name: 'AFAS Software', contactName: 'Marieke Bosman', contactEmail: 'onderwijs@afas.example.nl', contactPhone: '035 123 45 67', active: true },
  { name: 'Visma | Raet', contactName: 'Jeroen Kamps', contactEmail: 'youforce@visma.example.nl', contactPhone: '033 123 45 67', active: true },
  { name: 'Dyade', contactName: 'Sandra Mulder', contactEmail: 'koppelingen@dyade.example.nl', contactPhone: null, active: true },
  { name: 'Merces', contactName: null, contactEmail: null, contactPhone: null, active: false },
];

type DemoKoploper = {
  step: PipelineStep;
  contact: string;
  teachers: number;
  method: DeliveryMethod;
  supplier?: string;
  grondslagenMapped: boolean;
  activities: string[];
  /** days ago the school applied; each later step a week or two after */
  appliedDaysAgo: number;
  owner: boolean;
  /** days from today of the next date (negative: past), if any */
  nextInDays?: number;
  notes: string;
};

const others: DemoKoploper[] = [
  {
    step: 1,
    contact: 'Fatima el Amrani',
    teachers: 14,
    method: 'invoerscherm',
    grondslagenMapped: false,
    activities: ['voorlichting-voor-leraren'],
    appliedDaysAgo: 1,
    owner: false,
    notes: '',
  },
  {
    step: 1,
    contact: 'Pieter van Dijk',
    teachers: 31,
    method: 'bestand',
    grondslagenMapped: true,
    activities: [],
    appliedDaysAgo: 4,
    owner: true,
    nextInDays: 2,
    notes: 'Bellen voor de intake; voorkeur voor dinsdagochtend.',
  },
  {
    step: 2,
    contact: 'Anouk Visser',
    teachers: 22,
    method: 'koppeling',
    supplier: 'AFAS Software',
    grondslagenMapped: false,
    activities: ['voorlichting-voor-leraren', 'meedenksessie'],
    appliedDaysAgo: 12,
    owner: true,
    nextInDays: 5,
    notes: 'Intake gepland. Wil graag een meedenksessie voor de teamleiders.',
  },
  {
    step: 3,
    contact: 'Mohamed Yilmaz',
    teachers: 48,
    method: 'koppeling',
    supplier: 'Visma | Raet',
    grondslagenMapped: true,
    activities: ['begeleid-goedkeuren'],
    appliedDaysAgo: 30,
    owner: true,
    nextInDays: 14,
    notes: 'Bezoek gepland; Visma | Raet zet de koppeling klaar voor de testomgeving.',
  },
  {
    step: 4,
    contact: 'Esther de Boer',
    teachers: 9,
    method: 'bestand',
    grondslagenMapped: true,
    activities: ['voorlichting-voor-leraren', 'begeleid-goedkeuren'],
    appliedDaysAgo: 45,
    owner: true,
    notes: 'Bestand wordt deze maand aangeleverd.',
  },
];

const demoBoardKoplopers: DemoKoploper[] = [
  {
    step: 5,
    contact: 'Hendrik Jansen',
    teachers: 60,
    method: 'bestand',
    grondslagenMapped: false,
    activities: ['voorlichting-voor-leraren', 'begeleid-goedkeuren', 'meedenksessie'],
    appliedDaysAgo: 90,
    owner: true,
    nextInDays: 10,
    notes: 'Bijeenkomst voor de leraren in de aula; daarna keuren zij onder begeleiding hun gegevens goed.',
  },
  {
    step: 6,
    contact: 'Willemijn Smit',
    teachers: 18,
    method: 'bestand',
    grondslagenMapped: true,
    activities: ['begeleid-goedkeuren'],
    appliedDaysAgo: 150,
    owner: true,
    notes: 'Afgerond. De school levert voortaan alleen wijzigingen aan.',
  },
];

/** A reference that is the same on every fresh installation (the demo's receipts stay stable). */
const referenceOf = (schoolId: string) => createHash('sha256').update(`koploper-demo:${schoolId}`).digest('base64url').slice(0, 32);

const day = 86_400_000;

/**
 * Demo koplopers in every step: five schools of other boards (steps 1–4, several provinces; none of those
 * boards has delivered, so step 4 stays until one does) and two of the demo board's schools in steps 5 and 6
 * (the busiest, and the one whose staff approved nearly all), whose cards show the demo's real approval figures. Also the suppliers'
 * list. Repeatable: a school that already has an application is left as it is.
 */
export async function seedDemoKoplopers(db: Db, boardNumber: string, now = new Date()): Promise<number> {
  for (const s of demoSuppliers) if (!(await repo.supplierNameTaken(db, s.name))) await repo.insertSupplier(db, s);
  const suppliers = await repo.listSuppliers(db, false);
  const owner = firstRowOf(
    row({ id: column.text, name: column.text }),
    await db.execute(sql`SELECT id, display_name AS name FROM accounts WHERE email = 'registerbeheer@demo.beroepsregister.nl'`),
  );
  const board = firstRowOf(row({ id: column.text }), await db.execute(sql`SELECT id FROM boards WHERE number = ${boardNumber}`));
  // five open schools of other boards, each in another province
  const otherSchools = rowsOf(
    row({ id: column.text, name: column.text, boardId: column.text }),
    await db.execute(sql`SELECT id, name, "boardId" FROM (
      SELECT DISTINCT ON (s.provinces[1]) s.id, s.name, s.board_id AS "boardId", s.provinces[1] AS province
      FROM schools s JOIN boards b ON b.id = s.board_id
      WHERE s.closed_at IS NULL AND b.number <> ${boardNumber} AND s.provinces[1] IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.board_id = s.board_id AND d.status = 'verwerkt')
      ORDER BY s.provinces[1], s.brin) per_province
    ORDER BY province LIMIT ${others.length}`),
  );
  // the demo board's schools with the most delivered employments
  let boardSchools: { id: string; name: string; boardId: string }[] = [];
  if (board) {
    const schools = rowsOf(
      row({ id: column.text, name: column.text, boardId: column.text }),
      await db.execute(sql`SELECT id, name, board_id AS "boardId" FROM schools WHERE board_id = ${board.id} AND closed_at IS NULL ORDER BY brin`),
    );
    const approvals = await countSchoolApprovals(
      db,
      board.id,
      schools.map((s) => s.id),
    );
    // step 5: the school with the most delivered staff that is not the best approved; step 6: the best approved (its share is past the threshold)
    const share = (id: string) => (approvals.get(id)?.approved ?? 0) / Math.max(1, approvals.get(id)?.delivered ?? 0);
    const delivered = schools.filter((s) => (approvals.get(s.id)?.delivered ?? 0) > 0);
    const completed = [...delivered].sort((a, b) => share(b.id) - share(a.id))[0];
    const busiest = delivered.filter((s) => s !== completed).sort((a, b) => (approvals.get(b.id)?.delivered ?? 0) - (approvals.get(a.id)?.delivered ?? 0))[0];
    boardSchools = busiest && completed ? [busiest, completed] : [];
  }
  const version = await repo.currentEstimateVersion(db);
  const plan = [...otherSchools.map((school, i) => ({ school, k: others[i] })), ...boardSchools.map((school, i) => ({ school, k: demoBoardKoplopers[i] }))];
  let added = 0;
  for (const { school, k } of plan) {
    if (countOf(await db.execute(sql`SELECT count(*) AS n FROM koplopers WHERE school_id = ${school.id}`)) > 0) continue;
    const applied = new Date(now.getTime() - k.appliedDaysAgo * day);
    const estimate = estimateEffort(version.model, {
      teachers: k.teachers,
      deliveryMethod: k.method,
      grondslagenMapped: k.grondslagenMapped,
      activities: k.activities,
    });
    await inTransaction(db, async (tx) => {
      const id = await repo.insertKoploper(
        tx,
        {
          reference: referenceOf(school.id),
          boardId: school.boardId,
          schoolId: school.id,
          locationId: null,
          schoolName: school.name,
          contactName: k.contact,
          contactEmail: `${k.contact.toLowerCase().replace(/[^a-z]+/g, '.')}@school.example.nl`,
          contactPhone: null,
          teachers: k.teachers,
          deliveryMethod: k.method,
          supplierId: suppliers.find((s) => s.name === k.supplier)?.id ?? null,
          grondslagenMapped: k.grondslagenMapped,
          activities: k.activities,
          estimateVersion: version.version,
          estimate,
          lang: 'nl',
        },
        applied,
      );
      if (!id) return;
      await repo.insertEvent(
        tx,
        id,
        {
          kind: 'aangemeld',
          fromStep: null,
          toStep: 1,
          detail: { estimateVersion: version.version, totalHours: estimate.totalHours },
          note: null,
          byLabel: k.contact,
          byAccountId: null,
        },
        applied,
      );
      // each step after the first a fortnight later, by the register office's demo account
      let at = applied;
      for (let step = 2; step <= k.step; step++) {
        at = new Date(Math.min(at.getTime() + 14 * day, now.getTime() - (k.step - step + 1) * 60_000));
        const byLabel = owner?.name ?? 'registerbeheer';
        await repo.insertEvent(
          tx,
          id,
          { kind: 'stap', fromStep: step - 1, toStep: step, detail: null, note: null, byLabel, byAccountId: owner?.id ?? null },
          at,
        );
      }
      await repo.updateStep(tx, id, k.step, at);
      const nextDate = k.nextInDays === undefined ? null : new Date(now.getTime() + k.nextInDays * day).toISOString().slice(0, 10);
      await repo.updateCardDetails(tx, id, { ownerAccountId: k.owner ? (owner?.id ?? null) : null, nextDate, notes: k.notes }, at);
    });
    added++;
  }
  return added;
}
