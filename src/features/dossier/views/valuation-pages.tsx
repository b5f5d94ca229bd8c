import Html from '@kitajs/html';
import { formatDate, formatNumber, formatPeriod, translateMessage, type Message } from '../../../platform/i18n.ts';
import { Alert } from '../../../ui/components/alert.tsx';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form } from '../../../ui/components/form.tsx';
import { TextAreaField, TextField } from '../../../ui/components/form-field.tsx';
import { Pagination } from '../../../ui/components/pagination.tsx';
import { DataList, Paragraph, Table } from '../../../ui/components/table.tsx';
import { Notice, PageTitle, TextParagraph, orDash } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import type { Assessment, QueueLine, ValuationRequest, ValuedActivity } from '../valuation.service.ts';

export const queuePath = '/beheer/waarderingen';

/** The Commissie Accreditatie's queue: open requests for valuation afterwards, oldest first. */
export function ValuationQueuePage({
  ctx,
  queue,
  notice,
}: {
  ctx: PageContext;
  queue: { lines: QueueLine[]; total: number; page: number; pageSize: number };
  notice?: string;
}) {
  const { t, lang } = ctx;
  const status = (l: QueueLine) => (l.assessedByMe ? t('valuation.queue.byYou') : t('valuation.queue.count', { n: l.assessments }));
  return (
    <Layout ctx={ctx} title={t('valuation.queue.title')} current="account">
      <PageTitle text={t('valuation.queue.title')} />
      <Notice message={notice} />
      <TextParagraph text={t('valuation.queue.intro')} />
      {queue.total === 0 ? (
        <TextParagraph text={t('valuation.queue.none')} />
      ) : (
        <>
          <Table
            caption={t('valuation.queue.caption', { total: queue.total })}
            rows={queue.lines}
            columns={[
              {
                header: t('valuation.col.activity'),
                cell: (l) => (
                  <a class="utrecht-link" href={`${queuePath}/${l.id}`} safe>
                    {l.title}
                  </a>
                ),
              },
              { header: t('valuation.col.kind'), cell: (l) => <span safe>{t(`dossier.kind.${l.kind}` as 'dossier.kind.cursus')}</span> },
              { header: t('valuation.col.hours'), cell: (l) => <span safe>{formatNumber(lang, l.hours)}</span>, numeric: true },
              { header: t('valuation.col.requested'), cell: (l) => <span safe>{formatDate(lang, l.createdAt)}</span> },
              { header: t('valuation.col.assessments'), cell: (l) => <span safe>{status(l)}</span> },
            ]}
          />
          <Pagination page={queue.page} pageSize={queue.pageSize} total={queue.total} href={(p) => `${queuePath}?page=${p}`} t={t} />
        </>
      )}
    </Layout>
  );
}

export type AssessmentView = {
  request: ValuationRequest;
  activity: ValuedActivity;
  assessments: Assessment[];
  mine?: Assessment;
  canAssess: boolean;
  refusal?: Message;
  differLargely: boolean;
};

/**
 * One request for an assessor: what the professional did (without their name: the valuation is on the
 * activity), their explanation, the proof if attached, the valuations so far, and the form.
 */
