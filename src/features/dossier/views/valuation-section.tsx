import Html from '@kitajs/html';
import { formatDate } from '../../../platform/i18n.ts';
import { Alert } from '../../../ui/components/alert.tsx';
import { Button } from '../../../ui/components/button.tsx';
import type { FieldError } from '../../../ui/components/error-summary.tsx';
import { Form } from '../../../ui/components/form.tsx';
import { CheckboxField, TextAreaField } from '../../../ui/components/form-field.tsx';
import { DataList } from '../../../ui/components/table.tsx';
import { TextParagraph } from '../../../ui/components/text.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import type { OwnValuation } from '../valuation.service.ts';

/**
 * Achteraf waarderen on the professional's activity page: ask for a valuation with an explanation,
 * follow it and withdraw it, and once valued read the points and both motivations.
 */
export function ValuationSection({
  ctx,
  activityPath,
  valued,
  valuation,
  errors,
  explanation,
}: {
  ctx: PageContext;
  activityPath: string;
  valued: boolean;
  valuation: OwnValuation | null;
  errors: FieldError[];
  explanation?: string;
}) {
  const { t, lang } = ctx;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const status = valuation?.status;
  return (
    <section aria-labelledby="waardering-titel">
      <h2 class="utrecht-heading-2" id="waardering-titel" safe>
        {t('valuation.own.title')}
      </h2>
      {status === 'gewaardeerd' && valuation ? (
        <>
          <TextParagraph
            text={t('valuation.own.valued', { points: valuation.points ?? 0, date: valuation.decidedAt ? formatDate(lang, valuation.decidedAt) : '' })}
          />
          {valuation.differLargely ? <TextParagraph text={t('valuation.differ')} /> : ''}
          <DataList
            items={[
              { label: t('valuation.own.explanation'), value: <span safe>{valuation.explanation}</span> },
              ...valuation.motivations.map((m, i) => ({
                label: t('valuation.own.assessor', { n: i + 1, points: m.points }),
                value: <span safe>{m.motivation}</span>,
              })),
            ]}
          />
        </>
      ) : status === 'aangevraagd' && valuation ? (
        <>
          <Alert type="info">
            <span safe>{t('valuation.own.open', { date: formatDate(lang, valuation.createdAt) })}</span>
          </Alert>
          <DataList items={[{ label: t('valuation.own.explanation'), value: <span safe>{valuation.explanation}</span> }]} />
          <Form action={`${activityPath}/waardering/intrekken`} csrfToken={ctx.csrfToken}>
            <CheckboxField id="intrekken" name="intrekken" label={t('valuation.own.withdrawConfirm')} error={error('intrekken')} />
            <Button appearance="secondary">{Html.escapeHtml(t('valuation.own.withdraw'))}</Button>
          </Form>
        </>
      ) : valued ? (
        ''
      ) : (
        <>
          {status === 'ingetrokken' && valuation ? (
            <TextParagraph text={t('valuation.own.withdrawn', { date: formatDate(lang, valuation.decidedAt ?? valuation.createdAt) })} />
          ) : (
            ''
          )}
          <TextParagraph text={t('valuation.own.intro')} />
          <Form action={`${activityPath}/waardering`} csrfToken={ctx.csrfToken}>
            <TextAreaField
              id="toelichting"
              name="toelichting"
              label={t('valuation.own.explanationLabel')}
              hint={t('valuation.own.explanationHint')}
              value={explanation}
              error={error('toelichting')}
              rows={5}
            />
            <Button>{Html.escapeHtml(t('valuation.own.request'))}</Button>
          </Form>
        </>
      )}
    </section>
  );
}
