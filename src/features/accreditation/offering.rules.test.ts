import { describe, expect, it } from 'vitest';
import { addTexts, message, translateMessage, type Message } from '../../platform/i18n.ts';
import { accreditationEn } from './accreditation.texts.en.ts';
import { accreditationNl } from './accreditation.texts.nl.ts';
import {
  changedFields,
  checkDecision,
  checkMessage,
  checkOffering,
  checkProvider,
  emptyOfferingForm,
  eurosText,
  formOfOffering,
  latestValidUntil,
  offeringStatuses,
  offeringTransition,
  parseEuros,
  parseHours,
  type DecisionForm,
  type OfferingEvent,
  type OfferingForm,
  type OfferingStatus,
} from './offering.rules.ts';

const framework = {
  version: 1,
  themes: ['Persoonlijk leiderschap', 'Regie & strategie', 'Omgaan met verschillen'],
  competencies: ['Visiegestuurd werken', 'Werken aan kwaliteit'],
};

const good: OfferingForm = {
  ...emptyOfferingForm,
  titel: '  Leiderschap in   de lerende school ',
  omschrijving: 'Een leergang van vier dagen voor schoolleiders over leiding geven aan leren.',
  leerdoelen: 'U kunt een lerende cultuur in uw team opbouwen.',
  soort: 'cursus',
  vorm: 'hybride',
  themas: ['Persoonlijk leiderschap', 'Regie & strategie', 'Persoonlijk leiderschap'],
  competenties: ['Werken aan kwaliteit'],
  studielast: '24,5',
  primairProces: 'ja',
  master: '',
  prijs: '€ 1250,50',
  contactNaam: 'Ilse de Jong',
  contactEmail: ' Ilse@Academie.NL ',
};

addTexts('accreditation', { nl: accreditationNl, en: accreditationEn });

/** A message as the person reads it, in Dutch: the rules give text keys. */
const dutch = (m: Message | undefined) => (m ? translateMessage('nl', m) : undefined);

const fieldsOf = (result: { ok: boolean; problems?: { field: string }[] }) => (result.ok ? [] : result.problems!.map((p) => p.field));

describe('an offering as submitted', () => {
  it('is accepted as typed: trimmed, themes once, hours and euros read the Dutch way', () => {
    const checked = checkOffering(good, framework);
    expect(checked).toEqual({
      ok: true,
      value: {
        title: 'Leiderschap in de lerende school',
        description: good.omschrijving,
        learningGoals: good.leerdoelen,
        activityKind: 'cursus',
        format: 'hybride',
        themes: ['Persoonlijk leiderschap', 'Regie & strategie'],
        competencies: ['Werken aan kwaliteit'],
        studyLoadHours: 24.5,
        primaryProcess: true,
        master: false,
        priceCents: 125050,
        contactName: 'Ilse de Jong',
        contactEmail: 'ilse@academie.nl',
      },
    });
  });

  it('an empty form: every required field has its own problem, in Dutch', () => {
    expect(fieldsOf(checkOffering(emptyOfferingForm, framework))).toEqual([
      'titel',
      'omschrijving',
      'leerdoelen',
      'soort',
      'vorm',
      'themas',
      'studielast',
      'prijs',
      'contactNaam',
      'contactEmail',
    ]);
    const result = checkOffering(emptyOfferingForm, framework);
    expect(result.ok === false && result.problems.find((p) => p.field === 'themas')?.message).toEqual(message('accreditation.error.themesRequired'));
    expect(result.ok === false && dutch(result.problems.find((p) => p.field === 'themas')?.message)).toBe('Kies ten minste één professionaliseringsthema.');
    expect(result.ok === false && dutch(result.problems.find((p) => p.field === 'prijs')?.message)).toBe(
      "Geef de prijs per deelnemer in euro's, bijvoorbeeld 250 of 249,50 (0 als het gratis is; ten hoogste 100000).",
    );
  });

  it('refuses themes and competencies that are not in the current framework', () => {
    expect(fieldsOf(checkOffering({ ...good, themas: ['Iets anders'], competenties: ['Zelf bedacht'] }, framework))).toEqual(['themas', 'competenties']);
  });

  it('refuses informal learning as a kind (no provider offers it), and an unknown format', () => {
    expect(fieldsOf(checkOffering({ ...good, soort: 'informeel-leren', vorm: 'per post' }, framework))).toEqual(['soort', 'vorm']);
  });

  it('refuses hours that are zero, too many, or not in tenths; prices that are no amount', () => {
    for (const studielast of ['0', '2001', '2,25', 'twaalf', '-3'])
      expect(fieldsOf(checkOffering({ ...good, studielast }, framework)), studielast).toEqual(['studielast']);
    for (const prijs of ['gratis', '12,345', '-5', '1.250,00', '100001'])
      expect(fieldsOf(checkOffering({ ...good, prijs }, framework)), prijs).toEqual(['prijs']);
    expect(checkOffering({ ...good, prijs: '0' }, framework)).toMatchObject({ ok: true, value: { priceCents: 0 } });
  });

  it('refuses a contact address that is no e-mail address, and texts that are too long', () => {
    expect(fieldsOf(checkOffering({ ...good, contactEmail: 'ilse-at-academie' }, framework))).toEqual(['contactEmail']);
    expect(fieldsOf(checkOffering({ ...good, omschrijving: 'x'.repeat(5001), titel: 'y'.repeat(201) }, framework))).toEqual(['titel', 'omschrijving']);
  });

  it('reads and writes hours and euros', () => {
    expect([parseHours('12'), parseHours('12,5'), parseHours('12.5'), parseHours('1,25'), parseHours('')]).toEqual([12, 12.5, 12.5, null, null]);
    expect([parseEuros('250'), parseEuros('249,50'), parseEuros('€ 99.9'), parseEuros('1 250')]).toEqual([25000, 24950, 9990, null]);
    expect([eurosText(25000), eurosText(24950), eurosText(5)]).toEqual(['250', '249,50', '0,05']);
  });

  it('shows a stored offering in the form again, and names what an answer changed', () => {
    const before = (checkOffering(good, framework) as { value: Parameters<typeof formOfOffering>[0] }).value;
    const form = formOfOffering(before);
    expect(checkOffering(form, framework)).toEqual({ ok: true, value: before });
    const after = (
      checkOffering({ ...form, titel: 'Een nieuwe titel', prijs: '1000', themas: [...form.themas].reverse() }, framework) as { value: typeof before }
    ).value;
    expect(changedFields(before, after)).toEqual(['titel', 'prijs']);
  });
});

