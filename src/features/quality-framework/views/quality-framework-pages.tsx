import Html from '@kitajs/html';
import { formatDate } from '../../../platform/i18n.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form, HiddenField } from '../../../ui/components/form.tsx';
import { TextAreaField, TextField } from '../../../ui/components/form-field.tsx';
import { Paragraph } from '../../../ui/components/table.tsx';
import { Notice, PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { VersionPlace, VersionTable } from '../../../ui/components/version-table.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { guaranteesToText, type QualityFrameworkForm } from '../quality-framework.rules.ts';
import type { QualityFrameworkSummary, QualityFrameworkVersion } from '../quality-framework.service.ts';

export const qualityFrameworkPath = '/kwaliteitskader';
export const qualityFrameworkAdminPath = '/beheer/kwaliteitskader';
export const qualityVersionPath = (version: number) => `${qualityFrameworkPath}/versies/${version}`;

/** One version's title and waarborgen, each with its kenmerken and their codes. */
function Contents({ ctx, version }: { ctx: PageContext; version: QualityFrameworkVersion }) {
  const { t } = ctx;
  return (
    <>
      <h2 class="utrecht-heading-2" safe>
        {version.title}
      </h2>
      {version.guarantees.map((g) => (
        <section aria-labelledby={`waarborg-${g.code}`}>
          <h3 class="utrecht-heading-3" id={`waarborg-${g.code}`} safe>
            {t('qualityFramework.guaranteeHeading', { code: g.code, name: g.name })}
          </h3>
          <ul class="utrecht-unordered-list" aria-label={t('qualityFramework.characteristics', { code: g.code })}>
            {g.characteristics.map((c) => (
              <li class="utrecht-unordered-list__item" safe>
                {`${c.code} ${c.text}`}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function Versions({ ctx, versions }: { ctx: PageContext; versions: QualityFrameworkSummary[] }) {
  const { t, lang } = ctx;
  if (versions.length === 0) return '';
  return (
    <VersionTable
      lang={lang}
      caption={t('qualityFramework.versions')}
      versions={versions}
      hrefOf={qualityVersionPath}
      nameOf={(version) => t('qualityFramework.versionN', { version })}
      headers={{ version: t('qualityFramework.col.version'), date: t('qualityFramework.col.date'), note: t('qualityFramework.col.note') }}
    />
  );
}

/** The Kwaliteitskader as it stands, and the versions it went through. Public. */
export function QualityFrameworkPage({
  ctx,
  current,
  versions,
}: {
  ctx: PageContext;
  current: QualityFrameworkVersion | undefined;
  versions: QualityFrameworkSummary[];
}) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('qualityFramework.title')}>
      <PageTitle text={t('qualityFramework.title')} />
      <TextParagraph text={t('qualityFramework.intro')} />
      {current ? (
        <>
          <TextParagraph text={t('qualityFramework.currentSince', { version: current.version, date: formatDate(lang, current.createdAt) })} />
          <TextParagraph text={t('qualityFramework.note', { note: current.note })} />
          <Contents ctx={ctx} version={current} />
        </>
      ) : (
        <TextParagraph text={t('qualityFramework.none')} />
      )}
      <Versions ctx={ctx} versions={versions} />
    </Layout>
  );
}

/** One version as it was set, with its note; an earlier one points to the current one. */
export function QualityFrameworkVersionPage({ ctx, version, current }: { ctx: PageContext; version: QualityFrameworkVersion; current: number }) {
  const { t, lang } = ctx;
  const title = t('qualityFramework.version.title', { version: version.version });
  return (
    <Layout ctx={ctx} title={title}>
      <PageTitle text={title} />
      <TextParagraph text={t('qualityFramework.version.set', { date: formatDate(lang, version.createdAt), note: version.note })} />
      <VersionPlace
        isCurrent={version.version === current}
        currentText={t('qualityFramework.version.isCurrent')}
        earlierText={t('qualityFramework.version.earlier', { version: current })}
        toCurrentText={t('qualityFramework.version.toCurrent')}
        currentHref={qualityFrameworkPath}
      />
      <Contents ctx={ctx} version={version} />
    </Layout>
  );
}

/** Register staff: the current version, its history, and the form for the next version (filled with the current one). */
export function QualityFrameworkAdminPage({
  ctx,
  current,
  versions,
  form,
  errors = [],
  notice,
}: {
  ctx: PageContext;
  current: QualityFrameworkVersion | undefined;
  versions: QualityFrameworkSummary[];
  form?: QualityFrameworkForm;
  errors?: FieldError[];
  notice?: string;
}) {
  const { t } = ctx;
  const values: QualityFrameworkForm = form ?? {
    titel: current?.title ?? '',
    waarborgen: current ? guaranteesToText(current.guarantees) : '',
    toelichting: '',
  };
  const error = (field: keyof QualityFrameworkForm) => errors.find((e) => e.field === field)?.message;
  return (
    <Layout ctx={ctx} title={t('qualityFramework.admin.title')} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={t('qualityFramework.admin.title')} />
      <Notice message={notice} />
      <Paragraph>
        <span safe>{current ? t('qualityFramework.admin.current', { version: current.version }) : t('qualityFramework.admin.none')}</span>{' '}
        <a class="utrecht-link" href={qualityFrameworkPath} safe>
          {t('qualityFramework.admin.public')}
        </a>
      </Paragraph>
      <Versions ctx={ctx} versions={versions} />
      <h2 class="utrecht-heading-2" safe>
        {t('qualityFramework.admin.new')}
      </h2>
      <TextParagraph text={t('qualityFramework.admin.newIntro')} />
      <Form action={qualityFrameworkAdminPath} csrfToken={ctx.csrfToken}>
        <HiddenField name="versie" value={String(current?.version ?? 0)} />
        <TextField
          id="titel"
          name="titel"
          label={t('qualityFramework.form.title')}
          hint={t('qualityFramework.form.titleHint')}
          value={values.titel}
          error={error('titel')}
        />
        <TextAreaField
          id="waarborgen"
          name="waarborgen"
          label={t('qualityFramework.form.guarantees')}
          hint={t('qualityFramework.form.guaranteesHint')}
          value={values.waarborgen}
          error={error('waarborgen')}
          rows={20}
        />
        <TextAreaField
          id="toelichting"
          name="toelichting"
          label={t('qualityFramework.form.note')}
          hint={t('qualityFramework.form.noteHint')}
          value={values.toelichting}
          error={error('toelichting')}
          rows={3}
        />
        <Button>{Html.escapeHtml(t('qualityFramework.form.save'))}</Button>
      </Form>
    </Layout>
  );
}
