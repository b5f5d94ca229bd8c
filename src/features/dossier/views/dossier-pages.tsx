import Html from '@kitajs/html';
import { formatDay, formatNumber, translateMessage, type Message } from '../../../platform/i18n.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form } from '../../../ui/components/form.tsx';
import { CheckboxField, CheckboxGroup, SelectField, TextAreaField, TextField } from '../../../ui/components/form-field.tsx';
import { DataList, Paragraph, Table } from '../../../ui/components/table.tsx';
import { Notice, PageTitle, TextParagraph, orDash } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import type { ActivityChoices } from '../../framework/index.ts';
import type { OwnValuation } from '../valuation.service.ts';
import { ValuationSection } from './valuation-section.tsx';
import { activityKinds, type ActivityForm, type ActivityLock } from '../activity.rules.ts';
import type { ActivityRecord, EvidenceChoice } from '../dossier.service.ts';

export const dossierPath = '/mijn-register/dossier';

export const emptyActivityForm: ActivityForm = {
  soort: '',
  titel: '',
  aanbieder: '',
  begindatum: '',
  einddatum: '',
  uren: '',
  primairProces: '',
  themas: [],
  competenties: [],
  leerdoelen: '',
  reflectie: '',
  bewijs: '',
};

/** The stored activity as the form shows it. */
export function formOf(a: ActivityRecord): ActivityForm {
  return {
    soort: a.kind,
    titel: a.title,
    aanbieder: a.provider ?? '',
    begindatum: a.startedOn,
    einddatum: a.completedOn,
    uren: String(a.hours).replace('.', ','),
    primairProces: a.primaryProcess ? 'ja' : '',
    themas: a.themes,
    competenties: a.competencies,
    leerdoelen: a.learningGoals ?? '',
    reflectie: a.reflection ?? '',
    bewijs: a.evidenceId ?? '',
  };
}

function ActivityFields({
  ctx,
  values,
  errors,
  evidence,
  choices,
}: {
  ctx: PageContext;
  values: ActivityForm;
  errors: FieldError[];
  evidence: EvidenceChoice[];
  choices: ActivityChoices;
}) {
  const { t } = ctx;
  const error = (field: keyof ActivityForm) => errors.find((e) => e.field === field)?.message;
  const kinds = [{ value: '', label: t('registration.form.choose') }, ...activityKinds.map((k) => ({ value: k, label: t(`dossier.kind.${k}`) }))];
  const proofs = [
    { value: '', label: t('dossier.form.noEvidence') },
    ...evidence.map((e) => ({ value: e.id, label: `${e.title} (${formatDay(ctx.lang, e.issuedOn)})` })),
  ];
  return (
    <>
      <SelectField id="soort" name="soort" label={t('dossier.form.kind')} value={values.soort} options={kinds} error={error('soort')} />
      <TextField id="titel" name="titel" label={t('dossier.form.title')} value={values.titel} error={error('titel')} />
      <TextField id="aanbieder" name="aanbieder" label={t('dossier.form.provider')} value={values.aanbieder} error={error('aanbieder')} />
      <TextField
        id="begindatum"
        name="begindatum"
        label={t('dossier.form.started')}
        hint={t('dossier.form.dateHint')}
        value={values.begindatum}
        error={error('begindatum')}
      />
      <TextField
        id="einddatum"
        name="einddatum"
        label={t('dossier.form.completed')}
        hint={t('dossier.form.dateHint')}
        value={values.einddatum}
        error={error('einddatum')}
      />
      <TextField
        id="uren"
        name="uren"
        label={t('dossier.form.hours')}
        hint={t('dossier.form.hoursHint')}
        value={values.uren}
        error={error('uren')}
        attrs={{ inputmode: 'decimal' }}
      />
      <CheckboxField id="primairProces" name="primairProces" label={t('dossier.form.primary')} checked={values.primairProces === 'ja'} />
      <CheckboxGroup id="themas" name="themas" label={t('dossier.form.themes')} options={choices.themes} checked={values.themas} error={error('themas')} />
      <CheckboxGroup
        id="competenties"
        name="competenties"
        label={t('dossier.form.competencies')}
        options={choices.competencies}
        checked={values.competenties}
        error={error('competenties')}
      />
      <Paragraph>
        <a class="utrecht-link" href="/referentiekader" safe>
          {t('dossier.form.framework', { version: choices.version })}
        </a>
      </Paragraph>
      <TextAreaField
        id="leerdoelen"
        name="leerdoelen"
        label={t('dossier.form.goals')}
        hint={t('dossier.form.textHint')}
        value={values.leerdoelen}
        error={error('leerdoelen')}
        rows={3}
      />
      <TextAreaField
        id="reflectie"
        name="reflectie"
        label={t('dossier.form.reflection')}
        hint={t('dossier.form.textHint')}
        value={values.reflectie}
        error={error('reflectie')}
        rows={4}
      />
      <SelectField id="bewijs" name="bewijs" label={t('dossier.form.evidence')} value={values.bewijs} options={proofs} error={error('bewijs')} />
    </>
  );
}

