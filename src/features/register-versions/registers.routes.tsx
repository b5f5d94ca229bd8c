import type { FastifyInstance } from 'fastify';
import { translateMessage } from '../../platform/i18n.ts';
import { sendPage } from '../../web/render.ts';
import type { FeatureOptions } from '../feature.ts';
import type { RegisterVersionForm } from './register-version.rules.ts';
import * as service from './registers.service.ts';
import { RegisterPage, RegistersPage } from './views/register-pages.tsx';
import { contextOf } from '../../web/route-helpers.ts';


/** Register staff keep the registers' rules: titles and levels, cycle, re-registration rule, fee; each change a version. */
export async function registerRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const { db } = opts;
  const signedIn = { config: { access: 'signed-in' as const } };

  app.get('/beheer/registers', signedIn, async (req, reply) => {
    return sendPage(reply, <RegistersPage ctx={req.pageContext()} registers={await service.listRegisters(db, contextOf(req))} />);
  });

  app.get('/beheer/registers/:code', signedIn, async (req, reply) => {
    const register = await service.getRegister(db, contextOf(req), (req.params as { code: string }).code);
    const saved = (req.query as Record<string, string | undefined>).opgeslagen;
    const notice = saved && /^\d+$/.test(saved) ? req.pageContext().t('registers.saved', { version: saved }) : undefined;
    return sendPage(reply, <RegisterPage ctx={req.pageContext()} register={register} notice={notice} />);
  });

  app.post('/beheer/registers/:code', signedIn, async (req, reply) => {
    const { code } = req.params as { code: string };
    const body = (req.body ?? {}) as Record<string, unknown>;
    const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string).slice(0, 5000) : '');
    const form: RegisterVersionForm = {
      niveaus: text('niveaus'), cyclus: text('cyclus'), eenheid: text('eenheid'), minimumPunten: text('minimumPunten'), perioden: text('perioden'), uren: text('uren'),
      urenPrimairProces: text('urenPrimairProces'), themas: text('themas'), masterVolstaat: text('masterVolstaat'), tarief: text('tarief'), toelichting: text('toelichting'),
    };
    const basedOn = Number.parseInt(text('versie'), 10) || 0;
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
