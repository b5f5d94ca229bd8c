import Html from '@kitajs/html';
import { formatDate } from '../../../platform/i18n.ts';
import { Alert } from '../../../ui/components/alert.tsx';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form, HiddenField } from '../../../ui/components/form.tsx';
import { CheckboxGroup, RadioGroup, SelectField, TextField } from '../../../ui/components/form-field.tsx';
import { DataList, Paragraph } from '../../../ui/components/table.tsx';
import { PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { deliveryMethods, hoursText, type ApplicationForm, type DeliveryMethod } from '../koplopers.rules.ts';
import type { ApplicationChoices, CheckedApplication, Receipt, SchoolChoice } from '../koplopers.service.ts';
import { applyPath, deliveryMethodLabel, EstimateTable } from './estimate-table.tsx';

export const emptyApplication = (): ApplicationForm => ({
  school: '',
  zoekSchool: '',
  naam: '',
  email: '',
  telefoon: '',
  leraren: '',
  aanlevering: '',
  leverancier: '',
  grondslagen: '',
  activiteiten: [],
});

const schoolLabel = (ctx: PageContext, s: SchoolChoice) =>
  ctx.t('koplopers.apply.schoolOption', {
    school: s.name,
    code: s.code,
    place: s.place ?? '—',
    board: s.boardName ?? ctx.t('koplopers.boardNumber', { number: s.boardNumber }),
  });

/** The school question: a search, its results to choose from (closed schools listed, not offered), or the school chosen. */
function SchoolQuestion({
  ctx,
  form,
  results,
  chosen,
  error,
}: {
  ctx: PageContext;
  form: ApplicationForm;
  results?: SchoolChoice[];
  chosen?: SchoolChoice;
  error?: string;
}) {
  const { t } = ctx;
  const open = (results ?? []).filter((s) => !s.closed);
  const closed = (results ?? []).filter((s) => s.closed);
  const options = open.length > 0 ? open : chosen ? [chosen] : [];
  return (
    <section aria-labelledby="school-titel">
      <h2 class="utrecht-heading-2" id="school-titel" safe>
        {t('koplopers.apply.schoolHeading')}
      </h2>
      <div class="br-search br-search--single">
        <TextField
          id="zoekSchool"
          name="zoekSchool"
          type="search"
          label={t('koplopers.apply.schoolSearch')}
          hint={t('koplopers.apply.schoolSearchHint')}
          value={form.zoekSchool}
          error={error}
          autocomplete="off"
        />
        <Button appearance="secondary" name="actie" value="zoeken">
          {Html.escapeHtml(t('koplopers.apply.schoolFind'))}
        </Button>
      </div>
      {results && results.length === 0 ? <TextParagraph text={t('koplopers.apply.schoolNoResults', { search: form.zoekSchool })} /> : ''}
      {options.length > 0 ? (
        <RadioGroup
          id="school"
          name="school"
          label={t('koplopers.apply.schoolChoose')}
          hint={t('koplopers.apply.schoolChooseHint')}
          value={form.school || (options.length === 1 ? options[0].id : '')}
          options={options.map((s) => ({ value: s.id, label: schoolLabel(ctx, s) }))}
        />
      ) : (
        ''
      )}
      {closed.length > 0 ? (
        <>
          <TextParagraph text={t('koplopers.apply.schoolClosedListed')} />
          <ul class="utrecht-unordered-list">
            {closed.map((s) => (
              <li class="utrecht-unordered-list__item" safe>
                {schoolLabel(ctx, s)}
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
    </section>
  );
}

/**
 * The public application form (works without JavaScript): the school from the directory, the contact person,
 * the number of teachers, the delivery method (and supplier), the benoemingsgrondslagen and the optional activities.
 */
export function ApplicationFormPage({
  ctx,
  choices,
  form,
  results,
  chosen,
  errors = [],
}: {
  ctx: PageContext;
  choices: ApplicationChoices;
  form: ApplicationForm;
  results?: SchoolChoice[];
  chosen?: SchoolChoice;
  errors?: FieldError[];
}) {
  const { t, lang } = ctx;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const title = t('koplopers.apply.title');
  return (
    <Layout ctx={ctx} title={title}>
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <TextParagraph text={t('koplopers.apply.intro')} />
      <TextParagraph text={t('koplopers.apply.introEstimate')} />
      <Form action={applyPath} csrfToken={ctx.csrfToken}>
        {/* the form's default button: Enter in any field presses the first submit button, which would otherwise be "find the school" */}
        <button type="submit" name="actie" value="enter" hidden tabindex="-1"></button>
        <SchoolQuestion ctx={ctx} form={form} results={results} chosen={chosen} error={error('zoekSchool') ?? error('school')} />
        <h2 class="utrecht-heading-2" safe>
          {t('koplopers.apply.contactHeading')}
        </h2>
        <TextField id="naam" name="naam" label={t('koplopers.apply.name')} value={form.naam} error={error('naam')} autocomplete="name" />
        <TextField
          id="email"
          name="email"
          type="email"
          label={t('koplopers.apply.email')}
          hint={t('koplopers.apply.emailHint')}
          value={form.email}
          error={error('email')}
          autocomplete="email"
        />
        <TextField
          id="telefoon"
          name="telefoon"
          label={t('koplopers.apply.phone')}
          hint={t('koplopers.apply.phoneHint')}
          value={form.telefoon}
          error={error('telefoon')}
          autocomplete="tel"
          attrs={{ inputmode: 'tel' }}
        />
        <h2 class="utrecht-heading-2" safe>
          {t('koplopers.apply.schoolFactsHeading')}
        </h2>
        <TextField
          id="leraren"
          name="leraren"
          label={t('koplopers.apply.teachers')}
          hint={t('koplopers.apply.teachersHint')}
          value={form.leraren}
          error={error('leraren')}
          attrs={{ inputmode: 'numeric' }}
        />
        <RadioGroup
          id="aanlevering"
          name="aanlevering"
          label={t('koplopers.apply.method')}
          value={form.aanlevering}
          error={error('aanlevering')}
          options={deliveryMethods.map((m) => ({ value: m, label: deliveryMethodLabel(t, m), hint: t(`koplopers.method.${m}.hint`) }))}
        />
        <SelectField
          id="leverancier"
          name="leverancier"
          label={t('koplopers.apply.supplier')}
          hint={t('koplopers.apply.supplierHint')}
          value={form.leverancier}
          error={error('leverancier')}
          options={[{ value: '', label: t('koplopers.apply.supplierNone') }, ...choices.suppliers.map((s) => ({ value: s.id, label: s.name }))]}
        />
        <RadioGroup
          id="grondslagen"
          name="grondslagen"
          label={t('koplopers.apply.grondslagen')}
          hint={t('koplopers.apply.grondslagenHint')}
          value={form.grondslagen}
          error={error('grondslagen')}
          options={[
            { value: 'ja', label: t('koplopers.yes') },
            { value: 'nee', label: t('koplopers.no') },
          ]}
        />
        {choices.estimate.model.activities.length > 0 ? (
          <CheckboxGroup
            id="activiteiten"
            name="activiteiten"
            label={t('koplopers.apply.activities')}
            hint={t('koplopers.apply.activitiesHint')}
            error={error('activiteiten')}
            checked={form.activiteiten}
            options={choices.estimate.model.activities.map((a) => ({
              value: a.code,
              label: t('koplopers.apply.activityOption', { activity: lang === 'en' ? a.nameEn : a.name, hours: hoursText(a.hours, lang) }),
            }))}
          />
        ) : (
          ''
        )}
        <Button name="actie" value="controleren">
          {Html.escapeHtml(t('koplopers.apply.toCheck'))}
        </Button>
      </Form>
    </Layout>
  );
}

/** Every answer as a hidden field: the check page posts them on (to send, or back to change). */
function AnswerFields({ form }: { form: ApplicationForm }) {
  const { activiteiten, ...single } = form;
  return (
    <>
      {Object.entries(single).map(([name, value]) => (
        <HiddenField name={name} value={value} />
      ))}
      {activiteiten.map((a) => (
        <HiddenField name="activiteiten" value={a} />
      ))}
    </>
  );
}

/** "Controleer uw aanmelding": the answers as they will be sent, to send or to change. */
export function ApplicationCheckPage({
  ctx,
  choices,
  form,
  checked,
  reference,
}: {
  ctx: PageContext;
  choices: ApplicationChoices;
  form: ApplicationForm;
  checked: CheckedApplication;
  reference: string;
}) {
  const { t, lang } = ctx;
  const { school, answers } = checked;
  const title = t('koplopers.check.title');
  const activityNames = choices.estimate.model.activities.filter((a) => answers.activities.includes(a.code)).map((a) => (lang === 'en' ? a.nameEn : a.name));
  return (
    <Layout ctx={ctx} title={title}>
      <PageTitle text={title} />
      <TextParagraph text={t('koplopers.check.intro')} />
      <DataList
        items={[
          { label: t('koplopers.field.school'), value: <span safe>{`${school.name} (${school.code}), ${school.place ?? '—'}`}</span> },
          { label: t('koplopers.field.board'), value: <span safe>{`${school.boardName ?? '—'} (${school.boardNumber})`}</span> },
          { label: t('koplopers.field.contact'), value: <span safe>{answers.contactName}</span> },
          { label: t('koplopers.field.email'), value: <span safe>{answers.contactEmail}</span> },
          { label: t('koplopers.field.phone'), value: <span safe>{answers.contactPhone ?? t('koplopers.none')}</span> },
          { label: t('koplopers.field.teachers'), value: <span safe>{String(answers.teachers)}</span> },
          {
            label: t('koplopers.field.method'),
            value: (
              <span safe>
                {answers.deliveryMethod === 'koppeling' && checked.supplierName
                  ? `${deliveryMethodLabel(t, answers.deliveryMethod)}: ${checked.supplierName}`
                  : deliveryMethodLabel(t, answers.deliveryMethod as DeliveryMethod)}
              </span>
            ),
          },
          { label: t('koplopers.field.grondslagen'), value: <span safe>{answers.grondslagenMapped ? t('koplopers.yes') : t('koplopers.no')}</span> },
          { label: t('koplopers.field.activities'), value: <span safe>{activityNames.length > 0 ? activityNames.join(', ') : t('koplopers.none')}</span> },
        ]}
      />
      <Form action={`${applyPath}/versturen`} csrfToken={ctx.csrfToken}>
        <AnswerFields form={{ ...form, school: school.id, zoekSchool: form.zoekSchool }} />
        <HiddenField name="referentie" value={reference} />
        <div class="utrecht-button-group">
          <Button>{Html.escapeHtml(t('koplopers.check.send'))}</Button>{' '}
          <button class="utrecht-button utrecht-button--secondary-action" type="submit" formaction={applyPath} name="actie" value="wijzigen">
            {Html.escapeHtml(t('koplopers.check.change'))}
          </button>
        </div>
      </Form>
    </Layout>
  );
}

/** After sending: the estimate with its breakdown, and what happens next. */
export function ReceiptPage({ ctx, receipt, fresh }: { ctx: PageContext; receipt: Receipt; fresh: boolean }) {
  const { t, lang } = ctx;
  const title = t('koplopers.receipt.title', { school: receipt.schoolName });
  return (
    <Layout ctx={ctx} title={title}>
      <PageTitle text={title} />
      {fresh ? (
        <Alert type="ok">
          <span safe>{t('koplopers.receipt.sent')}</span>
        </Alert>
      ) : (
        ''
      )}
      <TextParagraph
        text={t('koplopers.receipt.applied', {
          school: `${receipt.schoolName} (${receipt.schoolCode})`,
          board: receipt.boardName ?? receipt.boardNumber,
          date: formatDate(lang, receipt.createdAt),
        })}
      />
      <h2 class="utrecht-heading-2" safe>
        {t('koplopers.receipt.estimateHeading')}
      </h2>
      <Paragraph lead>
        <span safe>{t('koplopers.receipt.total', { hours: hoursText(receipt.estimate.totalHours, lang) })}</span>
      </Paragraph>
      <EstimateTable t={t} lang={lang} estimate={receipt.estimate} caption={t('koplopers.receipt.caption', { version: receipt.estimateVersion })} />
      <TextParagraph text={t('koplopers.receipt.estimateNote')} />
      <h2 class="utrecht-heading-2" safe>
        {t('koplopers.receipt.nextHeading')}
      </h2>
      <ol class="utrecht-ordered-list" start="2">
        {([2, 3, 4, 5, 6] as const).map((step) => (
          <li class="utrecht-ordered-list__item" safe>
            {t(`koplopers.step.${step}.explained`)}
          </li>
        ))}
      </ol>
    </Layout>
  );
}
