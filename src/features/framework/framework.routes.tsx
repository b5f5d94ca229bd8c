import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendPage } from '../../web/render.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { contextOf, fieldErrorsOf } from '../../web/route-helpers.ts';
import type { FeatureOptions } from '../feature.ts';
import type { FrameworkVersionForm } from './framework.rules.ts';
import * as service from './framework.service.ts';
import { FrameworkAdminPage, FrameworkPage, FrameworkVersionPage, frameworkAdminPath, frameworkPath } from './views/framework-pages.tsx';

/** The reference framework: anyone reads it and its earlier versions; register staff make a new version. */
export async function frameworkRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const { db } = opts;
  const open = { config: { access: 'public' as const } };
  const signedIn = { config: { access: 'signed-in' as const } };

  app.get(frameworkPath, open, async (req, reply) => {
    const { current, versions } = await service.getFrameworkOverview(db);
    return sendPage(reply, <FrameworkPage ctx={req.pageContext()} current={current} versions={versions} />);
  });

  app.get(`${frameworkPath}/versies/:versie`, open, async (req, reply) => {
    const { version, current } = await service.getFrameworkVersion(db, (req.params as { versie: string }).versie);
    return sendPage(reply, <FrameworkVersionPage ctx={req.pageContext()} version={version} current={current} />);
  });

  async function renderAdmin(req: FastifyRequest, reply: FastifyReply, form: { form?: FrameworkVersionForm; errors?: FieldError[] } = {}, status = 200) {
    const { current, versions } = await service.getFrameworkForStaff(db, contextOf(req));
    const saved = (req.query as Record<string, string | undefined>).opgeslagen;
    const notice = saved && /^\d{1,6}$/.test(saved) ? req.pageContext().t('framework.admin.saved', { version: saved }) : undefined;
    return sendPage(reply, <FrameworkAdminPage ctx={req.pageContext()} current={current} versions={versions} notice={notice} {...form} />, status);
  }

  app.get(frameworkAdminPath, signedIn, (req, reply) => renderAdmin(req, reply));

  app.post(frameworkAdminPath, signedIn, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const text = (key: string, max: number) => (typeof body[key] === 'string' ? (body[key] as string).slice(0, max) : '');
    const form: FrameworkVersionForm = { beroepsstandaard: text('beroepsstandaard', 10_000), competenties: text('competenties', 20_000), themas: text('themas', 20_000), toelichting: text('toelichting', 2000) };
    const basedOn = Number.parseInt(text('versie', 10), 10) || 0;
    try {
      const version = await service.addFrameworkVersion(db, contextOf(req), basedOn, form);
      return reply.redirect(`${frameworkAdminPath}?opgeslagen=${version}`, 303);
    } catch (error) {
      const errors = error instanceof service.FrameworkVersionProblems ? error.problems : fieldErrorsOf(req, error, 'beroepsstandaard');
      return renderAdmin(req, reply, { form, errors }, 400);
    }
  });
}