const kindLabel = (ctx: PageContext, a: ActivityRecord) => {
  const kind = ctx.t(`dossier.kind.${a.kind}`);
  return a.source === 'eigen' ? kind : `${kind} (${ctx.t('dossier.fromOffering')})`;
};

type Dossier = {
  activities: ActivityRecord[];
  evidence: EvidenceChoice[];
  progress: { registerName: string; sentence: Message } | null;
  choices: ActivityChoices;
};

/** Mijn professionalisering: progress towards re-registration, the activities, and the form to add one. */
export function DossierPage({
  ctx,
  dossier,
  values = emptyActivityForm,
  errors = [],
  notice,
}: {
  ctx: PageContext;
  dossier: Dossier | null;
  values?: ActivityForm;
  errors?: FieldError[];
  notice?: string;
}) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('dossier.title')} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={t('dossier.title')} />
      <Notice message={notice} />
      {!dossier ? (
        <Paragraph>
          <span safe>{t('dossier.notEnrolled')}</span>{' '}
          <a class="utrecht-link" href="/mijn-register" safe>
            {t('own.title')}
          </a>
        </Paragraph>
      ) : (
        <>
          {dossier.progress ? (
            <section aria-labelledby="voortgang-titel">
              <h2 class="utrecht-heading-2" id="voortgang-titel" safe>
                {t('dossier.progress', { register: dossier.progress.registerName })}
              </h2>
              <TextParagraph text={translateMessage(lang, dossier.progress.sentence)} />
              <Paragraph>
                <a class="utrecht-link" href="/mijn-register/herregistratie" safe>
                  {t('reregistration.link')}
                </a>
              </Paragraph>
            </section>
          ) : (
            <TextParagraph text={t('dossier.noRegistration')} />
          )}
          <Paragraph>
            <a class="utrecht-link" href="/mijn-register/inzage" safe>
              {t('consent.link')}
            </a>
          </Paragraph>
          <h2 class="utrecht-heading-2" safe>
            {t('dossier.activities')}
          </h2>
          {dossier.activities.length === 0 ? (
            <TextParagraph text={t('dossier.none')} />
          ) : (
            <Table
              caption={t('dossier.caption')}
              rows={dossier.activities}
              columns={[
                {
                  header: t('dossier.col.activity'),
                  cell: (a) => (
                    <a class="utrecht-link" href={`${dossierPath}/${a.id}`} safe>
                      {a.title}
                    </a>
                  ),
                },
                { header: t('dossier.col.kind'), cell: (a) => <span safe>{kindLabel(ctx, a)}</span> },
                { header: t('dossier.col.completed'), cell: (a) => <span safe>{formatDay(lang, a.completedOn)}</span> },
                { header: t('dossier.col.hours'), cell: (a) => <span safe>{formatNumber(lang, a.hours)}</span> },
                { header: t('dossier.col.points'), cell: (a) => <span safe>{orDash(a.points)}</span> },
                { header: t('dossier.col.themes'), cell: (a) => <span safe>{orDash(a.themes.join(', '))}</span> },
              ]}
            />
          )}
          <h2 class="utrecht-heading-2" safe>
            {t('dossier.add')}
          </h2>
          <Form action={dossierPath} csrfToken={ctx.csrfToken}>
            <ActivityFields ctx={ctx} values={values} errors={errors} evidence={dossier.evidence} choices={dossier.choices} />
            <Button>{Html.escapeHtml(t('dossier.form.save'))}</Button>
          </Form>
        </>
      )}
    </Layout>
  );
}

