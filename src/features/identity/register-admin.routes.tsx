import type { FastifyInstance } from 'fastify';
import { sendPage } from '../../web/render.ts';
import type { FeatureOptions } from '../feature.ts';
import type { IdentityDeps } from './identity.deps.ts';
import * as admin from './register-admin.service.ts';
import { contextOf } from '../../web/route-helpers.ts';
import { AdminHomePage, AuditTrailPage, OutboxPage } from './views/register-admin-pages.tsx';

const staffOnly = { config: { access: { roles: ['register-staff'] } as const } };

/** The register office's tools: find an account and read its audit trail, find a board's staff, read the outbox. */
export async function registerAdminRoutes(app: FastifyInstance, opts: FeatureOptions & { deps: IdentityDeps }) {
  const { deps } = opts;
  const query = (req: { query: unknown }, key: string) => {
    const value = (req.query as Record<string, unknown>)[key];
    return typeof value === 'string' ? value.trim().slice(0, 254) : '';
  };

  app.get('/beheer', staffOnly, async (req, reply) => sendPage(reply, <AdminHomePage ctx={req.pageContext()} state={{}} showOutbox={opts.development} />));

  app.get('/beheer/accounts', staffOnly, async (req, reply) => {
    const email = query(req, 'email');
    const account = email ? await admin.findAccountByEmail(deps, contextOf(req), email) : undefined;
    if (account) return reply.redirect(`/beheer/accounts/${account.id}/logboek`, 303);
    const state = { values: { email }, errors: [{ field: 'email', message: req.t('admin.noAccount') }] };
    return sendPage(reply, <AdminHomePage ctx={req.pageContext()} state={state} showOutbox={opts.development} />, 404);
  });

  app.get<{ Params: { id: string } }>('/beheer/accounts/:id/logboek', staffOnly, async (req, reply) => {
    const { account, events } = await admin.viewAuditTrail(deps, contextOf(req), req.params.id, 'registerbeheer: logboek geopend');
    return sendPage(reply, <AuditTrailPage ctx={req.pageContext()} name={account.displayName} email={account.email} events={events} />);
  });

  app.get('/beheer/besturen', staffOnly, async (req, reply) => {
    const number = query(req, 'nummer');
    const board = /^\d{1,5}$/.test(number) ? await admin.findBoardForStaff(deps, contextOf(req), number) : undefined;
    if (board) return reply.redirect(`/beheer/bestuur/${board.id}/leden`, 303);
    const state = { values: { nummer: number }, errors: [{ field: 'nummer', message: 'Er is geen bestuur met dit nummer in de organisatiegids.' }] };
    return sendPage(reply, <AdminHomePage ctx={req.pageContext()} state={state} showOutbox={opts.development} />, 404);
  });

  if (opts.development) {
    app.get('/beheer/uitgaande-mail', staffOnly, async (req, reply) => {
      const page = Math.max(1, Math.min(1000, Number(query(req, 'page')) || 1));
      const pageSize = 20;
      const { rows, total } = await admin.readOutbox(deps, contextOf(req), page, pageSize);
      return sendPage(reply, <OutboxPage ctx={req.pageContext()} mails={rows} total={total} page={page} pageSize={pageSize} smtp={deps.mailer.smtpConfigured} />);
    });
  }
}
