import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { message } from '../../platform/i18n.ts';
import { newTotpSecret, totpUri } from '../../platform/auth/totp.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { rateLimit } from '../../web/rate-limit.ts';
import { sendPage } from '../../web/render.ts';
import type { FeatureOptions } from '../feature.ts';
import type { IdentityDeps } from './identity.deps.ts';
import { readForm, readFormShape, readQuery } from '../../web/forms.ts';
import { accountContextOf, clearSessionCookie, contextOf, fieldErrorsOf, safeBack, setSessionCookie, startPagePath } from '../../web/route-helpers.ts';
import { backQuery, codeForm, forgotPasswordForm, registerForm, resetPasswordForm, signInForm, tokenForm, tokenQuery } from './identity.forms.ts';
import * as signIn from './sign-in.service.ts';
import {
  ConfirmLinkPage,
  ForgotPasswordPage,
  MessagePage,
  RegisterPage,
  ResetPasswordPage,
  SecondFactorPage,
  SignInPage,
  TotpEnrolPage,
} from './views/sign-in-pages.tsx';

/** Where to go after signing in, from `?terug=`: only a path on this site. */
const backOf = (req: FastifyRequest) => safeBack(readQuery(req, backQuery).terug);

const readCode = (req: FastifyRequest) => readFormShape(req, codeForm);

