import type { FastifyInstance } from 'fastify';
import { message } from '../../platform/i18n.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiPrefix, problemResponses } from '../../web/api.ts';
import { rateLimit } from '../../web/rate-limit.ts';
import { sendPage } from '../../web/render.ts';
import { readParams, readQuery } from '../../web/forms.ts';
import { validationErrorsOf } from '../../web/route-helpers.ts';
import { entryParams, searchQuery } from './public-register.forms.ts';
import type { FeatureOptions } from '../feature.ts';
import { publicDetail, publicEntryList, registerQuery } from './public-register.api-schemas.ts';
import { getPublicDetail, searchPublicRegister } from '../register/index.ts';
import type { PublicEntry } from '../register/index.ts';
import { RegisterEntryPage } from './views/register-entry-page.tsx';
import { RegisterSearchPage, type RegisterForm } from './views/register-search-page.tsx';

const pageSize = 20;
const present = (e: PublicEntry) => ({
  registernummer: e.registerNumber,
  naam: e.name,
  status: e.status,
  registraties: e.registrations.map((r) => ({ register: r.register, titel: r.title, niveau: r.level, geldigTot: r.validUntil, verlopen: r.lapsed })),
  scholen: e.schools.map((s) => ({ naam: s.name, brin: s.brin, plaats: s.place })),
});

/** The public register: anyone looks a professional up, on a page and through the API. */
export async function publicRegisterRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const { db } = opts;
  const api = app.withTypeProvider<ZodTypeProvider>();
  // public by law, so searchable by anyone; a budget per client keeps anyone from copying it wholesale
  const max = opts.config.rateLimits.publicSearchPerMinute;
  const searchLimit = rateLimit(app, {
    max,
    windowMs: 60_000,
    key: (req) => (req.actor.type === 'token' ? `register:token:${req.actor.tokenId}` : `register:ip:${req.ip}`),
    message: message('error.tooManySearches', { max: String(max) }),
  });

  app.get('/register', { config: { access: 'public' }, schema: { hide: true }, preHandler: searchLimit }, async (req, reply) => {
    const { page, ...form }: RegisterForm & { page: number } = readQuery(req, searchQuery);
    if (!form.naam && !form.registernummer && !form.school) return sendPage(reply, <RegisterSearchPage ctx={req.pageContext()} form={form} results={null} />);
    try {
      const results = await searchPublicRegister(db, form, page, pageSize);
      return sendPage(reply, <RegisterSearchPage ctx={req.pageContext()} form={form} results={results} />);
    } catch (error) {
      const errors = validationErrorsOf(req, error);
      return sendPage(reply, <RegisterSearchPage ctx={req.pageContext()} form={form} results={null} errors={errors} />, 400);
    }
  });

  // an entry's own page, linked from each result; its facts are public, so reading them is not audited (as the search)
  app.get('/register/:registernummer', { config: { access: 'public' }, schema: { hide: true }, preHandler: searchLimit }, async (req, reply) => {
    const { registernummer } = readParams(req, entryParams);
    return sendPage(reply, <RegisterEntryPage ctx={req.pageContext()} entry={await getPublicDetail(db, registernummer)} />);
  });

  api.get(
    `${apiPrefix}/registraties`,
    {
      config: { access: 'public' },
      preHandler: searchLimit,
      schema: {
        summary: 'Zoek in het openbare register',
        description:
          'Zoekt ingeschreven en geregistreerde leraren en schoolleiders op naam (ten minste 2 letters), registernummer, of school of plaats. Alleen openbare gegevens: naam, registernummer, status, registraties en scholen; nooit geboortedatum, e-mailadres of BSN. Op naam: eerst wie een achternaam heeft die met het gezochte woord begint, dan de overige treffers. Gepagineerd; het totaal telt tot ten hoogste 1.000.',
        tags: ['Register'],
        operationId: 'zoekRegistraties',
        querystring: registerQuery,
        response: { 200: publicEntryList, ...problemResponses(400, 429) },
      },
    },
    async (req) => {
      const { page, pageSize: size, ...query } = req.query;
      const result = await searchPublicRegister(db, query, page, size);
      return { resultaten: result.entries.map(present), totaal: result.total, page: result.page, pageSize: result.pageSize };
    },
  );

  api.get(
    `${apiPrefix}/registraties/:registernummer`,
    {
      config: { access: 'public' },
      preHandler: searchLimit,
      schema: {
        summary: 'Eén inschrijving of registratie',
        description: 'De openbare gegevens bij een registernummer, met de dag waarop ze het laatst veranderden.',
        tags: ['Register'],
        operationId: 'haalRegistratieOp',
        params: z.object({ registernummer: z.string().max(20).describe('Het registernummer (9 cijfers)') }),
        response: { 200: publicDetail, ...problemResponses(400, 404, 429) },
      },
    },
    async (req) => {
      const entry = await getPublicDetail(db, req.params.registernummer);
      return { ...present(entry), laatstGewijzigd: entry.lastChanged };
    },
  );
}