const lockTexts = { aanbod: 'dossier.edit.fixed', gewaardeerd: 'dossier.edit.valued', 'waardering-aangevraagd': 'dossier.edit.valuationOpen' } as const;

/** What was recorded, for an activity that cannot be changed. */
function ActivityFacts({ ctx, activity }: { ctx: PageContext; activity: ActivityRecord }) {
  const { t, lang } = ctx;
  return (
    <DataList
      items={[
        { label: t('dossier.col.kind'), value: <span safe>{kindLabel(ctx, activity)}</span> },
        { label: t('dossier.form.provider'), value: <span safe>{orDash(activity.provider)}</span> },
        { label: t('dossier.form.started'), value: <span safe>{formatDay(lang, activity.startedOn)}</span> },
        { label: t('dossier.form.completed'), value: <span safe>{formatDay(lang, activity.completedOn)}</span> },
        { label: t('dossier.col.hours'), value: <span safe>{formatNumber(lang, activity.hours)}</span> },
        { label: t('dossier.col.points'), value: <span safe>{orDash(activity.points)}</span> },
        { label: t('dossier.col.themes'), value: <span safe>{orDash(activity.themes.join(', '))}</span> },
        { label: t('dossier.col.competencies'), value: <span safe>{orDash(activity.competencies.join(', '))}</span> },
        { label: t('dossier.form.goals'), value: <span safe>{orDash(activity.learningGoals)}</span> },
        { label: t('dossier.form.reflection'), value: <span safe>{orDash(activity.reflection)}</span> },
      ]}
    />
  );
}

export type ActivityView = {
  activity: ActivityRecord;
  evidence: EvidenceChoice[];
  choices: ActivityChoices;
  lock: ActivityLock | null;
  valuation: OwnValuation | null;
};

/**
 * One activity: change it, or remove it after confirming; ask for it to be valued afterwards. An
 * activity from accredited offering, valued, or waiting for valuation is read only.
 */
export function ActivityPage({
  ctx,
  view,
  values,
  errors = [],
  notice,
  explanation,
}: {
  ctx: PageContext;
  view: ActivityView;
  values?: ActivityForm;
  errors?: FieldError[];
  notice?: string;
  explanation?: string;
}) {
  const { t } = ctx;
  const { activity, evidence, choices, lock, valuation } = view;
  const title = t('dossier.edit.title', { title: activity.title });
  const path = `${dossierPath}/${activity.id}`;
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <Notice message={notice} />
      <Paragraph>
        <a class="utrecht-link" href={dossierPath} safe>
          {t('dossier.edit.back')}
        </a>
      </Paragraph>
      {lock ? (
        <>
          <TextParagraph text={t(lockTexts[lock])} />
          <ActivityFacts ctx={ctx} activity={activity} />
        </>
      ) : (
        <>
          <Form action={path} csrfToken={ctx.csrfToken}>
            <ActivityFields ctx={ctx} values={values ?? formOf(activity)} errors={errors} evidence={evidence} choices={choices} />
            <Button>{Html.escapeHtml(t('dossier.form.save'))}</Button>
          </Form>
          <section aria-labelledby="verwijderen-titel">
            <h2 class="utrecht-heading-2" id="verwijderen-titel" safe>
              {t('dossier.remove.title')}
            </h2>
            <Form action={`${path}/verwijderen`} csrfToken={ctx.csrfToken}>
              <CheckboxField id="bevestigd" name="bevestigd" label={t('dossier.remove.confirm')} error={errors.find((e) => e.field === 'bevestigd')?.message} />
              <Button appearance="secondary">{Html.escapeHtml(t('dossier.remove.button'))}</Button>
            </Form>
          </section>
        </>
      )}
      {activity.source === 'eigen' ? (
        <ValuationSection ctx={ctx} activityPath={path} valued={activity.points !== null} valuation={valuation} errors={errors} explanation={explanation} />
      ) : (
        ''
      )}
    </Layout>
  );
}