/** Sign-in, second factor, account creation, e-mail confirmation, password reset, unlock and sign-out. */
export async function signInRoutes(app: FastifyInstance, opts: FeatureOptions & { deps: IdentityDeps }) {
  const { deps, secureCookies } = opts;
  const perIp = (name: string, max: number) =>
    rateLimit(app, { max, windowMs: 60_000, key: (req) => `${name}:${req.ip}`, message: message('error.tooManyAttempts') });
  // generous per address: a whole school signs in from one address at 08:15; guessing is stopped by the lock-out per e-mail address
  const signInLimit = perIp('sign-in', opts.config.rateLimits.signInPerMinute);
  const mailLimit = perIp('mail', Math.max(10, Math.floor(opts.config.rateLimits.signInPerMinute / 4)));
  const oidcName = opts.config.oidc?.name;

  app.get('/inloggen', { config: { access: 'public' } }, async (req, reply) => {
    const back = backOf(req);
    if (req.actor.type === 'account' && req.actor.secondFactorDone) return reply.redirect(back, 303);
    return sendPage(reply, <SignInPage ctx={req.pageContext()} state={{}} back={back} oidcName={oidcName} />);
  });

  app.post('/inloggen', { config: { access: 'public' }, preHandler: signInLimit }, async (req, reply) => {
    const form = readForm(req, signInForm);
    const back = safeBack(form.values.terug);
    const ctx = req.pageContext();
    const { t } = ctx;
    const again = (message: string, status: number, errors: FieldError[] = []) =>
      sendPage(reply, <SignInPage ctx={ctx} state={{ values: { email: form.values.email ?? '' }, errors, message }} back={back} oidcName={oidcName} />, status);
    if (!form.ok) return again('', 400, form.errors);
    const result = await signIn.signInWithPassword(deps, contextOf(req), {
      email: form.value.email,
      password: form.value.wachtwoord,
      back: back === startPagePath ? undefined : back,
    });
    if (result.outcome === 'failed') return again('', 400, [{ field: 'email', message: t('signIn.failed') }]);
    if (result.outcome === 'locked') return again(t('signIn.locked', { minutes: result.minutes }), 429);
    if (result.outcome === 'unverified') return again(t('signIn.unverified'), 400);
    setSessionCookie(req, reply, result.sessionToken, secureCookies);
    return reply.redirect(nextStep(result.secondFactor, back), 303);
  });

  app.get('/inloggen/tweede-stap', { config: { access: 'second-factor' } }, async (req, reply) => {
    const back = backOf(req);
    if (!(await signIn.hasTotp(deps, accountContextOf(req).actor)))
      return reply.redirect(`/account/tweestapsverificatie?terug=${encodeURIComponent(back)}`, 303);
    return sendPage(reply, <SecondFactorPage ctx={req.pageContext()} state={{}} back={back} />);
  });

  app.post('/inloggen/tweede-stap', { config: { access: 'second-factor' }, preHandler: signInLimit }, async (req, reply) => {
    const { value: body } = readCode(req);
    const back = safeBack(body.terug);
    let sessionToken: string;
    try {
      ({ sessionToken } = await signIn.verifySecondFactor(deps, accountContextOf(req), body.code));
    } catch (error) {
      return sendPage(reply, <SecondFactorPage ctx={req.pageContext()} state={{ errors: fieldErrorsOf(req, error, 'code') }} back={back} />, 400);
    }
    setSessionCookie(req, reply, sessionToken, secureCookies);
    return reply.redirect(back, 303);
  });

  app.get('/account/tweestapsverificatie', { config: { access: 'second-factor' } }, async (req, reply) => {
    const context = accountContextOf(req);
    const back = backOf(req);
    // once the app is linked, only signing in with it helps: a password alone never links another app
    if (await signIn.hasTotp(deps, context.actor)) {
      return reply.redirect(context.actor.secondFactorDone ? '/account' : `/inloggen/tweede-stap?terug=${encodeURIComponent(back)}`, 303);
    }
    const secret = (await signIn.pendingTotpSecret(deps, context.actor)) ?? newTotpSecret();
    await signIn.startTotpEnrolment(deps, context.actor, secret);
    return sendPage(reply, <TotpEnrolPage ctx={req.pageContext()} state={{}} secret={secret} uri={totpUri(secret, context.actor.email)} back={back} />);
  });

  app.post('/account/tweestapsverificatie', { config: { access: 'second-factor' }, preHandler: signInLimit }, async (req, reply) => {
    const context = accountContextOf(req);
    const { value: body } = readCode(req);
    const back = safeBack(body.terug);
    let sessionToken: string;
    try {
      ({ sessionToken } = await signIn.confirmTotpEnrolment(deps, context, body.code));
    } catch (error) {
      const secret = await signIn.pendingTotpSecret(deps, context.actor);
      if (!secret) return reply.redirect('/account/tweestapsverificatie', 303);
      const state = { errors: fieldErrorsOf(req, error, 'code') };
      return sendPage(
        reply,
        <TotpEnrolPage ctx={req.pageContext()} state={state} secret={secret} uri={totpUri(secret, context.actor.email)} back={back} />,
        400,
      );
    }
    setSessionCookie(req, reply, sessionToken, secureCookies);
    return reply.redirect(back, 303);
  });

  app.get('/account/aanmaken', { config: { access: 'public' } }, async (req, reply) =>
    sendPage(reply, <RegisterPage ctx={req.pageContext()} state={{}} back={backOf(req)} />),
  );

  app.post('/account/aanmaken', { config: { access: 'public' }, preHandler: mailLimit }, async (req, reply) => {
    const { value: body } = readFormShape(req, registerForm);
    const ctx = req.pageContext();
    try {
      const back = safeBack(body.terug);
      await signIn.registerAccount(deps, contextOf(req), {
        email: body.email,
        displayName: body.naam,
        password: body.wachtwoord,
        lang: ctx.lang,
        back: back === startPagePath ? undefined : back,
      });
    } catch (error) {
      const state = { values: { email: body.email, naam: body.naam }, errors: fieldErrorsOf(req, error, 'email') };
      return sendPage(reply, <RegisterPage ctx={ctx} state={state} back={safeBack(body.terug)} />, 400);
    }
    return sendPage(reply, <MessagePage ctx={ctx} title={ctx.t('signUp.title')} message={ctx.t('signUp.done', { email: body.email.trim() })} />);
  });

  /** Mailed links: GET shows a button, POST does the work (mail scanners follow links, they do not post forms). */
  const mailedLink = (
    path: string,
    title: 'verify.title' | 'unlock.title',
    button: 'verify.button' | 'unlock.button',
    done: 'verify.done' | 'unlock.done',
    use: (token: string, req: FastifyRequest) => Promise<void>,
  ) => {
    app.get(path, { config: { access: 'public' } }, async (req, reply) => {
      const ctx = req.pageContext();
      const { token, terug } = readQuery(req, tokenQuery);
      return sendPage(reply, <ConfirmLinkPage ctx={ctx} title={ctx.t(title)} action={path} token={token} back={terug} button={ctx.t(button)} />);
    });
    app.post(path, { config: { access: 'public' }, preHandler: mailLimit }, async (req, reply) => {
      const ctx = req.pageContext();
      const { token, terug } = readFormShape(req, tokenForm).value;
      await use(token, req);
      // signing in goes on to the page the account was made for (an enrolment link), if there was one
      const back = safeBack(terug);
      const signInHref = back === startPagePath ? '/inloggen' : `/inloggen?terug=${encodeURIComponent(back)}`;
      return sendPage(reply, <MessagePage ctx={ctx} title={ctx.t(title)} message={ctx.t(done)} link={{ href: signInHref, label: ctx.t('nav.signIn') }} />);
    });
  };
  mailedLink('/account/bevestigen', 'verify.title', 'verify.button', 'verify.done', (token, req) => signIn.verifyEmail(deps, contextOf(req), token));
  mailedLink('/account/deblokkeren', 'unlock.title', 'unlock.button', 'unlock.done', (token, req) => signIn.unlockAccount(deps, contextOf(req), token));

  app.get('/wachtwoord-vergeten', { config: { access: 'public' } }, async (req, reply) =>
    sendPage(reply, <ForgotPasswordPage ctx={req.pageContext()} state={{}} />),
  );

  app.post('/wachtwoord-vergeten', { config: { access: 'public' }, preHandler: mailLimit }, async (req, reply) => {
    const { value: body } = readFormShape(req, forgotPasswordForm);
    const ctx = req.pageContext();
    try {
      await signIn.requestPasswordReset(deps, contextOf(req), body.email);
    } catch (error) {
      return sendPage(reply, <ForgotPasswordPage ctx={ctx} state={{ values: { email: body.email }, errors: fieldErrorsOf(req, error, 'email') }} />, 400);
    }
    return sendPage(reply, <MessagePage ctx={ctx} title={ctx.t('forgot.title')} message={ctx.t('forgot.done', { email: body.email.trim() })} />);
  });

  app.get('/wachtwoord-herstellen', { config: { access: 'public' } }, async (req, reply) =>
    sendPage(reply, <ResetPasswordPage ctx={req.pageContext()} state={{}} token={readQuery(req, tokenQuery).token} />),
  );

  app.post('/wachtwoord-herstellen', { config: { access: 'public' }, preHandler: mailLimit }, async (req, reply) => {
    const { value: body } = readFormShape(req, resetPasswordForm);
    const ctx = req.pageContext();
    try {
      await signIn.resetPassword(deps, contextOf(req), { token: body.token, password: body.wachtwoord });
    } catch (error) {
      return sendPage(reply, <ResetPasswordPage ctx={ctx} state={{ errors: fieldErrorsOf(req, error, 'wachtwoord') }} token={body.token} />, 400);
    }
    if (req.actor.type === 'account') clearSessionCookie(req, reply, secureCookies);
    return sendPage(
      reply,
      <MessagePage ctx={ctx} title={ctx.t('reset.title')} message={ctx.t('reset.done')} link={{ href: '/inloggen', label: ctx.t('nav.signIn') }} />,
    );
  });

  const signOutHandler = async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.actor.type === 'account') await signIn.signOut(deps, accountContextOf(req));
    clearSessionCookie(req, reply, secureCookies);
    return reply.redirect('/', 303);
  };
  app.post('/uitloggen', { config: { access: 'public' } }, signOutHandler);

  app.post('/account/overal-uitloggen', { config: { access: 'second-factor' } }, async (req, reply) => {
    await signIn.signOutEverywhere(deps, accountContextOf(req));
    clearSessionCookie(req, reply, secureCookies);
    const ctx = req.pageContext();
    return sendPage(
      reply,
      <MessagePage
        ctx={{ ...ctx, account: undefined }}
        title={ctx.t('account.signOutEverywhere')}
        message={ctx.t('account.signedOutEverywhere')}
        link={{ href: '/inloggen', label: ctx.t('nav.signIn') }}
      />,
    );
  });
}

/** After the first factor: straight on, to the code, or to setting up the app first. */
export function nextStep(secondFactor: 'not-needed' | 'required' | 'enrol', back: string): string {
  if (secondFactor === 'required') return `/inloggen/tweede-stap?terug=${encodeURIComponent(back)}`;
  if (secondFactor === 'enrol') return `/account/tweestapsverificatie?terug=${encodeURIComponent(back)}`;
  return back;
}
