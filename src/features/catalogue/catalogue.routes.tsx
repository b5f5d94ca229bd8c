import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decodeText, looksBinary } from '../../platform/csv/decode.ts';
import { sendPage } from '../../web/render.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { LanguageSwitch } from '../../ui/layout.tsx';
import { contextOf, validationErrorsOf } from '../../web/route-helpers.ts';
import { readForm, readFormShape, readParams, readQuery } from '../../web/forms.ts';
import { translateMessage } from '../../platform/i18n.ts';
import type { FeatureOptions } from '../feature.ts';
import { catalogueApiRoutes } from './catalogue.api.ts';
import { checkCatalogueQuery, numbersFromCsv, numbersFromText, type CatalogueQuery, type NumberLine, type RunForm } from './catalogue.rules.ts';
import { attendanceForm, calendarParams, cancelRunForm, catalogueQuery, offeringParams, runForm, runParams, runsParams, runsQuery } from './catalogue.forms.ts';
import * as service from './catalogue.service.ts';
import type { CatalogueDeps, LineResult, Where } from './catalogue.service.ts';
import { CatalogueCount, CataloguePage, CatalogueResults, OfferingPage, cataloguePath } from './views/catalogue-pages.tsx';
import { AttendancePage, CancelRunPage, RunsPage, emptyRunForm, runsPath, type AttendanceReport } from './views/run-pages.tsx';
import { attachment } from '../../web/attachment.ts';

const pageSize = 20;
/** An attendance file is a list of register numbers: 1 MB is tens of thousands of lines. */
const maxFileBytes = 1024 * 1024;

const notices = { toegevoegd: 'runs.notice.added', geannuleerd: 'runs.notice.cancelled' } as const;

const whereOf = (req: FastifyRequest): Where => {
  const p = readParams(req, runsParams);
  return { soort: p.soort, id: p.id, offeringId: p.aanbodId };
};
const runIdOf = (req: FastifyRequest) => readParams(req, runParams).uitvoeringId;

/** The catalogue's query as typed, each value cut to a sane length; the page number apart. */
function catalogueQueryOf(req: FastifyRequest): { query: CatalogueQuery; page: number } {
  const { page, ...query } = readQuery(req, catalogueQuery);
  return { query, page };
}

/** The lines that were not recorded, for the person to correct and send again. */
const notRecorded = (results: LineResult[]) =>
  results
    .filter((r) => !['geregistreerd', 'al-geregistreerd', 'dubbel'].includes(r.outcome))
    .map((r) => r.value)
    .join('\n');

/**
 * Runs and attendance for the staff of the organisation that offers (a provider or a board), and the
 * public catalogue (nascholingsagenda) with a calendar file per run.
 */
