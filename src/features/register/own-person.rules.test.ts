import { describe, expect, it } from 'vitest';
import { readAs } from './texts.test-support.ts';
import { checkOwnPerson, yearsBetween } from './own-person.rules.ts';

const today = '2026-12-07';

describe('the name and birth date a professional gives at enrolment', () => {
  it('are read as a board would deliver them: spaces squeezed, an empty prefix none, the date in ISO form', () => {
    expect(checkOwnPerson({ voorletters: ' J.M. ', tussenvoegsel: ' van  der ', achternaam: "D'Hondt-Jansen", geboortedatum: '17-03-1985' }, today)).toEqual({
      ok: true,
      facts: { initials: 'J.M.', prefix: 'van der', surname: "D'Hondt-Jansen", birthDate: '1985-03-17' },
    });
    expect(checkOwnPerson({ voorletters: 'É.', tussenvoegsel: '', achternaam: 'Öztürk', geboortedatum: '1990-01-31' }, today)).toMatchObject({
      ok: true,
      facts: { prefix: null, birthDate: '1990-01-31' },
    });
  });

  it('each problem at its field, in words', () => {
    const checked = checkOwnPerson({ voorletters: '1.', tussenvoegsel: 'x'.repeat(21), achternaam: ' ', geboortedatum: '31-02-1985' }, today);
    expect(readAs(checked)).toEqual({
      ok: false,
      problems: [
        { field: 'voorletters', message: 'Geef uw voorletters, bijvoorbeeld J.M. (ten hoogste 20 tekens).' },
        { field: 'tussenvoegsel', message: 'Een tussenvoegsel is ten hoogste 20 tekens, bijvoorbeeld van der.' },
        { field: 'achternaam', message: 'Geef uw achternaam (ten hoogste 200 tekens).' },
        { field: 'geboortedatum', message: 'Geef uw geboortedatum als DD-MM-JJJJ, bijvoorbeeld 17-03-1985.' },
      ],
    });
  });

  it('a birth date that makes someone younger than 15 or older than 80 is a typing error, said with the age', () => {
    const young = checkOwnPerson({ voorletters: 'A.', tussenvoegsel: '', achternaam: 'Jong', geboortedatum: '08-12-2011' }, today);
    expect(readAs(young, 'en')).toMatchObject({ problems: [{ field: 'geboortedatum', message: expect.stringContaining('you are 14') }] });
    expect(checkOwnPerson({ voorletters: 'A.', tussenvoegsel: '', achternaam: 'Oud', geboortedatum: '07-12-1945' }, today).ok).toBe(false);
    expect(checkOwnPerson({ voorletters: 'A.', tussenvoegsel: '', achternaam: 'Oud', geboortedatum: '08-12-1945' }, today).ok).toBe(true);
  });

  it('counts whole years, the birthday itself included', () => {
    expect(yearsBetween('1985-12-07', today)).toBe(41);
    expect(yearsBetween('1985-12-08', today)).toBe(40);
    expect(yearsBetween('2000-02-29', '2026-02-28')).toBe(25);
  });
});
