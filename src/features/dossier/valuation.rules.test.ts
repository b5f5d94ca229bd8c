import { describe, expect, it } from 'vitest';
import { addTexts, message, translateMessage, type Message } from '../../platform/i18n.ts';
import { checkExplanation, checkMotivation, checkPoints, combinedPoints, differLargely, mayAssess, mayRequestValuation, outcomeOf } from './valuation.rules.ts';
import { valuationEn } from './valuation.texts.en.ts';
import { valuationNl } from './valuation.texts.nl.ts';

addTexts('dossier', { nl: valuationNl, en: valuationEn });

/** A refusal as the person reads it, in Dutch: the rules give text keys. */
const inDutch = <T extends { ok: boolean; message?: Message }>(result: T) =>
  result.message ? { ...result, message: translateMessage('nl', result.message) } : result;

describe('points an assessor gives', () => {
  it.each([
    ['10', 10],
    ['100', 100],
    [' 55 ', 55],
    ['070', 70],
  ])('accepts %j', (text, points) => {
    expect(checkPoints(text)).toEqual({ ok: true, value: points });
  });

  it.each(['9', '101', '5', '0', '', 'veertig', '45,5', '45.5', '-20', '1e2', '1000'])('refuses %j', (text) => {
    expect(checkPoints(text)).toEqual({ ok: false, message: message('valuation.error.points', { min: '10', max: '100' }) });
    expect(inDutch(checkPoints(text))).toEqual({ ok: false, message: 'Geef een heel aantal punten van 10 tot en met 100.' });
  });
});

describe('texts', () => {
  it('asks a motivation of at least 5 characters, at most 2000', () => {
    expect(checkMotivation('  Goed onderbouwd.  ')).toEqual({ ok: true, value: 'Goed onderbouwd.' });
    expect(checkMotivation(' ok ')).toEqual({ ok: false, message: message('valuation.error.motivationTooShort', { min: '5' }) });
    expect(inDutch(checkMotivation(' ok '))).toEqual({ ok: false, message: 'Motiveer de punten (ten minste 5 tekens).' });
    expect(inDutch(checkMotivation('x'.repeat(2001)))).toEqual({ ok: false, message: 'Ten hoogste 2000 tekens; u schreef er 2001.' });
  });

  it("asks the professional's explanation of at least 10 characters", () => {
    expect(checkExplanation('Ik las tien boeken over leiderschap.').ok).toBe(true);
    expect(inDutch(checkExplanation('Kort'))).toEqual({
      ok: false,
      message: 'Licht toe wat u deed en leerde, en waarom het zou moeten meetellen (ten minste 10 tekens).',
    });
  });
});

describe('the points the activity gets', () => {
  it.each([
    [[40, 60], 50],
    [[45, 50], 48],
    [[10, 11], 11],
    [[10, 10], 10],
    [[99, 100], 100],
    [[10, 100], 55],
  ])('from %j: %i, the mean rounded half up', (points, expected) => {
    expect(combinedPoints(points)).toBe(expected);
  });

  it('flags valuations more than 30 points apart, and only those', () => {
    expect(differLargely([40, 70])).toBe(false);
    expect(differLargely([40, 71])).toBe(true);
    expect(differLargely([90, 20])).toBe(true);
    expect(differLargely([40])).toBe(false);
  });

  it('has no outcome before the second valuation', () => {
    expect(outcomeOf([])).toBeNull();
    expect(outcomeOf([60])).toBeNull();
    expect(outcomeOf([40, 60])).toEqual({ points: 50, differLargely: false });
    expect(outcomeOf([20, 90])).toEqual({ points: 55, differLargely: true });
  });
});

describe('who may ask', () => {
  it('the professional, for an own activity without points and without an open request', () => {
    expect(mayRequestValuation({ source: 'eigen', points: null }, false)).toEqual({ ok: true });
    expect(mayRequestValuation({ source: 'eigen', points: null }, true)).toEqual({ ok: false, message: message('valuation.error.alreadyRequested') });
    expect(mayRequestValuation({ source: 'eigen', points: 50 }, false)).toEqual({ ok: false, message: message('valuation.error.alreadyValued') });
    expect(mayRequestValuation({ source: 'aanbod', points: 20 }, false)).toEqual({ ok: false, message: message('valuation.error.fromOffering') });
    expect(inDutch(mayRequestValuation({ source: 'eigen', points: 50 }, false))).toEqual({ ok: false, message: 'Deze activiteit is al gewaardeerd.' });
    expect(inDutch(mayRequestValuation({ source: 'aanbod', points: 20 }, false))).toEqual({
      ok: false,
      message: expect.stringContaining('geaccrediteerd aanbod'),
    });
  });
});

describe('who may assess', () => {
  const open = { status: 'aangevraagd' as const, professionalAccountId: 'pro' };

  it('an assessor on an open request with fewer than two valuations, not their own', () => {
    expect(mayAssess(open, 'a', [])).toEqual({ ok: true });
    expect(mayAssess(open, 'b', [{ assessorAccountId: 'a', points: 40 }])).toEqual({ ok: true });
  });

  it('never the same assessor twice', () => {
    expect(mayAssess(open, 'a', [{ assessorAccountId: 'a', points: 40 }])).toEqual({ ok: false, message: message('valuation.error.assessedByYou') });
    expect(inDutch(mayAssess(open, 'a', [{ assessorAccountId: 'a', points: 40 }]))).toEqual({
      ok: false,
      message: 'U hebt deze aanvraag al gewaardeerd; een andere beoordelaar geeft de tweede waardering.',
    });
  });

  it('no third assessor, and nobody after the decision or a withdrawal', () => {
    const two = [
      { assessorAccountId: 'a', points: 40 },
      { assessorAccountId: 'b', points: 60 },
    ];
    expect(mayAssess(open, 'c', two)).toEqual({ ok: false, message: message('valuation.error.twoAssessed') });
    expect(mayAssess({ ...open, status: 'gewaardeerd' }, 'c', two)).toEqual({ ok: false, message: message('valuation.error.twoAssessed') });
    expect(mayAssess({ ...open, status: 'ingetrokken' }, 'c', [])).toEqual({ ok: false, message: message('valuation.error.withdrawnByProfessional') });
    expect(inDutch(mayAssess(open, 'c', two))).toEqual({ ok: false, message: 'Deze aanvraag is al door twee beoordelaars gewaardeerd.' });
    expect(inDutch(mayAssess({ ...open, status: 'ingetrokken' }, 'c', []))).toEqual({ ok: false, message: 'De professional heeft deze aanvraag ingetrokken.' });
  });

  it('not an assessor on their own activity', () => {
    expect(mayAssess(open, 'pro', [])).toEqual({ ok: false, message: message('valuation.error.ownActivity') });
    expect(inDutch(mayAssess(open, 'pro', []))).toEqual({ ok: false, message: 'U kunt uw eigen activiteit niet waarderen.' });
  });
});
