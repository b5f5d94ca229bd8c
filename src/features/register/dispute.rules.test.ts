import { describe, expect, it } from 'vitest';
import { readAs } from './texts.test-support.ts';
import { checkDispute, disputeFieldsOf, personDataStatus, personDataTransition } from './dispute.rules.ts';

describe('"Klopt niet" per block', () => {
  it("takes the block's own fields, each once, in the form's order, and ignores anything else", () => {
    expect(
      checkDispute('dienstverband', { velden: ['einddatum', 'achternaam', 'begindatum', 'einddatum', 'x'], toelichting: '  Per 31 juli gestopt.  ' }),
    ).toEqual({ ok: true, dispute: { fields: ['begindatum', 'einddatum'], comment: 'Per 31 juli gestopt.' } });
    expect(checkDispute('persoonsgegevens', { velden: ['achternaam', 'functie'], toelichting: 'Ik heet Dubbel-Smit.' })).toEqual({
      ok: true,
      dispute: { fields: ['achternaam'], comment: 'Ik heet Dubbel-Smit.' },
    });
  });

  it('wants at least one field of the block and a comment, each problem at its field, in words about that block', () => {
    expect(readAs(checkDispute('dienstverband', { velden: ['achternaam'], toelichting: '' }))).toEqual({
      ok: false,
      problems: [
        { field: 'velden', message: 'Kies wat er niet klopt aan dit dienstverband: ten minste één gegeven.' },
        { field: 'toelichting', message: 'Schrijf wat er niet klopt.' },
      ],
    });
    expect(readAs(checkDispute('persoonsgegevens', { velden: [], toelichting: 'Mijn naam.' }), 'en')).toEqual({
      ok: false,
      problems: [{ field: 'velden', message: 'Choose what is wrong with your personal details: at least one item.' }],
    });
  });

  it('offers six fields for each block, none in both', () => {
    const employment = disputeFieldsOf('dienstverband');
    const person = disputeFieldsOf('persoonsgegevens');
    expect(employment).toEqual(['functie', 'benoemingsgrondslag', 'school', 'begindatum', 'einddatum', 'werktijdfactor']);
    expect(person).toEqual(['voorletters', 'voornamen', 'tussenvoegsel', 'achternaam', 'geboortedatum', 'personeelsnummer']);
    expect(employment.filter((f) => person.includes(f))).toEqual([]);
  });
});

describe("the person data's check", () => {
  it('is disputed while a dispute is open at any board, else approved once approved, else to check', () => {
    expect(personDataStatus({ approvedAt: null, openDisputes: 0 })).toBe('te-controleren');
    expect(personDataStatus({ approvedAt: new Date(), openDisputes: 0 })).toBe('geaccordeerd');
    expect(personDataStatus({ approvedAt: new Date(), openDisputes: 2 })).toBe('betwist');
  });

  it("moves as an employment's check does, refused in words about the person data", () => {
    expect(personDataTransition('te-controleren', 'accorderen')).toEqual({ allowed: true, to: 'geaccordeerd' });
    expect(personDataTransition('betwist', 'accorderen')).toEqual({ allowed: true, to: 'geaccordeerd' });
    expect(personDataTransition('geaccordeerd', 'betwisten')).toEqual({ allowed: true, to: 'betwist' });
    expect(readAs(personDataTransition('geaccordeerd', 'accorderen'))).toEqual({ allowed: false, reason: 'U hebt uw persoonsgegevens al akkoord gegeven.' });
    expect(readAs(personDataTransition('betwist', 'betwisten'), 'en')).toEqual({
      allowed: false,
      reason: 'You have already said that your personal details are not right; your employer will respond to it.',
    });
  });
});