describe('a provider', () => {
  it('is accepted with a name, a kind, an address and perhaps a website', () => {
    expect(checkProvider({ naam: ' Academie  Voor Schoolleiders ', soort: 'aanbieder', email: 'Info@Academie.nl', website: '' })).toEqual({
      ok: true,
      value: { name: 'Academie Voor Schoolleiders', kind: 'aanbieder', contactEmail: 'info@academie.nl', website: null },
    });
    expect(checkProvider({ naam: 'Pabo Noord', soort: 'lerarenopleiding', email: 'pabo@noord.nl', website: 'https://www.pabo-noord.nl' })).toMatchObject({
      ok: true,
      value: { website: 'https://www.pabo-noord.nl' },
    });
  });

  it('refuses each problem at its field; a website must be a web address (never javascript:)', () => {
    expect(fieldsOf(checkProvider({ naam: 'A', soort: 'school', email: 'geen', website: 'javascript:alert(1)' }))).toEqual([
      'naam',
      'soort',
      'email',
      'website',
    ]);
    expect(fieldsOf(checkProvider({ naam: 'Academie', soort: 'aanbieder', email: 'a@b.nl', website: 'www.academie.nl' }))).toEqual(['website']);
  });
});

describe('the commission decides', () => {
  const today = '2026-11-23';
  const accredit: DecisionForm = {
    besluit: 'accrediteren',
    punten: '40',
    themas: ['Persoonlijk leiderschap'],
    geldigVanaf: today,
    geldigTot: '2032-11-23',
    motivering: 'Sterk programma.',
  };
  const context = { themes: framework.themes, today };

  it('accredits with points, themes and a validity of six years at most', () => {
    expect(checkDecision(accredit, context)).toEqual({
      ok: true,
      value: {
        kind: 'geaccrediteerd',
        points: 40,
        themes: ['Persoonlijk leiderschap'],
        validFrom: today,
        validUntil: '2032-11-23',
        motivation: 'Sterk programma.',
      },
    });
  });

  it('fills in an empty validity: from today, for six years', () => {
    expect(checkDecision({ ...accredit, geldigVanaf: '', geldigTot: '' }, context)).toMatchObject({
      ok: true,
      value: { validFrom: today, validUntil: '2032-11-23' },
    });
    expect(latestValidUntil('2024-02-29')).toBe('2030-02-28');
  });

  it('refuses points outside 10–100 or not whole, at the field', () => {
    for (const punten of ['5', '9', '101', '40,5', '', 'veertig'])
      expect(fieldsOf(checkDecision({ ...accredit, punten }, context)), punten).toEqual(['punten']);
    for (const punten of ['10', '100']) expect(checkDecision({ ...accredit, punten }, context).ok, punten).toBe(true);
  });

  it('refuses a validity over six years, ending before it starts, or already over', () => {
    const tooLong = checkDecision({ ...accredit, geldigTot: '2032-11-24' }, context);
    expect(tooLong).toEqual({
      ok: false,
      problems: [{ field: 'geldigTot', message: message('accreditation.error.validityTooLong', { years: '6', until: '2032-11-23' }) }],
    });
    expect(tooLong.ok === false && dutch(tooLong.problems[0].message)).toBe('Een accreditatie geldt ten hoogste 6 jaar: tot en met 23 november 2032.');
    expect(fieldsOf(checkDecision({ ...accredit, geldigTot: '2026-11-23' }, context))).toEqual(['geldigTot']);
    expect(fieldsOf(checkDecision({ ...accredit, geldigVanaf: '2020-01-01', geldigTot: '2025-12-31' }, context))).toEqual(['geldigTot']);
    expect(fieldsOf(checkDecision({ ...accredit, geldigVanaf: '31-02-2027' }, context))).toEqual(['geldigVanaf']);
    expect(checkDecision({ ...accredit, geldigVanaf: '01-01-2027', geldigTot: '31-12-2032' }, context)).toMatchObject({
      ok: true,
      value: { validFrom: '2027-01-01', validUntil: '2032-12-31' },
    });
  });

  it('needs at least one theme, from the framework', () => {
    expect(fieldsOf(checkDecision({ ...accredit, themas: [] }, context))).toEqual(['themas']);
    expect(fieldsOf(checkDecision({ ...accredit, themas: ['Wildcard'] }, context))).toEqual(['themas']);
  });

  it('rejects with a motivation only; a decision without a choice or a motivation is refused', () => {
    expect(checkDecision({ ...accredit, besluit: 'afwijzen', punten: '', themas: [] }, context)).toEqual({
      ok: true,
      value: { kind: 'afgewezen', motivation: 'Sterk programma.' },
    });
    expect(fieldsOf(checkDecision({ ...accredit, besluit: '', motivering: '' }, context))).toEqual(['motivering', 'besluit']);
    expect(fieldsOf(checkDecision({ ...accredit, besluit: 'afwijzen', motivering: 'nee' }, context))).toEqual(['motivering']);
  });

  it('a question or answer has 5 to 2000 characters', () => {
    const empty = 'accreditation.error.questionEmpty';
    expect(checkMessage('  Wat is de groepsgrootte?  ', empty)).toEqual({ ok: true, text: 'Wat is de groepsgrootte?' });
    expect(checkMessage('', empty)).toEqual({ ok: false, message: message(empty) });
    expect(dutch((checkMessage('kort', empty) as { message: Message }).message)).toBe('Schrijf ten minste 5 tekens.');
    expect(dutch((checkMessage('x'.repeat(2001), empty) as { message: Message }).message)).toBe('Ten hoogste 2000 tekens; u schreef er 2001.');
  });
});

