import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { readParams, readQuery } from '../../web/forms.ts';
import { apiPrefix, problemResponses } from '../../web/api.ts';
import { sendPage } from '../../web/render.ts';
import { organisationDetail, organisationList, searchQuery } from './organisations.api-schemas.ts';
import { organisationParams, searchPageQuery } from './organisations.forms.ts';
import { presentDetail, presentSummary } from './organisations.presenters.ts';
import * as service from './organisations.service.ts';
import { OrganisationPage } from './views/organisation-page.tsx';
import { SearchPage, type SearchForm } from './views/search-page.tsx';
import { ResultsCount, SearchResults } from './views/search-results.tsx';
import { LanguageSwitch } from '../../ui/layout.tsx';

function toQueryString(form: SearchForm): string {
  const params = new URLSearchParams();
  if (form.zoek) params.set('zoek', form.zoek);
  if (form.soort) params.set('soort', form.soort);
  if (form.provincie) params.set('provincie', form.provincie);
  if (form.denominatie) params.set('denominatie', form.denominatie);
  if (form.inclusiefGesloten) params.set('inclusiefGesloten', 'true');
  return params.toString();
}

const pageSize = 20;

export async function organisationRoutes(app: FastifyInstance, opts: { db: Db }) {
  const { db } = opts;
  const api = app.withTypeProvider<ZodTypeProvider>();

  app.get('/organisaties', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
    const form = readQuery(req, searchPageQuery);
    const result = await service.searchOrganisations(db, {
      zoek: form.zoek,
      soort: (form.soort || undefined) as service.OrganisationKind | undefined,
      provincie: form.provincie,
      denominatie: form.denominatie,
      inclusiefGesloten: form.inclusiefGesloten,
      page: form.page,
      pageSize,
    });
    const props = { ctx: req.pageContext(), ...result, baseQuery: toQueryString(form) };
    reply.header('Vary', 'HX-Request');
    if (req.headers['hx-request'] === 'true' && req.headers['hx-history-restore-request'] !== 'true') {
      // the language switch follows the URL that htmx pushes
      return sendPage(
        reply,
        <>
          <SearchResults {...props} />
          <ResultsCount ctx={props.ctx} total={props.total} oob />
          <LanguageSwitch ctx={props.ctx} oob />
        </>,
      );
    }
    const facets = await service.getDirectoryFacets(db);
    return sendPage(reply, <SearchPage {...props} form={form} facets={facets} />);
  });

  app.get('/organisaties/:id', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
    const detail = await service.getOrganisation(db, readParams(req, organisationParams).id);
    return sendPage(reply, <OrganisationPage ctx={req.pageContext()} detail={detail} />);
  });

  api.get(
    `${apiPrefix}/organisaties`,
    {
      config: { access: 'public' },
      schema: {
        summary: 'Zoek besturen, scholen en vestigingen',
        description: 'Zoekt in de organisatiegids (DUO-gegevens) op naam, plaats, BRIN-code, vestigingscode of bestuursnummer. Gepagineerd.',
        tags: ['Organisaties'],
        operationId: 'zoekOrganisaties',
        querystring: searchQuery,
        response: { 200: organisationList, ...problemResponses(400) },
      },
    },
    async (req) => {
      const q = req.query;
      const result = await service.searchOrganisations(db, {
        zoek: q.zoek,
        soort: q.soort,
        provincie: q.provincie,
        denominatie: q.denominatie,
        inclusiefGesloten: q.inclusiefGesloten === 'true',
        page: q.page,
        pageSize: q.pageSize,
      });
      return { resultaten: result.entries.map(presentSummary), totaal: result.total, page: result.page, pageSize: result.pageSize };
    },
  );

  api.get(
    `${apiPrefix}/organisaties/:id`,
    {
      config: { access: 'public' },
      // "/organisaties/" (a trailing slash) is no resource, not an invalid id
      preValidation: async (req) => {
        if (!z.object({ id: z.string().min(1) }).safeParse(req.params).success)
          throw AppError.notFound(message('organisations.error.noResource', { path: req.url.split('?')[0] }));
      },
      schema: {
        summary: 'Een bestuur, school of vestiging',
        description: 'Een bestuur met zijn scholen, een school met haar vestigingen, of een vestiging met adres en gegevens.',
        tags: ['Organisaties'],
        operationId: 'haalOrganisatieOp',
        params: z.object({ id: z.string().uuid().describe('De id (UUID) uit de zoekresultaten') }),
        response: { 200: organisationDetail, ...problemResponses(400, 404) },
      },
    },
    async (req) => presentDetail(await service.getOrganisation(db, req.params.id)),
  );
}
