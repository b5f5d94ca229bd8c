import Html from '@kitajs/html';
import { formatDate, type Lang, type Translate } from '../../../platform/i18n.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form, HiddenField } from '../../../ui/components/form.tsx';
import { CheckboxField, TextAreaField, TextField } from '../../../ui/components/form-field.tsx';
import { Paragraph, Table } from '../../../ui/components/table.tsx';
import { Notice, PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { VersionTable } from '../../../ui/components/version-table.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { deliveryMethods, hoursText, modelToForm, type EstimateModel, type EstimateModelForm } from '../koplopers.rules.ts';
import type { EstimateVersion, EstimateVersionSummary, Supplier, SupplierForm } from '../koplopers.service.ts';
import { deliveryMethodLabel, estimatePath, estimateVersionPath, pipelinePath, supplierPath, suppliersPath } from './estimate-table.tsx';

/** A model's hours per factor, as a table. */
function ModelTable({ t, lang, model, caption }: { t: Translate; lang: Lang; model: EstimateModel; caption: string }) {
  const rows = [
    { factor: t('koplopers.factor.base'), hours: model.baseHours },
    { factor: t('koplopers.model.perTen'), hours: model.perTenTeachersHours },
    ...deliveryMethods.map((m) => ({ factor: t('koplopers.factor.delivery', { method: deliveryMethodLabel(t, m) }), hours: model.deliveryHours[m] })),
    { factor: t('koplopers.factor.grondslagen'), hours: model.grondslagenNotMappedHours },
    ...model.activities.map((a) => ({ factor: t('koplopers.factor.activity', { activity: lang === 'en' ? a.nameEn : a.name }), hours: a.hours })),
  ];
  return (
    <Table
      caption={caption}
      rows={rows}
      columns={[
        { header: t('koplopers.estimate.col.factor'), cell: (r) => <span safe>{r.factor}</span> },
        { header: t('koplopers.estimate.col.hours'), numeric: true, cell: (r) => <span safe>{hoursText(r.hours, lang)}</span> },
      ]}
    />
  );
}

function Versions({ ctx, versions }: { ctx: PageContext; versions: EstimateVersionSummary[] }) {
  const { t, lang } = ctx;
  return (
    <VersionTable
      lang={lang}
      caption={t('koplopers.model.versions')}
      versions={versions}
      hrefOf={estimateVersionPath}
      nameOf={(version) => t('koplopers.model.versionN', { version })}
      headers={{
        version: t('koplopers.model.col.version'),
        date: t('koplopers.model.col.date'),
        by: t('koplopers.model.col.by'),
        note: t('koplopers.model.col.note'),
      }}
    />
  );
}

/** Register staff: the estimate model as it stands, its versions, and the form for the next version. */
export function EstimateModelPage({
  ctx,
  current,
  versions,
  form,
  errors = [],
  notice,
}: {
  ctx: PageContext;
  current: EstimateVersion;
  versions: EstimateVersionSummary[];
  form?: EstimateModelForm;
  errors?: FieldError[];
  notice?: string;
}) {
  const { t, lang } = ctx;
  const values = form ?? modelToForm(current.model, lang);
  const error = (field: keyof EstimateModelForm) => errors.find((e) => e.field === field)?.message;
  const title = t('koplopers.model.title');
  const hoursField = (name: Exclude<keyof EstimateModelForm, 'activiteiten' | 'toelichting'>, label: string) => (
    <TextField
      id={name}
      name={name}
      label={label}
      hint={t('koplopers.model.hoursHint')}
      value={values[name]}
      error={error(name)}
      attrs={{ inputmode: 'decimal' }}
    />
  );
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <Notice message={notice} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={pipelinePath} safe>
          {t('koplopers.back')}
        </a>
      </p>
      <TextParagraph text={t('koplopers.model.intro')} />
      <ModelTable t={t} lang={lang} model={current.model} caption={t('koplopers.model.currentCaption', { version: current.version })} />
      <Versions ctx={ctx} versions={versions} />
      <h2 class="utrecht-heading-2" safe>
        {t('koplopers.model.new')}
      </h2>
      <TextParagraph text={t('koplopers.model.newIntro')} />
      <Form action={estimatePath} csrfToken={ctx.csrfToken}>
        <HiddenField name="versie" value={String(current.version)} />
        {hoursField('basis', t('koplopers.factor.base'))}
        {hoursField('perTienLeraren', t('koplopers.model.perTen'))}
        {deliveryMethods.map((m) => hoursField(m, t('koplopers.factor.delivery', { method: deliveryMethodLabel(t, m) })))}
        {hoursField('grondslagen', t('koplopers.factor.grondslagen'))}
        <TextAreaField
          id="activiteiten"
          name="activiteiten"
          label={t('koplopers.model.activities')}
          hint={t('koplopers.model.activitiesHint')}
          value={values.activiteiten}
          error={error('activiteiten')}
          rows={5}
        />
        <TextAreaField
          id="toelichting"
          name="toelichting"
          label={t('koplopers.model.note')}
          hint={t('koplopers.model.noteHint')}
          value={values.toelichting}
          error={error('toelichting')}
          rows={3}
        />
        <Button>{Html.escapeHtml(t('koplopers.model.save'))}</Button>
      </Form>
    </Layout>
  );
}

