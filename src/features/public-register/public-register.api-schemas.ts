import { z } from 'zod';
import { listEnvelope, pageQuery } from '../../web/api.ts';

export const registerQuery = z.object({
  naam: z.string().max(200).optional().describe('(Een deel van) de naam, ten minste 2 letters; hoofdletters, accenten en tussenvoegsel doen er niet toe'),
  registernummer: z.string().max(20).optional().describe('Het registernummer (9 cijfers; spaties mogen)'),
  school: z.string().max(200).optional().describe('(Een deel van) de naam van de school of de plaats waar de persoon nu werkt'),
  ...pageQuery,
});

export const publicEntry = z
  .object({
    registernummer: z.string().describe('9 cijfers, de laatste twee zijn controlecijfers (ISO 7064 MOD 97-10)'),
    naam: z.string().describe('Voorletters, tussenvoegsel en achternaam'),
    status: z.string().describe('ingeschreven, aangevraagd, geregistreerd, onder voorwaarden, herregistratie verlopen of doorgehaald'),
    registraties: z
      .array(
        z
          .object({
            register: z.string(),
            titel: z.string(),
            niveau: z.string(),
            geldigTot: z.string().describe('Laatste dag van de registratieperiode (JJJJ-MM-DD)'),
            verlopen: z.boolean().describe('De periode is voorbij zonder herregistratie'),
          })
          .meta({ id: 'RegistratiePeriode' }),
      )
      .describe('Per register de laatst besloten registratie'),
    scholen: z
      .array(z.object({ naam: z.string(), brin: z.string(), plaats: z.string().nullable() }).meta({ id: 'RegistratieSchool' }))
      .describe('Scholen waar de persoon nu werkt'),
  })
  .meta({ id: 'Registratie' });

export const publicEntryList = listEnvelope(publicEntry).meta({ id: 'RegistratieLijst' });

export const publicDetail = publicEntry
  .extend({
    laatstGewijzigd: z.iso.date().describe('De laatste dag waarop naam, status, een registratie of een school van deze inschrijving veranderde (JJJJ-MM-DD)'),
  })
  .meta({ id: 'RegistratieDetail' });
