import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { dutchToday } from '../../platform/dates/calendar.ts';
import { message, translateMessage } from '../../platform/i18n.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { attachment } from '../../web/attachment.ts';
import { readFormShape, readParams, readQuery } from '../../web/forms.ts';
import { rateLimit } from '../../web/rate-limit.ts';
import { sendPage } from '../../web/render.ts';
import { contextOf, fieldErrorsOf } from '../../web/route-helpers.ts';
import type { FeatureOptions } from '../feature.ts';
import { findSchoolChoice } from '../organisations/index.ts';
import {
  applicationForm,
  detailsForm,
  estimateModelForm,
  idParams,
  moveForm,
  noticeQuery,
  pipelineQuery,
  referenceParams,
  supplierForm,
  thresholdForm,
  versionParams,
} from './koplopers.forms.ts';
import type { ApplicationForm, EstimateModelForm } from './koplopers.rules.ts';
import * as service from './koplopers.service.ts';
import { ApplicationCheckPage, ApplicationFormPage, emptyApplication, ReceiptPage } from './views/application-pages.tsx';
import { EstimateModelPage, EstimateVersionPage, SupplierPage, SuppliersPage } from './views/estimate-pages.tsx';
import { applyPath, estimatePath, koploperPath, pipelinePath, receiptPath, suppliersPath } from './views/estimate-table.tsx';
import { KoploperPage, PipelinePage, type PipelineFilterView } from './views/pipeline-pages.tsx';

const pageSize = 60;

/** The application form's answers from its body (the buttons and the reference aside). */
const applicationOf = (value: z.output<typeof applicationForm>): ApplicationForm => {
  const { actie: _a, referentie: _r, ...form } = value;
  return form;
};

/**
 * The koploper programme (seed 000): the public application with its effort estimate, and for register staff
 * the pipeline of six steps, each koploper's page and timeline, the versioned estimate model and the list of
 * software suppliers.
 */
