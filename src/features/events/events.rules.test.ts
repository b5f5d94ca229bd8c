import { describe, expect, it } from 'vitest';
import {
  checkEvent,
  checkEventQuery,
  checkRegistration,
  isWebLink,
  movingUp,
  placeOrWait,
  registrationCancellable,
  reminderDue,
  type EventForm,
  type RegistrationForm,
} from './events.rules.ts';

// Monday 11 January 2027, 10:00 in Amsterdam (winter: UTC+1)
const now = new Date('2027-01-11T09:00:00Z');

const form: EventForm = {
  soort: 'meedenksessie',
  titel: 'Meedenksessie registratiescherm',
  beschrijving: 'Wat kan beter?',
  doelgroep: ['leraar', 'schoolleider'],
  datum: '20-01-2027',
  begintijd: '14:00',
  eindtijd: '16:00',
  vorm: 'locatie',
  plaats: 'DUO, Groningen',
  link: '',
  capaciteit: '12',
  anoniem: 'ja',
};

const fieldsOf = (result: ReturnType<typeof checkEvent>) => (result.ok ? [] : result.problems.map((p) => p.field));

describe('checkEvent', () => {
  it('takes a good event, in Dutch time', () => {
    const result = checkEvent(form, now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.facts.startsAt.toISOString()).toBe('2027-01-20T13:00:00.000Z');
    expect(result.facts.endsAt.toISOString()).toBe('2027-01-20T15:00:00.000Z');
    expect(result.facts).toMatchObject({
      kind: 'meedenksessie',
      capacity: 12,
      online: false,
      place: 'DUO, Groningen',
      onlineUrl: null,
      anonymousFeedback: true,
    });
    expect(result.facts.audience).toEqual(['leraar', 'schoolleider']);
  });

  it('refuses capacity 0, a date in the past and an end before the start, each at its field', () => {
    expect(fieldsOf(checkEvent({ ...form, capaciteit: '0' }, now))).toEqual(['capaciteit']);
    expect(fieldsOf(checkEvent({ ...form, datum: '10-01-2027' }, now))).toEqual(['datum']);
    expect(fieldsOf(checkEvent({ ...form, eindtijd: '13:00' }, now))).toEqual(['eindtijd']);
    expect(fieldsOf(checkEvent({ ...form, eindtijd: '14:00' }, now))).toEqual(['eindtijd']);
  });

  it('refuses a time earlier today, but takes a later one today', () => {
    expect(fieldsOf(checkEvent({ ...form, datum: '11-01-2027', begintijd: '09:30', eindtijd: '11:00' }, now))).toEqual(['begintijd']);
    expect(checkEvent({ ...form, datum: '11-01-2027', begintijd: '10:30', eindtijd: '11:00' }, now).ok).toBe(true);
  });

  it('refuses an empty form at every field that needs a value', () => {
    const empty: EventForm = { ...form, soort: '', titel: '', doelgroep: [], datum: '', begintijd: '', eindtijd: '', vorm: '', plaats: '', capaciteit: '' };
    expect(fieldsOf(checkEvent(empty, now))).toEqual(['soort', 'titel', 'doelgroep', 'datum', 'begintijd', 'eindtijd', 'vorm', 'capaciteit']);
  });

  it('asks a place for an event at a venue, and a web link for one online', () => {
    expect(fieldsOf(checkEvent({ ...form, plaats: '' }, now))).toEqual(['plaats']);
    expect(fieldsOf(checkEvent({ ...form, vorm: 'online', link: 'vergaderen' }, now))).toEqual(['link']);
    const online = checkEvent({ ...form, vorm: 'online', plaats: 'wordt genegeerd', link: 'https://vergaderen.example.nl/a' }, now);
    expect(online.ok && online.facts).toMatchObject({ online: true, place: null, onlineUrl: 'https://vergaderen.example.nl/a' });
  });

  it('refuses an audience role that does not exist, and a capacity below the places taken', () => {
    expect(fieldsOf(checkEvent({ ...form, doelgroep: ['leraar', 'directeur'] }, now))).toEqual(['doelgroep']);
    expect(fieldsOf(checkEvent({ ...form, capaciteit: '5' }, now, 6))).toEqual(['capaciteit']);
    expect(checkEvent({ ...form, capaciteit: '6' }, now, 6).ok).toBe(true);
    expect(fieldsOf(checkEvent({ ...form, capaciteit: '1001' }, now))).toEqual(['capaciteit']);
    expect(fieldsOf(checkEvent({ ...form, capaciteit: '2,5' }, now))).toEqual(['capaciteit']);
  });
});

describe('isWebLink', () => {
  it('takes http(s) addresses with a host name, nothing else', () => {
    expect(isWebLink('https://teams.example.nl/l/abc')).toBe(true);
    expect(isWebLink('javascript:alert(1)')).toBe(false);
    expect(isWebLink('https://localhost/x')).toBe(false);
    expect(isWebLink('https://a.nl/met spatie')).toBe(false);
  });
});

const registration: RegistrationForm = {
  naam: 'Anna de Vries',
  email: 'Anna@School.nl ',
  rol: 'leraar',
  school: 'De Regenboog',
  schoolId: '',
  omgeving: 'dorp',
};
const problemFields = (result: ReturnType<typeof checkRegistration>) => (result.ok ? [] : result.problems.map((p) => p.field));

