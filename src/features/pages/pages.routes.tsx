import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import { sendPage } from '../../web/render.ts';
import { getDirectoryStats } from '../organisations/index.ts';
import { ownEnrolmentPath } from '../own-record/index.ts';
import { AccessibilityPage } from './views/accessibility-page.tsx';
import { ComponentGallery } from './views/component-gallery.tsx';
import { HomePage } from './views/home-page.tsx';

export async function pageRoutes(app: FastifyInstance, opts: { db: Db; development: boolean }) {
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
    const stats = await getDirectoryStats(opts.db);
    return sendPage(reply, <HomePage ctx={req.pageContext()} stats={stats} enrolPath={ownEnrolmentPath} />);
  });

  app.get('/toegankelijkheid', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) =>
    sendPage(reply, <AccessibilityPage ctx={req.pageContext()} />),
  );

  // a tool for whoever builds the pages: never in production, and even outside it not for everyone
  if (opts.development) {
    app.get('/ontwikkeling/componenten', { config: { access: { roles: ['register-staff'] } }, schema: { hide: true } }, async (req, reply) =>
      sendPage(reply, <ComponentGallery ctx={req.pageContext()} />),
    );
  }
}
