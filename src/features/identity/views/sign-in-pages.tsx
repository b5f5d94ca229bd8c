import Html from '@kitajs/html';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { PageTitle, TextParagraph } from '../../../ui/components/text.tsx';
import { Alert } from '../../../ui/components/alert.tsx';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorSummary, errorFor, type FieldError } from '../../../ui/components/error-summary.tsx';
import { Form, HiddenField } from '../../../ui/components/form.tsx';
import { TextField } from '../../../ui/components/form-field.tsx';
import { Paragraph } from '../../../ui/components/table.tsx';
import { QrCode } from '../../../ui/components/qr-code.tsx';

export type FormState = { values?: Record<string, string>; errors?: FieldError[]; message?: string };

export function SignInPage({ ctx, state, back, oidcName }: { ctx: PageContext; state: FormState; back: string; oidcName?: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('signIn.title')} current="signIn">
      <PageTitle text={t('signIn.title')} />
      <ErrorSummary title={t('errorSummary.title')} errors={state.errors ?? []} />
      {state.message ? (
        <Alert type="warning">
          <span safe>{state.message}</span>
        </Alert>
      ) : (
        ''
      )}
      {oidcName ? (
        <>
          <Paragraph>
            <a class="utrecht-button-link utrecht-button-link--secondary-action" href={`/inloggen/oidc?terug=${encodeURIComponent(back)}`} safe>
              {t('signIn.oidc', { name: oidcName })}
            </a>
          </Paragraph>
          <TextParagraph text={t('signIn.or')} />
        </>
      ) : (
        <TextParagraph text={t('signIn.intro')} />
      )}
      <Form action="/inloggen" csrfToken={ctx.csrfToken}>
        <HiddenField name="terug" value={back} />
        <TextField
          id="email"
          name="email"
          type="email"
          label={t('signIn.email')}
          autocomplete="username"
          value={state.values?.email}
          error={errorFor(state.errors, 'email')}
        />
        <TextField
          id="wachtwoord"
          name="wachtwoord"
          type="password"
          label={t('signIn.password')}
          autocomplete="current-password"
          error={errorFor(state.errors, 'wachtwoord')}
        />
        <Button>{Html.escapeHtml(t('signIn.button'))}</Button>
      </Form>
      <ul class="utrecht-link-list utrecht-link-list--html-ul">
        <li class="utrecht-link-list__item">
          <a class="utrecht-link" href="/wachtwoord-vergeten" safe>
            {t('signIn.forgot')}
          </a>
        </li>
        <li class="utrecht-link-list__item">
          <a class="utrecht-link" href={`/account/aanmaken?terug=${encodeURIComponent(back)}`} safe>
            {t('signIn.register')}
          </a>
        </li>
      </ul>
    </Layout>
  );
}

export function SecondFactorPage({ ctx, state, back }: { ctx: PageContext; state: FormState; back: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('secondFactor.title')} current="signIn">
      <PageTitle text={t('secondFactor.title')} />
      <ErrorSummary title={t('errorSummary.title')} errors={state.errors ?? []} />
      <TextParagraph text={t('secondFactor.intro')} />
      <Form action="/inloggen/tweede-stap" csrfToken={ctx.csrfToken}>
        <HiddenField name="terug" value={back} />
        <TextField
          id="code"
          name="code"
          label={t('secondFactor.code')}
          autocomplete="one-time-code"
          attrs={{ inputmode: 'numeric', maxlength: '7' }}
          error={errorFor(state.errors, 'code')}
        />
        <Button>{Html.escapeHtml(t('secondFactor.button'))}</Button>
      </Form>
    </Layout>
  );
}

export function TotpEnrolPage({ ctx, state, secret, uri, back }: { ctx: PageContext; state: FormState; secret: string; uri: string; back: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('totp.title')} current="account">
      <PageTitle text={t('totp.title')} />
      <ErrorSummary title={t('errorSummary.title')} errors={state.errors ?? []} />
      <TextParagraph text={t('totp.intro')} />
      <QrCode id="qr-code" text={uri} label={t('totp.qr')} />
      <dl class="utrecht-data-list">
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key" safe>
            {t('totp.secret')}
          </dt>
          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd br-secret" safe>
            {secret.replace(/(.{4})/g, '$1 ').trim()}
          </dd>
        </div>
      </dl>
      <Paragraph>
        <a class="utrecht-link" href={uri} safe>
          {t('totp.uri')}
        </a>
      </Paragraph>
      <Form action="/account/tweestapsverificatie" csrfToken={ctx.csrfToken}>
        <HiddenField name="terug" value={back} />
        <TextField
          id="code"
          name="code"
          label={t('secondFactor.code')}
          autocomplete="one-time-code"
          attrs={{ inputmode: 'numeric', maxlength: '7' }}
          error={errorFor(state.errors, 'code')}
        />
        <Button>{Html.escapeHtml(t('totp.button'))}</Button>
      </Form>
    </Layout>
  );
}

