import type { AppError } from '../platform/errors.ts';
import { statusOf, titleOf } from '../platform/error-mapping.ts';
import { translateMessage } from '../platform/i18n.ts';
import { Layout } from './layout.tsx';
import type { PageContext } from './page-context.ts';
import { Paragraph } from './components/table.tsx';

/**
 * The error page. A refusal (403) reads the same wherever it comes from: one title and one text, then
 * the reason when the refusal gives one ("U werkt niet voor dit bestuur.").
 */
export function ErrorPage({ ctx, error }: { ctx: PageContext; error: AppError }) {
  const { t } = ctx;
  const status = statusOf(error.code);
  const title =
    status === 404 ? t('error.404.title') : status === 403 ? t('error.403.title') : status >= 500 ? t('error.500.title') : titleOf(error.code, ctx.lang);
  const reason = error.detail ? translateMessage(ctx.lang, error.detail) : undefined;
  const body =
    status === 404
      ? t('error.404.body')
      : status === 403
        ? t('error.403.body')
        : status >= 500
          ? t('error.500.body', { requestId: ctx.requestId })
          : (reason ?? t('error.generic.body'));
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1" safe>
        {title}
      </h1>
      <Paragraph>
        <span safe>{body}</span>
      </Paragraph>
      {status === 403 && reason ? (
        <Paragraph>
          <span safe>{reason}</span>
        </Paragraph>
      ) : (
        ''
      )}
      <Paragraph>
        <a class="utrecht-link" href="/" safe>
          {t('error.backHome')}
        </a>
      </Paragraph>
    </Layout>
  );
}