describe('an offering moves', () => {
  const allowed: [OfferingStatus, OfferingEvent, OfferingStatus][] = [
    ['ingediend', 'toewijzen', 'in-behandeling'],
    ['in-behandeling', 'toewijzen', 'in-behandeling'],
    ['informatie-gevraagd', 'toewijzen', 'informatie-gevraagd'],
    ['in-behandeling', 'informatie-vragen', 'informatie-gevraagd'],
    ['informatie-gevraagd', 'antwoorden', 'in-behandeling'],
    ['in-behandeling', 'accrediteren', 'geaccrediteerd'],
    ['in-behandeling', 'afwijzen', 'afgewezen'],
    ['ingediend', 'intrekken', 'ingetrokken'],
    ['in-behandeling', 'intrekken', 'ingetrokken'],
    ['informatie-gevraagd', 'intrekken', 'ingetrokken'],
  ];

  it.each(allowed)('from %s on %s to %s', (from, event, to) => {
    expect(offeringTransition(from, event)).toEqual({ allowed: true, to });
  });

  it('refuses every other step, with a reason in Dutch', () => {
    const events: OfferingEvent[] = ['toewijzen', 'informatie-vragen', 'antwoorden', 'accrediteren', 'afwijzen', 'intrekken'];
    let refused = 0;
    for (const from of offeringStatuses) {
      for (const event of events) {
        if (allowed.some(([f, e]) => f === from && e === event)) continue;
        const result = offeringTransition(from, event);
        expect(result.allowed, `${from} ${event}`).toBe(false);
        expect(dutch((result as { reason: Message }).reason), `${from} ${event}`).toMatch(/^[A-Z].+\.$/);
        refused++;
      }
    }
    expect(refused).toBe(offeringStatuses.length * events.length - allowed.length);
  });

  it('says why: decided and withdrawn offerings stay as they are; the commission decides only what it reviews', () => {
    expect(offeringTransition('geaccrediteerd', 'intrekken')).toEqual({ allowed: false, reason: message('accreditation.error.alreadyDecided') });
    const why = (from: OfferingStatus, event: OfferingEvent) => {
      const result = offeringTransition(from, event);
      return result.allowed ? undefined : dutch(result.reason);
    };
    expect(why('geaccrediteerd', 'intrekken')).toBe('Over dit aanbod is al besloten; het kan niet meer veranderen.');
    expect(why('afgewezen', 'toewijzen')).toEqual(expect.stringContaining('al besloten'));
    expect(why('ingetrokken', 'antwoorden')).toEqual(expect.stringContaining('ingetrokken'));
    expect(why('ingediend', 'accrediteren')).toEqual(expect.stringContaining('Wijs het aanbod eerst toe'));
    expect(why('informatie-gevraagd', 'afwijzen')).toEqual(expect.stringContaining('wacht op informatie'));
    expect(why('in-behandeling', 'antwoorden')).toEqual(expect.stringContaining('geen informatie gevraagd'));
    expect(why('informatie-gevraagd', 'informatie-vragen')).toEqual(expect.stringContaining('wacht al'));
  });
});
