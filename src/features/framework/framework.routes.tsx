import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { translateMessage } from '../../platform/i18n.ts';
import { sendPage } from '../../web/render.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { readForm, readParams, readQuery } from '../../web/forms.ts';
import { contextOf, fieldErrorsOf } from '../../web/route-helpers.ts';
import type { FeatureOptions } from '../feature.ts';
import type { FrameworkVersionForm } from './framework.rules.ts';
import { frameworkAdminQuery, frameworkVersionForm, versionParams } from './framework.forms.ts';
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
    const { version, current } = await service.getFrameworkVersion(db, readParams(req, versionParams).versie);
    return sendPage(reply, <FrameworkVersionPage ctx={req.pageContext()} version={version} current={current} />);
  });

  async function renderAdmin(req: FastifyRequest, reply: FastifyReply, form: { form?: FrameworkVersionForm; errors?: FieldError[] } = {}, status = 200) {
    const { current, versions } = await service.getFrameworkForStaff(db, contextOf(req));
    const saved = readQuery(req, frameworkAdminQuery).opgeslagen;
    const notice = saved ? req.pageContext().t('framework.admin.saved', { version: saved }) : undefined;
    return sendPage(reply, <FrameworkAdminPage ctx={req.pageContext()} current={current} versions={versions} notice={notice} {...form} />, status);
  }

  app.get(frameworkAdminPath, signedIn, (req, reply) => renderAdmin(req, reply));

  app.post(frameworkAdminPath, signedIn, async (req, reply) => {
    const read = readForm(req, frameworkVersionForm);
    // the schema only cuts and fills in: every value reads, and the rule says what is wrong
    if (!read.ok) return renderAdmin(req, reply, { errors: read.errors }, 400);
    const { versie: basedOn, ...form } = read.value;
    try {
      const version = await service.addFrameworkVersion(db, contextOf(req), basedOn, form);
      return reply.redirect(`${frameworkAdminPath}?opgeslagen=${version}`, 303);
    } catch (error) {
      const errors =
        error instanceof service.FrameworkVersionProblems
          ? error.problems.map((p) => ({ field: p.field, message: translateMessage(req.lang, p.message) }))
          : fieldErrorsOf(req, error, 'beroepsstandaard');
      return renderAdmin(req, reply, { form, errors }, 400);
    }
  });
}