export async function koploperRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const { db } = opts;
  const deps: service.KoploperDeps = { db, mailer: opts.mailer, baseUrl: opts.config.baseUrl };
  const open = { config: { access: 'public' as const } };
  const signedIn = { config: { access: 'signed-in' as const } };
  // each application mails its estimate to the address typed: a budget per address keeps the form from being a mail cannon
  const sendLimit = rateLimit(app, {
    max: Math.max(10, Math.floor(opts.config.rateLimits.signInPerMinute / 4)),
    windowMs: 60_000,
    key: (req) => `koploper:${req.ip}`,
    message: message('error.tooManyAttempts'),
  });
  const problemsOf = (req: FastifyRequest, error: unknown, fallback: string): FieldError[] =>
    error instanceof service.FieldProblems
      ? error.problems.map((p) => ({ field: p.field, message: translateMessage(req.lang, p.message) }))
      : fieldErrorsOf(req, error, fallback);

  // ─── the application ──────────────────────────────────────────────────────────────────────────

  async function renderForm(req: FastifyRequest, reply: FastifyReply, form: ApplicationForm, errors: FieldError[] = [], status = 200, search = false) {
    const choices = await service.getApplicationChoices(db);
    const chosen = form.school ? await findSchoolChoice(db, { id: form.school }) : undefined;
    const wantResults = search || (!form.school && form.zoekSchool.trim() !== '' && errors.some((e) => e.field === 'zoekSchool'));
    const results = wantResults && form.zoekSchool.trim() ? await service.findSchoolsForApplication(db, form.zoekSchool) : undefined;
    // a new search forgets the school chosen before, unless it is among the results
    const kept = results && chosen && !results.some((r) => r.id === chosen.id) ? { ...form, school: '' } : form;
    return sendPage(
      reply,
      <ApplicationFormPage ctx={req.pageContext()} choices={choices} form={kept} results={results} chosen={results ? undefined : chosen} errors={errors} />,
      status,
    );
  }

  app.get(applyPath, open, async (req, reply) => {
    return renderForm(req, reply, emptyApplication());
  });

  // the form's steps: find the school, back from the check page, or on to the check page
  app.post(applyPath, open, async (req, reply) => {
    const { value } = readFormShape(req, applicationForm);
    const form = applicationOf(value);
    // Enter in a field: a search while no school is chosen yet, otherwise on to the check page
    const search = value.actie === 'zoeken' || (value.actie === 'enter' && !form.school && form.zoekSchool.trim() !== '');
    if (search) return renderForm(req, reply, { ...form, school: '' }, [], 200, true);
    if (value.actie === 'wijzigen') return renderForm(req, reply, form);
    try {
      const checked = await service.checkApplication(db, form);
      const choices = await service.getApplicationChoices(db);
      return sendPage(
        reply,
        <ApplicationCheckPage ctx={req.pageContext()} choices={choices} form={form} checked={checked} reference={service.newReference()} />,
      );
    } catch (error) {
      return renderForm(req, reply, form, problemsOf(req, error, 'zoekSchool'), 400);
    }
  });

  app.post(`${applyPath}/versturen`, { ...open, preHandler: sendLimit }, async (req, reply) => {
    const { value } = readFormShape(req, applicationForm);
    const form = applicationOf(value);
    try {
      const sent = await service.submitApplication(deps, contextOf(req), form, value.referentie, req.lang);
      return reply.redirect(`${receiptPath(sent.reference)}?melding=verstuurd`, 303);
    } catch (error) {
      return renderForm(req, reply, form, problemsOf(req, error, 'zoekSchool'), 400);
    }
  });

  app.get('/koplopers/aanmelding/:referentie', open, async (req, reply) => {
    const receipt = await service.getReceipt(db, readParams(req, referenceParams).referentie);
    const fresh = readQuery(req, noticeQuery).melding === 'verstuurd';
    return sendPage(reply, <ReceiptPage ctx={req.pageContext()} receipt={receipt} fresh={fresh} />);
  });

  // ─── the pipeline ─────────────────────────────────────────────────────────────────────────────

  const filterOf = (req: FastifyRequest) => {
    const q = readQuery(req, pipelineQuery);
    const filter: PipelineFilterView = { step: q.stap, owner: q.eigenaar === 'geen' ? 'none' : q.eigenaar, province: q.provincie };
    return { filter, page: q.page };
  };

  async function renderPipeline(req: FastifyRequest, reply: FastifyReply, extra: { errors?: FieldError[]; thresholdTyped?: string } = {}, status = 200) {
    const { filter, page } = filterOf(req);
    const pipeline = await service.getPipeline(deps, contextOf(req), { ...filter, page, pageSize });
    const { t } = req.pageContext();
    const melding = readQuery(req, noticeQuery).melding;
    const notice =
      melding === 'drempel'
        ? t('koplopers.threshold.saved', { percent: pipeline.settings.approvalThresholdPercent })
        : melding === 'verplaatst'
          ? t('koplopers.move.doneOnPipeline')
          : undefined;
    return sendPage(
      reply,
      <PipelinePage
        ctx={req.pageContext()}
        cards={pipeline.cards}
        total={pipeline.total}
        counts={pipeline.counts}
        owners={pipeline.owners}
        provinces={pipeline.provinces}
        threshold={pipeline.settings.approvalThresholdPercent}
        approvals={pipeline.approvals}
        filter={filter}
        page={page}
        pageSize={pageSize}
        notice={notice}
        {...extra}
      />,
      status,
    );
  }

  app.get(pipelinePath, signedIn, (req, reply) => renderPipeline(req, reply));

  app.get(`${pipelinePath}.csv`, signedIn, async (req, reply) => {
    const { filter } = filterOf(req);
    const lines = service.exportPipelineCsv(deps, contextOf(req), filter);
    const first = await lines.next(); // the access check runs before the download starts
    async function* all() {
      if (!first.done) yield first.value;
      yield* lines;
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', attachment(`koplopers-${dutchToday()}.csv`))
      .send(Readable.from(all()));
  });

  app.post(`${pipelinePath}/drempel`, signedIn, async (req, reply) => {
    const { value } = readFormShape(req, thresholdForm);
    try {
      await service.setApprovalThreshold(db, contextOf(req), value.drempel);
      return reply.redirect(`${pipelinePath}?melding=drempel`, 303);
    } catch (error) {
      return renderPipeline(req, reply, { errors: problemsOf(req, error, 'drempel'), thresholdTyped: value.drempel }, 400);
    }
  });

  // ─── the estimate model and the suppliers (static paths before /:id) ─────────────────────────

  async function renderModel(req: FastifyRequest, reply: FastifyReply, extra: { form?: EstimateModelForm; errors?: FieldError[] } = {}, status = 200) {
    const { current, versions } = await service.getEstimateModelForStaff(db, contextOf(req));
    const saved = readQuery(req, noticeQuery).versie;
    const notice = saved && /^\d{1,6}$/.test(saved) ? req.pageContext().t('koplopers.model.saved', { version: saved }) : undefined;
    return sendPage(reply, <EstimateModelPage ctx={req.pageContext()} current={current} versions={versions} notice={notice} {...extra} />, status);
  }

  app.get(estimatePath, signedIn, (req, reply) => renderModel(req, reply));

  app.post(estimatePath, signedIn, async (req, reply) => {
    const { value } = readFormShape(req, estimateModelForm);
    const { versie: basedOn, ...form } = value;
    try {
      const version = await service.addEstimateVersion(db, contextOf(req), basedOn, form);
      return reply.redirect(`${estimatePath}?versie=${version}`, 303);
    } catch (error) {
      return renderModel(req, reply, { form, errors: problemsOf(req, error, 'basis') }, 400);
    }
  });

  app.get(`${estimatePath}/versies/:versie`, signedIn, async (req, reply) => {
    const { version, current } = await service.getEstimateVersion(db, contextOf(req), readParams(req, versionParams).versie);
    return sendPage(reply, <EstimateVersionPage ctx={req.pageContext()} version={version} current={current} />);
  });

  async function renderSuppliers(req: FastifyRequest, reply: FastifyReply, extra: { form?: service.SupplierForm; errors?: FieldError[] } = {}, status = 200) {
    const suppliers = await service.listSuppliersForStaff(db, contextOf(req));
    const melding = readQuery(req, noticeQuery).melding;
    const notice = melding === 'opgeslagen' ? req.pageContext().t('koplopers.suppliers.saved') : undefined;
    return sendPage(reply, <SuppliersPage ctx={req.pageContext()} suppliers={suppliers} notice={notice} {...extra} />, status);
  }

  app.get(suppliersPath, signedIn, (req, reply) => renderSuppliers(req, reply));

  app.post(suppliersPath, signedIn, async (req, reply) => {
    const { value } = readFormShape(req, supplierForm);
    try {
      await service.saveSupplier(db, contextOf(req), value);
      return reply.redirect(`${suppliersPath}?melding=opgeslagen`, 303);
    } catch (error) {
      return renderSuppliers(req, reply, { form: value, errors: problemsOf(req, error, 'naam') }, 400);
    }
  });

  app.get(`${suppliersPath}/:id`, signedIn, async (req, reply) => {
    const supplier = await service.getSupplier(db, contextOf(req), readParams(req, idParams).id);
    return sendPage(reply, <SupplierPage ctx={req.pageContext()} supplier={supplier} />);
  });

  app.post(`${suppliersPath}/:id`, signedIn, async (req, reply) => {
    const { id } = readParams(req, idParams);
    const supplier = await service.getSupplier(db, contextOf(req), id);
    const { value } = readFormShape(req, supplierForm);
    try {
      await service.saveSupplier(db, contextOf(req), value, id);
      return reply.redirect(`${suppliersPath}?melding=opgeslagen`, 303);
    } catch (error) {
      return sendPage(reply, <SupplierPage ctx={req.pageContext()} supplier={supplier} form={value} errors={problemsOf(req, error, 'naam')} />, 400);
    }
  });

  // ─── one koploper ─────────────────────────────────────────────────────────────────────────────

  async function renderKoploper(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { errors?: FieldError[]; typed?: { eigenaar: string; volgendeDatum: string; notities: string } } = {},
    status = 200,
  ) {
    const { id } = readParams(req, idParams);
    const found = await service.getKoploper(deps, contextOf(req), id);
    const { t, lang } = req.pageContext();
    const melding = readQuery(req, noticeQuery).melding;
    const notice =
      melding === 'verplaatst' ? t('koplopers.move.done', { step: found.koploper.step }) : melding === 'opgeslagen' ? t('koplopers.detail.saved') : undefined;
    const activityNames = found.koploper.estimate.lines
      .filter((l) => l.factor === 'activity')
      .map((l) => String((lang === 'en' ? l.params?.nameEn : l.params?.name) ?? ''));
    return sendPage(
      reply,
      <KoploperPage
        ctx={req.pageContext()}
        koploper={found.koploper}
        events={found.events}
        owners={found.owners}
        threshold={found.settings.approvalThresholdPercent}
        figures={found.figures}
        completable={found.completable}
        activityNames={activityNames}
        notice={notice}
        {...extra}
      />,
      status,
    );
  }

  app.get(`${pipelinePath}/:id`, signedIn, (req, reply) => renderKoploper(req, reply));

  app.post(`${pipelinePath}/:id/stap`, signedIn, async (req, reply) => {
    const { id } = readParams(req, idParams);
    const { value } = readFormShape(req, moveForm);
    try {
      await service.moveKoploper(deps, contextOf(req), id, value);
      // from a card on the pipeline, back to the pipeline; from the koploper's page, back there
      return reply.redirect(value.terug === 'pijplijn' ? `${pipelinePath}?melding=verplaatst` : `${koploperPath(id)}?melding=verplaatst`, 303);
    } catch (error) {
      return renderKoploper(req, reply, { errors: problemsOf(req, error, 'stap') }, 400);
    }
  });

  app.post(`${pipelinePath}/:id/gegevens`, signedIn, async (req, reply) => {
    const { id } = readParams(req, idParams);
    const { value } = readFormShape(req, detailsForm);
    try {
      await service.updateKoploperDetails(deps, contextOf(req), id, value);
      return reply.redirect(`${koploperPath(id)}?melding=opgeslagen`, 303);
    } catch (error) {
      return renderKoploper(req, reply, { errors: problemsOf(req, error, 'notities'), typed: value }, 400);
    }
  });
}
