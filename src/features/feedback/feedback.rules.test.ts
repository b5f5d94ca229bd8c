import { describe, expect, it } from 'vitest';
import { checkAnswer, checkBacklogQuery, checkTopicName, invitationWindow, invitees, periodStart } from './feedback.rules.ts';

const answer = { cijfer: '4', waardevol: '', beter: '', overig: '' };

describe('the feedback rules', () => {
  it('wants a rating of 1 to 5, and open answers of at most 2,000 characters', () => {
    expect(checkAnswer(answer)).toEqual({ ok: true, facts: { rating: 4, valuable: '', improve: '', other: '' } });
    expect(checkAnswer({ ...answer, cijfer: '' })).toMatchObject({
      ok: false,
      problems: [{ field: 'cijfer', message: { key: 'feedback.form.error.ratingMissing' } }],
    });
    for (const cijfer of ['0', '6', '4.5', 'vier', '-1']) {
      expect(checkAnswer({ ...answer, cijfer })).toMatchObject({
        ok: false,
        problems: [{ field: 'cijfer', message: { key: 'feedback.form.error.ratingRange' } }],
      });
    }
    expect(checkAnswer({ ...answer, beter: 'x'.repeat(2000) }).ok).toBe(true);
    expect(checkAnswer({ ...answer, beter: 'x'.repeat(2001), overig: 'y'.repeat(3000) })).toMatchObject({
      ok: false,
      problems: [{ field: 'beter' }, { field: 'overig' }],
    });
  });

  it('invites those marked present, or everyone with a place when nobody was marked', () => {
    const a = { id: 'a', present: true };
    const b = { id: 'b', present: false };
    expect(invitees([a, b])).toEqual([a]);
    expect(invitees([b])).toEqual([b]);
    expect(invitees([])).toEqual([]);
  });

  it('invites two hours after the end, for at most fourteen days', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    expect(invitationWindow(now)).toEqual({ from: new Date('2026-11-23T12:00:00Z'), until: new Date('2026-12-07T10:00:00Z') });
  });

  it('names a topic with 1 to 80 characters, its spaces tidied', () => {
    expect(checkTopicName('  Privacy   en AVG ')).toEqual({ ok: true, facts: 'Privacy en AVG' });
    expect(checkTopicName(' ').ok).toBe(false);
    expect(checkTopicName('x'.repeat(81), 'naam-1')).toMatchObject({ ok: false, problems: [{ field: 'naam-1' }] });
  });

  it('starts a period at the first of the month, counting this month', () => {
    expect(periodStart('3', '2026-12-07')).toBe('2026-10-01');
    expect(periodStart('12', '2026-12-07')).toBe('2026-01-01');
    expect(periodStart('6', '2026-02-28')).toBe('2025-09-01');
    expect(periodStart('alles', '2026-12-07')).toBeNull();
  });

  it('reads the backlog filters, refusing an unknown kind or period at its field', () => {
    const kinds = ['voorlichting'];
    expect(checkBacklogQuery({ soort: '', periode: '', onderwerp: '' }, kinds)).toEqual({ ok: true, facts: { kind: null, period: '12', topic: null } });
    expect(checkBacklogQuery({ soort: 'feest', periode: '7', onderwerp: '' }, kinds)).toMatchObject({
      ok: false,
      problems: [{ field: 'soort' }, { field: 'periode' }],
    });
  });
});
