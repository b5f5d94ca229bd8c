import Html from '@kitajs/html';
import { Button, FormActions } from '../../../ui/components/button.tsx';
import { ErrorSummary, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form, HiddenField } from '../../../ui/components/form.tsx';
import { TextField } from '../../../ui/components/form-field.tsx';
import { DataList } from '../../../ui/components/table.tsx';
import { PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import type { LinkCodeView } from '../../register/index.ts';
import { ownRecordPath } from './own-record-page.tsx';

export const linkPath = `${ownRecordPath}/koppelen`;

/**
 * Koppelen: the professional links their account to what their board delivered, with the link from
 * the invitation mail or the activation code from the board's letter. First the code, then a check
 * of whose data it opens, then the link: nothing is linked before they confirm.
 */
export function LinkPage({ ctx, code, found, errors = [] }: { ctx: PageContext; code?: string; found?: LinkCodeView; errors?: FieldError[] }) {
  const { t } = ctx;
  const title = t('link.title');
  if (found && code) {
    return (
      <Layout ctx={ctx} title={title} current="account">
        <PageTitle text={t('link.confirm.title')} />
        <TextParagraph text={t(found.kind === 'uitnodiging' ? 'link.confirm.fromInvitation' : 'link.confirm.fromLetter')} />
        <DataList
          items={[
            { label: t('link.confirm.name'), value: <span safe>{found.personName}</span> },
            { label: t('link.confirm.boards'), value: <span safe>{found.boardNames || '—'}</span> },
          ]}
        />
        <TextParagraph text={t(found.accountHasRecord ? 'link.confirm.accountHasRecord' : 'link.confirm.notYou')} />
        <Form action={linkPath} csrfToken={ctx.csrfToken}>
          <HiddenField name="code" value={code} />
          <HiddenField name="stap" value="bevestigen" />
          <FormActions
            submit={t(found.accountHasRecord ? 'link.confirm.reviewButton' : 'link.confirm.button')}
            cancel={{ href: ownRecordPath, label: t('common.cancel') }}
          />
        </Form>
      </Layout>
    );
  }
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <TextParagraph text={t('link.intro')} />
      <Form action={linkPath} csrfToken={ctx.csrfToken}>
        <TextField id="code" name="code" label={t('link.code')} hint={t('link.codeHint')} value={code} error={errors[0]?.message} autocomplete="off" />
        <Button>{Html.escapeHtml(t('link.next'))}</Button>
      </Form>
    </Layout>
  );
}
