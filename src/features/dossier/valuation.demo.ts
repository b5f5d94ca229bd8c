import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import { dutchDateOf } from '../../platform/dates/calendar.ts';
import { inTransaction } from '../../db/transaction.ts';
import { column, row, rowsOf } from '../../db/rows.ts';

const demoRequests = [
  {
    title: 'Leesgroep onderwijskundig leiderschap',
    hours: 16,
    themes: ['Persoonlijk leiderschap', 'Kennis- en kwaliteitsontwikkeling'],
    competencies: ['Hogere-orde denken'],
    goals: 'Mijn visie op leiderschap aanscherpen met recente literatuur.',
    reflection: 'We lazen vier boeken en bespraken ze maandelijks. Ik heb daarna ons scholingsplan herschreven.',
    explanation: 'Een leesgroep met drie collega-directeuren, acht bijeenkomsten van twee uur; de verslagen en het nieuwe scholingsplan kan ik laten zien.',
  },
  {
    title: 'Meelopen met een ervaren directeur',
    hours: 24,
    themes: ['Leiding geven aan verandering'],
    competencies: ['Leiding geven aan verandering', 'In relatie staan tot de omgeving'],
    goals: 'Zien hoe een ervaren directeur een fusie van twee scholen leidt.',
    reflection: 'Ik zag hoe belangrijk het is om teams vroeg te betrekken; dat pas ik nu toe bij onze nieuwbouw.',
    explanation: 'Drie dagen meegelopen tijdens een schoolfusie, met een gesprek vooraf en achteraf over wat ik zag.',
  },
];

const leaderRow = row({ enrolmentId: column.text });

/**
 * Demo data for achteraf waarderen: two school leaders registered in the Schoolleidersregister PO
 * each asked for an informal-learning activity to be valued, so the Commissie Accreditatie's queue
 * has work. Needs the demo staff with their registrations (seedDemoStaff) first; without them it
 * does nothing. Straight into the tables, like the rest of the demo. Returns how many it made.
 */
export async function seedDemoValuation(db: Db): Promise<number> {
  const leaders = rowsOf(
    leaderRow,
    await db.execute(sql`SELECT DISTINCT n.id AS "enrolmentId", n.register_number
    FROM enrolments n JOIN registration_applications a ON a.enrolment_id = n.id JOIN registers r ON r.id = a.register_id
    WHERE r.code = 'schoolleidersregister-po' AND a.status = 'geregistreerd' AND n.status = 'geregistreerd'
    ORDER BY n.register_number LIMIT ${demoRequests.length}`),
  );
  const day = (offset: number) => dutchDateOf(new Date(Date.now() + offset * 86_400_000));
  await inTransaction(db, async (tx) => {
    for (const [i, { enrolmentId }] of leaders.entries()) {
      const a = demoRequests[i];
      const activityId = uuidV7();
      const text = (list: string[]) => `{${list.map((x) => `"${x}"`).join(',')}}`;
      await tx.execute(sql`INSERT INTO activities (id, enrolment_id, kind, title, started_on, completed_on, hours, themes, competencies, learning_goals, reflection, source, created_at, updated_at)
        VALUES (${activityId}, ${enrolmentId}, 'informeel-leren', ${a.title}, ${day(-120 + i * 20)}, ${day(-30 + i * 10)}, ${a.hours}, ${text(a.themes)}::text[], ${text(a.competencies)}::text[],
          ${a.goals}, ${a.reflection}, 'eigen', now() - interval '25 days', now() - interval '25 days')`);
      await tx.execute(sql`INSERT INTO valuation_requests (id, activity_id, enrolment_id, status, explanation, created_at)
        VALUES (${uuidV7()}, ${activityId}, ${enrolmentId}, 'aangevraagd', ${a.explanation}, now() - make_interval(days => ${20 - i * 5}::int))`);
    }
  });
  return leaders.length;
}