export function RegisterPage({ ctx, state, back }: { ctx: PageContext; state: FormState; back: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('signUp.title')} current="signIn">
      <PageTitle text={t('signUp.title')} />
      <ErrorSummary title={t('errorSummary.title')} errors={state.errors ?? []} />
      <TextParagraph text={t('signUp.intro')} />
      <Form action="/account/aanmaken" csrfToken={ctx.csrfToken}>
        <HiddenField name="terug" value={back} />
        <TextField id="naam" name="naam" label={t('signUp.name')} autocomplete="name" value={state.values?.naam} error={errorFor(state.errors, 'naam')} />
        <TextField
          id="email"
          name="email"
          type="email"
          label={t('signIn.email')}
          autocomplete="email"
          value={state.values?.email}
          error={errorFor(state.errors, 'email')}
        />
        <TextField
          id="wachtwoord"
          name="wachtwoord"
          type="password"
          label={t('signIn.password')}
          hint={t('signUp.passwordHint')}
          autocomplete="new-password"
          error={errorFor(state.errors, 'wachtwoord')}
        />
        <Button>{Html.escapeHtml(t('signUp.button'))}</Button>
      </Form>
    </Layout>
  );
}

export function ForgotPasswordPage({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('forgot.title')} current="signIn">
      <PageTitle text={t('forgot.title')} />
      <ErrorSummary title={t('errorSummary.title')} errors={state.errors ?? []} />
      <TextParagraph text={t('forgot.intro')} />
      <Form action="/wachtwoord-vergeten" csrfToken={ctx.csrfToken}>
        <TextField
          id="email"
          name="email"
          type="email"
          label={t('signIn.email')}
          autocomplete="email"
          value={state.values?.email}
          error={errorFor(state.errors, 'email')}
        />
        <Button>{Html.escapeHtml(t('forgot.button'))}</Button>
      </Form>
    </Layout>
  );
}

export function ResetPasswordPage({ ctx, state, token }: { ctx: PageContext; state: FormState; token: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('reset.title')} current="signIn">
      <PageTitle text={t('reset.title')} />
      <ErrorSummary title={t('errorSummary.title')} errors={state.errors ?? []} />
      <Form action="/wachtwoord-herstellen" csrfToken={ctx.csrfToken}>
        <HiddenField name="token" value={token} />
        <TextField
          id="wachtwoord"
          name="wachtwoord"
          type="password"
          label={t('reset.password')}
          hint={t('signUp.passwordHint')}
          autocomplete="new-password"
          error={errorFor(state.errors, 'wachtwoord')}
        />
        <Button>{Html.escapeHtml(t('reset.button'))}</Button>
      </Form>
    </Layout>
  );
}

/** A mailed link lands here and is used only by pressing the button: link scanners in mail filters fetch but never post. */
export function ConfirmLinkPage({
  ctx,
  title,
  action,
  token,
  back,
  button,
}: {
  ctx: PageContext;
  title: string;
  action: string;
  token: string;
  back: string;
  button: string;
}) {
  return (
    <Layout ctx={ctx} title={title}>
      <PageTitle text={title} />
      <Form action={action} csrfToken={ctx.csrfToken}>
        <HiddenField name="token" value={token} />
        {back ? <HiddenField name="terug" value={back} /> : ''}
        <Button>{Html.escapeHtml(button)}</Button>
      </Form>
    </Layout>
  );
}

export function MessagePage({ ctx, title, message, link }: { ctx: PageContext; title: string; message: string; link?: { href: string; label: string } }) {
  return (
    <Layout ctx={ctx} title={title}>
      <PageTitle text={title} />
      <Alert type="ok">
        <span safe>{message}</span>
      </Alert>
      {link ? (
        <Paragraph>
          <a class="utrecht-link" href={link.href} safe>
            {link.label}
          </a>
        </Paragraph>
      ) : (
        ''
      )}
    </Layout>
  );
}
