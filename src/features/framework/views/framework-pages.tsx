import Html from '@kitajs/html';
import { formatDate } from '../../../platform/i18n.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form, HiddenField } from '../../../ui/components/form.tsx';
import { TextAreaField } from '../../../ui/components/form-field.tsx';
import { Paragraph } from '../../../ui/components/table.tsx';
import { Notice, PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { VersionPlace, VersionTable } from '../../../ui/components/version-table.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { itemsToText, type FrameworkItem, type FrameworkVersionForm } from '../framework.rules.ts';
import type { FrameworkVersion, FrameworkVersionSummary } from '../framework.service.ts';

export const frameworkPath = '/referentiekader';
export const frameworkAdminPath = '/beheer/referentiekader';
export const versionPath = (version: number) => `${frameworkPath}/versies/${version}`;

function Items({ items }: { items: FrameworkItem[] }) {
  return (
    <ul class="utrecht-unordered-list">
      {items.map((i) => {
        const text = i.description ? `${i.name}: ${i.description}` : i.name;
        return (
          <li class="utrecht-unordered-list__item" safe>
            {text}
          </li>
        );
      })}
    </ul>
  );
}

/** One version's contents: the beroepsstandaard (a paragraph per blank-line block), the competencies and the themes. */
function Contents({ ctx, version }: { ctx: PageContext; version: FrameworkVersion }) {
  const { t } = ctx;
  return (
    <>
      <h2 class="utrecht-heading-2" safe>
        {t('framework.standard')}
      </h2>
      {version.professionalStandard.split(/\n\s*\n/).map((block) => (
        <TextParagraph text={block} />
      ))}
      <h2 class="utrecht-heading-2" safe>
        {t('framework.competencies')}
      </h2>
      <Items items={version.competencies} />
      <h2 class="utrecht-heading-2" safe>
        {t('framework.themes')}
      </h2>
      <Items items={version.themes} />
    </>
  );
}

function Versions({ ctx, versions }: { ctx: PageContext; versions: FrameworkVersionSummary[] }) {
  const { t, lang } = ctx;
  return (
    <VersionTable
      lang={lang}
      caption={t('framework.versions')}
      versions={versions}
      hrefOf={versionPath}
      nameOf={(version) => t('framework.versionN', { version })}
      headers={{ version: t('framework.col.version'), date: t('framework.col.date'), note: t('framework.col.note') }}
    />
  );
}

/** The reference framework as it stands, and the versions it went through. Public. */
export function FrameworkPage({ ctx, current, versions }: { ctx: PageContext; current: FrameworkVersion; versions: FrameworkVersionSummary[] }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('framework.title')}>
      <PageTitle text={t('framework.title')} />
      <TextParagraph text={t('framework.intro')} />
      <TextParagraph text={t('framework.currentSince', { version: current.version, date: formatDate(lang, current.createdAt) })} />
      <Contents ctx={ctx} version={current} />
      <Versions ctx={ctx} versions={versions} />
    </Layout>
  );
}

/** One version as it was set, with its note; an earlier one points to the current one. */
export function FrameworkVersionPage({ ctx, version, current }: { ctx: PageContext; version: FrameworkVersion; current: number }) {
  const { t, lang } = ctx;
  const title = t('framework.version.title', { version: version.version });
  return (
    <Layout ctx={ctx} title={title}>
      <PageTitle text={title} />
      <TextParagraph text={t('framework.version.set', { date: formatDate(lang, version.createdAt), note: version.note })} />
      <VersionPlace
        isCurrent={version.version === current}
        currentText={t('framework.version.isCurrent')}
        earlierText={t('framework.version.earlier', { version: current })}
        toCurrentText={t('framework.version.toCurrent')}
        currentHref={frameworkPath}
      />
      <Contents ctx={ctx} version={version} />
    </Layout>
  );
}

/** Register staff: the current version, its history, and the form for the next version (filled with the current one). */
export function FrameworkAdminPage({
  ctx,
  current,
  versions,
  form,
  errors = [],
  notice,
}: {
  ctx: PageContext;
  current: FrameworkVersion;
  versions: FrameworkVersionSummary[];
  form?: FrameworkVersionForm;
  errors?: FieldError[];
  notice?: string;
}) {
  const { t } = ctx;
  const values: FrameworkVersionForm = form ?? {
    beroepsstandaard: current.professionalStandard,
    competenties: itemsToText(current.competencies),
    themas: itemsToText(current.themes),
    toelichting: '',
  };
  const error = (field: keyof FrameworkVersionForm) => errors.find((e) => e.field === field)?.message;
  return (
    <Layout ctx={ctx} title={t('framework.admin.title')} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={t('framework.admin.title')} />
      <Notice message={notice} />
      <Paragraph>
        <span safe>{t('framework.admin.current', { version: current.version })}</span>{' '}
        <a class="utrecht-link" href={frameworkPath} safe>
          {t('framework.admin.public')}
        </a>
      </Paragraph>
      <Versions ctx={ctx} versions={versions} />
      <h2 class="utrecht-heading-2" safe>
        {t('framework.admin.new')}
      </h2>
      <TextParagraph text={t('framework.admin.newIntro')} />
      <Form action={frameworkAdminPath} csrfToken={ctx.csrfToken}>
        <HiddenField name="versie" value={String(current.version)} />
        <TextAreaField
          id="beroepsstandaard"
          name="beroepsstandaard"
          label={t('framework.form.standard')}
          hint={t('framework.form.standardHint')}
          value={values.beroepsstandaard}
          error={error('beroepsstandaard')}
          rows={6}
        />
        <TextAreaField
          id="competenties"
          name="competenties"
          label={t('framework.form.competencies')}
          hint={t('framework.form.itemsHint')}
          value={values.competenties}
          error={error('competenties')}
          rows={7}
        />
        <TextAreaField
          id="themas"
          name="themas"
          label={t('framework.form.themes')}
          hint={t('framework.form.itemsHint')}
          value={values.themas}
          error={error('themas')}
          rows={10}
        />
        <TextAreaField
          id="toelichting"
          name="toelichting"
          label={t('framework.form.note')}
          hint={t('framework.form.noteHint')}
          value={values.toelichting}
          error={error('toelichting')}
          rows={3}
        />
        <Button>{Html.escapeHtml(t('framework.form.save'))}</Button>
      </Form>
    </Layout>
  );
}
