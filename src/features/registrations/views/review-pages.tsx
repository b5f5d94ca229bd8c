import Html from '@kitajs/html';
import { formatDateTime, formatDay, translateMessage } from '../../../platform/i18n.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form, HiddenField } from '../../../ui/components/form.tsx';
import { RadioGroup, SelectField, TextAreaField } from '../../../ui/components/form-field.tsx';
import { DataList, Paragraph, Table } from '../../../ui/components/table.tsx';
import { Notice, PageTitle } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import {
  appointmentBasisLabel,
  functionLabel,
  type Application,
  type ApplicationEventLine,
  type CommitteeMember,
  type OwnEmployment,
} from '../../register/index.ts';
import { Steps } from './own-registration-page.tsx';
import type { CheckedDecision, RenewalEvaluation } from '../../register/index.ts';
import { EvaluationFacts } from '../../register/index.ts';

export const reviewPath = '/beheer/aanvragen';

type EvidenceRef = { id: string; kind: string; title: string; issuer: string; issuedOn: string; fileName: string };

/** What was applied for: register, title and level, and "(herregistratie)" for a renewal. */
const appliedFor = (ctx: PageContext, a: Application) =>
  `${a.registerName}: ${a.title} ${a.level}${a.kind === 'herregistratie' ? ` (${ctx.t('reregistration.kind.herregistratie')})` : ''}`;

/** The applicant's employments as boards delivered them: where, as what, on which basis, and whether they checked it. */
function Employments({ ctx, employments }: { ctx: PageContext; employments: OwnEmployment[] }) {
  const { t, lang } = ctx;
  if (employments.length === 0) return <Paragraph>{Html.escapeHtml(t('review.one.employmentsNone'))}</Paragraph>;
  const period = (e: OwnEmployment) =>
    e.endDate ? `${formatDay(lang, e.startDate)} – ${formatDay(lang, e.endDate)}` : t('review.one.since', { date: formatDay(lang, e.startDate) });
  const check = (e: OwnEmployment) =>
    e.approvalStatus === 'betwist' && e.dispute?.status === 'open'
      ? `${t('employment.status.betwist')}: "${e.dispute.comment}"`
      : t(`employment.status.${e.approvalStatus}`);
  return (
    <Table
      caption={t('review.one.employments')}
      captionHidden
      rows={employments}
      columns={[
        { header: t('review.col.board'), cell: (e) => <span safe>{e.boardName}</span> },
        { header: t('review.col.school'), cell: (e) => <span safe>{`${e.locationName ?? e.schoolName} (${e.brin})`}</span> },
        { header: t('review.col.function'), cell: (e) => <span safe>{functionLabel(t, e.function)}</span> },
        { header: t('review.col.basis'), cell: (e) => <span safe>{appointmentBasisLabel(t, e.appointmentBasis)}</span> },
        { header: t('review.col.period'), cell: (e) => <span safe>{period(e)}</span> },
        { header: t('review.col.check'), cell: (e) => <span safe>{check(e)}</span> },
      ]}
    />
  );
}

/** What the commission decided on the applicant's earlier applications. */
function EarlierDecisions({ ctx, earlier }: { ctx: PageContext; earlier: Application[] }) {
  const { t, lang } = ctx;
  if (earlier.length === 0) return <Paragraph>{Html.escapeHtml(t('review.one.earlierNone'))}</Paragraph>;
  return (
    <ul class="utrecht-unordered-list">
      {earlier.map((a) => (
        <li class="utrecht-unordered-list__item" safe>
          {t('review.one.earlierLine', {
            applied: appliedFor(ctx, a),
            status: t(`registration.status.${a.status}`),
            date: a.decidedOn ? formatDay(lang, a.decidedOn) : '—',
          }) + (a.validUntil ? ` ${t('review.one.earlierUntil', { date: formatDay(lang, a.validUntil) })}` : '')}
        </li>
      ))}
    </ul>
  );
}

