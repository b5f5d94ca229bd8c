import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { readForm, readParams, readQuery } from '../../web/forms.ts';
import { duplicateDecisionForm, listQuery, taskParams } from './deliveries.forms.ts';
import { sendPage } from '../../web/render.ts';
import type { DeliveryDeps } from './deliveries.service.ts';
import * as office from './register-office.service.ts';
import { BoardDeliveriesOverviewPage, ConfirmMergePage, DuplicatesPage } from './views/register-office-pages.tsx';
import { contextOf } from '../../web/route-helpers.ts';

const pageOf = (req: FastifyRequest) => readQuery(req, listQuery).page;
const pageSize = 25;

/** The register office: deliveries per board, and the queue of possible duplicate persons. */
export async function registerOfficePageRoutes(app: FastifyInstance, opts: { deps: DeliveryDeps }) {
  const { deps } = opts;
  const signedIn = { config: { access: 'signed-in' as const } };

  app.get('/beheer/aanleveringen', signedIn, async (req, reply) => {
    const page = pageOf(req);
    const overview = await office.getBoardDeliveryOverview(deps, contextOf(req), page, pageSize);
    return sendPage(
      reply,
      <BoardDeliveriesOverviewPage ctx={req.pageContext()} boards={overview.boards} page={page} pageSize={pageSize} total={overview.total} />,
    );
  });

  async function renderQueue(req: FastifyRequest, notice?: string) {
    const page = pageOf(req);
    const queue = await office.listDuplicateTasks(deps, contextOf(req), page, 10);
    return <DuplicatesPage ctx={req.pageContext()} tasks={queue.tasks} page={page} pageSize={10} total={queue.total} notice={notice} />;
  }

  app.get('/beheer/dubbelen', signedIn, async (req, reply) => sendPage(reply, await renderQueue(req)));

  app.get('/beheer/dubbelen/:taakId/samenvoegen', signedIn, async (req, reply) => {
    const task = await office.getDuplicateTask(deps, contextOf(req), readParams(req, taskParams).taakId);
    return sendPage(reply, <ConfirmMergePage ctx={req.pageContext()} task={task} />);
  });

  app.post('/beheer/dubbelen/:taakId', signedIn, async (req, reply) => {
    // the decision comes from one of two buttons, never typed: without one the error page says what to do, as before
    const form = readForm(req, duplicateDecisionForm);
    if (!form.ok) throw new AppError('bad_request', message('office.error.chooseDecision'));
    const decision = form.value.besluit;
    await office.resolveDuplicate(deps, contextOf(req), readParams(req, taskParams).taakId, decision);
    const t = req.pageContext().t;
    return sendPage(reply, await renderQueue(req, decision === 'zelfde-persoon' ? t('office.duplicates.merged') : t('office.duplicates.separate')));
  });
}
