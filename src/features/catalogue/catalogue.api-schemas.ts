import { z } from 'zod';
import { listEnvelope, pageQuery } from '../../web/api.ts';
import { offeringFormats, provinces, type CatalogueQuery } from './catalogue.rules.ts';
import { calendarPath, type CatalogueEntry, type LineResult, type Offering, type Run } from './catalogue.service.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'JJJJ-MM-DD');

export const catalogueQuery = z.object({
  zoek: z.string().trim().max(200).optional().describe('Woorden uit de titel of de beschrijving; elk woord moet voorkomen'),
  thema: z.string().max(200).optional().describe('Alleen aanbod met dit professionaliseringsthema, bijvoorbeeld Omgaan met verschillen'),
  competentie: z.string().max(200).optional().describe('Alleen aanbod voor deze competentie'),
  puntenMin: z.coerce.number().int().min(0).max(10_000).optional().describe('Ten minste zoveel geaccrediteerde punten'),
  puntenMax: z.coerce.number().int().min(0).max(10_000).optional().describe('Ten hoogste zoveel geaccrediteerde punten'),
  regio: z
    .enum(['online', ...provinces])
    .optional()
    .describe('Alleen aanbod met een komende uitvoering in deze provincie, of online'),
  vorm: z.enum(offeringFormats).optional().describe('klassikaal, online of hybride'),
  vanaf: isoDate.optional().describe('Alleen aanbod met een uitvoering die op of na deze dag begint (JJJJ-MM-DD)'),
  tot: isoDate.optional().describe('Alleen aanbod met een uitvoering die op of vóór deze dag begint (JJJJ-MM-DD)'),
  ...pageQuery,
});

/** The API's query as the page's, so one check (catalogue.rules.ts) holds both. */
export function asCatalogueQuery(q: z.infer<typeof catalogueQuery>): CatalogueQuery {
  const text = (v: string | number | undefined) => (v === undefined ? '' : String(v));
  return {
    zoek: text(q.zoek),
    thema: text(q.thema),
    competentie: text(q.competentie),
    puntenMin: text(q.puntenMin),
    puntenMax: text(q.puntenMax),
    regio: text(q.regio),
    vorm: text(q.vorm),
    vanaf: text(q.vanaf),
    tot: text(q.tot),
  };
}

export const run = z
  .object({
    id: z.string().uuid(),
    begin: z.string().datetime().describe('Begin van de uitvoering (UTC)'),
    einde: z.string().datetime().describe('Einde van de uitvoering (UTC)'),
    online: z.boolean(),
    plaats: z.string().nullable().describe('Adres of gebouw; null als de uitvoering online is'),
    provincie: z.enum(provinces).nullable().describe('De provincie; null als de uitvoering online is'),
    capaciteit: z.number().int().describe('Aantal plaatsen'),
    _links: z.object({ agenda: z.object({ href: z.string().describe('De uitvoering als iCalendar-bestand (text/calendar)') }) }),
  })
  .meta({ id: 'Uitvoering' });

const summaryShape = {
  id: z.string().uuid(),
  titel: z.string(),
  aanbieder: z.string().describe('De aanbieder of het bestuur dat het aanbod geeft'),
  vorm: z.enum(offeringFormats),
  punten: z.number().int().nullable().describe('De geaccrediteerde punten'),
  studiebelastingUren: z.number(),
  prijsInCenten: z.number().int(),
  themas: z.array(z.string()).describe("De geaccrediteerde professionaliseringsthema's"),
  competenties: z.array(z.string()),
  geldigTot: isoDate.describe('De accreditatie geldt tot en met deze dag'),
};

export const offeringSummary = z
  .object({
    ...summaryShape,
    uitvoeringen: z.array(run).describe('De eerstvolgende uitvoeringen (ten hoogste vijf)'),
    _links: z.object({ self: z.object({ href: z.string() }) }),
  })
  .meta({ id: 'Aanbod' });

export const offeringList = listEnvelope(offeringSummary).meta({ id: 'AanbodLijst' });

export const offeringDetail = z
  .object({
    ...summaryShape,
    beschrijving: z.string(),
    leerdoelen: z.string(),
    soortActiviteit: z.string().describe('Hoe het in het dossier van de deelnemer komt: opleiding, cursus, studiedag, conferentie, ...'),
    primairProces: z.boolean().describe('Telt mee voor de uren op het primaire proces'),
    master: z.boolean().describe('Een geaccrediteerde master'),
    contact: z.object({ naam: z.string(), email: z.string() }),
    website: z.string().nullable(),
    geldigVanaf: isoDate,
    uitvoeringen: z.array(run).describe('Alle komende uitvoeringen'),
    _links: z.object({ self: z.object({ href: z.string() }), pagina: z.object({ href: z.string() }) }),
  })
  .meta({ id: 'AanbodDetail' });

