import Html from '@kitajs/html';
import { formatDateTime, formatDay } from '../../../platform/i18n.ts';
import { Alert } from '../../../ui/components/alert.tsx';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form } from '../../../ui/components/form.tsx';
import { CheckboxField, SelectField, TextAreaField } from '../../../ui/components/form-field.tsx';
import { DataList, Paragraph } from '../../../ui/components/table.tsx';
import { Notice, PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { objectionDeadline } from '../../register/index.ts';
import type { Application, ApplicationEventLine } from '../../register/index.ts';

export const ownRegistrationPath = '/mijn-register/registratie';

type Register = { code: string; name: string; levels: { title: string; level: string; criteria: string }[] };
type EvidenceChoice = { id: string; kind: string; title: string; issuedOn: string };
export type ApplyValues = { niveau?: string; motivering?: string; bewijs?: string[] };

export function Steps({ ctx, events }: { ctx: PageContext; events: ApplicationEventLine[] }) {
  const { t, lang } = ctx;
  return (
    <ol class="utrecht-ordered-list">
      {events.map((e) => (
        <li class="utrecht-ordered-list__item" safe>
          {`${formatDateTime(lang, e.createdAt)} · ${t(`registration.status.${e.toStatus as 'aangevraagd'}`)} · ${e.byLabel}${e.reason ? ` · ${e.reason}` : ''}`}
        </li>
      ))}
    </ol>
  );
}

function ApplicationSection({
  ctx,
  application,
  today,
  errors,
}: {
  ctx: PageContext;
  application: Application & { events: ApplicationEventLine[] };
  today: string;
  errors: FieldError[];
}) {
  const { t } = ctx;
  const deadline = application.decidedOn ? objectionDeadline(application.decidedOn) : null;
  const canObject = (application.status === 'afgewezen' || application.status === 'geregistreerd') && deadline !== null && today <= deadline;
  const id = `aanvraag-${application.id}`;
  return (
    <section aria-labelledby={id}>
      <h3 class="utrecht-heading-3" id={id} safe>
        {`${application.registerName}: ${application.title} ${application.level}${application.kind === 'herregistratie' ? ` (${t('reregistration.kind.herregistratie')})` : ''}`}
      </h3>
      <DataList
        items={[
          { label: t('registration.col.status'), value: <span safe>{t(`registration.status.${application.status}`)}</span> },
          ...(application.validUntil ? [{ label: t('registration.validUntil'), value: <span safe>{formatDay(ctx.lang, application.validUntil)}</span> }] : []),
          ...(application.decisionMotivation ? [{ label: t('registration.motivation'), value: <span safe>{application.decisionMotivation}</span> }] : []),
        ]}
      />
      <Steps ctx={ctx} events={application.events} />
      {application.validUntil && application.validUntil >= today ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${ownRegistrationPath}/${application.id}/bewijs.pdf`} download="" safe>
            {t('registration.certificate')}
          </a>
        </p>
      ) : (
        ''
      )}
      {canObject ? (
        <Form action={`${ownRegistrationPath}/${application.id}/bezwaar`} csrfToken={ctx.csrfToken}>
          <TextAreaField
            id="bezwaar"
            name="bezwaar"
            label={t('registration.objection.label')}
            hint={t('registration.objection.hint', { deadline: deadline! })}
            rows={4}
            error={errors.find((e) => e.field === 'bezwaar')?.message}
          />
          <Button appearance="secondary">{Html.escapeHtml(t('registration.objection.send'))}</Button>
        </Form>
      ) : (
        ''
      )}
    </section>
  );
}

/** The form to apply: register, title and level, evidence and a motivation. */
function ApplySection({
  ctx,
  registers,
  evidence,
  values,
  errors,
}: {
  ctx: PageContext;
  registers: Register[];
  evidence: EvidenceChoice[];
  values: ApplyValues;
  errors: FieldError[];
}) {
  const { t } = ctx;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const options = [
    { value: '', label: t('registration.form.choose') },
    ...registers.flatMap((r) =>
      r.levels.map((l) => ({ value: `${r.code}::${l.title}|${l.level}`, label: `${r.name}: ${l.title} ${l.level} (${l.criteria})` })),
    ),
  ];
  return (
    <>
      <h2 class="utrecht-heading-2" safe>
        {t('registration.apply')}
      </h2>
      <TextParagraph text={t('registration.applyIntro')} />
      <Form action={ownRegistrationPath} csrfToken={ctx.csrfToken}>
        <SelectField
          id="niveau"
          name="niveau"
          label={t('registration.form.level')}
          value={values.niveau}
          options={options}
          error={error('niveau') ?? error('register')}
        />
        <fieldset
          class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset"
          id="bewijs"
          aria-describedby={error('bewijs') ? 'bewijs-error' : undefined}
        >
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend" safe>
            {t('registration.form.evidence')}
          </legend>
          {error('bewijs') ? (
            <div class="utrecht-form-field-error-message" id="bewijs-error">
              <span safe>{error('bewijs')!}</span>
            </div>
          ) : (
            ''
          )}
          {evidence.length === 0 ? (
            <p class="utrecht-paragraph">
              <span safe>{t('registration.form.noEvidence')}</span>{' '}
              <a class="utrecht-link" href="/mijn-register/diplomas" safe>
                {t('evidence.link')}
              </a>
            </p>
          ) : (
            evidence.map((e) => (
              <CheckboxField
                id={`bewijs-${e.id}`}
                name="bewijs"
                value={e.id}
                label={`${e.title} (${formatDay(ctx.lang, e.issuedOn)})`}
                checked={values.bewijs?.includes(e.id)}
              />
            ))
          )}
        </fieldset>
        <TextAreaField
          id="motivering"
          name="motivering"
          label={t('registration.form.motivation')}
          hint={t('registration.form.motivationHint')}
          value={values.motivering}
          error={error('motivering')}
        />
        <Button>{Html.escapeHtml(t('registration.form.send'))}</Button>
      </Form>
    </>
  );
}

/** Registration on Mijn register: the applications and their steps, objections, and the form to apply. */
export function OwnRegistrationPage(props: {
  ctx: PageContext;
  enrolled: boolean;
  /** the doorhaling, when the enrolment is struck off: no applying then */
  struckOff?: { createdAt: Date; reason: string | null };
  applications: (Application & { events: ApplicationEventLine[] })[];
  registers: Register[];
  evidence: EvidenceChoice[];
  today: string;
  values?: ApplyValues;
  errors?: FieldError[];
  notice?: string;
}) {
  const { ctx, enrolled, struckOff, applications, registers, evidence, today, values = {}, errors = [], notice } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('registration.title')} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={t('registration.title')} />
      <Notice message={notice} />
      {!enrolled ? (
        <Paragraph>
          <span safe>{t('registration.notEnrolled')}</span>{' '}
          <a class="utrecht-link" href="/mijn-register" safe>
            {t('own.title')}
          </a>
        </Paragraph>
      ) : (
        <>
          <h2 class="utrecht-heading-2" safe>
            {t('registration.applications')}
          </h2>
          {applications.length === 0 ? <TextParagraph text={t('registration.none')} /> : ''}
          {applications.map((a) => (
            <ApplicationSection ctx={ctx} application={a} today={today} errors={errors} />
          ))}
          {struckOff ? (
            <Alert type="warning">
              <p class="utrecht-paragraph" safe>
                {t('registration.struckOff', { date: formatDateTime(ctx.lang, struckOff.createdAt), reason: struckOff.reason ?? '' })}
              </p>
            </Alert>
          ) : (
            <ApplySection ctx={ctx} registers={registers} evidence={evidence} values={values} errors={errors} />
          )}
        </>
      )}
    </Layout>
  );
}
