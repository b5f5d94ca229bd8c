import Html from '@kitajs/html';
import { formatDateTime, formatDay, translateMessage, type Message } from '../../../platform/i18n.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form } from '../../../ui/components/form.tsx';
import { CheckboxField, TextAreaField } from '../../../ui/components/form-field.tsx';
import { DataList, Paragraph } from '../../../ui/components/table.tsx';
import { Notice, PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import type { RenewalForm } from '../../register/index.ts';
import { EvaluationFacts, standingText } from '../../register/index.ts';
import { ownPostponementPath, ownReregistrationPath, type RegistrationProgress } from '../../register/index.ts';

type OwnView = {
  progress: RegistrationProgress | null;
  open: { kind: string; status: string; createdAt: Date }[];
  /** why the professional cannot apply now, or null */
  reason: Message | null;
};

/** For someone without a registration: what herregistratie and uitstel need, and the way back to Mijn register. */
export function NotEnrolled({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Paragraph>
      <span safe>{t('reregistration.notEnrolled')}</span>{' '}
      <a class="utrecht-link" href="/mijn-register" safe>
        {t('own.title')}
      </a>
    </Paragraph>
  );
}

/** Herregistratie on Mijn register: where the registration stands, the progress under its rule, and the form to apply. */
export function ReregistrationPage({
  ctx,
  view,
  values = { motivering: '', bevestigd: '' },
  errors = [],
  notice,
}: {
  ctx: PageContext;
  view: OwnView | null;
  values?: RenewalForm;
  errors?: FieldError[];
  notice?: string;
}) {
  const { t, lang } = ctx;
  const error = (field: keyof RenewalForm) => errors.find((e) => e.field === field)?.message;
  return (
    <Layout ctx={ctx} title={t('reregistration.title')} current="account">
      <ErrorSummary title={t('errorSummary.title')} errors={errors} />
      <PageTitle text={t('reregistration.title')} />
      <Notice message={notice} />
      {!view ? (
        <NotEnrolled ctx={ctx} />
      ) : !view.progress ? (
        <Paragraph>
          <span safe>{translateMessage(lang, view.reason ?? '')}</span>{' '}
          <a class="utrecht-link" href="/mijn-register/registratie" safe>
            {t('reregistration.applyRegistration')}
          </a>
        </Paragraph>
      ) : (
        <>
          <h2 class="utrecht-heading-2" safe>
            {t('reregistration.yours')}
          </h2>
          <DataList
            items={[
              { label: t('reregistration.register'), value: <span safe>{view.progress.registration.registerName}</span> },
              { label: t('reregistration.level'), value: <span safe>{`${view.progress.registration.title} ${view.progress.registration.level}`}</span> },
              ...(view.progress.registration.postponedUntil
                ? [{ label: t('reregistration.postponedUntil'), value: <span safe>{formatDay(lang, view.progress.registration.postponedUntil)}</span> }]
                : []),
              { label: t('reregistration.standing'), value: <span safe>{standingText(ctx, view.progress.standing)}</span> },
            ]}
          />
          <h2 class="utrecht-heading-2" safe>
            {t('reregistration.progress')}
          </h2>
          <TextParagraph text={translateMessage(ctx.lang, view.progress.sentence)} />
          <EvaluationFacts ctx={ctx} rule={view.progress.rule} evaluation={view.progress.evaluation} period={view.progress.period} />
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href="/mijn-register/dossier" safe>
              {t('reregistration.dossierLink')}
            </a>
          </p>
          {view.open.length > 0 ? (
            <section aria-labelledby="aanvraag-titel">
              <h2 class="utrecht-heading-2" id="aanvraag-titel" safe>
                {t('reregistration.open')}
              </h2>
              {view.open.map((a) => (
                <TextParagraph
                  text={t('reregistration.openText', {
                    date: formatDateTime(lang, a.createdAt),
                    kind: t(`reregistration.kind.${a.kind === 'herregistratie' ? 'herregistratie' : 'registratie'}`),
                    status: t(`registration.status.${a.status as 'aangevraagd'}`),
                  })}
                />
              ))}
              <p class="utrecht-paragraph">
                <a class="utrecht-link" href="/mijn-register/registratie" safe>
                  {t('reregistration.openLink')}
                </a>
              </p>
            </section>
          ) : (
            ''
          )}
          <h2 class="utrecht-heading-2" safe>
            {t('reregistration.apply')}
          </h2>
          {view.reason ? (
            <TextParagraph text={translateMessage(lang, view.reason)} />
          ) : (
            <>
              <TextParagraph text={t('reregistration.applyIntro', { next: view.progress.evaluation.nextUntil ?? '' })} />
              <Form action={ownReregistrationPath} csrfToken={ctx.csrfToken}>
                <TextAreaField
                  id="motivering"
                  name="motivering"
                  label={t('reregistration.form.motivation')}
                  hint={t('reregistration.form.motivationHint')}
                  value={values.motivering}
                  error={error('motivering')}
                  rows={4}
                />
                <CheckboxField
                  id="bevestigd"
                  name="bevestigd"
                  label={t('reregistration.form.confirm')}
                  checked={values.bevestigd === 'ja'}
                  error={error('bevestigd')}
                />
                <Button>{Html.escapeHtml(t('reregistration.form.send'))}</Button>
              </Form>
            </>
          )}
          <h2 class="utrecht-heading-2" safe>
            {t('reregistration.postpone')}
          </h2>
          <TextParagraph text={t('reregistration.postponeIntro')} />
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={ownPostponementPath} safe>
              {t('reregistration.postponeLink')}
            </a>
          </p>
        </>
      )}
    </Layout>
  );
}
