import { z } from 'zod';
import { listEnvelope, pageQuery } from '../../web/api.ts';

export const kinds = ['bestuur', 'school', 'vestiging'] as const;

export const searchQuery = z.object({
  zoek: z.string().trim().max(200).optional().describe('Zoekterm: naam, plaats, BRIN-code, vestigingscode of bestuursnummer'),
  soort: z.enum(kinds).optional().describe('Alleen besturen, scholen of vestigingen'),
  provincie: z.string().max(50).optional().describe('Provincie, bijvoorbeeld Drenthe'),
  denominatie: z.string().max(100).optional().describe('Denominatie, bijvoorbeeld Openbaar'),
  inclusiefGesloten: z.enum(['true', 'false']).optional().describe('Ook gesloten vestigingen en scholen'),
  ...pageQuery,
});

const boardRef = z
  .object({ id: z.string().uuid(), nummer: z.string().describe('Bestuursnummer (5 cijfers)'), naam: z.string().nullable() })
  .meta({ id: 'BestuurVerwijzing' });

export const organisationSummary = z
  .object({
    id: z.string().uuid(),
    soort: z.enum(kinds),
    code: z.string().describe('Bestuursnummer, BRIN-code of vestigingscode'),
    naam: z.string(),
    plaats: z.string().nullable(),
    provincies: z.array(z.string()),
    denominaties: z.array(z.string()),
    bestuur: boardRef,
    gesloten: z.boolean(),
  })
  .meta({ id: 'Organisatie' });

export const organisationList = listEnvelope(organisationSummary).meta({ id: 'OrganisatieLijst' });

const schoolSummary = z
  .object({
    id: z.string().uuid(),
    brin: z.string(),
    naam: z.string(),
    plaats: z.string().nullable(),
    aantalOpenVestigingen: z.number().int(),
    gesloten: z.boolean(),
  })
  .meta({ id: 'SchoolSamenvatting' });

const locationSummary = z
  .object({
    id: z.string().uuid(),
    vestigingscode: z.string(),
    naam: z.string(),
    adres: z.object({ straat: z.string().nullable(), huisnummer: z.string().nullable(), postcode: z.string().nullable(), plaats: z.string().nullable() }),
    gemeente: z.object({ code: z.string().nullable(), naam: z.string().nullable() }),
    provincie: z.string().nullable(),
    denominatie: z.string().nullable(),
    telefoon: z.string().nullable(),
    website: z.string().nullable(),
    geslotenOp: z.string().datetime().nullable(),
  })
  .meta({ id: 'Vestiging' });

export const organisationDetail = z
  .discriminatedUnion('soort', [
    z
      .object({
        soort: z.literal('bestuur'),
        id: z.string().uuid(),
        nummer: z.string(),
        naam: z.string().nullable(),
        kvkNummer: z.string().nullable(),
        scholen: z.array(schoolSummary),
      })
      .meta({ id: 'BestuurDetail' }),
    z
      .object({
        soort: z.literal('school'),
        id: z.string().uuid(),
        brin: z.string(),
        naam: z.string(),
        bestuur: boardRef,
        gesloten: z.boolean(),
        vestigingen: z.array(locationSummary),
      })
      .meta({ id: 'SchoolDetail' }),
    z
      .object({
        soort: z.literal('vestiging'),
        school: schoolSummary,
        bestuur: boardRef,
      })
      .extend(locationSummary.shape)
      .meta({ id: 'VestigingDetail' }),
  ])
  .meta({ id: 'OrganisatieDetail' });
