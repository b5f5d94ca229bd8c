import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readFormShape, readParams, readQuery } from '../../web/forms.ts';
import { sendPage } from '../../web/render.ts';
import { contextOf, validationErrorsOf } from '../../web/route-helpers.ts';
import type { FeatureOptions } from '../feature.ts';
import { getBoardRef } from '../organisations/index.ts';
import { getBoardNoticeSettings, getCheckProgress, previewBoardReminder, sendBoardReminder, setDisputeMail } from '../register/index.ts';
import { boardParams, noticesForm, noticesQuery, progressQuery } from './board-staff.forms.ts';
import { BoardNoticesPage, CheckProgressPage, ConfirmReminderPage, noticesPath, progressPath } from './views/check-progress-pages.tsx';
import type { BoardRef } from './views/board-staff-page.tsx';

/**
 * The board's side of the record loop's mail: the check's progress per school with the reminder by hand
 * (confirmed first), and how its staff hear of disputes.
 */
export async function checkProgressRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const deps = { db: opts.db, mailer: opts.mailer, baseUrl: opts.config.baseUrl };
  const signedIn = { config: { access: 'signed-in' as const } };
  const boardOf = (req: FastifyRequest): Promise<BoardRef> => getBoardRef(opts.db, readParams(req, boardParams).id);

  app.get('/beheer/bestuur/:id/voortgang', signedIn, async (req, reply) => {
    const board = await boardOf(req);
    const progress = await getCheckProgress(deps, contextOf(req), board.id);
    const query = readQuery(req, progressQuery);
    const { t } = req.pageContext();
    const notice =
      query.melding === 'herinnering' && query.aantal !== undefined
        ? query.aantal > 0
          ? t('progress.sent', { count: query.aantal })
          : t('progress.sentNobody')
        : undefined;
    return sendPage(reply, <CheckProgressPage ctx={req.pageContext()} board={board} progress={progress} notice={notice} />);
  });

  app.get('/beheer/bestuur/:id/voortgang/herinnering', signedIn, async (req, reply) => {
    const board = await boardOf(req);
    const outlook = await previewBoardReminder(deps, contextOf(req), board.id);
    return sendPage(reply, <ConfirmReminderPage ctx={req.pageContext()} board={board} outlook={outlook} />);
  });

  app.post('/beheer/bestuur/:id/voortgang/herinnering', signedIn, async (req, reply) => {
    const board = await boardOf(req);
    const sent = await sendBoardReminder(deps, contextOf(req), board.id);
    return reply.redirect(`${progressPath(board)}?melding=herinnering&aantal=${sent.persons}`, 303);
  });

  app.get('/beheer/bestuur/:id/meldingen', signedIn, async (req, reply) => {
    const board = await boardOf(req);
    const settings = await getBoardNoticeSettings(deps, contextOf(req), board.id);
    const notice = readQuery(req, noticesQuery).melding === 'opgeslagen' ? req.pageContext().t('notices.saved') : undefined;
    return sendPage(reply, <BoardNoticesPage ctx={req.pageContext()} board={board} settings={settings} notice={notice} />);
  });

  app.post('/beheer/bestuur/:id/meldingen', signedIn, async (req, reply) => {
    const board = await boardOf(req);
    const { value } = readFormShape(req, noticesForm);
    try {
      await setDisputeMail(deps, contextOf(req), board.id, value.meldingen);
    } catch (error) {
      const errors = validationErrorsOf(req, error);
      const settings = await getBoardNoticeSettings(deps, contextOf(req), board.id);
      return sendPage(reply, <BoardNoticesPage ctx={req.pageContext()} board={board} settings={settings} errors={errors} value={value.meldingen} />, 400);
    }
    return reply.redirect(`${noticesPath(board)}?melding=opgeslagen`, 303);
  });
}
