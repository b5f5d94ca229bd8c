import { describe, expect, it } from 'vitest';
import { registrantAttributes, type DirectoryFacts } from './registrant-attributes.ts';

const school: DirectoryFacts = { province: 'Utrecht', coropRegion: 'Utrecht', denomination: null, governance: 'multi-school-board' };
const board: DirectoryFacts = { province: null, coropRegion: null, denomination: 'Openbaar', governance: 'multi-school-board' };

describe('a registrant’s attributes', () => {
  it('takes the school’s facts, the board’s where the school has none, and role and setting as stated', () => {
    expect(registrantAttributes({ school, board, role: 'schoolleider', setting: 'village' })).toEqual({
      province: 'Utrecht',
      coropRegion: 'Utrecht',
      denomination: 'Openbaar',
      governance: 'multi-school-board',
      role: 'schoolleider',
      setting: 'village',
    });
  });

  it('invents nothing: without a school, board, role or setting each stays null', () => {
    expect(registrantAttributes({})).toEqual({ province: null, coropRegion: null, denomination: null, governance: null, role: null, setting: null });
    expect(registrantAttributes({ board, role: ' ' })).toEqual({
      province: null,
      coropRegion: null,
      denomination: 'Openbaar',
      governance: 'multi-school-board',
      role: null,
      setting: null,
    });
  });
});
