import Html from '@kitajs/html';
import { formatDate, formatDay } from '../../../platform/i18n.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, errorFor, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form } from '../../../ui/components/form.tsx';
import { CheckboxField, TextAreaField } from '../../../ui/components/form-field.tsx';
import { Paragraph, Table } from '../../../ui/components/table.tsx';
import { Notice, PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import type { Offering, OfferingEventLine, SubmittingOrganisation } from '../accreditation.service.ts';
import { emptyOfferingForm, formOfOffering, openStatuses, type FrameworkChoice, type OfferingForm } from '../offering.rules.ts';
import { DecisionDetails, History, OfferingDetails, OfferingFields, offeringsPath } from './offering-parts.tsx';

/** The organisation's offerings with their status, and the way to submit a new one. */
export function OfferingsPage({
  ctx,
  organisation,
  offerings,
  notice,
}: {
  ctx: PageContext;
  organisation: SubmittingOrganisation;
  offerings: Offering[];
  notice?: string;
}) {
  const { t, lang } = ctx;
  const title = t('accreditation.offerings.title', { organisation: organisation.name });
  const base = offeringsPath(organisation);
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <Notice message={notice} />
      <TextParagraph text={t('accreditation.offerings.intro')} />
      <Paragraph>
        <Button href={`${base}/nieuw`}>{Html.escapeHtml(t('accreditation.offerings.new'))}</Button>
      </Paragraph>
      {offerings.length === 0 ? (
        <TextParagraph text={t('accreditation.offerings.none')} />
      ) : (
        <Table
          caption={t('accreditation.offerings.caption')}
          rows={offerings}
          columns={[
            {
              header: t('accreditation.col.title'),
              cell: (o) => (
                <a class="utrecht-link" href={`${base}/${o.id}`} safe>
                  {o.title}
                </a>
              ),
            },
            { header: t('accreditation.col.kind'), cell: (o) => <span safe>{t(`accreditation.kind.${o.activityKind}`)}</span> },
            { header: t('accreditation.col.status'), cell: (o) => <span safe>{t(`accreditation.status.${o.status}`)}</span> },
            { header: t('accreditation.col.submitted'), cell: (o) => <span safe>{formatDate(lang, o.createdAt)}</span> },
            {
              header: t('accreditation.col.points'),
              numeric: true,
              cell: (o) => <span safe>{o.accreditedPoints === null ? '—' : String(o.accreditedPoints)}</span>,
            },
            { header: t('accreditation.col.validUntil'), cell: (o) => <span>{o.validUntil ? formatDay(lang, o.validUntil) : '—'}</span> },
          ]}
        />
      )}
    </Layout>
  );
}

/** The form to submit an offering for accreditation. */
export function NewOfferingPage({
  ctx,
  organisation,
  framework,
  values = emptyOfferingForm,
  errors = [],
}: {
  ctx: PageContext;
  organisation: SubmittingOrganisation;
  framework: FrameworkChoice;
  values?: OfferingForm;
  errors?: FieldError[];
}) {
  const { t } = ctx;
  const base = offeringsPath(organisation);
  return (
    <Layout ctx={ctx} title={t('accreditation.new.title')} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={t('accreditation.new.title')} />
      <Paragraph>
        <a class="utrecht-link" href={base} safe>
          {t('accreditation.new.back', { organisation: organisation.name })}
        </a>
      </Paragraph>
      <TextParagraph text={t('accreditation.new.intro')} />
      <Form action={base} csrfToken={ctx.csrfToken}>
        <OfferingFields ctx={ctx} values={values} errors={errors} framework={framework} />
        <Button>{Html.escapeHtml(t('accreditation.new.send'))}</Button>
      </Form>
    </Layout>
  );
}

/**
 * One offering for its organisation: what was submitted, the decision, every step; the answer to the
 * commission's question (with the fields to change) while it asks; withdrawing while it is open.
 */
export function OwnOfferingPage({
  ctx,
  organisation,
  offering,
  events,
  framework,
  values,
  errors = [],
  notice,
}: {
  ctx: PageContext;
  organisation: SubmittingOrganisation;
  offering: Offering;
  events: OfferingEventLine[];
  framework: FrameworkChoice;
  values?: OfferingForm & { antwoord: string };
  errors?: FieldError[];
  notice?: string;
}) {
  const { t } = ctx;
  const base = offeringsPath(organisation);
  const path = `${base}/${offering.id}`;
  const answering = offering.status === 'informatie-gevraagd';
  const open = openStatuses.includes(offering.status);
  return (
    <Layout ctx={ctx} title={offering.title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={offering.title} />
      <Notice message={notice} />
      <Paragraph>
        <a class="utrecht-link" href={base} safe>
          {t('accreditation.one.back', { organisation: organisation.name })}
        </a>
      </Paragraph>
      {offering.status === 'geaccrediteerd' ? (
        <Paragraph>
          <a class="utrecht-link" href={`${path}/uitvoeringen`} safe>
            {t('accreditation.one.runs')}
          </a>
        </Paragraph>
      ) : (
        ''
      )}
      <DecisionDetails ctx={ctx} offering={offering} />
      <h2 class="utrecht-heading-2" safe>
        {t('accreditation.one.details')}
      </h2>
      <OfferingDetails ctx={ctx} offering={offering} />
      <History ctx={ctx} events={events} />
      {answering ? (
        <section aria-labelledby="antwoord-titel">
          <h2 class="utrecht-heading-2" id="antwoord-titel" safe>
            {t('accreditation.answer.title')}
          </h2>
          <TextParagraph text={t('accreditation.answer.intro')} />
          <Form action={`${path}/antwoord`} csrfToken={ctx.csrfToken}>
            <TextAreaField
              id="antwoord"
              name="antwoord"
              label={t('accreditation.answer.message')}
              hint={t('accreditation.answer.messageHint')}
              value={values?.antwoord}
              error={errorFor(errors, 'antwoord')}
              rows={5}
            />
            <OfferingFields ctx={ctx} values={values ?? formOfOffering(offering)} errors={errors} framework={framework} />
            <Button>{Html.escapeHtml(t('accreditation.answer.send'))}</Button>
          </Form>
        </section>
      ) : (
        ''
      )}
      {open ? (
        <section aria-labelledby="intrekken-titel">
          <h2 class="utrecht-heading-2" id="intrekken-titel" safe>
            {t('accreditation.withdraw.title')}
          </h2>
          <TextParagraph text={t('accreditation.withdraw.intro')} />
          <Form action={`${path}/intrekken`} csrfToken={ctx.csrfToken}>
            <CheckboxField id="bevestigd" name="bevestigd" label={t('accreditation.withdraw.confirm')} error={errorFor(errors, 'bevestigd')} />
            <Button appearance="secondary">{Html.escapeHtml(t('accreditation.withdraw.button'))}</Button>
          </Form>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}
