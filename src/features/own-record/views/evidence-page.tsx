import Html from '@kitajs/html';
import { formatDay, formatNumber } from '../../../platform/i18n.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form } from '../../../ui/components/form.tsx';
import { FileField, RadioGroup, TextField } from '../../../ui/components/form-field.tsx';
import { Paragraph, Table } from '../../../ui/components/table.tsx';
import { Notice, PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import type { EvidenceForm } from '../../register/index.ts';
import type { Evidence } from '../../register/index.ts';
import { ownRecordPath } from './own-record-page.tsx';

export const evidencePath = `${ownRecordPath}/diplomas`;

/** The professional's diplomas and certificates, each with its proof, and the form to add one. */
export function EvidencePage({
  ctx,
  evidence,
  values,
  errors = [],
  notice,
  maxMb,
}: {
  ctx: PageContext;
  evidence: Evidence[];
  values?: Partial<EvidenceForm>;
  errors?: FieldError[];
  notice?: string;
  maxMb: number;
}) {
  const { t, lang } = ctx;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <Layout ctx={ctx} title={t('evidence.title')} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={t('evidence.title')} />
      <Notice message={notice} />
      <TextParagraph text={t('evidence.intro')} />
      {evidence.length === 0 ? (
        <Paragraph>
          <span safe>{t('evidence.none')}</span>
        </Paragraph>
      ) : (
        <Table
          caption={t('evidence.caption')}
          rows={evidence}
          columns={[
            { header: t('evidence.col.kind'), cell: (e) => <span safe>{t(`evidence.kind.${e.kind}`)}</span> },
            { header: t('evidence.col.title'), cell: (e) => <span safe>{e.title}</span> },
            { header: t('evidence.col.issuer'), cell: (e) => <span safe>{e.issuer}</span> },
            { header: t('evidence.col.date'), cell: (e) => <span safe>{formatDay(lang, e.issuedOn)}</span> },
            {
              header: t('evidence.col.proof'),
              cell: (e) => (
                <a class="utrecht-link" href={`${evidencePath}/${e.id}/bestand`} safe>
                  {`${e.fileName} (${formatNumber(lang, Math.max(1, Math.round(e.byteSize / 1024)))} kB)`}
                </a>
              ),
            },
          ]}
        />
      )}
      <h2 class="utrecht-heading-2" safe>
        {t('evidence.add')}
      </h2>
      <Form action={evidencePath} csrfToken={ctx.csrfToken} attrs={{ enctype: 'multipart/form-data' }}>
        <RadioGroup
          id="soort"
          name="soort"
          label={t('evidence.form.kind')}
          value={values?.soort ?? 'diploma'}
          error={error('soort')}
          options={[
            { value: 'diploma', label: t('evidence.kind.diploma') },
            { value: 'certificaat', label: t('evidence.kind.certificaat') },
          ]}
        />
        <TextField id="titel" name="titel" label={t('evidence.form.title')} hint={t('evidence.form.titleHint')} value={values?.titel} error={error('titel')} />
        <TextField id="uitgever" name="uitgever" label={t('evidence.form.issuer')} value={values?.uitgever} error={error('uitgever')} />
        <TextField id="datum" name="datum" label={t('evidence.form.date')} hint={t('evidence.form.dateHint')} value={values?.datum} error={error('datum')} />
        <FileField
          id="bestand"
          name="bestand"
          label={t('evidence.form.file')}
          hint={t('evidence.form.fileHint', { mb: maxMb })}
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          error={error('bestand')}
        />
        <Button>{Html.escapeHtml(t('evidence.form.save'))}</Button>
      </Form>
    </Layout>
  );
}
