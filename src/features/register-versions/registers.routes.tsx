import type { FastifyInstance } from 'fastify';
import { translateMessage } from '../../platform/i18n.ts';
import { sendPage } from '../../web/render.ts';
import type { FeatureOptions } from '../feature.ts';
import { readForm, readFormShape, readParams, readQuery } from '../../web/forms.ts';
import { registerParams, registerQuery, registerVersionForm, reminderDaysForm } from './registers.forms.ts';
import * as service from './registers.service.ts';
import { RegisterPage, RegistersPage } from './views/register-pages.tsx';
import { contextOf, validationErrorsOf } from '../../web/route-helpers.ts';

/** Register staff keep the registers' rules: titles and levels, cycle, re-registration rule, fee; each change a version. */
export async function registerRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const { db } = opts;
  const signedIn = { config: { access: 'signed-in' as const } };

  app.get('/beheer/registers', signedIn, async (req, reply) => {
    return sendPage(reply, <RegistersPage ctx={req.pageContext()} registers={await service.listRegisters(db, contextOf(req))} />);
  });

  app.get('/beheer/registers/:code', signedIn, async (req, reply) => {
    const register = await service.getRegister(db, contextOf(req), readParams(req, registerParams).code);
    const { opgeslagen: saved, herinneringen } = readQuery(req, registerQuery);
    const { t } = req.pageContext();
    const notice = saved
      ? t('registers.saved', { version: saved })
      : herinneringen === 'opgeslagen'
        ? t('registers.reminders.saved', { first: register.reminderDays.first, second: register.reminderDays.second })
        : undefined;
    return sendPage(reply, <RegisterPage ctx={req.pageContext()} register={register} notice={notice} />);
  });

  app.post('/beheer/registers/:code/herinneringen', signedIn, async (req, reply) => {
    const { code } = readParams(req, registerParams);
    const { value } = readFormShape(req, reminderDaysForm);
    try {
      await service.setReminderDays(db, contextOf(req), code, value);
    } catch (error) {
      const errors = validationErrorsOf(req, error);
      const register = await service.getRegister(db, contextOf(req), code);
      return sendPage(reply, <RegisterPage ctx={req.pageContext()} register={register} reminderForm={value} errors={errors} />, 400);
    }
    return reply.redirect(`/beheer/registers/${code}?herinneringen=opgeslagen`, 303);
  });

  app.post('/beheer/registers/:code', signedIn, async (req, reply) => {
    const { code } = readParams(req, registerParams);
    const read = readForm(req, registerVersionForm);
    // the schema only cuts and fills in, so every form reads; the rule says what is wrong
    if (!read.ok) {
      const register = await service.getRegister(db, contextOf(req), code);
      return sendPage(reply, <RegisterPage ctx={req.pageContext()} register={register} errors={read.errors} />, 400);
    }
    const { versie: basedOn, ...form } = read.value;
    try {
      const version = await service.addRegisterVersion(db, contextOf(req), code, basedOn, form);
      return reply.redirect(`/beheer/registers/${code}?opgeslagen=${version}`, 303);
    } catch (error) {
      if (!(error instanceof service.RegisterVersionProblems)) throw error;
      const register = await service.getRegister(db, contextOf(req), code);
      const errors = error.problems.map((p) => ({ field: p.field, message: translateMessage(req.lang, p.message) }));
      return sendPage(reply, <RegisterPage ctx={req.pageContext()} register={register} form={form} errors={errors} />, 400);
    }
  });
}
