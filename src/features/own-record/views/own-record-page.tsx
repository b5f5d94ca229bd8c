import Html from '@kitajs/html';
import { formatDate, formatDay } from '../../../platform/i18n.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form } from '../../../ui/components/form.tsx';
import { TextAreaField, TextField } from '../../../ui/components/form-field.tsx';
import { DataList, Paragraph, Table } from '../../../ui/components/table.tsx';
import { Notice, PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { appointmentBasisLabel, functionLabel, type DeliveredPerson, type Enrolment, type OwnEmployment } from '../../register/index.ts';

export const ownRecordPath = '/mijn-register';
/** Inschrijven zonder werkgever: name and birth date (views/own-enrolment-pages.tsx) */
export const ownEnrolmentPath = `${ownRecordPath}/inschrijving/gegevens`;
export const employmentPath = (id: string) => `${ownRecordPath}/dienstverbanden/${id}`;

/** An employment's period: "1 augustus 2019 – 31 juli 2023", or "sinds 1 augustus 2019" while it runs. */
export const employmentPeriod = (ctx: PageContext, start: string, end: string | null) =>
  end ? `${formatDay(ctx.lang, start)} – ${formatDay(ctx.lang, end)}` : ctx.t('own.since', { date: formatDay(ctx.lang, start) });

/** "Leraar · De Regenboog (12AB)": which employment a button or form is about, for screen readers too. */
const employmentLabel = (ctx: PageContext, e: OwnEmployment) => `${functionLabel(ctx.t, e.function)} · ${e.locationName ?? e.schoolName} (${e.brin})`;

function StatusCell({ ctx, employment }: { ctx: PageContext; employment: OwnEmployment }) {
  const { t } = ctx;
  const status = t(`employment.status.${employment.approvalStatus}`);
  const dispute = employment.dispute;
  const disputeText = dispute ? t('own.dispute.yours', { comment: dispute.comment }) : '';
  const replyText = dispute?.reply ? t('own.dispute.reply', { by: dispute.repliedByLabel ?? '', reply: dispute.reply }) : '';
  return (
    <>
      <strong safe>{status}</strong>
      {dispute && dispute.status === 'open' ? (
        <p class="utrecht-paragraph br-small" safe>
          {disputeText}
        </p>
      ) : (
        ''
      )}
      {replyText && employment.approvalStatus === 'te-controleren' ? (
        <p class="utrecht-paragraph br-small" safe>
          {replyText}
        </p>
      ) : (
        ''
      )}
    </>
  );
}

function Actions({ ctx, employment }: { ctx: PageContext; employment: OwnEmployment }) {
  const { t } = ctx;
  const label = employmentLabel(ctx, employment);
  const canApprove = employment.approvalStatus !== 'geaccordeerd';
  const canDispute = employment.approvalStatus !== 'betwist';
  return (
    <>
      {canApprove ? (
        <Form action={`${employmentPath(employment.id)}/akkoord`} csrfToken={ctx.csrfToken} attrs={{ class: 'br-form br-inline-form' }}>
          <Button>
            {Html.escapeHtml(t('own.approve'))}
            <span class="br-visually-hidden" safe>{`: ${label}`}</span>
          </Button>
        </Form>
      ) : (
        ''
      )}{' '}
      {canDispute ? (
        <Button appearance="secondary" href={`${employmentPath(employment.id)}/betwisten`}>
          {Html.escapeHtml(t('own.dispute'))}
          <span class="br-visually-hidden" safe>{`: ${label}`}</span>
        </Button>
      ) : (
        ''
      )}
    </>
  );
}

/**
 * Inschrijving: the register number once enrolled; before that, what enrolling means and the button,
 * or, for an account without a person, the way to enrol with name and birth date (decision 021).
 */
function EnrolmentSection({ ctx, enrolment, canEnrol }: { ctx: PageContext; enrolment?: Enrolment; canEnrol: boolean }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="inschrijving">
      <h2 class="utrecht-heading-2" id="inschrijving" safe>
        {t('own.enrolment.title')}
      </h2>
      {enrolment ? (
        <DataList
          items={[
            { label: t('own.enrolment.number'), value: <span safe>{enrolment.registerNumber}</span> },
            { label: t('own.enrolment.status'), value: <span safe>{t('own.enrolment.ingeschreven')}</span> },
            { label: t('own.enrolment.since'), value: <span safe>{formatDate(lang, enrolment.createdAt)}</span> },
          ]}
        />
      ) : canEnrol ? (
        <>
          <TextParagraph text={t('own.enrolment.explain')} />
          <Form action={`${ownRecordPath}/inschrijving`} csrfToken={ctx.csrfToken}>
            <Button>{Html.escapeHtml(t('own.enrolment.button'))}</Button>
          </Form>
        </>
      ) : (
        <>
          <TextParagraph text={t('own.enrolment.withoutDelivery')} />
          <Button href={ownEnrolmentPath}>{Html.escapeHtml(t('own.enrolment.withoutDeliveryButton'))}</Button>
        </>
      )}
    </section>
  );
}

