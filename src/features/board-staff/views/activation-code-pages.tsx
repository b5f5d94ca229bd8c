import { formatDate } from '../../../platform/i18n.ts';
import { FormActions } from '../../../ui/components/button.tsx';
import { Form } from '../../../ui/components/form.tsx';
import { DataList } from '../../../ui/components/table.tsx';
import { PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { type BoardRef, staffPath } from './board-staff-page.tsx';

export const activationPath = (board: BoardRef, personId: string) => `${staffPath(board)}/${personId}/activeringscode`;

/** Before the code is made: what the letter is for, and that it replaces an earlier one. */
export function ConfirmActivationCodePage({ ctx, board, personId, personName }: { ctx: PageContext; board: BoardRef; personId: string; personName: string }) {
  const { t } = ctx;
  const title = t('activation.title', { name: personName });
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <TextParagraph text={t('activation.intro')} />
      <TextParagraph text={t('activation.replaces')} />
      <Form action={activationPath(board, personId)} csrfToken={ctx.csrfToken}>
        <FormActions submit={t('activation.make')} cancel={{ href: staffPath(board), label: t('common.cancel') }} />
      </Form>
    </Layout>
  );
}

/**
 * The letter to print and hand over or post: the code is shown this once. Printing leaves out the
 * site's header and footer (print styles), so the page is the letter.
 */
export function ActivationLetterPage({
  ctx,
  board,
  personName,
  code,
  expiresAt,
  linkUrl,
}: {
  ctx: PageContext;
  board: BoardRef;
  personName: string;
  code: string;
  expiresAt: Date;
  linkUrl: string;
}) {
  const { t } = ctx;
  const title = t('activation.letter.title');
  return (
    <Layout ctx={ctx} title={title} current="account">
      <p class="utrecht-paragraph br-no-print" safe>
        {t('activation.letter.printHint')}
      </p>
      <article class="br-letter" aria-labelledby="letter-title">
        <h1 class="utrecht-heading-1" id="letter-title" safe>
          {title}
        </h1>
        <TextParagraph text={t('activation.letter.dear', { name: personName })} />
        <TextParagraph text={t('activation.letter.why', { board: board.name })} />
        <DataList
          items={[
            {
              label: t('activation.letter.code'),
              value: (
                <strong class="br-code" safe>
                  {code}
                </strong>
              ),
            },
            { label: t('activation.letter.where'), value: <span safe>{linkUrl}</span> },
            { label: t('activation.letter.until'), value: <span safe>{formatDate(ctx.lang, expiresAt)}</span> },
          ]}
        />
        <TextParagraph text={t('activation.letter.steps')} />
        <TextParagraph text={t('activation.letter.once')} />
      </article>
      <p class="utrecht-paragraph br-no-print">
        <a class="utrecht-link" href={staffPath(board)} safe>
          {t('activation.back')}
        </a>
      </p>
    </Layout>
  );
}
