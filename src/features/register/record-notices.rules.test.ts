import { describe, expect, it } from 'vitest';
import { checkReminderDays, isDisputeMailMode, nextBoardReminderAt, registerCodeOfFunction } from './record-notices.rules.ts';
import { readAs } from './texts.test-support.ts';

describe('the record loop mail rules', () => {
  it('reminds school leaders by the Schoolleidersregister PO, everyone else by the Lerarenregister', () => {
    expect(registerCodeOfFunction('SCHOOLLEIDER')).toBe('schoolleidersregister-po');
    expect(registerCodeOfFunction('ADJUNCT_DIRECTEUR')).toBe('schoolleidersregister-po');
    expect(registerCodeOfFunction('LERAAR')).toBe('lerarenregister');
    expect(registerCodeOfFunction('INTERN_BEGELEIDER')).toBe('lerarenregister');
    expect(registerCodeOfFunction('EEN_NIEUWE_CODE')).toBe('lerarenregister');
  });

  it('knows the two ways a board hears of disputes, and nothing else', () => {
    expect(isDisputeMailMode('dagelijks')).toBe(true);
    expect(isDisputeMailMode('direct')).toBe(true);
    expect(isDisputeMailMode('wekelijks')).toBe(false);
    expect(isDisputeMailMode(undefined)).toBe(false);
  });

  it('takes two numbers of days, the second more than a week after the first', () => {
    expect(checkReminderDays('14', '42')).toEqual({ ok: true, first: 14, second: 42 });
    expect(checkReminderDays(' 7 ', '15')).toEqual({ ok: true, first: 7, second: 15 });
    expect(readAs(checkReminderDays('14', '20'))).toEqual({
      ok: false,
      problems: [{ field: 'tweedeHerinnering', message: 'Kies voor de tweede herinnering ten minste 22 dagen: meer dan een week na de eerste.' }],
    });
    expect(readAs(checkReminderDays('0', 'veertig'), 'en')).toEqual({
      ok: false,
      problems: [
        { field: 'eersteHerinnering', message: 'Give a number of days from 1 to 365.' },
        { field: 'tweedeHerinnering', message: 'Give a number of days from 1 to 365.' },
      ],
    });
  });

  it('lets a board send the reminder by hand again a day later', () => {
    expect(nextBoardReminderAt(new Date('2027-03-01T09:30:00Z')).toISOString()).toBe('2027-03-02T09:30:00.000Z');
  });
});
