import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { hashToken, randomToken } from '../../platform/crypto.ts';
import { dutchDateOf } from '../../platform/dates/calendar.ts';
import { listConfirmedRegistrants, listEndedEvents } from '../events/index.ts';
import { invitees, linkDays } from './feedback.rules.ts';
import * as repo from './feedback.repo.ts';

const topics = [
  'Aanleveren van gegevens',
  'Registratiescherm voor leraren',
  'Herregistratie en uren',
  'Communicatie en uitleg',
  'Privacy en AVG',
  'Tijdsbelasting voor de school',
  'Organisatie van de bijeenkomst',
];
/** Retired, with the tags it had: shows that retiring keeps them. */
const retiredTopic = 'Inlogproblemen';

/** What people wrote, with the topics staff gave it (indexes into `topics`; -1 the retired one). */
const answers: { rating: number; valuable: string; improve: string; other: string; tags: number[] }[] = [
  {
    rating: 4,
    valuable: 'Eindelijk duidelijk welke gegevens wij als bestuur moeten aanleveren en wanneer.',
    improve: 'Het bestandsformaat is streng; een voorbeeldbestand met fouten erin zou helpen.',
    other: '',
    tags: [0],
  },
  { rating: 5, valuable: 'De schermen zagen er overzichtelijk uit. Goed dat leraren zelf kunnen controleren.', improve: '', other: '', tags: [1] },
  {
    rating: 3,
    valuable: 'Het gesprek met collega’s van andere scholen.',
    improve: 'Ik weet nog steeds niet hoeveel uur professionalisering er precies nodig is voor herregistratie.',
    other: 'Graag een rekenvoorbeeld op de website.',
    tags: [2, 3],
  },
  { rating: 2, valuable: '', improve: 'Te veel uitleg vooraf, te weinig tijd voor vragen.', other: '', tags: [6] },
  {
    rating: 4,
    valuable: 'Dat er naar ons geluisterd wordt.',
    improve: 'Wie kan straks mijn gegevens zien? Dat bleef vaag.',
    other: 'Zorg dat de AVG-uitleg in gewone taal is.',
    tags: [4, 3],
  },
  { rating: 5, valuable: 'Korte lijnen met het registerbureau, vragen werden meteen beantwoord.', improve: '', other: '', tags: [3] },
  {
    rating: 3,
    valuable: 'De demonstratie van het invoerscherm.',
    improve: 'Voor kleine scholen zonder HR-afdeling kost dit veel tijd. Denk aan ondersteuning.',
    other: '',
    tags: [5, 0],
  },
  { rating: 4, valuable: '', improve: 'Inloggen met het schoolaccount lukte niet bij iedereen.', other: '', tags: [-1] },
  { rating: 5, valuable: 'Fijne sfeer, goede gespreksleider.', improve: '', other: '', tags: [6] },
  { rating: 4, valuable: '', improve: '', other: '', tags: [] },
  {
    rating: 3,
    valuable: 'Het overzicht van wat wel en niet meetelt voor herregistratie.',
    improve: 'Scholing die ik al gedaan heb, wil ik niet opnieuw moeten bewijzen.',
    other: '',
    tags: [2],
  },
  { rating: 2, valuable: '', improve: 'De online verbinding viel twee keer weg.', other: 'Misschien een opname achteraf delen?', tags: [6] },
  {
    rating: 4,
    valuable: 'Helder verhaal over waarom het register er komt.',
    improve: 'Meer voorbeelden uit het speciaal basisonderwijs.',
    other: '',
    tags: [3],
  },
  { rating: 5, valuable: 'Ik kon mijn eigen gegevens meteen nakijken.', improve: 'Wij hebben nog geen account gekregen.', other: '', tags: [1, -1] },
  { rating: 3, valuable: '', improve: '', other: 'Wanneer komt de volgende sessie?', tags: [] },
];

/**
 * Demo data: feedback on the past demo events (run after `seedDemoEvents`): invitations to who came,
 * answers from about two in three, a day or a few after the event (anonymous where the event says so),
 * a topic list with one retired topic, and most answers tagged. No mails are sent.
 */
export async function seedDemoFeedback(db: Db, now = new Date()): Promise<{ invitations: number; answers: number; topics: number }> {
  const topicIds: string[] = [];
  let retiredId = '';
  await inTransaction(db, async (tx) => {
    for (const name of topics) topicIds.push((await repo.insertTopic(tx, name, now))!);
    retiredId = (await repo.insertTopic(tx, retiredTopic, now))!;
    await repo.setRetired(tx, retiredId, now);
  });
  let invitations = 0;
  let answered = 0;
  let pick = 0;
  for (const event of await listEndedEvents(db, new Date(0), now)) {
    const chosen = invitees(await listConfirmedRegistrants(db, event.id));
    const invitedAt = new Date(event.endsAt.getTime() + 2 * 3_600_000);
    await inTransaction(db, async (tx) => {
      await repo.insertInvitations(
        tx,
        chosen.map((r) => ({
          eventId: event.id,
          registrationId: r.registrationId,
          tokenHash: hashToken(randomToken()),
          invitedAt,
          expiresAt: new Date(invitedAt.getTime() + linkDays * 86_400_000),
        })),
      );
      invitations += chosen.length;
      for (const [n, r] of chosen.entries()) {
        if (n % 3 === 2) continue; // about one in three does not answer
        const answer = answers[pick++ % answers.length];
        const at = new Date(invitedAt.getTime() + ((n % 4) * 24 + 3) * 3_600_000);
        if (at > now) continue;
        await tx.execute(sql`UPDATE feedback_invitations SET answered_at = ${at.toISOString()} WHERE event_registration_id = ${r.registrationId}`);
        const id = await repo.insertAnswer(tx, {
          eventId: event.id,
          registrationId: r.registrationId,
          anonymous: event.anonymousFeedback,
          facts: { rating: answer.rating, valuable: answer.valuable, improve: answer.improve, other: answer.other },
          day: dutchDateOf(at),
        });
        answered++;
        // the newest event's last answers wait for a topic, as new ones do
        if (event.endsAt.getTime() > now.getTime() - 12 * 86_400_000 && n > chosen.length / 2) continue;
        for (const tag of answer.tags) {
          await tx.execute(sql`INSERT INTO feedback_answer_topics (answer_id, topic_id, tagged_by_label, tagged_at)
            VALUES (${id}, ${tag === -1 ? retiredId : topicIds[tag]}, 'Demodata', ${at.toISOString()})`);
        }
      }
    });
  }
  return { invitations, answers: answered, topics: topics.length + 1 };
}
