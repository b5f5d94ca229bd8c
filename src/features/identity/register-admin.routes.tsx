import type { FastifyInstance } from 'fastify';
import { sendPage } from '../../web/render.ts';
import type { FeatureOptions } from '../feature.ts';
import type { IdentityDeps } from './identity.deps.ts';
import * as admin from './register-admin.service.ts';
import { readParams, readQuery } from '../../web/forms.ts';
import { contextOf } from '../../web/route-helpers.ts';
import { accountParams, adminLookupQuery } from './identity.forms.ts';
import { AdminSearchPage, AuditTrailPage, OutboxPage } from './views/register-admin-pages.tsx';

const staffOnly = { config: { access: { roles: ['register-staff'] } as const } };

/**
 * The register office's tools: find an account and read its audit trail, find a board's staff, read the
 * outbox. Their forms are on Beheer (`/beheer`, features/start-page), with the register office's cards.
 */
export async function registerAdminRoutes(app: FastifyInstance, opts: FeatureOptions & { deps: IdentityDeps }) {
  const { deps } = opts;

  app.get('/beheer/accounts', staffOnly, async (req, reply) => {
    const { email } = readQuery(req, adminLookupQuery);
    if (!email) return sendPage(reply, <AdminSearchPage ctx={req.pageContext()} state={{}} />);
    const account = email ? await admin.findAccountByEmail(deps, contextOf(req), email) : undefined;
    if (account) return reply.redirect(`/beheer/accounts/${account.id}/logboek`, 303);
    const state = { values: { email }, errors: [{ field: 'email', message: req.t('admin.noAccount') }] };
    return sendPage(reply, <AdminSearchPage ctx={req.pageContext()} state={state} />, 404);
  });

  app.get('/beheer/accounts/:id/logboek', staffOnly, async (req, reply) => {
    const { account, events } = await admin.viewAuditTrail(deps, contextOf(req), readParams(req, accountParams).id, 'registerbeheer: logboek geopend');
    return sendPage(reply, <AuditTrailPage ctx={req.pageContext()} name={account.displayName} email={account.email} events={events} />);
  });

  app.get('/beheer/besturen', staffOnly, async (req, reply) => {
    const number = readQuery(req, adminLookupQuery).nummer;
    if (!number) return sendPage(reply, <AdminSearchPage ctx={req.pageContext()} state={{}} />);
    const board = /^\d{1,5}$/.test(number) ? await admin.findBoardForStaff(deps, contextOf(req), number) : undefined;
    if (board) return reply.redirect(`/beheer/bestuur/${board.id}/leden`, 303);
    const state = { values: { nummer: number }, errors: [{ field: 'nummer', message: req.t('admin.error.noBoard') }] };
    return sendPage(reply, <AdminSearchPage ctx={req.pageContext()} state={state} />, 404);
  });

  if (opts.development) {
    app.get('/beheer/uitgaande-mail', staffOnly, async (req, reply) => {
      const { page } = readQuery(req, adminLookupQuery);
      const pageSize = 20;
      const { rows, total } = await admin.readOutbox(deps, contextOf(req), page, pageSize);
      return sendPage(
        reply,
        <OutboxPage ctx={req.pageContext()} mails={rows} total={total} page={page} pageSize={pageSize} smtp={deps.mailer.smtpConfigured} />,
      );
    });
  }
}
