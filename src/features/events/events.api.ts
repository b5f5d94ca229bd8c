import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { translateMessage } from '../../platform/i18n.ts';
import { apiPrefix, listEnvelope, pageQuery, problemResponses } from '../../web/api.ts';
import { audienceRoles, checkEventQuery, eventKinds, periods } from './events.rules.ts';
import * as service from './events.service.ts';
import type { Event, EventDeps } from './events.service.ts';

const tags = ['Bijeenkomsten'];
/** The API answers in Dutch (see catalogue.api.ts): a detail that joins several messages is made here. */
const apiLang = 'nl';

export const eventsQuery = z.object({
  soort: z.enum(eventKinds).optional().describe('Alleen bijeenkomsten van deze soort: voorlichting, meedenksessie of verkennend-gesprek'),
  periode: z
    .enum(periods)
    .optional()
    .describe('komend (standaard): wat nog niet voorbij is, de eerstvolgende eerst; voorbij: wat voorbij is, de laatste eerst'),
  ...pageQuery,
});

const eventShape = {
  id: z.string().uuid(),
  soort: z.enum(eventKinds),
  titel: z.string(),
  doelgroep: z.array(z.enum(audienceRoles)).describe('Voor wie de bijeenkomst is: leraar, hr-medewerker, schoolleider, teamleider, bestuurder'),
  begin: z.string().datetime().describe('Begin (UTC)'),
  einde: z.string().datetime().describe('Einde (UTC)'),
  online: z.boolean(),
  plaats: z.string().nullable().describe('Adres of locatie; null als de bijeenkomst online is (de link krijgt alleen wie een plaats heeft)'),
  capaciteit: z.number().int().describe('Aantal plaatsen'),
  plaatsenVrij: z.number().int().describe('Plaatsen die nog vrij zijn; 0 als aanmelden op de wachtlijst zet'),
  wachtlijst: z.number().int().describe('Aantal aanmeldingen op de wachtlijst'),
  afgelast: z.boolean().describe('De bijeenkomst gaat niet door'),
};

const links = z.object({
  self: z.object({ href: z.string() }),
  pagina: z.object({ href: z.string().describe('De pagina van de bijeenkomst, met het aanmeldformulier') }),
  agenda: z.object({ href: z.string().describe('De bijeenkomst als iCalendar-bestand (text/calendar)') }),
});

export const eventSummary = z.object({ ...eventShape, _links: links }).meta({ id: 'Bijeenkomst' });
export const eventList = listEnvelope(eventSummary).meta({ id: 'BijeenkomstenLijst' });
export const eventDetail = z
  .object({
    ...eventShape,
    beschrijving: z.string(),
    anoniemeTerugkoppeling: z.boolean().describe('De vragen na afloop worden zonder koppeling aan het account bewaard'),
    aanmeldenMogelijk: z.boolean().describe('Aanmelden kan: de bijeenkomst is niet afgelast en niet begonnen'),
    _links: links,
  })
  .meta({ id: 'BijeenkomstDetail' });

export const eventParams = z.object({ id: z.string().uuid().describe('De id van de bijeenkomst') });

function present(e: Event, baseUrl: string) {
  return {
    id: e.id,
    soort: e.kind as (typeof eventKinds)[number],
    titel: e.title,
    doelgroep: e.audience as (typeof audienceRoles)[number][],
    begin: e.startsAt.toISOString(),
    einde: e.endsAt.toISOString(),
    online: e.online,
    plaats: e.online ? null : e.place,
    capaciteit: e.capacity,
    plaatsenVrij: Math.max(0, e.capacity - e.placed),
    wachtlijst: e.waiting,
    afgelast: e.cancelledAt !== null,
    _links: {
      self: { href: `${apiPrefix}/bijeenkomsten/${e.id}` },
      pagina: { href: `${baseUrl}${service.eventPath(e.id)}` },
      agenda: { href: `${baseUrl}${service.eventCalendarPath(e.id)}` },
    },
  };
}

/** The register office's events for anyone: the list (as the page shows it) and one event. */
export async function eventsApiRoutes(app: FastifyInstance, opts: { deps: EventDeps }) {
  const { deps } = opts;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    `${apiPrefix}/bijeenkomsten`,
    {
      config: { access: 'public' },
      schema: {
        summary: 'Bijeenkomsten van het beroepsregister',
        description:
          'Voorlichtingen, meedenksessies en verkennende gesprekken van het beroepsregister, met hun plaatsen en wachtlijst. ' +
          'Standaard de komende, de eerstvolgende eerst; met periode=voorbij de eerdere, de laatste eerst. Afgelaste bijeenkomsten staan er niet in. Gepagineerd.',
        tags,
        operationId: 'zoekBijeenkomsten',
        querystring: eventsQuery,
        response: { 200: eventList, ...problemResponses(400) },
      },
    },
    async (req) => {
      const checked = checkEventQuery({ soort: req.query.soort ?? '', periode: req.query.periode ?? '' });
      if (!checked.ok)
        throw AppError.validation(
          checked.problems.map((p) => ({ name: p.field, reason: p.message })),
          checked.problems.map((p) => translateMessage(apiLang, p.message)).join(' '),
        );
      const result = await service.searchEvents(deps, checked.facts, req.query.page, req.query.pageSize);
      return { resultaten: result.events.map((e) => present(e, deps.baseUrl)), totaal: result.total, page: result.page, pageSize: result.pageSize };
    },
  );

  api.get(
    `${apiPrefix}/bijeenkomsten/:id`,
    {
      config: { access: 'public' },
      schema: {
        summary: 'Eén bijeenkomst',
        description: 'De bijeenkomst met beschrijving, plaatsen, wachtlijst en of aanmelden nog kan; een afgelaste bijeenkomst zegt dat.',
        tags,
        operationId: 'haalBijeenkomstOp',
        params: eventParams,
        response: { 200: eventDetail, ...problemResponses(400, 404) },
      },
    },
    async (req) => {
      const { event, open } = await service.getPublicEvent(deps, req.params.id);
      return {
        ...present(event, deps.baseUrl),
        beschrijving: event.description,
        anoniemeTerugkoppeling: event.anonymousFeedback,
        aanmeldenMogelijk: open.open,
      };
    },
  );
}
