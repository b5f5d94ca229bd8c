import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { column, row, rowsOf } from '../../db/rows.ts';
import { inTransaction } from '../../db/transaction.ts';
import { addDays, dutchToday } from '../../platform/dates/calendar.ts';
import { amsterdamToUtc } from '../../platform/dates/dutch-time.ts';
import * as repo from './events.repo.ts';
import { schoolSettings, type EventFacts, type RegistrantRole, type RegistrationStatus } from './events.rules.ts';

type DemoEvent = Omit<EventFacts, 'startsAt' | 'endsAt'> & {
  /** days from today (negative: past), start and end in Dutch time */
  day: number;
  from: string;
  until: string;
  /** how many register: the first `capacity` get a place, the rest wait */
  registrants: number;
  roles: readonly RegistrantRole[];
  /** the share of those with a place that were present (past events) */
  present?: number;
};

const demoEvents: DemoEvent[] = [
  // past events months ago, with attendance: the feedback's backlog (part 5) shows answers over several months
  {
    kind: 'meedenksessie',
    title: 'Meedenksessie: het aanleverbestand voor besturen',
    description: 'Besturen en HR lieten zien hoe zij personeelsgegevens aanleveren, en wat er aan het bestandsformaat beter kan.',
    audience: ['hr-medewerker', 'bestuurder'],
    online: true,
    place: null,
    onlineUrl: 'https://vergaderen.example.nl/aanleverbestand',
    capacity: 15,
    anonymousFeedback: false,
    day: -118,
    from: '10:00',
    until: '12:00',
    registrants: 13,
    roles: ['hr-medewerker', 'bestuurder'],
    present: 0.85,
  },
  {
    kind: 'verkennend-gesprek',
    title: 'Verkennend gesprek: wat leraren van een register verwachten',
    description: 'In groepen van ongeveer tien leraren verkenden we wat een beroepsregister voor hen betekent. Na afloop vroegen we hun mening, anoniem.',
    audience: ['leraar'],
    online: false,
    place: 'Stadhuis, Korte Poten 1, Den Haag',
    onlineUrl: null,
    capacity: 30,
    anonymousFeedback: true,
    day: -76,
    from: '15:00',
    until: '17:30',
    registrants: 24,
    roles: ['leraar'],
    present: 0.8,
  },
  {
    kind: 'voorlichting',
    title: 'Voorlichting: herregistratie en professionalisering',
    description: 'Hoe herregistratie werkt, welke activiteiten meetellen en hoe een schoolleider het overzicht van het team ziet.',
    audience: ['schoolleider', 'teamleider', 'leraar'],
    online: true,
    place: null,
    onlineUrl: 'https://vergaderen.example.nl/herregistratie',
    capacity: 80,
    anonymousFeedback: false,
    day: -44,
    from: '16:00',
    until: '17:00',
    registrants: 22,
    roles: ['schoolleider', 'teamleider', 'leraar'],
    present: 0.75,
  },
  {
    kind: 'voorlichting',
    title: 'Voorlichting: uw school als koploper',
    description:
      'Wat het beroepsregister is, wat er van uw school gevraagd wordt als koploper, en hoe leraren hun gegevens controleren en goedkeuren.\n\nMet ruimte voor vragen.',
    audience: ['schoolleider', 'hr-medewerker', 'bestuurder'],
    online: true,
    place: null,
    onlineUrl: 'https://vergaderen.example.nl/voorlichting-koplopers',
    capacity: 40,
    anonymousFeedback: false,
    day: -21,
    from: '15:30',
    until: '16:45',
    registrants: 18,
    roles: ['schoolleider', 'hr-medewerker', 'bestuurder'],
    present: 0.8,
  },
  {
    kind: 'meedenksessie',
    title: 'Meedenksessie: het registratiescherm voor leraren',
    description: 'We laten de schermen zien waarin leraren hun gegevens controleren, en vragen wat beter kan.',
    audience: ['leraar'],
    online: false,
    place: 'DUO, Kempkensberg 12, Groningen',
    onlineUrl: null,
    capacity: 12,
    anonymousFeedback: true,
    day: -9,
    from: '14:00',
    until: '16:00',
    registrants: 10,
    roles: ['leraar'],
    present: 0.9,
  },
  {
    kind: 'voorlichting',
    title: 'Voorlichting: het beroepsregister voor leraren en HR',
    description:
      'Wat het register vastlegt, hoe een bestuur personeelsgegevens aanlevert (het invoerscherm, een bestand of de koppeling van de softwareleverancier) en hoe leraren ze daarna controleren.',
    audience: ['leraar', 'hr-medewerker'],
    online: true,
    place: null,
    onlineUrl: 'https://vergaderen.example.nl/voorlichting-hr',
    capacity: 60,
    anonymousFeedback: false,
    day: 14,
    from: '10:00',
    until: '11:30',
    registrants: 9,
    roles: ['hr-medewerker', 'leraar'],
  },
  {
    kind: 'meedenksessie',
    title: 'Meedenksessie: herregistratie voor schoolleiders',
    description: 'Hoe moet herregistratie werken voor schoolleiders? Denk mee over de regels, de termijnen en de berichten.',
    audience: ['schoolleider', 'teamleider'],
    online: false,
    place: 'Jaarbeurs, Jaarbeursplein 6, Utrecht',
    onlineUrl: null,
    capacity: 8,
    anonymousFeedback: true,
    day: 21,
    from: '13:30',
    until: '16:00',
    // full, with three on the waiting list
    registrants: 11,
    roles: ['schoolleider', 'teamleider'],
  },
  {
    kind: 'verkennend-gesprek',
    title: 'Verkennend gesprek: het beroepsregister in de praktijk',
    description:
      'In groepen van ongeveer tien schoolleiders, zo divers mogelijk samengesteld, verkennen we wat het register voor uw school betekent. Na afloop vragen we uw mening, anoniem.',
    audience: ['schoolleider'],
    online: false,
    place: 'Nieuwe Liefde, Da Costakade 102, Amsterdam',
    onlineUrl: null,
    capacity: 40,
    anonymousFeedback: true,
    day: 35,
    from: '09:30',
    until: '12:30',
    registrants: 26,
    roles: ['schoolleider'],
  },
];