export function AssessmentPage({
  ctx,
  view,
  values = { punten: '', motivering: '' },
  errors = [],
  problem,
}: {
  ctx: PageContext;
  view: AssessmentView;
  values?: { punten: string; motivering: string };
  errors?: FieldError[];
  problem?: string;
}) {
  const { t, lang } = ctx;
  const { request, activity, assessments, mine } = view;
  const title = t('valuation.assess.title', { title: activity.title });
  const path = `${queuePath}/${request.id}`;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const statusText =
    request.status === 'gewaardeerd' ? t('valuation.assess.decided', { points: request.points ?? 0 }) : t(`valuation.status.${request.status}`);
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      {problem ? (
        <Alert type="error">
          <span safe>{problem}</span>
        </Alert>
      ) : (
        ''
      )}
      <Paragraph>
        <a class="utrecht-link" href={queuePath} safe>
          {t('valuation.assess.back')}
        </a>
      </Paragraph>
      <DataList
        items={[
          { label: t('valuation.assess.status'), value: <span safe>{statusText}</span> },
          { label: t('valuation.col.requested'), value: <span safe>{formatDate(lang, request.createdAt)}</span> },
        ]}
      />
      <h2 class="utrecht-heading-2" safe>
        {t('valuation.assess.activity')}
      </h2>
      <DataList
        items={[
          { label: t('valuation.col.kind'), value: <span safe>{t(`dossier.kind.${activity.kind}` as 'dossier.kind.cursus')}</span> },
          { label: t('dossier.form.title'), value: <span safe>{activity.title}</span> },
          { label: t('dossier.form.provider'), value: <span safe>{orDash(activity.provider)}</span> },
          {
            label: t('valuation.assess.dates'),
            value: <span safe>{formatPeriod(lang, activity.startedOn, activity.completedOn)}</span>,
          },
          { label: t('valuation.col.hours'), value: <span safe>{formatNumber(lang, activity.hours)}</span> },
          { label: t('dossier.col.themes'), value: <span safe>{orDash(activity.themes.join(', '))}</span> },
          { label: t('dossier.col.competencies'), value: <span safe>{orDash(activity.competencies.join(', '))}</span> },
          { label: t('dossier.form.goals'), value: <span safe>{orDash(activity.learningGoals)}</span> },
          { label: t('dossier.form.reflection'), value: <span safe>{orDash(activity.reflection)}</span> },
          {
            label: t('dossier.form.evidence'),
            value: activity.evidenceTitle ? (
              <a class="utrecht-link" href={`${path}/bewijs`} safe>
                {activity.evidenceTitle}
              </a>
            ) : (
              <span safe>{t('valuation.assess.noEvidence')}</span>
            ),
          },
        ]}
      />
      <h2 class="utrecht-heading-2" safe>
        {t('valuation.assess.explanation')}
      </h2>
      <TextParagraph text={request.explanation} />
      <h2 class="utrecht-heading-2" safe>
        {t('valuation.assess.valuations')}
      </h2>
      {assessments.length === 0 ? (
        <TextParagraph text={t('valuation.assess.noneYet')} />
      ) : (
        <Table
          caption={t('valuation.assess.valuations')}
          captionHidden
          rows={assessments}
          columns={[
            { header: t('valuation.col.assessor'), cell: (a) => <span safe>{a.assessorLabel}</span> },
            { header: t('valuation.col.points'), cell: (a) => <span safe>{String(a.points)}</span>, numeric: true },
            { header: t('valuation.col.motivation'), cell: (a) => <span safe>{a.motivation}</span> },
            { header: t('valuation.col.when'), cell: (a) => <span safe>{formatDate(lang, a.createdAt)}</span> },
          ]}
        />
      )}
      {view.differLargely ? <TextParagraph text={t('valuation.differ')} /> : ''}
      {view.canAssess ? (
        <>
          <h2 class="utrecht-heading-2" safe>
            {t('valuation.assess.yours')}
          </h2>
          <TextParagraph text={t('valuation.assess.yoursIntro')} />
          <Form action={path} csrfToken={ctx.csrfToken}>
            <TextField
              id="punten"
              name="punten"
              label={t('valuation.form.points')}
              hint={t('valuation.form.pointsHint')}
              value={values.punten}
              error={error('punten')}
              attrs={{ inputmode: 'numeric' }}
            />
            <TextAreaField
              id="motivering"
              name="motivering"
              label={t('valuation.form.motivation')}
              hint={t('valuation.form.motivationHint')}
              value={values.motivering}
              error={error('motivering')}
              rows={5}
            />
            <Button>{Html.escapeHtml(t('valuation.form.save'))}</Button>
          </Form>
        </>
      ) : (
        <TextParagraph text={mine ? t('valuation.assess.mine', { points: mine.points }) : view.refusal ? translateMessage(lang, view.refusal) : ''} />
      )}
    </Layout>
  );
}