export const offeringParams = z.object({ id: z.string().uuid().describe('De id van het aanbod') });
export const runParams = z.object({
  id: z.string().uuid().describe('De id van het aanbod'),
  uitvoeringId: z.string().uuid().describe('De id van de uitvoering'),
});

export const attendanceBody = z
  .object({
    registernummers: z.array(z.string().max(50)).min(1).max(2000).describe('De registernummers van de deelnemers (negen cijfers), ten hoogste 2.000'),
  })
  .strict()
  .meta({ id: 'PresentieVerzoek' });

export const attendanceOutcomes = ['geregistreerd', 'al-geregistreerd', 'onbekend', 'ongeldig', 'doorgehaald'] as const;

export const attendanceResult = z
  .object({
    resultaten: z.array(
      z.object({
        registernummer: z.string().describe('Het registernummer zoals aangeleverd'),
        resultaat: z
          .enum(attendanceOutcomes)
          .describe(
            'geregistreerd: nu geregistreerd, de activiteit staat in het dossier; al-geregistreerd: er verandert niets; onbekend: niemand heeft dit nummer; ' +
              'ongeldig: geen negen cijfers met kloppende controlecijfers; doorgehaald: de inschrijving is doorgehaald',
          ),
      }),
    ),
    aantalGeregistreerd: z.number().int(),
    aantalNietGeregistreerd: z.number().int().describe('Onbekende, ongeldige en doorgehaalde registernummers'),
  })
  .meta({ id: 'Presentieresultaat' });

export function presentRun(r: Run, offeringId: string, baseUrl: string): z.infer<typeof run> {
  return {
    id: r.id,
    begin: r.startsAt.toISOString(),
    einde: r.endsAt.toISOString(),
    online: r.online,
    plaats: r.place,
    provincie: r.province as z.infer<typeof run>['provincie'],
    capaciteit: r.capacity,
    _links: { agenda: { href: `${baseUrl}${calendarPath(offeringId, r.id)}` } },
  };
}

export function presentSummary(e: CatalogueEntry & { runs: Run[] }, apiPrefix: string, baseUrl: string): z.infer<typeof offeringSummary> {
  return {
    id: e.id,
    titel: e.title,
    aanbieder: e.organisationName,
    vorm: e.format as (typeof offeringFormats)[number],
    punten: e.points,
    studiebelastingUren: e.studyLoadHours,
    prijsInCenten: e.priceCents,
    themas: e.themes,
    competenties: e.competencies,
    geldigTot: e.validUntil,
    uitvoeringen: e.runs.map((r) => presentRun(r, e.id, baseUrl)),
    _links: { self: { href: `${apiPrefix}/aanbod/${e.id}` } },
  };
}

export function presentDetail(o: Offering, runs: Run[], apiPrefix: string, baseUrl: string): z.infer<typeof offeringDetail> {
  return {
    id: o.id,
    titel: o.title,
    aanbieder: o.organisationName,
    vorm: o.format as (typeof offeringFormats)[number],
    punten: o.accreditedPoints,
    studiebelastingUren: o.studyLoadHours,
    prijsInCenten: o.priceCents,
    themas: o.accreditedThemes ?? o.themes,
    competenties: o.competencies,
    geldigVanaf: o.validFrom ?? '',
    geldigTot: o.validUntil ?? '',
    beschrijving: o.description,
    leerdoelen: o.learningGoals,
    soortActiviteit: o.activityKind,
    primairProces: o.primaryProcess,
    master: o.master,
    contact: { naam: o.contactName, email: o.contactEmail },
    website: o.website,
    uitvoeringen: runs.map((r) => presentRun(r, o.id, baseUrl)),
    _links: { self: { href: `${apiPrefix}/aanbod/${o.id}` }, pagina: { href: `${baseUrl}/aanbod/${o.id}` } },
  };
}

/** A line's outcome as the API names it: the same number twice in one request is, the second time, already recorded. */
export function presentAttendance(results: LineResult[]): z.infer<typeof attendanceResult> {
  const resultaten = results.map((r) => ({ registernummer: r.value, resultaat: r.outcome === 'dubbel' ? ('al-geregistreerd' as const) : r.outcome }));
  const recorded = resultaten.filter((r) => r.resultaat === 'geregistreerd').length;
  const failed = resultaten.filter((r) => r.resultaat !== 'geregistreerd' && r.resultaat !== 'al-geregistreerd').length;
  return { resultaten, aantalGeregistreerd: recorded, aantalNietGeregistreerd: failed };
}