/** Register staff assign applications to a commission member; a member sees what is assigned to them. */
export function ApplicationsPage({
  ctx,
  queue,
  mine,
  notice,
}: {
  ctx: PageContext;
  queue?: { applications: Application[]; members: CommitteeMember[] };
  mine?: Application[];
  notice?: string;
}) {
  const { t, lang } = ctx;
  const members = [{ value: '', label: t('registration.form.choose') }, ...(queue?.members ?? []).map((m) => ({ value: m.id, label: m.name }))];
  return (
    <Layout ctx={ctx} title={t('review.title')} current="account">
      <PageTitle text={t('review.title')} />
      <Notice message={notice} />
      {mine ? (
        <>
          <h2 class="utrecht-heading-2" safe>
            {t('review.mine')}
          </h2>
          {mine.length === 0 ? (
            <Paragraph>
              <span safe>{t('review.mineNone')}</span>
            </Paragraph>
          ) : (
            <Table
              caption={t('review.mine')}
              captionHidden
              rows={mine}
              columns={[
                {
                  header: t('review.col.person'),
                  cell: (a) => <a class="utrecht-link" href={`${reviewPath}/${a.id}`} safe>{`${a.personName} (${a.registerNumber})`}</a>,
                },
                { header: t('review.col.applied'), cell: (a) => <span safe>{appliedFor(ctx, a)}</span> },
                { header: t('review.col.since'), cell: (a) => <span safe>{formatDateTime(lang, a.createdAt)}</span> },
              ]}
            />
          )}
        </>
      ) : (
        ''
      )}
      {queue ? (
        <>
          <h2 class="utrecht-heading-2" safe>
            {t('review.queue')}
          </h2>
          {queue.applications.length === 0 ? (
            <Paragraph>
              <span safe>{t('review.queueNone')}</span>
            </Paragraph>
          ) : (
            queue.applications.map((a) => (
              <section class="br-task" aria-labelledby={`aanvraag-${a.id}`}>
                <h3 class="utrecht-heading-3" id={`aanvraag-${a.id}`}>
                  <a class="utrecht-link" href={`${reviewPath}/${a.id}`} safe>
                    {`${a.personName} · ${appliedFor(ctx, a)} · ${t(`registration.status.${a.status}`)}`}
                  </a>
                </h3>
                {a.assignedToName ? (
                  <p class="utrecht-paragraph" safe>
                    {t('review.assignedTo', { name: a.assignedToName })}
                  </p>
                ) : (
                  ''
                )}
                {a.status !== 'in-behandeling' ? (
                  <Form action={`${reviewPath}/${a.id}/toewijzing`} csrfToken={ctx.csrfToken} attrs={{ class: 'br-form' }}>
                    <SelectField id={`lid-${a.id}`} name="lid" label={t('review.member')} options={members} />
                    <Button appearance="secondary">{Html.escapeHtml(t('review.assign'))}</Button>
                  </Form>
                ) : (
                  ''
                )}
              </section>
            ))
          )}
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** One application: the request, its evidence, its steps, and (for the assigned member) the decision form. */
export function ReviewPage({
  ctx,
  application,
  events,
  evidence,
  employments,
  earlier,
  canDecide,
  renewal,
  values = {},
  errors = [],
}: {
  ctx: PageContext;
  application: Application;
  events: ApplicationEventLine[];
  evidence: EvidenceRef[];
  employments: OwnEmployment[];
  earlier: Application[];
  canDecide: boolean;
  /** a herregistratie: the engine's evaluation of the registration it renews */
  renewal?: RenewalEvaluation | null;
  values?: { besluit?: string; motivering?: string };
  errors?: FieldError[];
}) {
  const { t } = ctx;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const title = t('review.one.title', { person: application.personName });
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <DataList
        items={[
          { label: t('own.enrolment.number'), value: <span safe>{application.registerNumber}</span> },
          { label: t('review.col.applied'), value: <span safe>{appliedFor(ctx, application)}</span> },
          { label: t('review.one.version'), value: <span safe>{String(application.registerVersion)}</span> },
          { label: t('review.one.motivation'), value: <span safe>{application.motivation || '—'}</span> },
          { label: t('registration.col.status'), value: <span safe>{t(`registration.status.${application.status}`)}</span> },
        ]}
      />
      {renewal ? (
        <section aria-labelledby="beoordeling-titel">
          <h2 class="utrecht-heading-2" id="beoordeling-titel" safe>
            {t('reregistration.review.evaluation')}
          </h2>
          <p class="utrecht-paragraph" safe>
            {t('reregistration.review.asOf', { version: renewal.registration.version })}
          </p>
          <p class="utrecht-paragraph" safe>
            {translateMessage(ctx.lang, renewal.sentence)}
          </p>
          <EvaluationFacts ctx={ctx} rule={renewal.rule} evaluation={renewal.evaluation} period={renewal.period} />
        </section>
      ) : (
        ''
      )}
      <h2 class="utrecht-heading-2" safe>
        {t('review.one.employments')}
      </h2>
      <Employments ctx={ctx} employments={employments} />
      <h2 class="utrecht-heading-2" safe>
        {t('review.one.earlier')}
      </h2>
      <EarlierDecisions ctx={ctx} earlier={earlier} />
      <h2 class="utrecht-heading-2" safe>
        {t('review.one.evidence')}
      </h2>
      <ul class="utrecht-unordered-list">
        {evidence.map((e) => (
          <li class="utrecht-unordered-list__item">
            <a class="utrecht-link" href={`${reviewPath}/${application.id}/bewijs/${e.id}`} safe>
              {`${e.title}, ${e.issuer} (${formatDay(ctx.lang, e.issuedOn)}) · ${e.fileName}`}
            </a>
          </li>
        ))}
      </ul>
      <h2 class="utrecht-heading-2" safe>
        {t('review.one.steps')}
      </h2>
      <Steps ctx={ctx} events={events} />
      {canDecide ? (
        <>
          <h2 class="utrecht-heading-2" safe>
            {t('review.one.decide')}
          </h2>
          {renewal && !renewal.nextUntil ? (
            <p class="utrecht-paragraph" safe>
              {t('reregistration.review.notMet')}
            </p>
          ) : (
            ''
          )}
          <Form action={`${reviewPath}/${application.id}/besluit`} csrfToken={ctx.csrfToken}>
            <RadioGroup
              id="besluit"
              name="besluit"
              label={t('review.one.decision')}
              value={values.besluit}
              error={error('besluit')}
              options={[
                ...(!renewal
                  ? [{ value: 'registreren', label: t('review.one.register', { years: application.cycleYears }) }]
                  : renewal.nextUntil
                    ? [{ value: 'registreren', label: t('reregistration.review.register', { until: renewal.nextUntil }) }]
                    : []),
                { value: 'afwijzen', label: t('review.one.reject') },
              ]}
            />
            <TextAreaField
              id="motivering"
              name="motivering"
              label={t('review.one.reasons')}
              hint={t('review.one.reasonsHint')}
              value={values.motivering}
              error={error('motivering')}
            />
            <Button>{Html.escapeHtml(t('review.one.send'))}</Button>
          </Form>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}

/**
 * Check before you decide: the decision repeated as it will be recorded, what the public register will
 * show, and that the applicant is told with the time to object. Nothing is recorded until confirmed.
 */
export function ConfirmDecisionPage({ ctx, decision, besluit }: { ctx: PageContext; decision: CheckedDecision; besluit: string }) {
  const { t, lang } = ctx;
  const { application, to, until, motivation } = decision;
  const title = t('review.confirm.title');
  const registered = to === 'geregistreerd';
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <DataList
        items={[
          { label: t('review.col.person'), value: <span safe>{`${application.personName} (${application.registerNumber})`}</span> },
          { label: t('review.col.applied'), value: <span safe>{appliedFor(ctx, application)}</span> },
          { label: t('review.confirm.decision'), value: <strong safe>{t(`registration.status.${to}`)}</strong> },
          ...(until ? [{ label: t('review.confirm.until'), value: <span safe>{formatDay(lang, until)}</span> }] : []),
          { label: t('review.confirm.motivation'), value: <span safe>{motivation}</span> },
        ]}
      />
      <h2 class="utrecht-heading-2" safe>
        {t('review.confirm.public')}
      </h2>
      <Paragraph>
        {Html.escapeHtml(
          registered && until
            ? t('review.confirm.publicRegistered', {
                person: application.personName,
                registration: `${application.registerName}: ${application.title} ${application.level}`,
                until: formatDay(lang, until),
              })
            : t('review.confirm.publicUnchanged'),
        )}
      </Paragraph>
      <Paragraph>{Html.escapeHtml(t('review.confirm.mail'))}</Paragraph>
      <Form action={`${reviewPath}/${application.id}/besluit`} csrfToken={ctx.csrfToken}>
        <HiddenField name="besluit" value={besluit} />
        <HiddenField name="motivering" value={motivation} />
        <HiddenField name="bevestigd" value="ja" />
        <Button>{Html.escapeHtml(t('review.confirm.button'))}</Button>{' '}
        <Button appearance="secondary" href={`${reviewPath}/${application.id}`}>
          {Html.escapeHtml(t('review.confirm.back'))}
        </Button>
      </Form>
    </Layout>
  );
}
