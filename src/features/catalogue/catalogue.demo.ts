import type { Db } from '../../db/database.ts';
import { amsterdamDateTime, amsterdamToUtc, provinces } from './catalogue.rules.ts';
import * as repo from './catalogue.repo.ts';
import { addDays, dutchToday } from '../../platform/dates/calendar.ts';
import { inTransaction } from '../../db/transaction.ts';

const venues: Record<string, string> = {
  Drenthe: 'Drents Museum, Assen',
  Flevoland: 'Agora, Lelystad',
  Friesland: 'Tresoar, Leeuwarden',
  Gelderland: 'Musis, Arnhem',
  Groningen: 'Forum, Groningen',
  Limburg: 'Mecc, Maastricht',
  'Noord-Brabant': 'Klokgebouw, Eindhoven',
  'Noord-Holland': 'Nieuwe Liefde, Amsterdam',
  Overijssel: 'Wilmink Theater, Enschede',
  Utrecht: 'Jaarbeurs, Utrecht',
  Zeeland: 'Zeeuwse Bibliotheek, Middelburg',
  'Zuid-Holland': 'Nieuwe Kerk, Den Haag',
};

/**
 * Demo data: one to three upcoming runs for each accredited offering, in the months ahead, spread
 * over the provinces and online (as the offering's format allows); and a run two weeks ago of the
 * first offering that allows one, with attendance of the first few enrolled professionals, whose
 * dossiers then hold it. Runs only on an empty catalogue after the rest of the demo (no mails are sent).
 */
export async function seedDemoRuns(db: Db, offerings: { id: string }[], now = new Date()): Promise<{ runs: number; attendances: number }> {
  const today = dutchToday(now);
  let runs = 0;
  let attendances = 0;
  let pastDone = false;
  for (const [index, { id }] of offerings.entries()) {
    const offering = await repo.findOffering(db, id);
    if (offering?.status !== 'geaccrediteerd' || !offering.validUntil || !offering.validFrom) continue;
    const count = 1 + (index % 3);
    for (let n = 0; n < count; n++) {
      const day = addDays(today, 14 + index * 9 + n * 37);
      if (day > offering.validUntil || day < offering.validFrom) continue;
      const online = offering.format === 'online' || (offering.format === 'hybride' && n % 2 === 1);
      const province = provinces[(index * 5 + n * 7) % provinces.length];
      const [start, end] = n % 2 === 0 ? ['09:30', '16:00'] : ['13:00', '17:00'];
      await repo.insertRun(
        db,
        offering.id,
        {
          startsAt: amsterdamToUtc(day, start),
          endsAt: amsterdamToUtc(day, end),
          online,
          place: online ? null : venues[province],
          province: online ? null : province,
          capacity: online ? 100 : 20 + (index % 4) * 10,
        },
        'Demodata',
        now,
      );
      runs++;
    }
    const past = addDays(today, -14);
    if (pastDone || past < offering.validFrom) continue;
    pastDone = true;
    await inTransaction(db, async (tx) => {
      const facts = {
        startsAt: amsterdamToUtc(past, '09:30'),
        endsAt: amsterdamToUtc(past, '16:00'),
        online: false,
        place: venues.Utrecht,
        province: 'Utrecht',
        capacity: 25,
      };
      const runId = await repo.insertRun(tx, offering.id, facts, 'Demodata', now);
      runs++;
      const participants = await repo.findEnrolmentsByNumbers(tx, await repo.listSomeEnrolments(tx, 5));
      for (const participant of participants) {
        const attendanceId = await repo.insertAttendance(tx, { runId, enrolmentId: participant.id, source: 'pagina', byLabel: 'Demodata', now });
        if (!attendanceId) continue;
        await repo.insertActivityForAttendance(tx, {
          attendanceId,
          enrolmentId: participant.id,
          offeringId: offering.id,
          startedOn: amsterdamDateTime(facts.startsAt).date,
          completedOn: amsterdamDateTime(facts.endsAt).date,
          now,
        });
        attendances++;
      }
    });
  }
  return { runs, attendances };
}
