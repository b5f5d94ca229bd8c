import Html from '@kitajs/html';
import { formatDay } from '../../../platform/i18n.ts';
import { Button, FormActions } from '../../../ui/components/button.tsx';
import { ErrorSummary, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form, HiddenField } from '../../../ui/components/form.tsx';
import { TextField } from '../../../ui/components/form-field.tsx';
import { DataList } from '../../../ui/components/table.tsx';
import { PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import type { OwnPersonFacts, OwnPersonForm } from '../../register/index.ts';
import { ownEnrolmentPath, ownRecordPath } from './own-record-page.tsx';

export { ownEnrolmentPath };

/** The facts as the form holds them again ("Gegevens wijzigen"): the birth date the way the hint asks for it. */
export function formOfFacts(facts: OwnPersonFacts): OwnPersonForm {
  const [year, month, day] = facts.birthDate.split('-');
  return { voorletters: facts.initials, tussenvoegsel: facts.prefix ?? '', achternaam: facts.surname, geboortedatum: `${day}-${month}-${year}` };
}

/**
 * Inschrijven zonder werkgever (decision 021): the professional gives their name and birth date as a
 * board would deliver them. `blocked`: why they cannot enrol this way (an unconfirmed address, a BSN
 * that is another account's), shown instead of the form.
 */
export function OwnEnrolmentPage({
  ctx,
  values,
  errors = [],
  blocked,
}: {
  ctx: PageContext;
  values?: Partial<OwnPersonForm>;
  errors?: FieldError[];
  blocked?: string;
}) {
  const { t } = ctx;
  const title = t('ownEnrolment.title');
  const error = (field: keyof OwnPersonForm) => errors.find((e) => e.field === field)?.message;
  return (
    <Layout ctx={ctx} title={title} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={title} />
      {blocked ? (
        <>
          <TextParagraph text={blocked} />
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={ownRecordPath} safe>
              {t('ownEnrolment.back')}
            </a>
          </p>
        </>
      ) : (
        <>
          <TextParagraph text={t('ownEnrolment.intro')} />
          <TextParagraph text={t('ownEnrolment.later')} />
          <Form action={ownEnrolmentPath} csrfToken={ctx.csrfToken}>
            <TextField
              id="voorletters"
              name="voorletters"
              label={t('ownEnrolment.initials')}
              hint={t('ownEnrolment.initialsHint')}
              value={values?.voorletters}
              error={error('voorletters')}
              autocomplete="off"
            />
            <TextField
              id="tussenvoegsel"
              name="tussenvoegsel"
              label={t('ownEnrolment.prefix')}
              hint={t('ownEnrolment.prefixHint')}
              value={values?.tussenvoegsel}
              error={error('tussenvoegsel')}
              autocomplete="off"
            />
            <TextField
              id="achternaam"
              name="achternaam"
              label={t('ownEnrolment.surname')}
              value={values?.achternaam}
              error={error('achternaam')}
              autocomplete="family-name"
            />
            <TextField
              id="geboortedatum"
              name="geboortedatum"
              label={t('ownEnrolment.birthDate')}
              hint={t('ownEnrolment.birthDateHint')}
              value={values?.geboortedatum}
              error={error('geboortedatum')}
              autocomplete="bday"
            />
            <FormActions submit={t('ownEnrolment.next')} cancel={{ href: ownRecordPath, label: t('common.cancel') }} />
          </Form>
        </>
      )}
    </Layout>
  );
}

/** The facts as they will be recorded, and what enrolling does, before anything is made: check your answers. */
export function OwnEnrolmentCheckPage({ ctx, facts }: { ctx: PageContext; facts: OwnPersonFacts }) {
  const { t, lang } = ctx;
  const title = t('ownEnrolment.check.title');
  const form = formOfFacts(facts);
  const hidden = (stap: string) => (
    <>
      <HiddenField name="voorletters" value={form.voorletters} />
      <HiddenField name="tussenvoegsel" value={form.tussenvoegsel} />
      <HiddenField name="achternaam" value={form.achternaam} />
      <HiddenField name="geboortedatum" value={form.geboortedatum} />
      <HiddenField name="stap" value={stap} />
    </>
  );
  return (
    <Layout ctx={ctx} title={title} current="account">
      <PageTitle text={title} />
      <DataList
        items={[
          { label: t('ownEnrolment.initials'), value: <span safe>{facts.initials}</span> },
          { label: t('ownEnrolment.prefix'), value: <span safe>{facts.prefix ?? '—'}</span> },
          { label: t('ownEnrolment.surname'), value: <span safe>{facts.surname}</span> },
          { label: t('ownEnrolment.birthDate'), value: <span safe>{formatDay(lang, facts.birthDate)}</span> },
        ]}
      />
      <TextParagraph text={t('ownEnrolment.check.public')} />
      <TextParagraph text={t('own.enrolment.explain')} />
      <Form action={ownEnrolmentPath} csrfToken={ctx.csrfToken}>
        {hidden('bevestigen')}
        <Button>{Html.escapeHtml(t('ownEnrolment.check.confirm'))}</Button>
      </Form>
      <Form action={ownEnrolmentPath} csrfToken={ctx.csrfToken}>
        {hidden('wijzigen')}
        <Button appearance="secondary">{Html.escapeHtml(t('ownEnrolment.check.change'))}</Button>
      </Form>
    </Layout>
  );
}