export async function catalogueRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const deps: CatalogueDeps = { db: opts.db, mailer: opts.mailer, baseUrl: opts.config.baseUrl };
  const signedIn = { config: { access: 'signed-in' as const } };
  const publicPage = { config: { access: 'public' as const }, schema: { hide: true } };
  await app.register(catalogueApiRoutes, { deps });

  // ── runs ──
  const runsRoute = '/beheer/:soort/:id/aanbod/:aanbodId/uitvoeringen';

  async function renderRuns(req: FastifyRequest, reply: FastifyReply, form: { values?: RunForm; errors?: FieldError[] } = {}, status = 200) {
    const data = await service.getRuns(deps, contextOf(req), whereOf(req));
    const { melding } = readQuery(req, runsQuery);
    const key = melding ? notices[melding] : undefined;
    return sendPage(reply, <RunsPage ctx={req.pageContext()} {...data} notice={key ? req.pageContext().t(key) : undefined} {...form} />, status);
  }

  app.get(runsRoute, signedIn, (req, reply) => renderRuns(req, reply));

  app.post(runsRoute, signedIn, async (req, reply) => {
    const form = readForm(req, runForm);
    // every field of the schema reads as a string, so the shape never fails; what the values mean is checkRun's
    if (!form.ok) return renderRuns(req, reply, { values: { ...emptyRunForm, ...form.values }, errors: form.errors }, 400);
    const values = form.value;
    try {
      await service.addRun(deps, contextOf(req), whereOf(req), values);
    } catch (error) {
      return renderRuns(req, reply, { values, errors: validationErrorsOf(req, error) }, 400);
    }
    const { soort, id, offeringId } = whereOf(req);
    return reply.redirect(`${runsPath(service.offeringOrganisation(soort, id), offeringId)}?melding=toegevoegd`, 303);
  });

  async function renderCancel(req: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], status = 200) {
    const data = await service.getRun(deps, contextOf(req), whereOf(req), runIdOf(req));
    return sendPage(reply, <CancelRunPage ctx={req.pageContext()} {...data} errors={errors} />, status);
  }

  app.get(`${runsRoute}/:uitvoeringId/annuleren`, signedIn, (req, reply) => renderCancel(req, reply));

  app.post(`${runsRoute}/:uitvoeringId/annuleren`, signedIn, async (req, reply) => {
    try {
      const form = readForm(req, cancelRunForm);
      await service.cancelRun(deps, contextOf(req), whereOf(req), runIdOf(req), form.ok ? form.value.bevestigd : undefined);
    } catch (error) {
      return renderCancel(req, reply, validationErrorsOf(req, error), 400);
    }
    const { soort, id, offeringId } = whereOf(req);
    return reply.redirect(`${runsPath(service.offeringOrganisation(soort, id), offeringId)}?melding=geannuleerd`, 303);
  });

  // ── attendance ──
  const attendanceRoute = `${runsRoute}/:uitvoeringId/presentie`;

  async function renderAttendance(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { report?: AttendanceReport; numbers?: string; errors?: FieldError[] } = {},
    status = 200,
  ) {
    const data = await service.getAttendance(deps, contextOf(req), whereOf(req), runIdOf(req));
    return sendPage(reply, <AttendancePage ctx={req.pageContext()} {...data} {...extra} />, status);
  }

  async function recordAndRender(req: FastifyRequest, reply: FastifyReply, lines: NumberLine[], source: 'pagina' | 'csv', typed: string) {
    let results: LineResult[];
    try {
      results = await service.recordAttendance(deps, contextOf(req), whereOf(req), runIdOf(req), lines, source);
    } catch (error) {
      const errors = validationErrorsOf(req, error).map((e) => ({ ...e, field: source === 'csv' ? 'bestand' : 'registernummers' }));
      return renderAttendance(req, reply, { numbers: typed, errors }, 400);
    }
    return renderAttendance(req, reply, { report: { results, source }, numbers: notRecorded(results) });
  }

  app.get(attendanceRoute, signedIn, (req, reply) => renderAttendance(req, reply));

  app.post(attendanceRoute, signedIn, async (req, reply) => {
    const typed = readFormShape(req, attendanceForm).value.registernummers;
    return recordAndRender(req, reply, numbersFromText(typed), 'pagina', typed);
  });

  // the file upload in a scope of its own, where multipart bodies are parsed
  await app.register(async (upload) => {
    await upload.register(fastifyMultipart, { throwFileSizeLimit: false, limits: { files: 1, fields: 2, fileSize: maxFileBytes + 1, fieldSize: 1024 } });
    upload.post(`${attendanceRoute}/bestand`, signedIn, async (req, reply) => {
      const t = req.pageContext().t;
      const refuse = (message: string) => renderAttendance(req, reply, { errors: [{ field: 'bestand', message }] }, 400);
      // the use case's checks (who may, which run) come first, also for a post that is no upload
      await service.checkAttendanceAccess(deps, contextOf(req), whereOf(req), runIdOf(req));
      if (!req.isMultipart()) return refuse(t('attendance.error.file'));
      let bytes: Buffer | undefined;
      for await (const part of req.parts()) {
        if (part.type !== 'file') continue;
        if (part.fieldname !== 'bestand' || !part.filename) {
          part.file.resume();
          continue;
        }
        bytes = await part.toBuffer();
      }
      if (!bytes || bytes.length === 0) return refuse(t('attendance.error.file'));
      if (bytes.length > maxFileBytes) return refuse(t('attendance.error.tooLarge'));
      if (looksBinary(bytes)) return refuse(t('attendance.error.notCsv'));
      const read = numbersFromCsv(decodeText(bytes).text);
      if (!read.ok) return refuse(translateMessage(req.lang, read.message));
      return recordAndRender(req, reply, read.lines, 'csv', '');
    });
  });

  // ── the public catalogue ──
  app.get(cataloguePath, publicPage, async (req, reply) => {
    const { query, page } = catalogueQueryOf(req);
    const ctx = req.pageContext();
    const checked = checkCatalogueQuery(query);
    const filtered = Object.values(query).some(Boolean);
    const result = checked.ok ? await service.searchCatalogue(deps, checked.filters, page, pageSize) : null;
    reply.header('Vary', 'HX-Request');
    if (req.headers['hx-request'] === 'true' && req.headers['hx-history-restore-request'] !== 'true') {
      return sendPage(
        reply,
        <>
          <CatalogueResults ctx={ctx} result={result} query={query} filtered={filtered} />
          <CatalogueCount ctx={ctx} total={result ? result.total : null} oob />
          <LanguageSwitch ctx={ctx} oob />
        </>,
      );
    }
    const facets = await service.getCatalogueFacets(deps);
    const errors = checked.ok ? [] : checked.problems.map((p) => ({ field: p.field, message: translateMessage(req.lang, p.message) }));
    return sendPage(
      reply,
      <CataloguePage ctx={ctx} result={result} query={query} filtered={filtered} facets={facets} errors={errors} />,
      checked.ok ? 200 : 400,
    );
  });

  app.get(`${cataloguePath}/:id`, publicPage, async (req, reply) => {
    const { offering, runs } = await service.getCatalogueOffering(deps, readParams(req, offeringParams).id);
    return sendPage(reply, <OfferingPage ctx={req.pageContext()} offering={offering} runs={runs} />);
  });

  app.get(`${cataloguePath}/:id/uitvoeringen/:uitvoeringId.ics`, publicPage, async (req, reply) => {
    const { id, uitvoeringId } = readParams(req, calendarParams);
    const { fileName, text } = await service.getRunCalendar(deps, id, uitvoeringId);
    return reply.type('text/calendar; charset=utf-8').header('Content-Disposition', attachment(fileName)).send(text);
  });
}
