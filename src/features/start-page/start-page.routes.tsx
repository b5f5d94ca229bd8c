import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { sendPage } from '../../web/render.ts';
import { accountContextOf, startPagePath } from '../../web/route-helpers.ts';
import type { FeatureOptions } from '../feature.ts';
import { RegisterOfficeTools } from '../identity/index.ts';
import { collectSections, describeMenu, manageSections, startPageSections, waitingIn } from './start-page.service.ts';
import { ManagePage, StartPage, managePath } from './views/start-pages.tsx';

/** The start page every sign-in lands on, and Beheer: both made of the cards the features give (`Feature.startCards`). */
export async function startPageRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const signedIn = { config: { access: 'signed-in' as const } };

  app.get(startPagePath, signedIn, async (req, reply) => {
    const { actor } = accountContextOf(req);
    const sections = startPageSections(await collectSections(opts.db, opts.startCards, actor, { requestId: req.id }));
    const menu = req.menu ?? (await describeMenu(opts.db, actor));
    return sendPage(
      reply,
      <StartPage ctx={req.pageContext()} name={actor.displayName} sections={sections} waiting={waitingIn(sections)} offerOwnRecord={!menu.ownRecord} />,
    );
  });

  app.get(managePath, signedIn, async (req, reply) => {
    const { actor } = accountContextOf(req);
    // the menu offers Beheer to whoever holds a role in an organisation; without one there is nothing to manage
    if (actor.memberships.length === 0) throw new AppError('forbidden', message('manage.error.noRole'));
    const sections = manageSections(await collectSections(opts.db, opts.startCards, actor, { requestId: req.id }));
    const ctx = req.pageContext();
    const tools = actor.memberships.some((m) => m.role === 'register-staff') ? <RegisterOfficeTools ctx={ctx} state={{}} /> : undefined;
    return sendPage(reply, <ManagePage ctx={ctx} sections={sections} tools={tools} />);
  });
}
