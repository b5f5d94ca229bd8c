import { z } from 'zod';
import { listEnvelope, pageQuery } from '../../web/api.ts';
import type { DeliveryRecord, RowResult } from './deliveries.service.ts';
import { deliveryModes } from './delivery-format.rules.ts';

export const statuses = ['in-behandeling', 'gecontroleerd', 'verwerkt', 'afgewezen', 'geannuleerd'] as const;

export const delivery = z
  .object({
    id: z.string().uuid(),
    status: z.enum(statuses).describe('in-behandeling → gecontroleerd → verwerkt; of afgewezen (onleesbaar) of geannuleerd'),
    fase: z.enum(['controleren', 'verwerken']).nullable().describe('Wat er gebeurt zolang de status in-behandeling is'),
    voortgang: z.number().int().min(0).max(100).describe('Voortgang van het controleren of verwerken, 0–100'),
    modus: z.enum(deliveryModes),
    bestandsnaam: z.string().nullable(),
    formaat: z.enum(['csv', 'xlsx']),
    grootte: z.number().int().describe('Grootte van het bestand in bytes'),
    sha256: z.string().describe('SHA-256 van het bestand zoals ontvangen'),
    aantalRijen: z.number().int().describe('Aantal gegevensrijen (zonder kopregel)'),
    aantalFouten: z.number().int().describe('Aantal rijen met ten minste één fout'),
    aantalWaarschuwingen: z.number().int().describe('Aantal rijen met alleen waarschuwingen'),
    bevestigingNodig: z.boolean().describe('Een volledige aanlevering die meer dan 20% van de dienstverbanden beëindigt, wacht op verwerking?bevestigd=true'),
    samenvatting: z.record(z.string(), z.number().int()).nullable().describe('Na controle: wat verwerken zou beëindigen; na verwerking: wat er veranderde'),
    afwijzing: z.string().nullable().describe('Waarom het bestand als geheel niet te lezen was'),
    opmerkingen: z.array(z.string()).describe('Opmerkingen over het bestand als geheel, zoals onbekende kolommen'),
    bestuur: z
      .object({ id: z.string().uuid(), nummer: z.string().describe('Bestuursnummer (5 cijfers)'), naam: z.string() })
      .describe('Het bestuur waarvoor is aangeleverd'),
    administratiekantoor: z
      .object({ id: z.string().uuid(), naam: z.string() })
      .nullable()
      .describe('Het administratiekantoor dat namens het bestuur aanleverde; null als het bestuur (of zijn softwareleverancier) dat zelf deed'),
    aangeleverdDoor: z.string(),
    verwerktDoor: z.string().nullable(),
    aangeleverdOp: z.string().datetime(),
    gecontroleerdOp: z.string().datetime().nullable(),
    afgerondOp: z.string().datetime().nullable(),
    _links: z.object({
      self: z.object({ href: z.string() }),
      terugmelding: z.object({ href: z.string() }),
      verwerking: z.object({ href: z.string() }),
    }),
  })
  .meta({ id: 'Aanlevering' });

export const deliveryList = listEnvelope(delivery).meta({ id: 'AanleveringLijst' });

/** `?bestuur=`: the board a delivery is for, by its number; an administratiekantoor names it always, a board's token may. */
const boardQuery = z
  .string()
  .regex(/^\d{5}$/)
  .optional()
  .describe(
    'Bestuursnummer (5 cijfers) van het bestuur waarvoor u aanlevert. Verplicht met het token van een administratiekantoor (dat bestuur moet het kantoor ' +
      'machtigen); met het token van een bestuur mag het weg, en anders moet het het eigen bestuur zijn.',
  );

export const listQuery = z.object({
  bestuur: boardQuery.describe(
    'Alleen de aanleveringen voor dit bestuur (bestuursnummer, 5 cijfers). Een administratiekantoor ziet zonder dit de eigen aanleveringen voor alle besturen die het machtigen.',
  ),
  ...pageQuery,
});

export const submitQuery = z.object({
  bestuur: boardQuery,
  modus: z.enum(deliveryModes).describe('volledig: het hele personeelsbestand; mutaties: alleen de genoemde rijen, elk met een mutatie'),
  verwerken: z.enum(['true', 'false']).default('false').describe('Direct verwerken als het bestand geen fouten bevat'),
});

export const applyQuery = z.object({
  bevestigd: z.enum(['true', 'false']).default('false').describe('Bevestigt een volledige aanlevering die meer dan 20% van de dienstverbanden beëindigt'),
});

export const resultsQuery = z.object({
  alleenProblemen: z.enum(['true', 'false']).default('false').describe('Alleen rijen met fouten of waarschuwingen'),
  ...pageQuery,
});

const message = z.object({
  kolom: z.string().nullable().describe('De kolom waar de melding over gaat, of null voor de rij als geheel'),
  melding: z.string(),
  soort: z.enum(['fout', 'waarschuwing']),
});

export const rowResult = z
  .object({
    rij: z.number().int().describe('Het rijnummer in het bestand (de kopregel is rij 1)'),
    resultaat: z.enum(['geaccepteerd', 'waarschuwing', 'fout']),
    meldingen: z.array(message),
  })
  .meta({ id: 'Rijresultaat' });

export const rowResultList = listEnvelope(rowResult).meta({ id: 'Terugmelding' });

export const idParams = z.object({ id: z.string().uuid().describe('De id van de aanlevering') });

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function presentDelivery(d: DeliveryRecord, apiPrefix: string): z.infer<typeof delivery> {
  const self = `${apiPrefix}/aanleveringen/${d.id}`;
  return {
    id: d.id,
    status: d.status,
    fase: d.phase,
    voortgang: d.progress,
    modus: d.mode,
    bestandsnaam: d.fileName,
    formaat: d.format,
    grootte: d.byteSize,
    sha256: d.sha256,
    aantalRijen: d.rowCount,
    aantalFouten: d.errorRows,
    aantalWaarschuwingen: d.warningRows,
    bevestigingNodig: d.needsConfirmation,
    samenvatting: d.summary,
    afwijzing: d.rejection,
    opmerkingen: d.notices ?? [],
    bestuur: { id: d.boardId, nummer: d.boardNumber, naam: d.boardName },
    administratiekantoor: d.submittedByOffice && d.officeName ? { id: d.submittedByOffice, naam: d.officeName } : null,
    aangeleverdDoor: d.submittedByLabel,
    verwerktDoor: d.appliedByLabel,
    aangeleverdOp: d.createdAt.toISOString(),
    gecontroleerdOp: iso(d.validatedAt),
    afgerondOp: iso(d.finishedAt),
    _links: { self: { href: self }, terugmelding: { href: `${self}/terugmelding` }, verwerking: { href: `${self}/verwerking` } },
  };
}

export function presentRowResult(r: RowResult): z.infer<typeof rowResult> {
  return { rij: r.rowNumber, resultaat: r.outcome, meldingen: r.messages };
}
