import { describe, expect, it } from 'vitest';
import { deriveDirectoryFacts, governanceOf, type FactsLocation } from './directory-facts.rules.ts';

const location = (code: string, facts: Partial<FactsLocation> = {}): FactsLocation => ({
  code,
  province: 'Utrecht',
  denomination: 'Openbaar',
  coropCode: '17',
  coropName: 'Utrecht',
  closed: false,
  ...facts,
});

describe('the directory facts of a school or board', () => {
  it('takes the values its locations agree on', () => {
    expect(deriveDirectoryFacts({ kind: 'school', openSchoolsOfBoard: 1, locations: [location('01AB00'), location('01AB01')] })).toEqual({
      province: 'Utrecht',
      coropRegion: 'Utrecht',
      denomination: 'Openbaar',
      governance: 'single-school-board',
    });
  });

  it('for a school whose locations differ, takes the first location by code that has a value', () => {
    const facts = deriveDirectoryFacts({
      kind: 'school',
      openSchoolsOfBoard: 3,
      locations: [location('01AB01', { province: 'Gelderland', denomination: 'Rooms-Katholiek' }), location('01AB00', { denomination: null })],
    });
    expect(facts).toMatchObject({ province: 'Utrecht', denomination: 'Rooms-Katholiek', governance: 'multi-school-board' });
  });

  it('for a board whose locations differ, says nothing rather than pick one', () => {
    const facts = deriveDirectoryFacts({
      kind: 'board',
      openSchoolsOfBoard: 2,
      locations: [location('01AB00'), location('02CD00', { province: 'Gelderland', coropCode: '15', coropName: 'Arnhem/Nijmegen' })],
    });
    expect(facts).toEqual({ province: null, coropRegion: null, denomination: 'Openbaar', governance: 'multi-school-board' });
  });

  it('counts the open locations only, unless none is open', () => {
    const locations = [location('01AB00', { closed: true, province: 'Drenthe' }), location('01AB01')];
    expect(deriveDirectoryFacts({ kind: 'school', openSchoolsOfBoard: 1, locations }).province).toBe('Utrecht');
    const closed = locations.map((l) => ({ ...l, closed: true }));
    expect(deriveDirectoryFacts({ kind: 'school', openSchoolsOfBoard: 0, locations: closed })).toMatchObject({ province: 'Drenthe', governance: null });
  });

  it('leaves out what the data lacks: no locations, blank values, a COROP code without a name gives the code', () => {
    expect(deriveDirectoryFacts({ kind: 'board', openSchoolsOfBoard: 0, locations: [] })).toEqual({
      province: null,
      coropRegion: null,
      denomination: null,
      governance: null,
    });
    const facts = deriveDirectoryFacts({
      kind: 'school',
      openSchoolsOfBoard: 1,
      locations: [location('01AB00', { province: ' ', denomination: null, coropName: null, coropCode: '17' })],
    });
    expect(facts).toEqual({ province: null, coropRegion: '17', denomination: null, governance: 'single-school-board' });
  });

  it('calls a board of one open school a one-school board, of two or more a multi-school board', () => {
    expect([0, 1, 2, 40].map(governanceOf)).toEqual([null, 'single-school-board', 'multi-school-board', 'multi-school-board']);
  });
});
