import { describe, expect, it } from 'vitest';
import { readAs } from './texts.test-support.ts';
import { enrolmentStatuses, enrolmentTransition } from './enrolment.rules.ts';

describe('an enrolment moves', () => {
  it('to aangevraagd on a first application, and stays registered on a later one', () => {
    expect(enrolmentTransition('ingeschreven', 'aanvragen')).toEqual({ allowed: true, to: 'aangevraagd' });
    expect(enrolmentTransition('aangevraagd', 'aanvragen')).toEqual({ allowed: true, to: 'aangevraagd' });
    expect(enrolmentTransition('geregistreerd', 'aanvragen')).toEqual({ allowed: true, to: 'geregistreerd' });
  });

  it('after a decision, to geregistreerd while a registration is current, else back to ingeschreven', () => {
    expect(enrolmentTransition('aangevraagd', 'besluiten', { registered: true })).toEqual({ allowed: true, to: 'geregistreerd' });
    expect(enrolmentTransition('aangevraagd', 'besluiten', { registered: false })).toEqual({ allowed: true, to: 'ingeschreven' });
  });

  it('to doorgehaald from every status but doorgehaald', () => {
    for (const from of enrolmentStatuses.filter((s) => s !== 'doorgehaald')) {
      expect(enrolmentTransition(from, 'doorhalen'), from).toEqual({ allowed: true, to: 'doorgehaald' });
    }
    expect(enrolmentTransition('doorgehaald', 'doorhalen')).toEqual({ allowed: false, reason: { key: 'register.error.alreadyStruckOff' } });
    expect(readAs(enrolmentTransition('doorgehaald', 'doorhalen'))).toEqual({ allowed: false, reason: 'Deze inschrijving is al doorgehaald.' });
  });

  it('while doorgehaald: no application and no decision changes it; herstellen goes back to the status before', () => {
    expect(readAs(enrolmentTransition('doorgehaald', 'aanvragen'))).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('registratie aanvragen kan niet'),
    });
    expect(enrolmentTransition('doorgehaald', 'besluiten', { registered: true })).toMatchObject({ allowed: false });
    expect(enrolmentTransition('doorgehaald', 'herstellen', { before: 'geregistreerd' })).toEqual({ allowed: true, to: 'geregistreerd' });
    expect(enrolmentTransition('doorgehaald', 'herstellen', { before: null })).toEqual({ allowed: true, to: 'ingeschreven' });
  });

  it('herstellen only what is doorgehaald', () => {
    for (const from of enrolmentStatuses.filter((s) => s !== 'doorgehaald')) {
      expect(readAs(enrolmentTransition(from, 'herstellen')), from).toEqual({
        allowed: false,
        reason: 'Alleen een doorgehaalde inschrijving kan worden hersteld.',
      });
    }
  });
});
