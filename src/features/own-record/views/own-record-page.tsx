import Html from '@kitajs/html';
import { formatDate, formatDay, formatNumber } from '../../../platform/i18n.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form } from '../../../ui/components/form.tsx';
import { CheckboxGroup, FileField, TextAreaField, TextField } from '../../../ui/components/form-field.tsx';
import { DataList, Paragraph } from '../../../ui/components/table.tsx';
import { Notice, PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import {
  appointmentBasisLabel,
  disputeFieldLabel,
  disputeFieldsLabel,
  disputeFieldsOf,
  employmentDisputeFields,
  functionLabel,
  personDisputeFields,
  type DeliveredPerson,
  type DisputeField,
  type Enrolment,
  type OwnEmployment,
  type PersonDataCheckView,
} from '../../register/index.ts';

export const ownRecordPath = '/mijn-register';
/** Inschrijven zonder werkgever: name and birth date (views/own-enrolment-pages.tsx) */
export const ownEnrolmentPath = `${ownRecordPath}/inschrijving/gegevens`;
export const employmentPath = (id: string) => `${ownRecordPath}/dienstverbanden/${id}`;
/** The person data's check: `/akkoord` and `/betwisten` */
export const personDataPath = `${ownRecordPath}/persoonsgegevens`;

/** An employment's period: "1 augustus 2019 – 31 juli 2023", or "sinds 1 augustus 2019" while it runs. */
export const employmentPeriod = (ctx: PageContext, start: string, end: string | null) =>
  end ? `${formatDay(ctx.lang, start)} – ${formatDay(ctx.lang, end)}` : ctx.t('own.since', { date: formatDay(ctx.lang, start) });

/** "Leraar · De Regenboog (12AB)": which employment a heading, button or form is about, for screen readers too. */
const employmentLabel = (ctx: PageContext, e: OwnEmployment) => `${functionLabel(ctx.t, e.function)} · ${e.locationName ?? e.schoolName} (${e.brin})`;

/** An employment's fields as the professional checks them, in words and in the one date style, by their dispute codes (one label table). */
export function employmentValues(ctx: PageContext, e: OwnEmployment): Partial<Record<DisputeField, string>> {
  const { t, lang } = ctx;
  return {
    functie: functionLabel(t, e.function),
    benoemingsgrondslag: appointmentBasisLabel(t, e.appointmentBasis),
    school: `${e.locationName ?? e.schoolName} (${e.brin})`,
    begindatum: formatDay(lang, e.startDate),
    einddatum: e.endDate ? formatDay(lang, e.endDate) : t('own.endDate.none'),
    werktijdfactor: e.fte === null ? t('own.person.notDelivered') : formatNumber(lang, Number(e.fte)),
  };
}

/** The person data's fields as delivered, in words, by their dispute codes. */
export function personValues(ctx: PageContext, person: DeliveredPerson): Partial<Record<DisputeField, string>> {
  const { t, lang } = ctx;
  // what a board left out; a person who enrolled without a board was not asked for it
  const none = person.delivered ? t('own.person.notDelivered') : '—';
  return {
    voorletters: person.initials,
    voornamen: person.firstNames ?? none,
    tussenvoegsel: person.prefix ?? none,
    achternaam: person.surname,
    geboortedatum: formatDay(lang, person.birthDate),
    personeelsnummer: person.staffNumbers.map((n) => `${n.staffNumber} (${n.board})`).join(', ') || none,
  };
}

/** A block's fields as a summary list: each with its label from the one label table. */
const fieldItems = (ctx: PageContext, fields: readonly DisputeField[], values: Partial<Record<DisputeField, string>>) =>
  fields.map((f) => ({ label: disputeFieldLabel(ctx.t, f), value: <span safe>{values[f] ?? ''}</span> }));

/** What the professional said of an employment and what the board answered, under its status. */
function EmploymentCheck({ ctx, employment }: { ctx: PageContext; employment: OwnEmployment }) {
  const { t } = ctx;
  const dispute = employment.dispute;
  const open = dispute?.status === 'open';
  const replyText = dispute?.reply ? t('own.dispute.reply', { by: dispute.repliedByLabel ?? '', reply: dispute.reply }) : '';
  return (
    <>
      <strong safe>{t(`employment.status.${employment.approvalStatus}`)}</strong>
      {open && dispute.fields.length > 0 ? (
        <p class="utrecht-paragraph br-small" safe>
          {t('own.dispute.fieldsLine', { fields: disputeFieldsLabel(t, dispute.fields) })}
        </p>
      ) : (
        ''
      )}
      {open ? (
        <p class="utrecht-paragraph br-small" safe>
          {t('own.dispute.yours', { comment: dispute.comment })}
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

/** "Klopt" (a form) and "Klopt niet" (a link to the dispute form), each naming its block for screen readers. */
function CheckActions({ ctx, label, approve, dispute }: { ctx: PageContext; label: string; approve?: { action: string; text: string }; dispute?: string }) {
  const { t } = ctx;
  return (
    <div class="utrecht-button-group">
      {approve ? (
        <Form action={approve.action} csrfToken={ctx.csrfToken} attrs={{ class: 'br-form br-inline-form' }}>
          <Button>
            {Html.escapeHtml(approve.text)}
            <span class="br-visually-hidden" safe>{`: ${label}`}</span>
          </Button>
        </Form>
      ) : (
        ''
      )}{' '}
      {dispute ? (
        <Button appearance="secondary" href={dispute}>
          {Html.escapeHtml(t('own.dispute'))}
          <span class="br-visually-hidden" safe>{`: ${label}`}</span>
        </Button>
      ) : (
        ''
      )}
    </div>
  );
}

/** One employment, check-your-answers style: its fields in words, its check, and "Klopt" / "Klopt niet". */
function EmploymentSummary({ ctx, employment }: { ctx: PageContext; employment: OwnEmployment }) {
  const { t } = ctx;
  const label = employmentLabel(ctx, employment);
  const headingId = `dienstverband-${employment.id}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 class="utrecht-heading-3" id={headingId} safe>
        {label}
      </h3>
      <DataList
        items={[
          { label: t('own.col.board'), value: <span safe>{employment.boardName}</span> },
          ...fieldItems(ctx, employmentDisputeFields, employmentValues(ctx, employment)),
          { label: t('own.col.status'), value: <EmploymentCheck ctx={ctx} employment={employment} /> },
        ]}
      />
      <CheckActions
        ctx={ctx}
        label={label}
        approve={employment.approvalStatus !== 'geaccordeerd' ? { action: `${employmentPath(employment.id)}/akkoord`, text: t('own.approve') } : undefined}
        dispute={employment.approvalStatus !== 'betwist' ? `${employmentPath(employment.id)}/betwisten` : undefined}
      />
    </section>
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

/** The person data's check in words: "Gecontroleerd op 5 december 2026", "Nog niet gecontroleerd" or "Klopt niet gemeld", with what was said per board. */
function PersonDataCheck({ ctx, check }: { ctx: PageContext; check: PersonDataCheckView }) {
  const { t, lang } = ctx;
  const state =
    check.status === 'betwist'
      ? t('own.person.disputed')
      : check.approvedAt
        ? t('own.person.checkedOn', { date: formatDate(lang, check.approvedAt) })
        : t('own.person.notChecked');
  return (
    <>
      <strong safe>{state}</strong>
      {check.disputes.map((d) =>
        d.status === 'open' ? (
          <p class="utrecht-paragraph br-small" safe>
            {t('own.person.disputeYours', { board: d.boardName, fields: disputeFieldsLabel(t, d.fields), comment: d.comment })}
          </p>
        ) : d.reply && check.status === 'te-controleren' ? (
          <p class="utrecht-paragraph br-small" safe>
            {t('own.person.disputeReply', { board: d.boardName, by: d.repliedByLabel ?? '', reply: d.reply })}
          </p>
        ) : (
          ''
        ),
      )}
    </>
  );
}

/**
 * Check your details: what boards delivered about the professional themselves, field by field in words,
 * before the employments; approving them is a step of its own ("Mijn gegevens kloppen").
 */
function PersonDataSection({ ctx, person, check }: { ctx: PageContext; person: DeliveredPerson; check?: PersonDataCheckView }) {
  const { t } = ctx;
  const bsn = person.hasBsn ? t(person.delivered ? 'own.person.bsnKnown' : 'own.person.bsnVouched') : t('own.person.notDelivered');
  const values = personValues(ctx, person);
  const label = t('own.person.title');
  return (
    <section aria-labelledby="aangeleverd">
      <h2 class="utrecht-heading-2" id="aangeleverd" safe>
        {t(person.delivered ? 'own.person.title' : 'own.person.titleOwn')}
      </h2>
      <TextParagraph text={t(person.delivered ? 'own.person.intro' : 'own.person.introOwn')} />
      <DataList
        items={[
          ...fieldItems(ctx, person.delivered ? personDisputeFields : personDisputeFields.filter((f) => f !== 'personeelsnummer'), values),
          { label: t('own.person.bsn'), value: <span safe>{bsn}</span> },
          { label: t('own.person.workEmail'), value: <span safe>{person.workEmail ?? t('own.person.notDelivered')}</span> },
          ...(person.delivered && check ? [{ label: t('own.person.check'), value: <PersonDataCheck ctx={ctx} check={check} /> }] : []),
        ]}
      />
      <TextParagraph text={t(person.delivered ? 'own.person.wrong' : 'own.person.wrongOwn')} />
      {person.delivered && check ? (
        <CheckActions
          ctx={ctx}
          label={label}
          approve={check.status !== 'geaccordeerd' ? { action: `${personDataPath}/akkoord`, text: t('own.person.approve') } : undefined}
          dispute={check.status !== 'betwist' ? `${personDataPath}/betwisten` : undefined}
        />
      ) : (
        ''
      )}
    </section>
  );
}

export function OwnRecordPage({
  ctx,
  email,
  person,
  personCheck,
  employments,
  enrolment,
  personal,
  notice,
  errors = [],
}: {
  ctx: PageContext;
  email: string;
  person?: DeliveredPerson;
  /** the check of the person data, beside it */
  personCheck?: PersonDataCheckView;
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
      {person ? <PersonDataSection ctx={ctx} person={person} check={personCheck} /> : ''}
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
          {employments.map((e) => (
            <EmploymentSummary ctx={ctx} employment={e} />
          ))}
        </>
      )}
    </Layout>
  );
}

/** What a "Klopt niet" form is about: an employment, or the person data (with the boards it goes to). */
export type DisputeSubject = { kind: 'dienstverband'; employment: OwnEmployment } | { kind: 'persoonsgegevens'; person: DeliveredPerson; boards: string[] };

export type DisputeFormValues = { velden: string[]; toelichting: string };

/**
 * "Klopt niet": the block as delivered, then which of its fields are wrong (at least one), what they
 * should be, and an optional proof; it all goes to the board's staff. A multipart form, so the proof
 * can come along without JavaScript.
 */
export function DisputePage({
  ctx,
  subject,
  sizeLimit,
  values,
  errors = [],
}: {
  ctx: PageContext;
  subject: DisputeSubject;
  /** the largest proof accepted, in words: "10 MB" */
  sizeLimit: string;
  values?: DisputeFormValues;
  errors?: FieldError[];
}) {
  const { t } = ctx;
  const title = subject.kind === 'dienstverband' ? t('own.dispute.title') : t('own.dispute.personTitle');
  const fields = disputeFieldsOf(subject.kind);
  const shown = subject.kind === 'dienstverband' ? employmentValues(ctx, subject.employment) : personValues(ctx, subject.person);
  const action = subject.kind === 'dienstverband' ? `${employmentPath(subject.employment.id)}/betwisten` : `${personDataPath}/betwisten`;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <DataList
        items={[
          ...(subject.kind === 'dienstverband' ? [{ label: t('own.col.board'), value: <span safe>{subject.employment.boardName}</span> }] : []),
          ...fieldItems(ctx, fields, shown),
        ]}
      />
      {subject.kind === 'persoonsgegevens' ? <TextParagraph text={t('own.dispute.personBoards', { boards: subject.boards.join(', ') })} /> : ''}
      <Form action={action} csrfToken={ctx.csrfToken} attrs={{ enctype: 'multipart/form-data' }}>
        <CheckboxGroup
          id="velden"
          name="velden"
          label={t('own.dispute.fields')}
          hint={t('own.dispute.fieldsHint')}
          options={fields.map((f) => ({ value: f, label: disputeFieldLabel(t, f) }))}
          checked={values?.velden ?? []}
          error={error('velden')}
        />
        <TextAreaField
          id="toelichting"
          name="toelichting"
          label={t('own.dispute.comment')}
          hint={t('own.dispute.hint')}
          value={values?.toelichting}
          error={error('toelichting')}
        />
        <FileField
          id="bewijs"
          name="bewijs"
          label={t('own.dispute.proof')}
          hint={t('own.dispute.proofHint', { limit: sizeLimit })}
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          error={error('bewijs')}
        />
        <Button>{Html.escapeHtml(t('own.dispute.send'))}</Button>{' '}
        <Button appearance="secondary" href={ownRecordPath}>
          {Html.escapeHtml(t('common.cancel'))}
        </Button>
      </Form>
    </Layout>
  );
}