/** One version of the estimate model as it was set. */
export function EstimateVersionPage({ ctx, version, current }: { ctx: PageContext; version: EstimateVersion; current: number }) {
  const { t, lang } = ctx;
  const title = t('koplopers.model.versionTitle', { version: version.version });
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <TextParagraph text={t('koplopers.model.versionSet', { date: formatDate(lang, version.createdAt), by: version.createdByLabel, note: version.note })} />
      <Paragraph>
        <span safe>{version.version === current ? t('koplopers.model.isCurrent') : t('koplopers.model.earlier', { version: current })}</span>{' '}
        <a class="utrecht-link" href={estimatePath} safe>
          {t('koplopers.model.toCurrent')}
        </a>
      </Paragraph>
      <ModelTable t={t} lang={lang} model={version.model} caption={t('koplopers.model.versionCaption', { version: version.version })} />
    </Layout>
  );
}

function SupplierFields({ ctx, values, errors }: { ctx: PageContext; values: SupplierForm; errors: FieldError[] }) {
  const { t } = ctx;
  const error = (field: keyof SupplierForm) => errors.find((e) => e.field === field)?.message;
  return (
    <>
      <TextField id="naam" name="naam" label={t('koplopers.suppliers.name')} value={values.naam} error={error('naam')} />
      <TextField
        id="contactpersoon"
        name="contactpersoon"
        label={t('koplopers.suppliers.contact')}
        value={values.contactpersoon}
        error={error('contactpersoon')}
      />
      <TextField id="email" name="email" type="email" label={t('koplopers.suppliers.email')} value={values.email} error={error('email')} />
      <TextField
        id="telefoon"
        name="telefoon"
        label={t('koplopers.suppliers.phone')}
        value={values.telefoon}
        error={error('telefoon')}
        attrs={{ inputmode: 'tel' }}
      />
      <CheckboxField id="actief" name="actief" label={t('koplopers.suppliers.active')} checked={values.actief === 'ja'} />
    </>
  );
}

export const emptySupplier = (): SupplierForm => ({ naam: '', contactpersoon: '', email: '', telefoon: '', actief: 'ja' });
export const supplierToForm = (s: Supplier): SupplierForm => ({
  naam: s.name,
  contactpersoon: s.contactName ?? '',
  email: s.contactEmail ?? '',
  telefoon: s.contactPhone ?? '',
  actief: s.active ? 'ja' : '',
});

/** Register staff: the software suppliers the application form offers, and a new one. */
export function SuppliersPage({
  ctx,
  suppliers,
  form,
  errors = [],
  notice,
}: {
  ctx: PageContext;
  suppliers: Supplier[];
  form?: SupplierForm;
  errors?: FieldError[];
  notice?: string;
}) {
  const { t } = ctx;
  const title = t('koplopers.suppliers.title');
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <Notice message={notice} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={pipelinePath} safe>
          {t('koplopers.back')}
        </a>
      </p>
      <TextParagraph text={t('koplopers.suppliers.intro')} />
      {suppliers.length === 0 ? (
        <TextParagraph text={t('koplopers.suppliers.none')} />
      ) : (
        <Table
          caption={t('koplopers.suppliers.caption')}
          rows={suppliers}
          columns={[
            {
              header: t('koplopers.suppliers.name'),
              cell: (s) => (
                <a class="utrecht-link" href={supplierPath(s.id)}>
                  <span safe>{s.name}</span>
                  <span class="br-visually-hidden" safe>{` ${t('koplopers.suppliers.change')}`}</span>
                </a>
              ),
            },
            {
              header: t('koplopers.suppliers.contact'),
              cell: (s) => <span safe>{[s.contactName, s.contactEmail, s.contactPhone].filter(Boolean).join(' · ') || '—'}</span>,
            },
            { header: t('koplopers.suppliers.onForm'), cell: (s) => <span safe>{s.active ? t('koplopers.yes') : t('koplopers.no')}</span> },
          ]}
        />
      )}
      <h2 class="utrecht-heading-2" safe>
        {t('koplopers.suppliers.add')}
      </h2>
      <Form action={suppliersPath} csrfToken={ctx.csrfToken}>
        <SupplierFields ctx={ctx} values={form ?? emptySupplier()} errors={errors} />
        <Button>{Html.escapeHtml(t('koplopers.suppliers.addButton'))}</Button>
      </Form>
    </Layout>
  );
}

/** Register staff change one supplier. */
export function SupplierPage({ ctx, supplier, form, errors = [] }: { ctx: PageContext; supplier: Supplier; form?: SupplierForm; errors?: FieldError[] }) {
  const { t } = ctx;
  const title = t('koplopers.suppliers.editTitle', { name: supplier.name });
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={suppliersPath} safe>
          {t('koplopers.suppliers.back')}
        </a>
      </p>
      <Form action={supplierPath(supplier.id)} csrfToken={ctx.csrfToken}>
        <SupplierFields ctx={ctx} values={form ?? supplierToForm(supplier)} errors={errors} />
        <Button>{Html.escapeHtml(t('koplopers.suppliers.save'))}</Button>
      </Form>
    </Layout>
  );
}
