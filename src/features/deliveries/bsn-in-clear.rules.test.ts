import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hiddenStaffNumberPrefix, maskBsnLike } from '../../platform/bsn.ts';
import { guardAgainstBsnInClear } from './bsn-in-clear.rules.ts';
import { checkRow, planHeader, type Column } from './delivery-format.rules.ts';
import { testDirectory as directory, validRow as valid } from './delivery-format.test-support.ts';

const header = [
  'bevoegd_gezag_nummer',
  'personeelsnummer',
  'bsn',
  'voorletters',
  'voornamen',
  'tussenvoegsel',
  'achternaam',
  'geboortedatum',
  'email',
  'instellingscode',
  'vestigingscode',
  'functie',
  'benoemingsgrondslag',
  'begindatum',
  'einddatum',
  'werktijdfactor',
] as const;
const plan = planHeader([...header], 'volledig');
const keyedHash = (value: string) => createHmac('sha256', 'test key').update(value).digest('base64url');

function guard(record: string[]) {
  return guardAgainstBsnInClear(checkRow(record, plan, 'volledig', directory, '2026-11-23'), record, plan, keyedHash);
}
const guarded = (changes: Partial<Record<Column, string>> = {}) => guard(header.map((h) => ({ ...valid, ...changes })[h] ?? ''));
/** all of a guarded row but its BSN, which the service seals */
const shown = (result: ReturnType<typeof guard>) => JSON.stringify({ ...result, row: { ...result.row, bsn: null } });

describe('no BSN in clear outside the bsn column', () => {
  it('leaves a row without anything like a BSN as checkRow made it', () => {
    const result = guarded();
    expect(result.outcome).toBe('geaccepteerd');
    expect(result.row.staffNumber).toBe('P001');
    expect(result.staffNumberBsnHash).toBeNull();
  });

  it('refuses a personeelsnummer that is the row BSN, and keeps neither it nor its employment key', () => {
    const result = guarded({ personeelsnummer: '123456782', bsn: '123456782' });
    expect(result.outcome).toBe('fout');
    expect(result.messages).toEqual([
      expect.objectContaining({ kolom: 'personeelsnummer', soort: 'fout', melding: expect.stringContaining('is het BSN van deze rij') }),
    ]);
    expect(result.row.staffNumber).toBeNull();
    expect(result.row.employmentKey).toBeNull();
    expect(result.staffNumberBsnHash).toBeNull();
    expect(shown(result)).not.toContain('123456782');
  });

  it('also when a spreadsheet dropped the leading zero of both', () => {
    const result = guarded({ personeelsnummer: '10000008', bsn: '10000008' });
    expect(result.messages.map((m) => [m.kolom, m.soort])).toContainEqual(['personeelsnummer', 'fout']);
    expect(shown(result)).not.toContain('10000008');
  });

  it('warns of a personeelsnummer that passes the elfproef, and keeps it only as a keyed hash, the same each time', () => {
    const result = guarded({ personeelsnummer: '200000007' });
    expect(result.outcome).toBe('waarschuwing');
    expect(result.messages).toEqual([{ kolom: 'personeelsnummer', soort: 'waarschuwing', melding: expect.stringContaining('lijkt op een BSN') }]);
    expect(result.row.staffNumber).toMatch(new RegExp(`^${hiddenStaffNumberPrefix}[\\w-]{43}$`));
    expect(result.row.employmentKey).toBe(`${result.row.staffNumber}|32JK|32JK00|LERAAR`);
    expect(guarded({ personeelsnummer: '200000007' }).row.staffNumber).toBe(result.row.staffNumber);
    expect(result.staffNumberBsnHash).toBe(keyedHash('200000007'));
    expect(result.row.staffNumber).not.toContain(keyedHash('200000007'));
    expect(shown(result)).not.toContain('200000007');
  });

  it('leaves a 9-digit personeelsnummer that fails the elfproef alone', () => {
    const result = guarded({ personeelsnummer: '200000008' });
    expect(result.outcome).toBe('geaccepteerd');
    expect(result.row.staffNumber).toBe('200000008');
  });

  it('asks about an 8-digit personeelsnummer that may be a BSN without its zero, but does not warn of it', () => {
    const result = guarded({ personeelsnummer: '10000008' });
    expect(result.outcome).toBe('geaccepteerd');
    expect(result.staffNumberBsnHash).toBe(keyedHash('010000008'));
  });

  it('refuses a name holding a BSN, and warns of an e-mail address holding one; neither is kept', () => {
    const result = guarded({ achternaam: 'Berg 123456782', email: '123456782@school.nl' });
    expect(result.outcome).toBe('fout');
    expect(result.messages.map((m) => [m.kolom, m.soort])).toEqual([
      ['achternaam', 'fout'],
      ['email', 'waarschuwing'],
    ]);
    expect(result.row.surname).toBeNull();
    expect(result.row.email).toBeNull();
    expect(shown(result)).not.toContain('123456782');
  });

  it('keeps no text field of a row whose columns are shifted, and quotes no BSN in its messages', () => {
    // the personeelsnummer is missing, so every later value sits one column to the left
    const record = [
      '20091',
      '123456782',
      'J.M.',
      'Jan',
      '',
      'Berg',
      '1985-04-12',
      'j.berg@school.nl',
      '32JK',
      '32JK00',
      'LERAAR',
      'BEVOEGD',
      '2015-08-01',
      '',
      '0,8',
    ];
    const result = guard(record);
    expect(result.outcome).toBe('fout');
    expect(result.row).toMatchObject({ staffNumber: null, initials: null, firstNames: null, prefix: null, surname: null, email: null, employmentKey: null });
    expect(shown(result)).not.toContain('123456782');
    const shiftedRight = [
      '20091',
      'P001',
      '',
      '123456782',
      'J.M.',
      'Jan',
      '',
      'Berg',
      '1985-04-12',
      'j.berg@school.nl',
      '32JK',
      '32JK00',
      'LERAAR',
      'BEVOEGD',
      '2015-08-01',
      '',
      '0,8',
    ];
    const right = guard(shiftedRight);
    expect(right.messages.some((m) => m.melding.includes('•••••••••'))).toBe(true);
    expect(shown(right)).not.toContain('123456782');
  });
});

describe('maskBsnLike', () => {
  it.each([
    ['"123456782" zijn geen voorletters', '"•••••••••" zijn geen voorletters'],
    ['"10000008" is geen datum', '"•••••••••" is geen datum'],
    ['"123456789" is geen datum', '"123456789" is geen datum'],
    ['tel 0612345678 of 1234567820', 'tel 0612345678 of 1234567820'],
    ['a 111222333 b 200000007', 'a ••••••••• b •••••••••'],
  ])('%s → %s', (text, masked) => expect(maskBsnLike(text)).toBe(masked));
});
