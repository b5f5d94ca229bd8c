import { message, type Message } from '../../platform/i18n.ts';

/**
 * A registration application, from the professional's request to the Commissie Registratie's decision
 * and a possible objection (bezwaar). Every step is an event with who and why.
 */
export const applicationStatuses = ['aangevraagd', 'in-behandeling', 'geregistreerd', 'afgewezen', 'bezwaar'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export type ApplicationEvent = 'toewijzen' | 'registreren' | 'afwijzen' | 'bezwaar-maken';

const transitions: Record<ApplicationStatus, Partial<Record<ApplicationEvent, ApplicationStatus>>> = {
  aangevraagd: { toewijzen: 'in-behandeling' },
  'in-behandeling': { registreren: 'geregistreerd', afwijzen: 'afgewezen', toewijzen: 'in-behandeling' },
  geregistreerd: { 'bezwaar-maken': 'bezwaar' },
  afgewezen: { 'bezwaar-maken': 'bezwaar' },
  // an objection reopens the review: assigned again, decided again
  bezwaar: { toewijzen: 'in-behandeling' },
};

/** Objection is possible within six weeks of the decision (Awb art. 6:7). */
export const objectionWeeks = 6;

export function objectionDeadline(decidedOn: string): string {
  const date = new Date(`${decidedOn}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + objectionWeeks * 7);
  return date.toISOString().slice(0, 10);
}

export type ApplicationTransition = { allowed: true; to: ApplicationStatus } | { allowed: false; reason: Message };

/** Where `event` takes an application, or why not (a text key). `today` and `decidedOn` are JJJJ-MM-DD. */
export function applicationTransition(
  from: ApplicationStatus,
  event: ApplicationEvent,
  context: { today: string; decidedOn?: string | null } = { today: '' },
): ApplicationTransition {
  const to = transitions[from][event];
  if (!to) {
    const reasons: Record<ApplicationEvent, Message> = {
      toewijzen: message('register.error.notWaitingForMember'),
      registreren: message('register.error.onlyInReviewDecided'),
      afwijzen: message('register.error.onlyInReviewDecided'),
      'bezwaar-maken': message('register.error.objectionOnlyDecision'),
    };
    return { allowed: false, reason: reasons[event] };
  }
  if (event === 'bezwaar-maken') {
    if (!context.decidedOn) return { allowed: false, reason: message('register.error.objectionOnlyDecision') };
    const deadline = objectionDeadline(context.decidedOn);
    if (context.today > deadline) return { allowed: false, reason: message('register.error.objectionPeriodOver', { weeks: objectionWeeks, deadline }) };
  }
  return { allowed: true, to };
}

/** The end of a registration period: the cycle in years after the decision, the day before the same date. */
export function validUntil(decidedOn: string, cycleYears: number): string {
  const date = new Date(`${decidedOn}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + cycleYears);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
