import type { Db } from '../../db/database.ts';
import { addYears, dutchToday } from '../../platform/dates/calendar.ts';
import * as repo from './accreditation.repo.ts';
import type { OfferingFacts, OfferingStatus, ProviderFacts } from './offering.rules.ts';
import { inTransaction } from '../../db/transaction.ts';

type DemoOffering = Omit<OfferingFacts, 'themes' | 'competencies' | 'contactName' | 'contactEmail'> & {
  provider: number;
  themes: string[];
  competencies: string[];
  /** geaccrediteerd with these points, or left waiting */
  points?: number;
  status: Extract<OfferingStatus, 'geaccrediteerd' | 'ingediend' | 'informatie-gevraagd'>;
};

const providers: (ProviderFacts & { contact: string })[] = [
  {
    name: 'Academie voor Schoolleiderschap',
    kind: 'aanbieder',
    contactEmail: 'info@academievoorschoolleiderschap.nl',
    website: 'https://www.academievoorschoolleiderschap.nl',
    contact: 'Marloes de Haan',
  },
  {
    name: 'Hogeschool Noorderlicht, Pabo',
    kind: 'lerarenopleiding',
    contactEmail: 'nascholing@pabo-noorderlicht.nl',
    website: 'https://www.pabo-noorderlicht.nl',
    contact: 'Jeroen Postma',
  },
  { name: 'Onderwijs Ontwikkelpunt', kind: 'aanbieder', contactEmail: 'cursussen@onderwijsontwikkelpunt.nl', website: null, contact: 'Aylin Koç' },
];

const offerings: DemoOffering[] = [
  {
    provider: 0,
    status: 'geaccrediteerd',
    points: 80,
    title: 'Leiderschap in de lerende school',
    activityKind: 'opleiding',
    format: 'hybride',
    studyLoadHours: 120,
    priceCents: 245000,
    primaryProcess: false,
    master: false,
    themes: ['Persoonlijk leiderschap', 'Leiding geven aan verandering'],
    competencies: ['Visiegestuurd werken', 'Leiding geven aan verandering'],
    description:
      'Een leergang van een jaar voor schoolleiders die hun school willen ontwikkelen tot een lerende organisatie. Acht bijeenkomsten, intervisie in kleine groepen en een eigen verandertraject op school.',
    learningGoals:
      'U formuleert een gedeelde visie op leren met uw team.\nU leidt een veranderproces van plan tot borging.\nU reflecteert op uw eigen stijl van leidinggeven.',
  },
  {
    provider: 0,
    status: 'geaccrediteerd',
    points: 30,
    title: 'Regie op strategisch beleid',
    activityKind: 'cursus',
    format: 'klassikaal',
    studyLoadHours: 24,
    priceCents: 89500,
    primaryProcess: false,
    master: false,
    themes: ['Regie & strategie'],
    competencies: ['Visiegestuurd werken'],
    description: 'Vier dagdelen over het schoolplan, meerjarenbegroting en het gesprek met bestuur en medezeggenschap.',
    learningGoals: 'U vertaalt de koers van het bestuur naar een schoolplan met heldere doelen en keuzes.',
  },
  {
    provider: 0,
    status: 'geaccrediteerd',
    points: 10,
    title: 'Masterclass datagedreven werken',
    activityKind: 'studiedag',
    format: 'online',
    studyLoadHours: 6,
    priceCents: 29500,
    primaryProcess: false,
    master: false,
    themes: ['Kennis- en kwaliteitsontwikkeling'],
    competencies: ['Werken aan kwaliteit'],
    description: 'Een online studiedag over het gebruik van leerlinggegevens en tevredenheidsonderzoek bij de kwaliteitszorg van de school.',
    learningGoals: 'U leest opbrengsten kritisch en bespreekt ze met uw team zonder af te rekenen.',
  },
  {
    provider: 1,
    status: 'geaccrediteerd',
    points: 40,
    title: 'Omgaan met verschillen in de klas',
    activityKind: 'cursus',
    format: 'hybride',
    studyLoadHours: 32,
    priceCents: 64000,
    primaryProcess: true,
    master: false,
    themes: ['Omgaan met verschillen'],
    competencies: ['Werken aan kwaliteit'],
    description: 'Een cursus voor leraren en intern begeleiders over differentiëren in instructie en verwerking, met lesbezoeken op de eigen school.',
    learningGoals: 'U stemt instructie af op drie niveaus.\nU gebruikt observaties om de volgende les te plannen.',
  },
  {
    provider: 1,
    status: 'geaccrediteerd',
    points: 100,
    title: 'Master Educational Leadership',
    activityKind: 'opleiding',
    format: 'hybride',
    studyLoadHours: 1680,
    priceCents: 1150000,
    primaryProcess: false,
    master: true,
    themes: ['Persoonlijk leiderschap', 'Regie & strategie', 'Kennis- en kwaliteitsontwikkeling', 'Toekomstgericht onderwijs'],
    competencies: ['Visiegestuurd werken', 'In relatie staan tot de omgeving', 'Werken aan kwaliteit', 'Leiding geven aan verandering', 'Hogere-orde denken'],
    description:
      'Een geaccrediteerde masteropleiding van twee jaar in deeltijd voor schoolleiders in het primair onderwijs, afgesloten met een praktijkgericht onderzoek.',
    learningGoals: 'U doet praktijkgericht onderzoek in uw eigen school en verbindt de uitkomsten met beleid.',
  },
  {
    provider: 2,
    status: 'geaccrediteerd',
    points: 10,
    title: 'Conferentie Toekomstgericht onderwijs',
    activityKind: 'conferentie',
    format: 'klassikaal',
    studyLoadHours: 8,
    priceCents: 19500,
    primaryProcess: false,
    master: false,
    themes: ['Toekomstgericht onderwijs'],
    competencies: [],
    description: 'Een landelijke conferentie met lezingen en werkplaatsen over onderwijs dat leerlingen voorbereidt op een veranderende samenleving.',
    learningGoals: 'U neemt twee concrete ideeën mee voor het onderwijsconcept van uw school.',
  },
  {
    provider: 2,
    status: 'geaccrediteerd',
    points: 20,
    title: 'Intervisie voor schoolleiders',
    activityKind: 'intervisie',
    format: 'online',
    studyLoadHours: 12,
    priceCents: 0,
    primaryProcess: false,
    master: false,
    themes: ['In relatie staan tot de omgeving', 'Persoonlijk leiderschap'],
    competencies: ['In relatie staan tot de omgeving'],
    description: 'Zes online intervisiebijeenkomsten van twee uur in vaste groepen van vijf schoolleiders, onder leiding van een ervaren begeleider.',
    learningGoals: "U brengt een vraagstuk uit uw praktijk in en onderzoekt het met collega's.",
  },
  {
    provider: 2,
    status: 'ingediend',
    title: 'Werken met het vernieuwde curriculum',
    activityKind: 'studiedag',
    format: 'klassikaal',
    studyLoadHours: 7,
    priceCents: 24500,
    primaryProcess: true,
    master: false,
    themes: ['Kennis- en kwaliteitsontwikkeling'],
    competencies: [],
    description: 'Een studiedag voor teams over de vernieuwde kerndoelen en wat die vragen van het lesaanbod.',
    learningGoals: 'Het team brengt in kaart waar het lesaanbod aansluit en waar het moet veranderen.',
  },
  {
    provider: 0,
    status: 'informatie-gevraagd',
    title: 'Coachend leidinggeven',
    activityKind: 'cursus',
    format: 'online',
    studyLoadHours: 16,
    priceCents: 49500,
    primaryProcess: false,
    master: false,
    themes: ['Persoonlijk leiderschap'],
    competencies: ['Leiding geven aan verandering'],
    description: 'Een online cursus over coachende gesprekken met leraren, met oefeningen en video-opnames.',
    learningGoals: 'U voert een coachend gesprek volgens een vast model.',
  },
];

