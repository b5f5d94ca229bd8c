import { Alert } from '../../../ui/components/alert.tsx';
import { FormActions } from '../../../ui/components/button.tsx';
import { ErrorSummary, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form, HiddenField } from '../../../ui/components/form.tsx';
import { TextAreaField, TextField } from '../../../ui/components/form-field.tsx';
import { DataList } from '../../../ui/components/table.tsx';
import { PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import type { StaffEnrolment } from '../../register/index.ts';
import { AccountFacts, enrolmentsPath } from './enrolment-pages.tsx';

/**
 * Register staff link and unlink the account of an enrolment's person (decision 021): a form with the
 * reason (and for a link the account's address), then the change repeated as it will be made, then
 * the change. Nothing changes before the second step.
 */

const pathOf = (enrolment: StaffEnrolment) => `${enrolmentsPath}/${enrolment.registerNumber}`;
export const unlinkPathOf = (enrolment: StaffEnrolment) => `${pathOf(enrolment)}/ontkoppelen`;
export const linkPathOf = (enrolment: StaffEnrolment) => `${pathOf(enrolment)}/koppelen`;

const personFacts = (ctx: PageContext, enrolment: StaffEnrolment) => [
  { label: ctx.t('enrolments.account.person'), value: <span safe>{enrolment.personName}</span> },
  { label: ctx.t('own.enrolment.number'), value: <span safe>{enrolment.registerNumber}</span> },
];

/** Step one of an unlink: the reason. */
export function UnlinkPage({ ctx, enrolment, reden, errors = [] }: { ctx: PageContext; enrolment: StaffEnrolment; reden?: string; errors?: FieldError[] }) {
  const { t } = ctx;
  const title = t('enrolments.unlink.title', { person: enrolment.personName });
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <DataList items={personFacts(ctx, enrolment)} />
      <AccountFacts ctx={ctx} name={enrolment.accountName ?? ''} email={enrolment.accountEmail ?? ''} />
      <TextParagraph text={t('enrolments.unlink.intro')} />
      <Form action={unlinkPathOf(enrolment)} csrfToken={ctx.csrfToken}>
        <TextAreaField
          id="reden"
          name="reden"
          label={t('enrolments.unlink.reason')}
          hint={t('enrolments.link.reasonHint')}
          value={reden}
          error={errors.find((e) => e.field === 'reden')?.message}
        />
        <FormActions submit={t('enrolments.link.next')} cancel={{ href: pathOf(enrolment), label: t('common.cancel') }} />
      </Form>
    </Layout>
  );
}

/** Step two of an unlink: what will happen, repeated, and the confirmation. */
export function UnlinkCheckPage({ ctx, enrolment, reason }: { ctx: PageContext; enrolment: StaffEnrolment; reason: string }) {
  const { t } = ctx;
  const title = t('enrolments.unlink.checkTitle');
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <Alert type="warning">
        <span safe>{t('enrolments.unlink.check', { account: enrolment.accountEmail ?? '', person: enrolment.personName })}</span>
      </Alert>
      <DataList items={[...personFacts(ctx, enrolment), { label: t('enrolments.unlink.reason'), value: <span safe>{reason}</span> }]} />
      <Form action={unlinkPathOf(enrolment)} csrfToken={ctx.csrfToken}>
        <HiddenField name="reden" value={reason} />
        <HiddenField name="stap" value="bevestigen" />
        <FormActions submit={t('enrolments.unlink.confirm')} cancel={{ href: pathOf(enrolment), label: t('common.cancel') }} />
      </Form>
    </Layout>
  );
}

/** Step one of a link: the account's address and the reason. */
export function LinkAccountPage({
  ctx,
  enrolment,
  values = {},
  errors = [],
}: {
  ctx: PageContext;
  enrolment: StaffEnrolment;
  values?: { email?: string; reden?: string };
  errors?: FieldError[];
}) {
  const { t } = ctx;
  const title = t('enrolments.link.title', { person: enrolment.personName });
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      <DataList items={personFacts(ctx, enrolment)} />
      <TextParagraph text={t('enrolments.link.intro')} />
      <Form action={linkPathOf(enrolment)} csrfToken={ctx.csrfToken}>
        <TextField id="email" name="email" type="email" label={t('enrolments.link.email')} value={values.email} error={error('email')} autocomplete="off" />
        <TextAreaField
          id="reden"
          name="reden"
          label={t('enrolments.link.reason')}
          hint={t('enrolments.link.reasonHint')}
          value={values.reden}
          error={error('reden')}
        />
        <FormActions submit={t('enrolments.link.next')} cancel={{ href: pathOf(enrolment), label: t('common.cancel') }} />
      </Form>
    </Layout>
  );
}

/** Step two of a link: whose account it is, repeated, and the confirmation. */
export function LinkAccountCheckPage({
  ctx,
  enrolment,
  account,
  reason,
}: {
  ctx: PageContext;
  enrolment: StaffEnrolment;
  account: { email: string; displayName: string };
  reason: string;
}) {
  const { t } = ctx;
  const title = t('enrolments.link.checkTitle');
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <TextParagraph text={t('enrolments.link.check', { account: account.email, person: enrolment.personName })} />
      <DataList items={personFacts(ctx, enrolment)} />
      <AccountFacts ctx={ctx} name={account.displayName} email={account.email} />
      <DataList items={[{ label: t('enrolments.link.reason'), value: <span safe>{reason}</span> }]} />
      <Form action={linkPathOf(enrolment)} csrfToken={ctx.csrfToken}>
        <HiddenField name="email" value={account.email} />
        <HiddenField name="reden" value={reason} />
        <HiddenField name="stap" value="bevestigen" />
        <FormActions submit={t('enrolments.link.confirm')} cancel={{ href: pathOf(enrolment), label: t('common.cancel') }} />
      </Form>
    </Layout>
  );
}
