import Html from '@kitajs/html';
import { formatDate } from '../../../platform/i18n.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, errorFor, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form } from '../../../ui/components/form.tsx';
import { CheckboxGroup, RadioGroup, SelectField, TextAreaField, TextField } from '../../../ui/components/form-field.tsx';
import { Pagination } from '../../../ui/components/pagination.tsx';
import { Paragraph, Table } from '../../../ui/components/table.tsx';
import { Notice, PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import type { CommitteeMember, Offering, OfferingEventLine, QueueFilter } from '../accreditation.service.ts';
import { queueFilters } from '../accreditation.service.ts';
import { openStatuses, type DecisionForm, type FrameworkChoice } from '../offering.rules.ts';
import { commissionPath, DecisionDetails, History, OfferingDetails } from './offering-parts.tsx';

const filterLabel = (ctx: PageContext, filter: QueueFilter) =>
  filter === 'open' || filter === 'alle' ? ctx.t(`accreditation.queue.filter.${filter}`) : ctx.t(`accreditation.status.${filter}`);

function AssignForm({
  ctx,
  offering,
  members,
  error,
  label,
}: {
  ctx: PageContext;
  offering: Offering;
  members: CommitteeMember[];
  error?: string;
  label: string;
}) {
  const { t } = ctx;
  const options = [{ value: '', label: t('registration.form.choose') }, ...members.map((m) => ({ value: m.id, label: m.name }))];
  return (
    <Form action={`${commissionPath}/${offering.id}/toewijzing`} csrfToken={ctx.csrfToken}>
      <SelectField id={`lid-${offering.id}`} name="lid" label={label} value={offering.assignedTo ?? ''} options={options} error={error} />
      <Button appearance="secondary">{Html.escapeHtml(t('accreditation.queue.assign'))}</Button>
    </Form>
  );
}

export type QueueView = {
  canAssign: boolean;
  members: CommitteeMember[];
  mine?: Offering[];
  rows: Offering[];
  total: number;
  filter: QueueFilter;
  page: number;
  pageSize: number;
};

/** The commission's queue: for a member what is theirs, for register staff the assigning; everyone filters by status. */
export function QueuePage({ ctx, view, errors = [], notice }: { ctx: PageContext; view: QueueView; errors?: FieldError[]; notice?: string }) {
  const { t, lang } = ctx;
  const { filter } = view;
  const href = (page: number) => `${commissionPath}?status=${encodeURIComponent(filter)}&page=${page}`;
  const linkTo = (o: Offering) => (
    <a class="utrecht-link" href={`${commissionPath}/${o.id}`} safe>
      {o.title}
    </a>
  );
  return (
    <Layout ctx={ctx} title={t('accreditation.queue.title')} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={t('accreditation.queue.title')} />
      <Notice message={notice} />
      {view.mine ? (
        <section aria-labelledby="mijn-aanbod">
          <h2 class="utrecht-heading-2" id="mijn-aanbod" safe>
            {t('accreditation.queue.mine')}
          </h2>
          {view.mine.length === 0 ? (
            <TextParagraph text={t('accreditation.queue.mineNone')} />
          ) : (
            <Table
              caption={t('accreditation.queue.mine')}
              captionHidden
              rows={view.mine}
              columns={[
                { header: t('accreditation.col.title'), cell: linkTo },
                { header: t('accreditation.col.organisation'), cell: (o) => <span safe>{o.organisationName}</span> },
                { header: t('accreditation.col.status'), cell: (o) => <span safe>{t(`accreditation.status.${o.status}`)}</span> },
                { header: t('accreditation.col.submitted'), cell: (o) => <span safe>{formatDate(lang, o.createdAt)}</span> },
              ]}
            />
          )}
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="alle-aanbod">
        <h2 class="utrecht-heading-2" id="alle-aanbod" safe>
          {t('accreditation.queue.list')}
        </h2>
        <Form action={commissionPath} method="get" csrfToken={ctx.csrfToken}>
          <SelectField
            id="status"
            name="status"
            label={t('accreditation.queue.filter')}
            value={filter}
            options={queueFilters.map((f) => ({ value: f, label: filterLabel(ctx, f) }))}
          />
          <Button appearance="secondary">{Html.escapeHtml(t('accreditation.queue.filterButton'))}</Button>
        </Form>
        {view.canAssign && view.members.length === 0 ? <TextParagraph text={t('accreditation.queue.noMembers')} /> : ''}
        {view.rows.length === 0 ? (
          <TextParagraph text={t('accreditation.queue.none')} />
        ) : (
          <>
            <TextParagraph text={t('accreditation.queue.count', { total: view.total })} />
            <Table
              caption={t('accreditation.queue.caption', { filter: filterLabel(ctx, filter) })}
              rows={view.rows}
              columns={[
                { header: t('accreditation.col.title'), cell: linkTo },
                { header: t('accreditation.col.organisation'), cell: (o) => <span safe>{o.organisationName}</span> },
                { header: t('accreditation.col.status'), cell: (o) => <span safe>{t(`accreditation.status.${o.status}`)}</span> },
                { header: t('accreditation.col.submitted'), cell: (o) => <span safe>{formatDate(lang, o.createdAt)}</span> },
                { header: t('accreditation.col.assignedTo'), cell: (o) => <span safe>{o.assignedToName ?? '—'}</span> },
                ...(view.canAssign && view.members.length > 0
                  ? [
                      {
                        header: t('accreditation.col.assign'),
                        cell: (o: Offering) =>
                          openStatuses.includes(o.status) ? (
                            <AssignForm
                              ctx={ctx}
                              offering={o}
                              members={view.members}
                              error={errorFor(errors, `lid-${o.id}`)}
                              label={t('accreditation.queue.member', { title: o.title })}
                            />
                          ) : (
                            <span>—</span>
                          ),
                      },
                    ]
                  : []),
              ]}
            />
            <Pagination page={view.page} pageSize={view.pageSize} total={view.total} href={href} t={t} />
          </>
        )}
      </section>
    </Layout>
  );
}

export type ReviewView = {
  offering: Offering;
  events: OfferingEventLine[];
  framework: FrameworkChoice;
  canAssign: boolean;
  members: CommitteeMember[];
  canReview: boolean;
};

/** One offering for the commission: all of it, its history, assigning (register staff), and the assigned member's question or decision. */
export function ReviewPage({
  ctx,
  view,
  decision,
  question = '',
  errors = [],
  notice,
}: {
  ctx: PageContext;
  view: ReviewView;
  decision: DecisionForm;
  question?: string;
  errors?: FieldError[];
  notice?: string;
}) {
  const { t } = ctx;
  const { offering } = view;
  const title = t('accreditation.review.title', { title: offering.title });
  const assigned = offering.assignedToName ? t('accreditation.review.assignedTo', { name: offering.assignedToName }) : t('accreditation.review.notAssigned');
  const themes = [...new Set([...view.framework.themes, ...decision.themas])];
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <Notice message={notice} />
      <Paragraph>
        <a class="utrecht-link" href={commissionPath} safe>
          {t('accreditation.review.back')}
        </a>
      </Paragraph>
      <TextParagraph text={assigned} />
      {view.canAssign && openStatuses.includes(offering.status) && view.members.length > 0 ? (
        <AssignForm
          ctx={ctx}
          offering={offering}
          members={view.members}
          error={errorFor(errors, `lid-${offering.id}`)}
          label={t('accreditation.review.member')}
        />
      ) : (
        ''
      )}
      <DecisionDetails ctx={ctx} offering={offering} />
      <h2 class="utrecht-heading-2" safe>
        {t('accreditation.one.details')}
      </h2>
      <OfferingDetails ctx={ctx} offering={offering} />
      <History ctx={ctx} events={view.events} />
      {view.canReview ? (
        <>
          <section aria-labelledby="vragen-titel">
            <h2 class="utrecht-heading-2" id="vragen-titel" safe>
              {t('accreditation.review.ask')}
            </h2>
            <TextParagraph text={t('accreditation.review.askIntro')} />
            <Form action={`${commissionPath}/${offering.id}/informatie`} csrfToken={ctx.csrfToken}>
              <TextAreaField
                id="vraag"
                name="vraag"
                label={t('accreditation.review.question')}
                hint={t('accreditation.review.questionHint')}
                value={question}
                error={errorFor(errors, 'vraag')}
                rows={4}
              />
              <Button appearance="secondary">{Html.escapeHtml(t('accreditation.review.askButton'))}</Button>
            </Form>
          </section>
          <section aria-labelledby="besluiten-titel">
            <h2 class="utrecht-heading-2" id="besluiten-titel" safe>
              {t('accreditation.review.decide')}
            </h2>
            <Form action={`${commissionPath}/${offering.id}/besluit`} csrfToken={ctx.csrfToken}>
              <RadioGroup
                id="besluit"
                name="besluit"
                label={t('accreditation.review.decision')}
                value={decision.besluit}
                error={errorFor(errors, 'besluit')}
                options={[
                  { value: 'accrediteren', label: t('accreditation.review.accredit') },
                  { value: 'afwijzen', label: t('accreditation.review.reject') },
                ]}
              />
              <TextField
                id="punten"
                name="punten"
                label={t('accreditation.review.points')}
                hint={t('accreditation.review.pointsHint')}
                value={decision.punten}
                error={errorFor(errors, 'punten')}
                attrs={{ inputmode: 'numeric' }}
              />
              <CheckboxGroup
                id="themas"
                name="themas"
                label={t('accreditation.review.themes')}
                options={themes}
                checked={decision.themas}
                error={errorFor(errors, 'themas')}
              />
              <TextField
                id="geldigVanaf"
                name="geldigVanaf"
                label={t('accreditation.review.validFrom')}
                hint={t('accreditation.review.dateHint')}
                value={decision.geldigVanaf}
                error={errorFor(errors, 'geldigVanaf')}
              />
              <TextField
                id="geldigTot"
                name="geldigTot"
                label={t('accreditation.review.validUntil')}
                hint={t('accreditation.review.dateHint')}
                value={decision.geldigTot}
                error={errorFor(errors, 'geldigTot')}
              />
              <TextAreaField
                id="motivering"
                name="motivering"
                label={t('accreditation.review.motivation')}
                hint={t('accreditation.review.motivationHint')}
                value={decision.motivering}
                error={errorFor(errors, 'motivering')}
                rows={5}
              />
              <Button>{Html.escapeHtml(t('accreditation.review.send'))}</Button>
            </Form>
          </section>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}