describe('checkRegistration', () => {
  it('takes what was typed, the address in lower case', () => {
    const result = checkRegistration(registration);
    expect(result.ok && result.facts).toEqual({
      name: 'Anna de Vries',
      email: 'anna@school.nl',
      role: 'leraar',
      school: { text: 'De Regenboog' },
      setting: 'dorp',
    });
  });

  it("uses the signed-in account's address, whatever the form says", () => {
    const result = checkRegistration({ ...registration, email: 'onzin' }, { email: 'Lisa@Demo.nl' });
    expect(result.ok && result.facts.email).toBe('lisa@demo.nl');
  });

  it('asks a teacher, school leader or team leader for a school, and a school for its setting', () => {
    expect(problemFields(checkRegistration({ ...registration, school: '' }))).toEqual(['school']);
    expect(problemFields(checkRegistration({ ...registration, omgeving: '' }))).toEqual(['omgeving']);
    expect(problemFields(checkRegistration({ ...registration, omgeving: 'buitenwijk' }))).toEqual(['omgeving']);
  });

  it('lets a role without a school leave both out', () => {
    const result = checkRegistration({ ...registration, rol: 'bestuurder', school: '', omgeving: '' });
    expect(result.ok && result.facts).toMatchObject({ role: 'bestuurder', school: null, setting: null });
  });

  it('prefers the school chosen from the list over what was typed', () => {
    const result = checkRegistration({ ...registration, schoolId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' });
    expect(result.ok && result.facts.school).toEqual({ id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' });
  });

  it('refuses a missing name, a bad address and an unknown role at their fields', () => {
    expect(problemFields(checkRegistration({ ...registration, naam: ' ', email: 'anna@school', rol: 'directeur' }))).toEqual(['naam', 'email', 'rol']);
  });
});

describe('the waiting list', () => {
  it('gives a place while there is one and nobody waits; else the waiting list', () => {
    expect(placeOrWait(3, 2, 0)).toBe('aangemeld');
    expect(placeOrWait(3, 3, 0)).toBe('wachtlijst');
    expect(placeOrWait(3, 2, 1)).toBe('wachtlijst');
  });

  it('moves up the first of the list, as many as places are free, never more', () => {
    expect(movingUp(3, 2, ['a', 'b', 'c'])).toEqual(['a']);
    expect(movingUp(5, 2, ['a', 'b'])).toEqual(['a', 'b']);
    expect(movingUp(3, 3, ['a'])).toEqual([]);
    expect(movingUp(3, 4, ['a'])).toEqual([]);
  });
});

describe('registrationCancellable', () => {
  const event = { startsAt: new Date('2027-01-20T13:00:00Z'), cancelledAt: null };
  it('lets a live registration be cancelled before the event begins', () => {
    for (const status of ['onbevestigd', 'aangemeld', 'wachtlijst']) expect(registrationCancellable({ status }, event, now).ok).toBe(true);
    expect(registrationCancellable({ status: 'afgemeld' }, event, now).ok).toBe(false);
    expect(registrationCancellable({ status: 'aangemeld' }, event, new Date('2027-01-20T13:00:00Z')).ok).toBe(false);
  });
});

describe('reminderDue', () => {
  // Wednesday 13 January 2027 at 08:30 Dutch time, when the job runs
  const morning = new Date('2027-01-13T07:30:00Z');
  const event = (iso: string, cancelledAt: Date | null = null) => ({ startsAt: new Date(iso), cancelledAt });
  const placed = { status: 'aangemeld', confirmedAt: new Date('2027-01-01T10:00:00Z'), remindedAt: null };

  it('reminds those with a place of an event the day after tomorrow', () => {
    expect(reminderDue(event('2027-01-15T13:00:00Z'), placed, morning)).toBe(true);
    // late on the day after tomorrow, in Dutch time still that day
    expect(reminderDue(event('2027-01-15T22:30:00Z'), placed, morning)).toBe(true);
    expect(reminderDue(event('2027-01-15T23:30:00Z'), placed, morning)).toBe(false);
  });

  it('never twice, never for those waiting or gone, nor for a cancelled event or one begun', () => {
    expect(reminderDue(event('2027-01-15T13:00:00Z'), { ...placed, remindedAt: morning }, morning)).toBe(false);
    expect(reminderDue(event('2027-01-15T13:00:00Z'), { ...placed, status: 'wachtlijst' }, morning)).toBe(false);
    expect(reminderDue(event('2027-01-15T13:00:00Z', morning), placed, morning)).toBe(false);
    expect(reminderDue(event('2027-01-13T07:00:00Z'), placed, morning)).toBe(false);
  });

  it('catches up a missed one for tomorrow, but not for someone who registered within the two days', () => {
    expect(reminderDue(event('2027-01-14T13:00:00Z'), placed, morning)).toBe(true);
    expect(reminderDue(event('2027-01-15T13:00:00Z'), { ...placed, confirmedAt: new Date('2027-01-13T14:00:00Z') }, morning)).toBe(false);
  });
});

describe('checkEventQuery', () => {
  it('reads a kind and a period, upcoming by default; refuses unknown ones at their field', () => {
    expect(checkEventQuery({ soort: '', periode: '' })).toEqual({ ok: true, facts: { kind: null, period: 'komend' } });
    expect(checkEventQuery({ soort: 'voorlichting', periode: 'voorbij' })).toEqual({ ok: true, facts: { kind: 'voorlichting', period: 'voorbij' } });
    const bad = checkEventQuery({ soort: 'feest', periode: 'ooit' });
    expect(bad.ok ? [] : bad.problems.map((p) => p.field)).toEqual(['soort', 'periode']);
  });
});