const firstNames = ['Anouk', 'Bram', 'Citlali', 'Daan', 'Esra', 'Femke', 'Gijs', 'Hatice', 'Ilse', 'Joost', 'Karim', 'Lotte', 'Mees', 'Noor'];
const surnames = ['de Vries', 'Jansen', 'Bakker', 'Yilmaz', 'Visser', 'Smit', 'Meijer', 'El Amrani', 'Mulder', 'de Boer', 'Bos', 'Vos', 'Peters'];

const schoolRow = row({ id: column.text });

/**
 * Demo data: past and future events of each kind, with registrations of people at schools all over the
 * directory (each with a role and a setting, as the diverse groups will use them), one full event with a
 * waiting list, attendance of the past ones, and the demo teacher registered (signed in) for one. No
 * mails are sent. Runs after the directory and the demo accounts.
 */
export async function seedDemoEvents(db: Db, now = new Date()): Promise<{ events: number; registrations: number }> {
  const today = dutchToday(now);
  // schools spread over the directory: every 37th open school, so boards, provinces and denominations differ
  const schools = rowsOf(
    schoolRow,
    await db.execute(
      sql`SELECT id FROM (SELECT id, row_number() OVER (ORDER BY brin) AS n FROM schools WHERE closed_at IS NULL) s WHERE n % 37 = 1 ORDER BY n LIMIT 60`,
    ),
  ).map((s) => s.id);
  const teacher = rowsOf(
    row({ id: column.text, name: column.text }),
    await db.execute(sql`SELECT id, display_name AS name FROM accounts WHERE email = 'leraar@demo.beroepsregister.nl'`),
  )[0];
  let registrations = 0;
  let person = 0;
  for (const [index, demo] of demoEvents.entries()) {
    const day = addDays(today, demo.day);
    const facts: EventFacts = { ...demo, startsAt: amsterdamToUtc(day, demo.from), endsAt: amsterdamToUtc(day, demo.until) };
    const created = new Date(facts.startsAt.getTime() - 30 * 86_400_000);
    await inTransaction(db, async (tx) => {
      const eventId = await repo.insertEvent(tx, facts, 'Demodata', created);
      for (let n = 0; n < demo.registrants; n++) {
        person++;
        const role = demo.roles[n % demo.roles.length];
        const withSchool = role !== 'bestuurder' && (role !== 'hr-medewerker' || n % 2 === 0);
        const name = `${firstNames[person % firstNames.length]} ${surnames[(person * 7) % surnames.length]}`;
        const status: RegistrationStatus = n < demo.capacity ? 'aangemeld' : 'wachtlijst';
        const at = new Date(created.getTime() + (n + 1) * 3_600_000);
        const id = await repo.insertRegistration(tx, {
          eventId,
          accountId: null,
          name,
          email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${person}@voorbeeld.nl`,
          role,
          schoolId: withSchool ? (schools[(person * 11) % Math.max(1, schools.length)] ?? null) : null,
          setting: withSchool ? schoolSettings[(person + index) % schoolSettings.length] : null,
          lang: 'nl',
          status,
          confirmTokenHash: null,
          confirmExpiresAt: null,
          now: at,
        });
        registrations++;
        if (id && demo.present && status === 'aangemeld' && n < demo.capacity * demo.present) {
          await tx.execute(sql`UPDATE event_registrations SET present_at = ${facts.endsAt.toISOString()}, present_by_label = 'Demodata' WHERE id = ${id}`);
        }
      }
      if (teacher && demo.kind === 'voorlichting' && demo.day > 0) {
        await repo.insertRegistration(tx, {
          eventId,
          accountId: teacher.id,
          name: teacher.name,
          email: 'leraar@demo.beroepsregister.nl',
          role: 'leraar',
          schoolId: schools[0] ?? null,
          setting: schools[0] ? 'dorp' : null,
          lang: 'nl',
          status: 'aangemeld',
          confirmTokenHash: null,
          confirmExpiresAt: null,
          now: created,
        });
        registrations++;
      }
    });
  }
  return { events: demoEvents.length, registrations };
}
