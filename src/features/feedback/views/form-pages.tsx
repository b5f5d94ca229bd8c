import Html from '@kitajs/html';
import { Alert } from '../../../ui/components/alert.tsx';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, errorFor, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form, HiddenField } from '../../../ui/components/form.tsx';
import { RadioGroup, TextAreaField } from '../../../ui/components/form-field.tsx';
import { Paragraph } from '../../../ui/components/table.tsx';
import { PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { eventWhen, type EventRecord } from '../../events/index.ts';
import { ratings, type AnswerForm } from '../feedback.rules.ts';
import { formPath } from '../feedback.service.ts';

export const emptyAnswer: AnswerForm = { cijfer: '', waardevol: '', beter: '', overig: '' };

/** The feedback form behind the mailed link: a rating as radio buttons, three open questions, and whether the answer is anonymous. */
export function FeedbackFormPage({
  ctx,
  event,
  token,
  values = emptyAnswer,
  errors = [],
}: {
  ctx: PageContext;
  event: EventRecord;
  token: string;
  values?: AnswerForm;
  errors?: FieldError[];
}) {
  const { t, lang } = ctx;
  const title = t('feedback.form.title');
  const hint = t('feedback.form.textHint');
  return (
    <Layout ctx={ctx} title={title}>
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <TextParagraph text={t('feedback.form.intro', { title: event.title, when: eventWhen(lang, event) })} />
      <Alert type="info">
        <span safe>{event.anonymousFeedback ? t('feedback.form.anonymous') : t('feedback.form.named')}</span>
      </Alert>
      <Form action={formPath} csrfToken={ctx.csrfToken}>
        <HiddenField name="token" value={token} />
        <RadioGroup
          id="cijfer"
          name="cijfer"
          label={t('feedback.form.rating')}
          hint={t('feedback.form.ratingHint')}
          value={values.cijfer}
          error={errorFor(errors, 'cijfer')}
          options={ratings.map((r) => ({ value: r, label: t(`feedback.rating.${r}`) }))}
        />
        <TextAreaField
          id="waardevol"
          name="waardevol"
          label={t('feedback.form.valuable')}
          hint={hint}
          value={values.waardevol}
          error={errorFor(errors, 'waardevol')}
          rows={4}
        />
        <TextAreaField id="beter" name="beter" label={t('feedback.form.improve')} hint={hint} value={values.beter} error={errorFor(errors, 'beter')} rows={4} />
        <TextAreaField
          id="overig"
          name="overig"
          label={t('feedback.form.other')}
          hint={hint}
          value={values.overig}
          error={errorFor(errors, 'overig')}
          rows={4}
        />
        <Button>{Html.escapeHtml(t('feedback.form.send'))}</Button>
      </Form>
    </Layout>
  );
}

/** A page that says one thing: thanks, a used link, an expired one. */
export function MessagePage({ ctx, title, text, type = 'ok' }: { ctx: PageContext; title: string; text: string; type?: 'ok' | 'info' | 'warning' }) {
  return (
    <Layout ctx={ctx} title={title}>
      <PageTitle text={title} />
      <Alert type={type}>
        <span safe>{text}</span>
      </Alert>
      <Paragraph>
        <a class="utrecht-link" href="/bijeenkomsten" safe>
          {ctx.t('feedback.toEvents')}
        </a>
      </Paragraph>
    </Layout>
  );
}
