import { describe, expect, it } from 'vitest';
import { readAs } from './texts.test-support.ts';
import { checkPostponementDecision, checkPostponementRequest, checkRenewalForm } from './reregistration-forms.rules.ts';

const until = '2027-02-28';
const today = '2027-01-10';

describe('asking for herregistratie', () => {
  it('needs the confirmation; the explanation is optional', () => {
    expect(checkRenewalForm({ motivering: '  ', bevestigd: 'ja' })).toEqual({ ok: true, value: { motivation: '' } });
    expect(checkRenewalForm({ motivering: 'Zie mijn dossier.', bevestigd: '' })).toEqual({
      ok: false,
      problems: [{ field: 'bevestigd', message: { key: 'register.error.confirmDossier' } }],
    });
    expect(readAs(checkRenewalForm({ motivering: 'Zie mijn dossier.', bevestigd: '' }))).toEqual({
      ok: false,
      problems: [{ field: 'bevestigd', message: 'Bevestig dat uw dossier volledig en naar waarheid is ingevuld.' }],
    });
    expect(checkRenewalForm({ motivering: 'x'.repeat(2001), bevestigd: 'ja' })).toMatchObject({ ok: false, problems: [{ field: 'motivering' }] });
  });
});

describe('asking for uitstel', () => {
  it('reads a ground, an explanation and a date in either notation', () => {
    expect(checkPostponementRequest({ grond: 'ziekte', toelichting: ' Langdurig ziek sinds september. ', tot: '31-08-2027' }, until, today)).toEqual({
      ok: true,
      value: { ground: 'ziekte', explanation: 'Langdurig ziek sinds september.', requestedUntil: '2027-08-31' },
    });
  });

  it('reports every problem at its field', () => {
    expect(readAs(checkPostponementRequest({ grond: 'vakantie', toelichting: '', tot: '2028-03-01' }, until, today))).toEqual({
      ok: false,
      problems: [
        { field: 'grond', message: 'Kies de reden voor uitstel.' },
        { field: 'toelichting', message: 'Licht uw verzoek om uitstel toe.' },
        { field: 'tot', message: 'Uitstel kan tot ten hoogste twaalf maanden na het einde van de registratie: tot en met 28 februari 2028.' },
      ],
    });
    expect(readAs(checkPostponementRequest({ grond: 'overig', toelichting: 'Kort', tot: 'morgen' }, until, today))).toEqual({
      ok: false,
      problems: [
        { field: 'toelichting', message: 'Schrijf ten minste 5 tekens.' },
        { field: 'tot', message: 'Geef de datum als JJJJ-MM-DD of DD-MM-JJJJ.' },
      ],
    });
    expect(readAs(checkPostponementRequest({ grond: 'mantelzorg', toelichting: 'Zorg voor mijn vader.', tot: until }, until, today))).toMatchObject({
      ok: false,
      problems: [{ field: 'tot', message: 'Uitstel loopt tot een datum na het einde van uw registratie (28 februari 2027).' }],
    });
  });
});

describe('the commission decides on uitstel', () => {
  it('grants until a date, or refuses; always with a motivation', () => {
    expect(checkPostponementDecision({ besluit: 'toekennen', tot: '2027-06-30', motivering: 'Ziekte aangetoond.' }, until, today)).toEqual({
      ok: true,
      value: { status: 'toegekend', grantedUntil: '2027-06-30', motivation: 'Ziekte aangetoond.' },
    });
    // refusing ignores the date field
    expect(checkPostponementDecision({ besluit: 'afwijzen', tot: 'onzin', motivering: 'Geen grond.' }, until, today)).toEqual({
      ok: true,
      value: { status: 'afgewezen', grantedUntil: null, motivation: 'Geen grond.' },
    });
    expect(readAs(checkPostponementDecision({ besluit: '', tot: '', motivering: '' }, until, today))).toEqual({
      ok: false,
      problems: [
        { field: 'besluit', message: 'Kies: uitstel toekennen of afwijzen.' },
        { field: 'motivering', message: 'Motiveer het besluit (ten minste 5 tekens).' },
      ],
    });
    expect(readAs(checkPostponementDecision({ besluit: 'toekennen', tot: '2027-02-01', motivering: 'Toegekend.' }, until, today))).toMatchObject({
      ok: false,
      problems: [{ field: 'tot', message: 'Uitstel loopt tot een datum na het einde van de registratie (28 februari 2027).' }],
    });
    // the commission reads "de registratie", the professional "uw registratie": two texts, in English too
    expect(readAs(checkPostponementDecision({ besluit: 'toekennen', tot: '2027-02-01', motivering: 'Toegekend.' }, until, today), 'en')).toMatchObject({
      ok: false,
      problems: [{ field: 'tot', message: 'A postponement runs until a date after the end of the registration (28 February 2027).' }],
    });
  });
});
