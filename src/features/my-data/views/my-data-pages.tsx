import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { DataList, Paragraph } from '../../../ui/components/table.tsx';
import { DataSection, FieldValue, fieldLabel, isScalar } from './data-overview.tsx';
import { AuditTable, type AuditLine } from '../../identity/index.ts';

/** Who else read or changed the person's data, newest first; `next` starts the page of older events, `paged` says this is not the first. */
export function AccessLogPage({ ctx, events, next, paged }: { ctx: PageContext; events: AuditLine[]; next?: number; paged: boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('access.title')} current="account">
      <PageTitle text={t('access.title')} />
      <TextParagraph text={t('access.intro')} />
      {events.length === 0 && !paged ? (
        <Paragraph>
          <span safe>{t('access.none')}</span>
        </Paragraph>
      ) : (
        <AuditTable ctx={ctx} events={events} caption={t('access.caption')} />
      )}
      {next || paged ? (
        <nav class="utrecht-pagination" aria-label={t('pagination.label')}>
          {paged ? (
            <a class="utrecht-pagination__relative-link utrecht-pagination__relative-link--prev" href="/mijn-gegevens/inzage" safe>
              {t('access.newest')}
            </a>
          ) : (
            ''
          )}{' '}
          {next ? (
            <a class="utrecht-pagination__relative-link utrecht-pagination__relative-link--next" href={`/mijn-gegevens/inzage?voor=${next}`} rel="next" safe>
              {t('access.older')}
            </a>
          ) : (
            ''
          )}
        </nav>
      ) : (
        ''
      )}
    </Layout>
  );
}

/**
 * The readable version of the data export: its few plain fields first, then every part under its own
 * heading, in words (views/data-overview.tsx); the JSON download beside it is the same data.
 */
export function MyDataPage({ ctx, data }: { ctx: PageContext; data: Record<string, unknown> }) {
  const { t } = ctx;
  const entries = Object.entries(data);
  const plain = entries.filter(([, value]) => isScalar(value));
  return (
    <Layout ctx={ctx} title={t('myData.title')} current="account">
      <PageTitle text={t('myData.title')} />
      <Paragraph>
        <span safe>{t('myData.intro')}</span>{' '}
        <a class="utrecht-link" href="/mijn-gegevens/download" download="mijn-gegevens.json" safe>
          {t('account.download')}
        </a>
      </Paragraph>
      <DataList items={plain.map(([field, value]) => ({ label: fieldLabel(t, field), value: <FieldValue ctx={ctx} field={field} value={value} /> }))} />
      {entries
        .filter(([, value]) => !isScalar(value))
        .map(([section, content]) => (
          <DataSection ctx={ctx} field={section} value={content} level={2} id={`sectie-${section}`} />
        ))}
    </Layout>
  );
}