/** What a board cannot know: the professional's own address for mail about their registration. */
function PersonalEmailForm({ ctx, value, error }: { ctx: PageContext; value: string | null; error?: string }) {
  const { t } = ctx;
  return (
    <Form action={`${ownRecordPath}/email`} csrfToken={ctx.csrfToken}>
      <TextField
        id="email"
        name="email"
        type="email"
        autocomplete="email"
        label={t('own.personalEmail')}
        hint={t('own.personalEmailHint')}
        value={value ?? ''}
        error={error}
      />
      <Button appearance="secondary">{Html.escapeHtml(t('own.personalEmailSave'))}</Button>
    </Form>
  );
}

/** Check your details: what boards delivered about the professional themselves, in words, before the employments. */
function DeliveredPersonSection({ ctx, person }: { ctx: PageContext; person: DeliveredPerson }) {
  const { t, lang } = ctx;
  const name = [person.initials, person.prefix, person.surname].filter(Boolean).join(' ');
  const bsn = person.hasBsn ? t(person.delivered ? 'own.person.bsnKnown' : 'own.person.bsnVouched') : t('own.person.notDelivered');
  return (
    <section aria-labelledby="aangeleverd">
      <h2 class="utrecht-heading-2" id="aangeleverd" safe>
        {t(person.delivered ? 'own.person.title' : 'own.person.titleOwn')}
      </h2>
      <TextParagraph text={t(person.delivered ? 'own.person.intro' : 'own.person.introOwn')} />
      <DataList
        items={[
          { label: t('own.person.name'), value: <span safe>{person.firstNames ? `${name} (${person.firstNames})` : name}</span> },
          { label: t('own.person.birthDate'), value: <span safe>{formatDay(lang, person.birthDate)}</span> },
          { label: t('own.person.workEmail'), value: <span safe>{person.workEmail ?? t('own.person.notDelivered')}</span> },
          { label: t('own.person.bsn'), value: <span safe>{bsn}</span> },
          {
            label: t('own.person.staffNumbers'),
            value: <span safe>{person.staffNumbers.map((n) => `${n.staffNumber} (${n.board})`).join(', ') || t('own.person.notDelivered')}</span>,
          },
        ]}
      />
      <TextParagraph text={t(person.delivered ? 'own.person.wrong' : 'own.person.wrongOwn')} />
    </section>
  );
}

