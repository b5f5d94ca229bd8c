import Html from '@kitajs/html';
import { formatDateTime, formatDay, translateMessage, type Message } from '../../../platform/i18n.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form } from '../../../ui/components/form.tsx';
import { RadioGroup, TextAreaField, TextField } from '../../../ui/components/form-field.tsx';
import { DataList, Table } from '../../../ui/components/table.tsx';
import { Notice, PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { NotEnrolled } from './reregistration-pages.tsx';
import type { PostponementDecisionForm, PostponementForm } from '../../register/index.ts';
import { postponementGrounds } from '../../register/index.ts';
import { ownPostponementPath, ownReregistrationPath, type Postponement, type PostponementCase, type RegistrationProgress } from '../../register/index.ts';

export const postponementQueuePath = '/beheer/uitstel';

const groundText = (ctx: PageContext, ground: string) =>
  ctx.t(`postponement.ground.${(postponementGrounds as readonly string[]).includes(ground) ? (ground as 'ziekte') : 'overig'}`);
const statusText = (ctx: PageContext, status: Postponement['status']) => ctx.t(`postponement.status.${status}`);
const untilOf = (ctx: PageContext, p: Postponement) => formatDay(ctx.lang, p.grantedUntil ?? p.requestedUntil);

type OwnView = { progress: RegistrationProgress | null; postponements: Postponement[]; reason: Message | null; limit: string | null };

/** Uitstel on Mijn register: the requests made and their decisions, and the form to ask. */
export function OwnPostponementPage({
  ctx,
  view,
  values = { grond: '', toelichting: '', tot: '' },
  errors = [],
  notice,
}: {
  ctx: PageContext;
  view: OwnView | null;
  values?: PostponementForm;
  errors?: FieldError[];
  notice?: string;
}) {
  const { t, lang } = ctx;
  const error = (field: keyof PostponementForm) => errors.find((e) => e.field === field)?.message;
  return (
    <Layout ctx={ctx} title={t('postponement.title')} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={t('postponement.title')} />
      <Notice message={notice} />
      {!view ? (
        <NotEnrolled ctx={ctx} />
      ) : (
        <>
          <TextParagraph text={t('postponement.intro')} />
          <h2 class="utrecht-heading-2" safe>
            {t('postponement.requests')}
          </h2>
          {view.postponements.length === 0 ? (
            <TextParagraph text={t('postponement.none')} />
          ) : (
            <Table
              caption={t('postponement.caption')}
              rows={view.postponements}
              columns={[
                { header: t('postponement.col.asked'), cell: (p) => <span safe>{formatDateTime(lang, p.createdAt)}</span> },
                { header: t('postponement.col.ground'), cell: (p) => <span safe>{groundText(ctx, p.ground)}</span> },
                { header: t('postponement.col.until'), cell: (p) => <span safe>{untilOf(ctx, p)}</span> },
                { header: t('postponement.col.status'), cell: (p) => <span safe>{statusText(ctx, p.status)}</span> },
                { header: t('postponement.col.decision'), cell: (p) => <span safe>{p.decisionMotivation ?? '—'}</span> },
              ]}
            />
          )}
          <h2 class="utrecht-heading-2" safe>
            {t('postponement.ask')}
          </h2>
          {view.reason || !view.progress ? (
            <TextParagraph text={view.reason ? translateMessage(lang, view.reason) : ''} />
          ) : (
            <Form action={ownPostponementPath} csrfToken={ctx.csrfToken}>
              <RadioGroup
                id="grond"
                name="grond"
                label={t('postponement.form.ground')}
                value={values.grond}
                error={error('grond')}
                options={postponementGrounds.map((g) => ({ value: g, label: groundText(ctx, g) }))}
              />
              <TextAreaField
                id="toelichting"
                name="toelichting"
                label={t('postponement.form.explanation')}
                hint={t('postponement.form.explanationHint')}
                value={values.toelichting}
                error={error('toelichting')}
                rows={5}
              />
              <TextField
                id="tot"
                name="tot"
                label={t('postponement.form.until')}
                hint={t('postponement.form.untilHint', { until: view.progress.registration.until, limit: view.limit ?? '' })}
                value={values.tot}
                error={error('tot')}
                autocomplete="off"
              />
              <Button>{Html.escapeHtml(t('postponement.form.send'))}</Button>
            </Form>
          )}
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={ownReregistrationPath} safe>
              {t('postponement.back')}
            </a>
          </p>
        </>
      )}
    </Layout>
  );
}

const personOf = (p: PostponementCase) => `${p.personName} (${p.registerNumber})`;

/** The Commissie Registratie's queue of requests for uitstel. */
export function PostponementQueuePage({
  ctx,
  open,
  decided,
  notice,
}: {
  ctx: PageContext;
  open: PostponementCase[];
  decided: PostponementCase[];
  notice?: string;
}) {
  const { t, lang } = ctx;
  const columns = [
    {
      header: t('postponements.col.person'),
      cell: (p: PostponementCase) => (
        <a class="utrecht-link" href={`${postponementQueuePath}/${p.id}`} safe>
          {personOf(p)}
        </a>
      ),
    },
    {
      header: t('postponements.col.registration'),
      cell: (p: PostponementCase) => <span safe>{`${p.registerName}: ${p.title} ${p.level}, ${formatDay(lang, p.validUntil)}`}</span>,
    },
    { header: t('postponement.col.ground'), cell: (p: PostponementCase) => <span safe>{groundText(ctx, p.ground)}</span> },
    { header: t('postponement.col.until'), cell: (p: PostponementCase) => <span safe>{untilOf(ctx, p)}</span> },
    { header: t('postponement.col.asked'), cell: (p: PostponementCase) => <span safe>{formatDateTime(lang, p.createdAt)}</span> },
  ];
  return (
    <Layout ctx={ctx} title={t('postponements.title')} current="account">
      <PageTitle text={t('postponements.title')} />
      <Notice message={notice} />
      <h2 class="utrecht-heading-2" safe>
        {t('postponements.open')}
      </h2>
      {open.length === 0 ? (
        <TextParagraph text={t('postponements.openNone')} />
      ) : (
        <Table caption={t('postponements.open')} captionHidden rows={open} columns={columns} />
      )}
      <h2 class="utrecht-heading-2" safe>
        {t('postponements.decided')}
      </h2>
      {decided.length === 0 ? (
        <TextParagraph text={t('postponements.decidedNone')} />
      ) : (
        <Table
          caption={t('postponements.decided')}
          captionHidden
          rows={decided}
          columns={[
            ...columns.slice(0, 4),
            { header: t('postponement.col.status'), cell: (p: PostponementCase) => <span safe>{statusText(ctx, p.status)}</span> },
          ]}
        />
      )}
    </Layout>
  );
}

/** One request: the facts, the explanation, and (while it waits) the decision form. */
export function PostponementDecisionPage({
  ctx,
  request,
  limit,
  values,
  errors = [],
}: {
  ctx: PageContext;
  request: PostponementCase;
  limit: string;
  values?: PostponementDecisionForm;
  errors?: FieldError[];
}) {
  const { t, lang } = ctx;
  const error = (field: keyof PostponementDecisionForm) => errors.find((e) => e.field === field)?.message;
  const form = values ?? { besluit: '', tot: request.requestedUntil, motivering: '' };
  const title = t('postponements.one.title', { person: request.personName });
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <DataList
        items={[
          { label: t('postponements.one.number'), value: <span safe>{request.registerNumber}</span> },
          { label: t('postponements.col.registration'), value: <span safe>{`${request.registerName}: ${request.title} ${request.level}`}</span> },
          { label: t('postponements.one.validUntil'), value: <span safe>{formatDay(lang, request.validUntil)}</span> },
          { label: t('postponement.col.ground'), value: <span safe>{groundText(ctx, request.ground)}</span> },
          { label: t('postponements.one.explanation'), value: <span safe>{request.explanation}</span> },
          { label: t('postponements.one.requestedUntil'), value: <span safe>{formatDay(lang, request.requestedUntil)}</span> },
          { label: t('postponement.col.asked'), value: <span safe>{formatDateTime(lang, request.createdAt)}</span> },
          { label: t('postponement.col.status'), value: <span safe>{statusText(ctx, request.status)}</span> },
          ...(request.status !== 'aangevraagd'
            ? [
                { label: t('postponement.col.until'), value: <span>{request.grantedUntil ? formatDay(lang, request.grantedUntil) : '—'}</span> },
                { label: t('postponement.col.decision'), value: <span safe>{request.decisionMotivation ?? ''}</span> },
                {
                  label: t('postponements.one.decidedBy'),
                  value: <span safe>{`${request.decidedByLabel ?? ''}, ${request.decidedAt ? formatDateTime(lang, request.decidedAt) : ''}`}</span>,
                },
              ]
            : []),
        ]}
      />
      {request.status === 'aangevraagd' ? (
        <>
          <h2 class="utrecht-heading-2" safe>
            {t('postponements.one.decide')}
          </h2>
          <Form action={`${postponementQueuePath}/${request.id}`} csrfToken={ctx.csrfToken}>
            <RadioGroup
              id="besluit"
              name="besluit"
              label={t('postponements.one.decision')}
              value={form.besluit}
              error={error('besluit')}
              options={[
                { value: 'toekennen', label: t('postponements.one.grant') },
                { value: 'afwijzen', label: t('postponements.one.refuse') },
              ]}
            />
            <TextField
              id="tot"
              name="tot"
              label={t('postponements.one.until')}
              hint={t('postponements.one.untilHint', { until: request.validUntil, limit })}
              value={form.tot}
              error={error('tot')}
              autocomplete="off"
            />
            <TextAreaField
              id="motivering"
              name="motivering"
              label={t('postponements.one.reasons')}
              hint={t('postponements.one.reasonsHint')}
              value={form.motivering}
              error={error('motivering')}
              rows={4}
            />
            <Button>{Html.escapeHtml(t('postponements.one.send'))}</Button>
          </Form>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}
