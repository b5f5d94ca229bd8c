import Html from '@kitajs/html';
import { formatDate, formatDateTime, formatDay, type Translate } from '../../../platform/i18n.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form, HiddenField } from '../../../ui/components/form.tsx';
import { SelectField, TextAreaField, TextField } from '../../../ui/components/form-field.tsx';
import { Pagination } from '../../../ui/components/pagination.tsx';
import { DataList, Paragraph, Table } from '../../../ui/components/table.tsx';
import { Notice, PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import type { SchoolApprovals } from '../../register/index.ts';
import { approvalPercent, mayComplete, pipelineSteps, type PipelineStep } from '../koplopers.rules.ts';
import type { KoploperCard, KoploperDetail, KoploperEvent, Owner } from '../koplopers.service.ts';
import { deliveryMethodLabel, EstimateTable, estimatePath, koploperPath, pipelinePath, suppliersPath } from './estimate-table.tsx';

export type PipelineFilterView = { step?: PipelineStep; owner?: string; province?: string };

const stepName = (t: Translate, step: number) => t(`koplopers.step.${step as PipelineStep}`);

/** "12 van 20 akkoord (60%)", or that nothing was delivered yet. */
export function approvalText(t: Translate, figures: SchoolApprovals | null | undefined): string {
  if (!figures || figures.delivered === 0) return t('koplopers.approvals.none');
  return t('koplopers.approvals', {
    approved: figures.approved,
    delivered: figures.delivered,
    percent: approvalPercent(figures.approved, figures.delivered) ?? 0,
  });
}

function listQuery(filter: PipelineFilterView, page?: number): string {
  const query = new URLSearchParams();
  if (filter.step) query.set('stap', String(filter.step));
  if (filter.owner) query.set('eigenaar', filter.owner === 'none' ? 'geen' : filter.owner);
  if (filter.province) query.set('provincie', filter.province);
  if (page && page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The move form on a koploper's page: any step to go to (step 6 only when completable), a note, and a button. */
function MoveForm({
  ctx,
  id,
  step,
  completable,
  label,
  error,
}: {
  ctx: PageContext;
  id: string;
  step: PipelineStep;
  completable: boolean;
  label: string;
  error?: string;
}) {
  const { t } = ctx;
  const targets = pipelineSteps.filter((s) => s !== step && (s !== 6 || completable));
  return (
    <Form action={`${koploperPath(id)}/stap`} csrfToken={ctx.csrfToken}>
      <SelectField
        id="stap"
        name="stap"
        label={label}
        error={error}
        value={String(targets.includes((step + 1) as PipelineStep) ? step + 1 : targets[targets.length - 1])}
        options={targets.map((s) => ({ value: String(s), label: `${s}. ${stepName(t, s)}` }))}
      />
      <TextAreaField id="toelichting" name="toelichting" label={t('koplopers.move.note')} hint={t('koplopers.move.noteHint')} rows={2} />
      <Button>{Html.escapeHtml(t('koplopers.move.submit'))}</Button>
    </Form>
  );
}

/**
 * A card's one move: on to the next step (step 6 only when completable), as a button that names the step. A
 * select of six long step names does not fit a column a sixth of the page wide; any other move (back, or a
 * step further) is on the koploper's page.
 */
function NextStepForm({ ctx, card, completable }: { ctx: PageContext; card: KoploperCard; completable: boolean }) {
  const { t } = ctx;
  const next = (card.step + 1) as PipelineStep;
  if (card.step >= 6 || (next === 6 && !completable)) return '';
  return (
    <Form action={`${koploperPath(card.id)}/stap`} csrfToken={ctx.csrfToken} attrs={{ class: 'br-form br-kanban__move' }}>
      <HiddenField name="stap" value={String(next)} />
      <HiddenField name="terug" value="pijplijn" />
      <Button appearance="secondary">
        <span safe>{t('koplopers.move.toNext', { step: `${next}. ${stepName(t, next)}` })}</span>
        {/* the school in the button's name: a screen reader's list of buttons tells the cards apart */}
        <span class="br-visually-hidden" safe>{` (${card.schoolName})`}</span>
      </Button>
    </Form>
  );
}

function Card({ ctx, card, figures, threshold }: { ctx: PageContext; card: KoploperCard; figures?: SchoolApprovals; threshold: number }) {
  const { t, lang } = ctx;
  const completable = mayComplete(figures ?? null, threshold);
  return (
    <li class="br-kanban__card">
      <h3 class="utrecht-heading-4 br-kanban__title">
        <a class="utrecht-link" href={koploperPath(card.id)}>
          <span safe>{card.schoolName}</span>
          {/* two schools may share a name: the code tells their links apart */}
          <span class="br-visually-hidden" safe>{` (${card.schoolCode})`}</span>
        </a>
      </h3>
      <p class="utrecht-paragraph br-kanban__meta" safe>
        {`${card.schoolCode} · ${card.boardName ?? card.boardNumber}${card.province ? ` · ${card.province}` : ''}`}
      </p>
      <dl class="br-kanban__facts">
        <dt safe>{t('koplopers.card.owner')}</dt>
        <dd safe>{card.ownerName ?? t('koplopers.card.noOwner')}</dd>
        <dt safe>{t('koplopers.card.nextDate')}</dt>
        <dd safe>{card.nextDate ? formatDay(lang, card.nextDate) : t('koplopers.none')}</dd>
        {card.supplierName ? (
          <>
            <dt safe>{t('koplopers.card.supplier')}</dt>
            <dd safe>{card.supplierContact ? `${card.supplierName}: ${card.supplierContact}` : card.supplierName}</dd>
          </>
        ) : (
          ''
        )}
        {card.step >= 5 ? (
          <>
            <dt safe>{t('koplopers.card.approvals')}</dt>
            <dd safe>{approvalText(t, figures)}</dd>
          </>
        ) : (
          ''
        )}
        {card.notes ? (
          <>
            <dt safe>{t('koplopers.card.notes')}</dt>
            <dd safe>{card.notes.length > 140 ? `${card.notes.slice(0, 140)}…` : card.notes}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      {card.step === 5 && completable ? (
        <p class="utrecht-paragraph br-kanban__ready" safe>
          {t('koplopers.card.readyToComplete')}
        </p>
      ) : (
        ''
      )}
      <NextStepForm ctx={ctx} card={card} completable={completable} />
    </li>
  );
}

/**
 * The koploper pipeline: the six steps of seed 000 as columns (one below the other on a phone), a card per
 * koploper; filters by step, owner and province; a CSV of what the filters leave; the threshold for step 6.
 */
export function PipelinePage({
  ctx,
  cards,
  total,
  counts,
  owners,
  provinces,
  threshold,
  approvals,
  filter,
  page,
  pageSize,
  notice,
  errors = [],
  thresholdTyped,
}: {
  ctx: PageContext;
  cards: KoploperCard[];
  total: number;
  counts: Record<PipelineStep, number>;
  owners: Owner[];
  provinces: string[];
  threshold: number;
  approvals: Map<string, SchoolApprovals>;
  filter: PipelineFilterView;
  page: number;
  pageSize: number;
  notice?: string;
  errors?: FieldError[];
  thresholdTyped?: string;
}) {
  const { t } = ctx;
  const title = t('koplopers.pipeline.title');
  const steps = filter.step ? [filter.step] : pipelineSteps;
  const filtered = Boolean(filter.step || filter.owner || filter.province);
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <Notice message={notice} />
      <TextParagraph text={t('koplopers.pipeline.intro')} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${pipelinePath}.csv${listQuery(filter)}`} download="" safe>
          {t('koplopers.pipeline.csv')}
        </a>
        {' · '}
        <a class="utrecht-link" href={estimatePath} safe>
          {t('koplopers.estimateModel.link')}
        </a>
        {' · '}
        <a class="utrecht-link" href={suppliersPath} safe>
          {t('koplopers.suppliers.link')}
        </a>
        {' · '}
        <a class="utrecht-link" href="/koplopers/aanmelden" safe>
          {t('koplopers.pipeline.form')}
        </a>
      </p>
      <details class="br-filters" open={filtered || undefined}>
        <summary safe>{t('koplopers.pipeline.filters')}</summary>
        {/* biome-ignore lint/a11y/useSemanticElements: a GET form with role=search is the landmark every screen reader knows */}
        <form class="br-form br-search" method="get" action={pipelinePath} role="search" novalidate>
          <SelectField
            id="filter-stap"
            name="stap"
            label={t('koplopers.filter.step')}
            value={filter.step ? String(filter.step) : ''}
            options={[{ value: '', label: t('koplopers.filter.all') }, ...pipelineSteps.map((s) => ({ value: String(s), label: `${s}. ${stepName(t, s)}` }))]}
          />
          <SelectField
            id="filter-eigenaar"
            name="eigenaar"
            label={t('koplopers.filter.owner')}
            value={filter.owner === 'none' ? 'geen' : (filter.owner ?? '')}
            options={[
              { value: '', label: t('koplopers.filter.all') },
              { value: 'geen', label: t('koplopers.card.noOwner') },
              ...owners.map((o) => ({ value: o.accountId, label: o.name })),
            ]}
          />
          <SelectField
            id="filter-provincie"
            name="provincie"
            label={t('koplopers.filter.province')}
            value={filter.province ?? ''}
            options={[{ value: '', label: t('koplopers.filter.all') }, ...provinces.map((p) => ({ value: p, label: p }))]}
          />
          <Button>{Html.escapeHtml(t('koplopers.filter.submit'))}</Button>
        </form>
        {filtered ? (
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={pipelinePath} safe>
              {t('koplopers.filter.clear')}
            </a>
          </p>
        ) : (
          ''
        )}
      </details>
      {total === 0 ? (
        <Paragraph>
          <span safe>{filtered ? t('koplopers.pipeline.noneFiltered') : t('koplopers.pipeline.none')}</span>
        </Paragraph>
      ) : (
        <div class="br-kanban">
          {steps.map((step) => {
            const inStep = cards.filter((c) => c.step === step);
            return (
              <section class="br-kanban__column" aria-labelledby={`stap-${step}-titel`}>
                <h2 class="utrecht-heading-3 br-kanban__heading" id={`stap-${step}-titel`} safe>
                  {t('koplopers.pipeline.column', { step, name: stepName(t, step), count: counts[step] })}
                </h2>
                {inStep.length === 0 ? (
                  <p class="utrecht-paragraph br-kanban__empty" safe>
                    {counts[step] > 0 ? t('koplopers.pipeline.onOtherPage') : t('koplopers.pipeline.emptyStep')}
                  </p>
                ) : (
                  <ul class="br-kanban__cards">
                    {inStep.map((card) => (
                      <Card ctx={ctx} card={card} figures={approvals.get(card.id)} threshold={threshold} />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} t={t} href={(p) => `${pipelinePath}${listQuery(filter, p)}`} />
      <h2 class="utrecht-heading-2" safe>
        {t('koplopers.threshold.heading')}
      </h2>
      <TextParagraph text={t('koplopers.threshold.intro', { percent: threshold })} />
      <Form action={`${pipelinePath}/drempel`} csrfToken={ctx.csrfToken}>
        <TextField
          id="drempel"
          name="drempel"
          label={t('koplopers.threshold.label')}
          hint={t('koplopers.threshold.hint')}
          value={thresholdTyped ?? String(threshold)}
          error={errors.find((e) => e.field === 'drempel')?.message}
          attrs={{ inputmode: 'numeric' }}
        />
        <Button appearance="secondary">{Html.escapeHtml(t('koplopers.threshold.save'))}</Button>
      </Form>
    </Layout>
  );
}

function eventText(t: Translate, lang: PageContext['lang'], e: KoploperEvent, owners: Owner[]): string {
  switch (e.kind) {
    case 'aangemeld':
      return t('koplopers.event.applied', { version: Number(e.detail?.estimateVersion ?? 0), hours: Number(e.detail?.totalHours ?? 0) });
    case 'stap':
      return t('koplopers.event.moved', { from: `${e.fromStep}. ${stepName(t, e.fromStep ?? 1)}`, to: `${e.toStep}. ${stepName(t, e.toStep ?? 1)}` });
    case 'stap-automatisch':
      return t('koplopers.event.delivered', { date: formatDate(lang, new Date(String(e.detail?.appliedAt ?? ''))) });
    case 'gegevens': {
      const d = e.detail ?? {};
      const parts: string[] = [];
      if ('ownerAccountId' in d) {
        const name = (d.ownerName as string | null) ?? owners.find((o) => o.accountId === d.ownerAccountId)?.name;
        parts.push(name ? t('koplopers.event.owner', { name }) : t('koplopers.event.noOwner'));
      }
      if ('nextDate' in d)
        parts.push(d.nextDate ? t('koplopers.event.nextDate', { date: formatDay(lang, String(d.nextDate)) }) : t('koplopers.event.noNextDate'));
      if ('notes' in d) parts.push(t('koplopers.event.notes'));
      return parts.join(' ');
    }
  }
}

/** One koploper: the application and its estimate, the approval figures, moving it, owner/date/notes, and its timeline. */
export function KoploperPage({
  ctx,
  koploper,
  events,
  owners,
  threshold,
  figures,
  completable,
  activityNames,
  notice,
  errors = [],
  typed,
}: {
  ctx: PageContext;
  koploper: KoploperDetail;
  events: KoploperEvent[];
  owners: Owner[];
  threshold: number;
  figures: SchoolApprovals | null;
  completable: boolean;
  activityNames: string[];
  notice?: string;
  errors?: FieldError[];
  typed?: { eigenaar: string; volgendeDatum: string; notities: string };
}) {
  const { t, lang } = ctx;
  const title = koploper.schoolName;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const values = typed ?? { eigenaar: koploper.ownerAccountId ?? '', volgendeDatum: koploper.nextDate ?? '', notities: koploper.notes };
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <Notice message={notice} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={pipelinePath} safe>
          {t('koplopers.back')}
        </a>
      </p>
      <Paragraph lead>
        <span safe>
          {t('koplopers.detail.inStep', { step: koploper.step, name: stepName(t, koploper.step), since: formatDate(lang, koploper.stepChangedAt) })}
        </span>
      </Paragraph>
      <DataList
        items={[
          { label: t('koplopers.field.school'), value: <span safe>{`${koploper.schoolName} (${koploper.schoolCode})`}</span> },
          { label: t('koplopers.field.board'), value: <span safe>{`${koploper.boardName ?? '—'} (${koploper.boardNumber})`}</span> },
          { label: t('koplopers.field.province'), value: <span safe>{koploper.province ?? '—'}</span> },
          { label: t('koplopers.field.contact'), value: <span safe>{koploper.contactName}</span> },
          { label: t('koplopers.field.email'), value: <span safe>{koploper.contactEmail}</span> },
          { label: t('koplopers.field.phone'), value: <span safe>{koploper.contactPhone ?? t('koplopers.none')}</span> },
          { label: t('koplopers.field.teachers'), value: <span safe>{String(koploper.teachers)}</span> },
          {
            label: t('koplopers.field.method'),
            value: (
              <span safe>
                {koploper.supplierName
                  ? `${deliveryMethodLabel(t, koploper.deliveryMethod)}: ${koploper.supplierName}`
                  : deliveryMethodLabel(t, koploper.deliveryMethod)}
              </span>
            ),
          },
          ...(koploper.supplierContact ? [{ label: t('koplopers.card.supplier'), value: <span safe>{koploper.supplierContact}</span> }] : []),
          { label: t('koplopers.field.grondslagen'), value: <span safe>{koploper.grondslagenMapped ? t('koplopers.yes') : t('koplopers.no')}</span> },
          { label: t('koplopers.field.activities'), value: <span safe>{activityNames.length > 0 ? activityNames.join(', ') : t('koplopers.none')}</span> },
          { label: t('koplopers.card.approvals'), value: <span safe>{approvalText(t, figures)}</span> },
          { label: t('koplopers.field.applied'), value: <span safe>{formatDateTime(lang, koploper.createdAt)}</span> },
        ]}
      />
      <h2 class="utrecht-heading-2" safe>
        {t('koplopers.detail.estimateHeading')}
      </h2>
      <EstimateTable t={t} lang={lang} estimate={koploper.estimate} caption={t('koplopers.receipt.caption', { version: koploper.estimateVersion })} />
      <h2 class="utrecht-heading-2" safe>
        {t('koplopers.detail.moveHeading')}
      </h2>
      {koploper.step === 5 ? (
        <TextParagraph
          text={completable ? t('koplopers.detail.completable', { percent: threshold }) : t('koplopers.detail.notCompletable', { percent: threshold })}
        />
      ) : (
        ''
      )}
      {koploper.step === 4 ? <TextParagraph text={t('koplopers.detail.step4Automatic')} /> : ''}
      <MoveForm ctx={ctx} id={koploper.id} step={koploper.step} completable={completable} label={t('koplopers.move.label')} error={error('stap')} />
      <h2 class="utrecht-heading-2" safe>
        {t('koplopers.detail.detailsHeading')}
      </h2>
      <Form action={`${koploperPath(koploper.id)}/gegevens`} csrfToken={ctx.csrfToken}>
        <SelectField
          id="eigenaar"
          name="eigenaar"
          label={t('koplopers.card.owner')}
          value={values.eigenaar}
          error={error('eigenaar')}
          options={[{ value: '', label: t('koplopers.card.noOwner') }, ...owners.map((o) => ({ value: o.accountId, label: o.name }))]}
        />
        <TextField
          id="volgendeDatum"
          name="volgendeDatum"
          type="date"
          label={t('koplopers.card.nextDate')}
          hint={t('koplopers.detail.nextDateHint')}
          value={values.volgendeDatum}
          error={error('volgendeDatum')}
        />
        <TextAreaField id="notities" name="notities" label={t('koplopers.card.notes')} value={values.notities} error={error('notities')} rows={4} />
        <Button appearance="secondary">{Html.escapeHtml(t('koplopers.detail.save'))}</Button>
      </Form>
      <h2 class="utrecht-heading-2" safe>
        {t('koplopers.detail.timeline')}
      </h2>
      <Table
        caption={t('koplopers.detail.timelineCaption')}
        captionHidden
        rows={events}
        columns={[
          { header: t('koplopers.timeline.when'), cell: (e) => <span safe>{formatDateTime(lang, e.createdAt)}</span> },
          { header: t('koplopers.timeline.who'), cell: (e) => <span safe>{e.kind === 'stap-automatisch' ? t('koplopers.timeline.system') : e.byLabel}</span> },
          {
            header: t('koplopers.timeline.what'),
            cell: (e) => (
              <span safe>{e.note ? `${eventText(t, lang, e, owners)} ${t('koplopers.event.note', { note: e.note })}` : eventText(t, lang, e, owners)}</span>
            ),
          },
        ]}
      />
    </Layout>
  );
}
