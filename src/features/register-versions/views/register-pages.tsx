import Html from '@kitajs/html';
import { formatDateTime } from '../../../platform/i18n.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form, HiddenField } from '../../../ui/components/form.tsx';
import { CheckboxField, RadioGroup, TextAreaField, TextField } from '../../../ui/components/form-field.tsx';
import { DataList, Table } from '../../../ui/components/table.tsx';
import { Notice, PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { ruleOfStoredVersion, ruleToForm } from '../../register/index.ts';
import { ruleDescription } from '../../register/index.ts';
import { levelsToText, type RegisterVersionForm } from '../register-version.rules.ts';
import type { RegisterDetail, RegisterSummary, RegisterVersion } from '../registers.service.ts';

const euros = (cents: number) => `€ ${(cents / 100).toFixed(2).replace('.', ',')}`;
/** The version's re-registration rule in one sentence: the whole rule when stored, else read from its unit and minimum. */
const renewal = (ctx: PageContext, v: RegisterVersion) => ruleDescription(ctx, ruleOfStoredVersion(v, String(v.version)));

export function RegistersPage({ ctx, registers }: { ctx: PageContext; registers: RegisterSummary[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('registers.title')} current="account">
      <PageTitle text={t('registers.title')} />
      <TextParagraph text={t('registers.intro')} />
      <Table
        caption={t('registers.title')}
        captionHidden
        rows={registers}
        columns={[
          {
            header: t('registers.col.register'),
            cell: (r) => (
              <a class="utrecht-link" href={`/beheer/registers/${r.code}`} safe>
                {r.name}
              </a>
            ),
          },
          { header: t('registers.col.version'), cell: (r) => <span safe>{String(r.current.version)}</span> },
          { header: t('registers.col.levels'), cell: (r) => <span safe>{r.current.levels.map((l) => `${l.title} ${l.level}`).join(', ')}</span> },
          { header: t('registers.col.renewal'), cell: (r) => <span safe>{renewal(ctx, r.current)}</span> },
        ]}
      />
    </Layout>
  );
}

type Detail = Pick<RegisterDetail, 'code' | 'name' | 'reminderDays' | 'versions'>;

/** A register: its current rules, the versions before, and the form for a new version (filled with the current one). */
export function RegisterPage({
  ctx,
  register,
  form,
  reminderForm,
  errors = [],
  notice,
}: {
  ctx: PageContext;
  register: Detail;
  form?: RegisterVersionForm;
  /** the reminder days as sent, when they were refused */
  reminderForm?: { eersteHerinnering: string; tweedeHerinnering: string };
  errors?: FieldError[];
  notice?: string;
}) {
  const { t, lang } = ctx;
  const [current] = register.versions;
  const values: RegisterVersionForm = form ?? {
    ...ruleToForm(ruleOfStoredVersion(current, String(current.version)), current.cycleYears),
    niveaus: levelsToText(current.levels),
    tarief: (current.feeCents / 100).toFixed(2).replace('.', ','),
    toelichting: '',
  };
  const error = (field: keyof RegisterVersionForm) => (reminderForm ? undefined : errors.find((e) => e.field === field)?.message);
  const title = t('registers.one.title', { name: register.name });
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <Notice message={notice} />
      <h2 class="utrecht-heading-2" safe>
        {t('registers.one.current', { version: current.version })}
      </h2>
      <DataList
        items={[
          ...current.levels.map((l) => ({ label: `${l.title} · ${l.level}`, value: <span safe>{l.criteria}</span> })),
          { label: t('registers.col.renewal'), value: <span safe>{renewal(ctx, current)}</span> },
          { label: t('registers.fee'), value: <span safe>{euros(current.feeCents)}</span> },
        ]}
      />
      <Table
        caption={t('registers.one.versions')}
        rows={register.versions}
        columns={[
          { header: t('registers.col.version'), cell: (v) => <span safe>{String(v.version)}</span> },
          { header: t('registers.one.when'), cell: (v) => <span safe>{`${formatDateTime(lang, v.createdAt)} · ${v.createdByLabel}`}</span> },
          { header: t('registers.one.why'), cell: (v) => <span safe>{v.note}</span> },
        ]}
      />
      <ReminderDaysForm ctx={ctx} register={register} values={reminderForm} errors={reminderForm ? errors : []} />
      <h2 class="utrecht-heading-2" safe>
        {t('registers.one.new')}
      </h2>
      <TextParagraph text={t('registers.one.newIntro')} />
      <Form action={`/beheer/registers/${register.code}`} csrfToken={ctx.csrfToken}>
        <HiddenField name="versie" value={String(current.version)} />
        <TextAreaField
          id="niveaus"
          name="niveaus"
          label={t('registers.form.levels')}
          hint={t('registers.form.levelsHint')}
          value={values.niveaus}
          error={error('niveaus')}
          rows={6}
        />
        <TextField
          id="cyclus"
          name="cyclus"
          label={t('registers.form.cycle')}
          hint={t('registers.form.cycleHint')}
          value={values.cyclus}
          error={error('cyclus')}
          attrs={{ inputmode: 'numeric' }}
        />
        <RadioGroup
          id="eenheid"
          name="eenheid"
          label={t('registers.form.unit')}
          hint={t('registers.form.unitHint')}
          value={values.eenheid}
          error={error('eenheid')}
          options={[
            { value: 'punten', label: t('registers.form.points') },
            { value: 'uren', label: t('registers.form.hours') },
            { value: 'themas', label: t('registers.form.themes') },
          ]}
        />
        <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend" safe>
            {t('registers.form.pointsRule')}
          </legend>
          <TextField
            id="minimumPunten"
            name="minimumPunten"
            label={t('registers.form.minimumPoints')}
            hint={t('registers.form.minimumPointsHint')}
            value={values.minimumPunten}
            error={error('minimumPunten')}
            attrs={{ inputmode: 'numeric' }}
          />
          <TextField
            id="perioden"
            name="perioden"
            label={t('registers.form.periods')}
            hint={t('registers.form.periodsHint')}
            value={values.perioden}
            error={error('perioden')}
          />
        </fieldset>
        <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend" safe>
            {t('registers.form.hoursRule')}
          </legend>
          <TextField id="uren" name="uren" label={t('registers.form.hoursTotal')} value={values.uren} error={error('uren')} attrs={{ inputmode: 'numeric' }} />
          <TextField
            id="urenPrimairProces"
            name="urenPrimairProces"
            label={t('registers.form.hoursPrimary')}
            value={values.urenPrimairProces}
            error={error('urenPrimairProces')}
            attrs={{ inputmode: 'numeric' }}
          />
        </fieldset>
        <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend" safe>
            {t('registers.form.themesRule')}
          </legend>
          <TextField
            id="themas"
            name="themas"
            label={t('registers.form.themesCount')}
            value={values.themas}
            error={error('themas')}
            attrs={{ inputmode: 'numeric' }}
          />
          <CheckboxField id="masterVolstaat" name="masterVolstaat" label={t('registers.form.master')} checked={values.masterVolstaat === 'ja'} />
        </fieldset>
        <TextField id="tarief" name="tarief" label={t('registers.form.fee')} value={values.tarief} error={error('tarief')} attrs={{ inputmode: 'decimal' }} />
        <TextAreaField
          id="toelichting"
          name="toelichting"
          label={t('registers.form.note')}
          hint={t('registers.form.noteHint')}
          value={values.toelichting}
          error={error('toelichting')}
          rows={3}
        />
        <Button>{Html.escapeHtml(t('registers.form.save'))}</Button>
      </Form>
    </Layout>
  );
}

