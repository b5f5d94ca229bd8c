import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendPage } from '../../web/render.ts';
import type { FeatureOptions } from '../feature.ts';
import { getBoardRef } from '../organisations/index.ts';
import { mayDeliver } from '../deliveries/index.ts';
import * as service from './board-staff.service.ts';
import { BoardStaffPage, type BoardRef } from './views/board-staff-page.tsx';
import { attachment } from '../../web/attachment.ts';
import { dutchToday } from '../../platform/dates/calendar.ts';
import { contextOf } from '../../web/route-helpers.ts';
import { readParams, readQuery } from '../../web/forms.ts';
import { boardParams, staffQuery } from './board-staff.forms.ts';
import { activationCodeRoutes } from './activation-code.routes.tsx';
import { checkProgressRoutes } from './check-progress.routes.tsx';

const pageSize = 50;

/** A board's staff list for its HR: who still has to check their data, who disputes, who is not enrolled. */
export async function boardStaffRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const { db } = opts;
  await app.register(activationCodeRoutes, opts);
  await app.register(checkProgressRoutes, opts);
  const signedIn = { config: { access: 'signed-in' as const } };

  async function boardOf(req: FastifyRequest): Promise<BoardRef> {
    return getBoardRef(db, readParams(req, boardParams).id);
  }

  app.get('/beheer/bestuur/:id/personeel', signedIn, async (req, reply) => {
    const board = await boardOf(req);
    const { aandacht, zoek, page } = readQuery(req, staffQuery);
    const attentionOnly = aandacht === 'ja';
    const list = await service.listBoardStaff(db, contextOf(req), board.id, { attentionOnly, search: zoek, page, pageSize });
    // the entry screen's links, for those who may deliver for the board (register staff only read)
    const canDeliver = await mayDeliver(contextOf(req), board.id);
    return sendPage(
      reply,
      <BoardStaffPage
        ctx={req.pageContext()}
        board={board}
        staff={list.staff}
        attentionOnly={attentionOnly}
        search={zoek}
        canDeliver={canDeliver}
        page={page}
        pageSize={pageSize}
        total={list.total}
      />,
    );
  });

  app.get('/beheer/bestuur/:id/personeel.csv', signedIn, async (req, reply) => {
    const board = await boardOf(req);
    const { aandacht, zoek } = readQuery(req, staffQuery);
    const lines = service.exportBoardStaffCsv(db, contextOf(req), board.id, aandacht === 'ja', zoek);
    const first = await lines.next(); // the access check runs before the download starts
    async function* all() {
      if (!first.done) yield first.value;
      yield* lines;
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', attachment(`personeel-${board.number}-${dutchToday()}.csv`))
      .send(Readable.from(all()));
  });
}