export function OwnRecordPage({
  ctx,
  email,
  person,
  employments,
  enrolment,
  personal,
  notice,
  errors = [],
}: {
  ctx: PageContext;
  email: string;
  person?: DeliveredPerson;
  employments: OwnEmployment[];
  enrolment?: Enrolment;
  personal?: { canSet: boolean; email: string | null };
  /** after a redirect: what happened, and whether it needs the professional's attention */
  notice?: { text: string; warning: boolean };
  errors?: FieldError[];
}) {
  const { t } = ctx;
  const toCheck = employments.filter((e) => e.approvalStatus === 'te-controleren').length;
  return (
    <Layout ctx={ctx} title={t('own.title')} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={t('own.title')} />
      <Notice message={notice?.text} type={notice?.warning ? 'warning' : 'ok'} />
      <EnrolmentSection ctx={ctx} enrolment={enrolment} canEnrol={person !== undefined || employments.length > 0} />
      {person || employments.length > 0 ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${ownRecordPath}/diplomas`} safe>
            {t('evidence.link')}
          </a>
          {enrolment ? (
            <>
              {' · '}
              <a class="utrecht-link" href={`${ownRecordPath}/registratie`} safe>
                {t('registration.link')}
              </a>
              {' · '}
              <a class="utrecht-link" href={`${ownRecordPath}/dossier`} safe>
                {t('dossier.link')}
              </a>
              {' · '}
              <a class="utrecht-link" href={`${ownRecordPath}/herregistratie`} safe>
                {t('reregistration.link')}
              </a>
              {' · '}
              <a class="utrecht-link" href={`${ownRecordPath}/inzage`} safe>
                {t('consent.link')}
              </a>
            </>
          ) : (
            ''
          )}
        </p>
      ) : (
        ''
      )}
      {personal?.canSet ? <PersonalEmailForm ctx={ctx} value={personal.email} error={errors.find((e) => e.field === 'email')?.message} /> : ''}
      {person ? <DeliveredPersonSection ctx={ctx} person={person} /> : ''}
      <h2 class="utrecht-heading-2" safe>
        {t('own.employments')}
      </h2>
      <TextParagraph text={t('own.intro')} />
      {employments.length === 0 && person ? (
        <TextParagraph text={t('own.noEmployments')} />
      ) : employments.length === 0 ? (
        <>
          <Paragraph>
            <span safe>{t('own.none', { email })}</span>
          </Paragraph>
          <Paragraph>
            <span safe>{t('own.linkWithCode')}</span>{' '}
            <a class="utrecht-link" href={`${ownRecordPath}/koppelen`} safe>
              {t('own.linkWithCodeLink')}
            </a>
          </Paragraph>
        </>
      ) : (
        <>
          <TextParagraph text={toCheck > 0 ? t('own.toCheck', { count: String(toCheck) }) : t('own.allChecked')} />
          <Table
            caption={t('own.caption')}
            rows={employments}
            columns={[
              { header: t('own.col.board'), cell: (e) => <span safe>{e.boardName}</span> },
              { header: t('own.col.school'), cell: (e) => <span safe>{`${e.locationName ?? e.schoolName} (${e.brin})`}</span> },
              { header: t('own.col.function'), cell: (e) => <span safe>{functionLabel(t, e.function)}</span> },
              { header: t('own.col.basis'), cell: (e) => <span safe>{appointmentBasisLabel(t, e.appointmentBasis)}</span> },
              { header: t('own.col.period'), cell: (e) => <span safe>{employmentPeriod(ctx, e.startDate, e.endDate)}</span> },
              { header: t('own.col.status'), cell: (e) => <StatusCell ctx={ctx} employment={e} /> },
              { header: t('own.col.actions'), cell: (e) => <Actions ctx={ctx} employment={e} /> },
            ]}
          />
        </>
      )}
    </Layout>
  );
}

/** "Klopt niet": what is wrong, for the board's staff. */
export function DisputeEmploymentPage({
  ctx,
  employment,
  value,
  errors = [],
}: {
  ctx: PageContext;
  employment: OwnEmployment;
  value?: string;
  errors?: FieldError[];
}) {
  const { t } = ctx;
  const title = t('own.dispute.title');
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <DataList
        items={[
          { label: t('own.col.board'), value: <span safe>{employment.boardName}</span> },
          { label: t('own.col.school'), value: <span safe>{`${employment.locationName ?? employment.schoolName} (${employment.brin})`}</span> },
          { label: t('own.col.function'), value: <span safe>{functionLabel(t, employment.function)}</span> },
          { label: t('own.col.basis'), value: <span safe>{appointmentBasisLabel(t, employment.appointmentBasis)}</span> },
          { label: t('own.col.period'), value: <span safe>{employmentPeriod(ctx, employment.startDate, employment.endDate)}</span> },
        ]}
      />
      <Form action={`${employmentPath(employment.id)}/betwisten`} csrfToken={ctx.csrfToken}>
        <TextAreaField
          id="toelichting"
          name="toelichting"
          label={t('own.dispute.comment')}
          hint={t('own.dispute.hint')}
          value={value}
          error={errors[0]?.message}
        />
        <Button>{Html.escapeHtml(t('own.dispute.send'))}</Button>{' '}
        <Button appearance="secondary" href={ownRecordPath}>
          {Html.escapeHtml(t('common.cancel'))}
        </Button>
      </Form>
    </Layout>
  );
}
