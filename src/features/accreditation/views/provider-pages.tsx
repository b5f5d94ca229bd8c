import Html from '@kitajs/html';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, errorFor, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form } from '../../../ui/components/form.tsx';
import { RadioGroup, TextField } from '../../../ui/components/form-field.tsx';
import { Table } from '../../../ui/components/table.tsx';
import { Notice, PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import type { Provider } from '../accreditation.service.ts';
import { providerKinds, type ProviderForm } from '../offering.rules.ts';
import { providersPath } from './offering-parts.tsx';

export const emptyProviderForm: ProviderForm = { naam: '', soort: 'aanbieder', email: '', website: '' };

/** Register staff: the providers, each with a link to its staff, and the form to add one. */
export function ProvidersPage({
  ctx,
  providers,
  values = emptyProviderForm,
  errors = [],
  notice,
}: {
  ctx: PageContext;
  providers: Provider[];
  values?: ProviderForm;
  errors?: FieldError[];
  notice?: string;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accreditation.providers.title')} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={t('accreditation.providers.title')} />
      <Notice message={notice} />
      <TextParagraph text={t('accreditation.providers.intro')} />
      {providers.length === 0 ? (
        <TextParagraph text={t('accreditation.providers.none')} />
      ) : (
        <Table
          caption={t('accreditation.providers.caption')}
          rows={providers}
          columns={[
            { header: t('accreditation.providers.col.name'), cell: (p) => <span safe>{p.name}</span> },
            { header: t('accreditation.providers.col.kind'), cell: (p) => <span safe>{t(`accreditation.providerKind.${p.kind}`)}</span> },
            { header: t('accreditation.providers.col.email'), cell: (p) => <span safe>{p.contactEmail}</span> },
            {
              header: t('accreditation.providers.col.website'),
              cell: (p) =>
                p.website ? (
                  <a class="utrecht-link" href={p.website} rel="noopener noreferrer" safe>
                    {p.website}
                  </a>
                ) : (
                  <span>—</span>
                ),
            },
            {
              header: t('accreditation.providers.col.members'),
              cell: (p) => (
                <a class="utrecht-link" href={`/beheer/aanbieder/${p.id}/leden`} aria-label={t('accreditation.providers.members', { name: p.name })} safe>
                  {t('accreditation.providers.col.members')}
                </a>
              ),
            },
          ]}
        />
      )}
      <h2 class="utrecht-heading-2" safe>
        {t('accreditation.providers.add')}
      </h2>
      <Form action={providersPath} csrfToken={ctx.csrfToken}>
        <TextField
          id="naam"
          name="naam"
          label={t('accreditation.providers.form.name')}
          value={values.naam}
          error={errorFor(errors, 'naam')}
          autocomplete="organization"
        />
        <RadioGroup
          id="soort"
          name="soort"
          label={t('accreditation.providers.form.kind')}
          value={values.soort}
          error={errorFor(errors, 'soort')}
          options={providerKinds.map((k) => ({ value: k, label: t(`accreditation.providerKind.${k}`) }))}
        />
        <TextField
          id="email"
          name="email"
          type="email"
          label={t('accreditation.providers.form.email')}
          value={values.email}
          error={errorFor(errors, 'email')}
          autocomplete="email"
        />
        <TextField
          id="website"
          name="website"
          label={t('accreditation.providers.form.website')}
          hint={t('accreditation.providers.form.websiteHint')}
          value={values.website}
          error={errorFor(errors, 'website')}
          autocomplete="url"
        />
        <Button>{Html.escapeHtml(t('accreditation.providers.form.save'))}</Button>
      </Form>
    </Layout>
  );
}
