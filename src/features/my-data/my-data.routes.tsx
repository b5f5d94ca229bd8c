import type { FastifyInstance } from 'fastify';
import { attachment } from '../../web/attachment.ts';
import { readQuery } from '../../web/forms.ts';
import { sendPage } from '../../web/render.ts';
import { accountContextOf } from '../../web/route-helpers.ts';
import type { FeatureOptions } from '../feature.ts';
import { withActorNames } from '../identity/index.ts';
import { accessLogQuery } from './my-data.forms.ts';
import { exportMyData, listAccessByOthers, type MyDataDeps } from './my-data.service.ts';
import { AccessLogPage, MyDataPage } from './views/my-data-pages.tsx';

/** The AVG pages: who else looked at the person's data, and everything held about them (view and download). */
export async function myDataRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const deps: MyDataDeps = { db: opts.db };

  app.get('/mijn-gegevens/inzage', { config: { access: 'signed-in' } }, async (req, reply) => {
    const { actor } = accountContextOf(req);
    const before = readQuery(req, accessLogQuery).voor;
    const { events, next } = await listAccessByOthers(deps, actor, before);
    return sendPage(reply, <AccessLogPage ctx={req.pageContext()} events={await withActorNames(deps.db, events)} next={next} paged={before !== undefined} />);
  });

  app.get('/mijn-gegevens/download', { config: { access: 'signed-in' } }, async (req, reply) => {
    const data = await exportMyData(deps, accountContextOf(req).actor);
    return reply
      .header('Content-Disposition', attachment('mijn-gegevens-beroepsregister.json'))
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });

  app.get('/mijn-gegevens/overzicht', { config: { access: 'signed-in' } }, async (req, reply) => {
    const data = await exportMyData(deps, accountContextOf(req).actor);
    return sendPage(reply, <MyDataPage ctx={req.pageContext()} data={data} />);
  });
}