const commission = 'Commissie Accreditatie (demo)';

/**
 * Demo data for accreditation: three providers (an academy, a lerarenopleiding, a training
 * organisation), seven accredited offerings valid for six years from today, one offering just
 * submitted and one waiting for the provider's answer. Themes and competencies are names from the
 * current framework (a name it no longer has is left out; a theme list left empty gets its first
 * theme). Runs once on an empty database; returns what it made, for the catalogue's demo runs.
 */
export async function seedDemoAccreditation(
  db: Db,
  options: { today?: string } = {},
): Promise<{
  providers: { id: string; name: string }[];
  offerings: { id: string; title: string; organisationId: string; status: OfferingStatus }[];
}> {
  const today = options.today ?? dutchToday();
  const framework = await repo.currentFramework(db);
  const known = (names: string[], all: string[]) => names.filter((n) => all.includes(n));
  return inTransaction(db, async (tx) => {
    const made: { id: string; name: string; contact: string; contactEmail: string }[] = [];
    for (const p of providers) {
      const { contact, ...facts } = p;
      made.push({ id: await repo.insertProvider(tx, facts, 'Registerbureau (demo)'), name: p.name, contact, contactEmail: p.contactEmail });
    }
    const result: { id: string; title: string; organisationId: string; status: OfferingStatus }[] = [];
    for (const o of offerings) {
      const provider = made[o.provider];
      const themes = known(o.themes, framework.themes);
      const facts: OfferingFacts = {
        title: o.title,
        description: o.description,
        learningGoals: o.learningGoals,
        activityKind: o.activityKind,
        format: o.format,
        themes: themes.length > 0 ? themes : framework.themes.slice(0, 1),
        competencies: known(o.competencies, framework.competencies),
        studyLoadHours: o.studyLoadHours,
        primaryProcess: o.primaryProcess,
        master: o.master,
        priceCents: o.priceCents,
        contactName: provider.contact,
        contactEmail: provider.contactEmail,
      };
      const id = await repo.insertOffering(tx, { organisation: { kind: 'aanbieder', id: provider.id, name: provider.name }, facts, byLabel: provider.contact });
      if (o.status !== 'ingediend')
        await repo.moveOffering(tx, id, 'ingediend', 'in-behandeling', { byLabel: 'Registerbureau (demo)', message: `Toegewezen aan de ${commission}.` });
      if (o.status === 'informatie-gevraagd') {
        await repo.moveOffering(tx, id, 'in-behandeling', 'informatie-gevraagd', {
          byLabel: commission,
          message: 'Hoeveel contacturen heeft de cursus, en hoe wordt de opdracht tussen de bijeenkomsten beoordeeld?',
        });
      }
      if (o.status === 'geaccrediteerd') {
        await repo.moveOffering(
          tx,
          id,
          'in-behandeling',
          'geaccrediteerd',
          { byLabel: commission, message: "Heldere leerdoelen die passen bij de gekozen thema's." },
          {
            decision: {
              points: o.points!,
              themes: facts.themes,
              validFrom: today,
              validUntil: addYears(today, 6),
              motivation: "Heldere leerdoelen die passen bij de gekozen thema's.",
              decidedOn: today,
            },
          },
        );
      }
      result.push({ id, title: o.title, organisationId: provider.id, status: o.status });
    }
    return { providers: made.map(({ id, name }) => ({ id, name })), offerings: result };
  });
}
