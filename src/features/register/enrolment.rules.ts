import { message, type Message } from '../../platform/i18n.ts';

/**
 * An enrolment's own status. Applications and decisions move it between ingeschreven, aangevraagd and
 * geregistreerd; register staff strike it off the register (doorhalen) and can reverse that (herstellen),
 * back to the status it had. Onder voorwaarden and herregistratie verlopen are derived from the
 * registration period, not stored.
 */
export const enrolmentStatuses = ['ingeschreven', 'aangevraagd', 'geregistreerd', 'doorgehaald'] as const;
export type EnrolmentStatus = (typeof enrolmentStatuses)[number];

export type EnrolmentEvent = 'aanvragen' | 'besluiten' | 'doorhalen' | 'herstellen';

export type EnrolmentTransition = { allowed: true; to: EnrolmentStatus } | { allowed: false; reason: Message };

/**
 * Where `event` takes an enrolment, or why not (a text key). `besluiten` goes to geregistreerd when a
 * registration is current, else back to ingeschreven; `herstellen` goes back to `before`, the status
 * the doorhaling ended.
 */
export function enrolmentTransition(
  from: EnrolmentStatus,
  event: EnrolmentEvent,
  context: { registered?: boolean; before?: EnrolmentStatus | null } = {},
): EnrolmentTransition {
  if (event === 'herstellen') {
    if (from !== 'doorgehaald') return { allowed: false, reason: message('register.error.reinstateOnlyStruckOff') };
    const before = context.before && context.before !== 'doorgehaald' ? context.before : 'ingeschreven';
    return { allowed: true, to: before };
  }
  if (from === 'doorgehaald') {
    const reasons: Record<Exclude<EnrolmentEvent, 'herstellen'>, Message> = {
      aanvragen: message('register.error.struckOffApply'),
      besluiten: message('register.error.struckOffDecide'),
      doorhalen: message('register.error.alreadyStruckOff'),
    };
    return { allowed: false, reason: reasons[event] };
  }
  switch (event) {
    case 'aanvragen':
      return { allowed: true, to: from === 'ingeschreven' ? 'aangevraagd' : from };
    case 'besluiten':
      return { allowed: true, to: context.registered ? 'geregistreerd' : 'ingeschreven' };
    case 'doorhalen':
      return { allowed: true, to: 'doorgehaald' };
  }
}
