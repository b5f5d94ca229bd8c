import { describe, expect, it } from 'vitest';
import { readAs } from './texts.test-support.ts';
import {
  applicationStatuses,
  applicationTransition,
  objectionDeadline,
  validUntil,
  type ApplicationEvent,
  type ApplicationStatus,
} from './registration.rules.ts';

describe('a registration application', () => {
  const today = '2026-11-23';
  const expected: Record<ApplicationStatus, Record<ApplicationEvent, ApplicationStatus | null>> = {
    aangevraagd: { toewijzen: 'in-behandeling', registreren: null, afwijzen: null, 'bezwaar-maken': null },
    'in-behandeling': { toewijzen: 'in-behandeling', registreren: 'geregistreerd', afwijzen: 'afgewezen', 'bezwaar-maken': null },
    geregistreerd: { toewijzen: null, registreren: null, afwijzen: null, 'bezwaar-maken': 'bezwaar' },
    afgewezen: { toewijzen: null, registreren: null, afwijzen: null, 'bezwaar-maken': 'bezwaar' },
    bezwaar: { toewijzen: 'in-behandeling', registreren: null, afwijzen: null, 'bezwaar-maken': null },
  };
  for (const from of applicationStatuses) {
    for (const [event, to] of Object.entries(expected[from]) as [ApplicationEvent, ApplicationStatus | null][]) {
      it(`${from} + ${event} → ${to ?? 'geweigerd'}`, () => {
        const result = applicationTransition(from, event, { today, decidedOn: '2026-11-01' });
        expect(result.allowed ? result.to : null).toBe(to);
        if (!result.allowed) expect(readAs(result.reason)).toMatch(/\.$/);
      });
    }
  }

  it('takes an objection until six weeks after the decision, not a day later', () => {
    expect(objectionDeadline('2026-11-01')).toBe('2026-12-13');
    expect(applicationTransition('afgewezen', 'bezwaar-maken', { today: '2026-12-13', decidedOn: '2026-11-01' })).toEqual({ allowed: true, to: 'bezwaar' });
    expect(applicationTransition('afgewezen', 'bezwaar-maken', { today: '2026-12-14', decidedOn: '2026-11-01' })).toEqual({
      allowed: false,
      reason: { key: 'register.error.objectionPeriodOver', params: { weeks: 6, deadline: '2026-12-13' } },
    });
    expect(readAs(applicationTransition('afgewezen', 'bezwaar-maken', { today: '2026-12-14', decidedOn: '2026-11-01' }))).toEqual({
      allowed: false,
      reason: 'De bezwaartermijn van 6 weken is verstreken (tot en met 13 december 2026).',
    });
  });

  it('is registered for the cycle of its register, to the day before', () => {
    expect(validUntil('2026-11-23', 4)).toBe('2030-11-22');
    expect(validUntil('2024-02-29', 5)).toBe('2029-02-28');
  });
});