/** After how many days a professional who has not checked a delivery is reminded: a setting of the register, not a version. */
function ReminderDaysForm({
  ctx,
  register,
  values,
  errors,
}: {
  ctx: PageContext;
  register: Detail;
  values?: { eersteHerinnering: string; tweedeHerinnering: string };
  errors: FieldError[];
}) {
  const { t } = ctx;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <>
      <h2 class="utrecht-heading-2" safe>
        {t('registers.reminders.title')}
      </h2>
      <TextParagraph text={t('registers.reminders.intro')} />
      <Form action={`/beheer/registers/${register.code}/herinneringen`} csrfToken={ctx.csrfToken}>
        <TextField
          id="eersteHerinnering"
          name="eersteHerinnering"
          label={t('registers.reminders.first')}
          value={values?.eersteHerinnering ?? String(register.reminderDays.first)}
          error={error('eersteHerinnering')}
          attrs={{ inputmode: 'numeric' }}
        />
        <TextField
          id="tweedeHerinnering"
          name="tweedeHerinnering"
          label={t('registers.reminders.second')}
          value={values?.tweedeHerinnering ?? String(register.reminderDays.second)}
          error={error('tweedeHerinnering')}
          attrs={{ inputmode: 'numeric' }}
        />
        <Button appearance="secondary">{Html.escapeHtml(t('registers.reminders.save'))}</Button>
      </Form>
    </>
  );
}
