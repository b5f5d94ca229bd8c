import { describe, expect, it } from 'vitest';
import { addTexts, message, translateMessage } from '../../platform/i18n.ts';
import { checkActivity, lockMessages, lockOf, type ActivityForm } from './activity.rules.ts';
import { dossierEn } from './dossier.texts.en.ts';
import { dossierNl } from './dossier.texts.nl.ts';

addTexts('dossier', { nl: dossierNl, en: dossierEn });

const choices = { themes: ['Omgaan met verschillen, in de klas'], competencies: ['Werken aan kwaliteit'] };
const good: ActivityForm = {
  soort: 'cursus',
  titel: 'Rekenen in groep 5',
  aanbieder: '',
  begindatum: '2026-02-02',
  einddatum: '14-03-2026',
  uren: '2,5',
  primairProces: 'ja',
  themas: ['Omgaan met verschillen, in de klas'],
  competenties: [],
  leerdoelen: '',
  reflectie: '',
  bewijs: '',
};

describe('an activity as the professional typed it', () => {
  it('is accepted, dates and hours read the Dutch way (a theme may hold a comma)', () => {
    expect(checkActivity(good, '2026-11-23', choices)).toMatchObject({
      ok: true,
      facts: { completedOn: '2026-03-14', hours: 2.5, themes: ['Omgaan met verschillen, in de klas'] },
    });
  });

  it('gives each problem at its field as a text key, which reads as before in Dutch', () => {
    const result = checkActivity({ ...good, soort: '', uren: '0', einddatum: '2999-01-01', reflectie: 'x'.repeat(2001) }, '2026-11-23', choices);
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: 'soort', message: message('dossier.error.kind') },
        { field: 'einddatum', message: message('dossier.error.endInFuture') },
        { field: 'uren', message: message('dossier.error.hours', { max: '2000' }) },
        { field: 'reflectie', message: message('dossier.error.textTooLong', { max: '2000', length: '2001' }) },
      ],
    });
    if (!result.ok) {
      expect(result.problems.map((p) => translateMessage('nl', p.message))).toEqual([
        'Kies wat voor activiteit het was.',
        'Een activiteit telt mee als ze is afgerond: de einddatum ligt niet na vandaag.',
        'Geef het aantal uren: meer dan 0, ten hoogste 2000, in halve of tiende uren (bijvoorbeeld 2,5).',
        'Ten hoogste 2000 tekens; u schreef er 2001.',
      ]);
    }
  });

  it('says why an activity cannot be changed', () => {
    expect(lockOf({ source: 'aanbod', points: 20 }, false)).toBe('aanbod');
    expect(translateMessage('nl', lockMessages.aanbod)).toBe('Deze activiteit komt uit geaccrediteerd aanbod: u kunt haar niet wijzigen of verwijderen.');
    expect(translateMessage('en', lockMessages['waardering-aangevraagd'])).toBe(
      'You have asked for this activity to be valued: withdraw the request if you want to change or remove it.',
    );
  });
});
