import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { translateMessage } from '../../platform/i18n.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { readForm, readParams, readQuery } from '../../web/forms.ts';
import { sendPage } from '../../web/render.ts';
import { contextOf, fieldErrorsOf } from '../../web/route-helpers.ts';
import type { FeatureOptions } from '../feature.ts';
import { qualityFrameworkAdminQuery, qualityFrameworkForm, versionParams } from './quality-framework.forms.ts';
import type { QualityFrameworkForm } from './quality-framework.rules.ts';
import * as service from './quality-framework.service.ts';
import {
  QualityFrameworkAdminPage,
  QualityFrameworkPage,
  QualityFrameworkVersionPage,
  qualityFrameworkAdminPath,
  qualityFrameworkPath,
} from './views/quality-framework-pages.tsx';

/** The Kwaliteitskader Samen Opleiden & Inductie: anyone reads it and its earlier versions; register staff make a new version. */
export async function qualityFrameworkRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const { db } = opts;
  const open = { config: { access: 'public' as const } };
  const signedIn = { config: { access: 'signed-in' as const } };

  app.get(qualityFrameworkPath, open, async (req, reply) => {
    const { current, versions } = await service.getQualityFrameworkOverview(db);
    return sendPage(reply, <QualityFrameworkPage ctx={req.pageContext()} current={current} versions={versions} />);
  });

  app.get(`${qualityFrameworkPath}/versies/:versie`, open, async (req, reply) => {
    const { version, current } = await service.getQualityFrameworkVersion(db, readParams(req, versionParams).versie);
    return sendPage(reply, <QualityFrameworkVersionPage ctx={req.pageContext()} version={version} current={current} />);
  });

  async function renderAdmin(req: FastifyRequest, reply: FastifyReply, form: { form?: QualityFrameworkForm; errors?: FieldError[] } = {}, status = 200) {
    const { current, versions } = await service.getQualityFrameworkForStaff(db, contextOf(req));
    const saved = readQuery(req, qualityFrameworkAdminQuery).opgeslagen;
    const notice = saved ? req.pageContext().t('qualityFramework.admin.saved', { version: saved }) : undefined;
    return sendPage(reply, <QualityFrameworkAdminPage ctx={req.pageContext()} current={current} versions={versions} notice={notice} {...form} />, status);
  }

  app.get(qualityFrameworkAdminPath, signedIn, (req, reply) => renderAdmin(req, reply));

  app.post(qualityFrameworkAdminPath, signedIn, async (req, reply) => {
    const read = readForm(req, qualityFrameworkForm);
    if (!read.ok) return renderAdmin(req, reply, { errors: read.errors }, 400);
    const { versie: basedOn, ...form } = read.value;
    try {
      const version = await service.addQualityFrameworkVersion(db, contextOf(req), basedOn, form);
      return reply.redirect(`${qualityFrameworkAdminPath}?opgeslagen=${version}`, 303);
    } catch (error) {
      const errors =
        error instanceof service.QualityFrameworkProblems
          ? error.problems.map((p) => ({ field: p.field, message: translateMessage(req.lang, p.message) }))
          : fieldErrorsOf(req, error, 'waarborgen');
      return renderAdmin(req, reply, { form, errors }, 400);
    }
  });
}
