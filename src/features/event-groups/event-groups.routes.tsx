import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { translateMessage, type Translate } from '../../platform/i18n.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { readFormShape, readParams, readQuery } from '../../web/forms.ts';
import { sendPage } from '../../web/render.ts';
import { contextOf } from '../../web/route-helpers.ts';
import type { FeatureOptions } from '../feature.ts';
import { eventParams, groupsQuery, mailForm, moveForm, proposeForm } from './event-groups.forms.ts';
import { changeQuery, readChange, signed, type ScoreChange } from './event-groups.rules.ts';
import * as service from './event-groups.service.ts';
import type { GroupsDeps } from './event-groups.service.ts';
import { attributeLabel, GroupsPage, MailGroupsPage, NotGroupedPage } from './views/groups-pages.tsx';

const idOf = (req: FastifyRequest) => readParams(req, eventParams).id;

function problemsOf(req: FastifyRequest, error: unknown): FieldError[] {
  if (error instanceof service.FieldProblem) return [{ field: error.field, message: translateMessage(req.lang, error.text) }];
  throw error;
}

/** "Score 52 → 54 (+2); provincie +1, rol +1." */
function changeText(t: Translate, change: ScoreChange): string {
  const total = t('eventGroups.notice.score', { before: change.before, after: change.after, delta: signed(change.after - change.before) });
  if (change.attributes.length === 0) return total;
  return `${total} ${t('eventGroups.notice.perAttribute', {
    parts: change.attributes.map((a) => `${attributeLabel(t, a.name)} ${signed(a.delta)}`).join(', '),
  })}`;
}

/** The notice after a redirect: what was done, and for a move or an improvement how the score changed. */
function noticeOf(req: FastifyRequest): string | undefined {
  const { t } = req.pageContext();
  const query = readQuery(req, groupsQuery);
  const change = readChange(query);
  switch (query.melding) {
    case 'voorgesteld':
      return t('eventGroups.notice.proposed');
    case 'gemaild':
      return t('eventGroups.notice.mailed');
    case 'verplaatst': {
      const group = query.groep && /^\d{1,4}$/.test(query.groep) ? Number(query.groep) : undefined;
      if (!change || !group) return undefined;
      return `${t('eventGroups.notice.moved', { group })} ${changeText(t, change)}`;
    }
    case 'verbeterd':
      if (!change) return undefined;
      return change.after === change.before
        ? t('eventGroups.notice.notImproved', { score: change.after })
        : `${t('eventGroups.notice.improved')} ${changeText(t, change)}`;
    default:
      return undefined;
  }
}

/**
 * The diverse groups of an exploratory conversation (issue 21 part 4, decision 029), for register
 * staff: the page, proposing, moving, improving, and mailing the groups (check first, then send).
 */
export async function eventGroupsRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const deps: GroupsDeps = { db: opts.db, mailer: opts.mailer, baseUrl: opts.config.baseUrl };
  const signedIn = { config: { access: 'signed-in' as const } };
  const route = '/beheer/bijeenkomsten/:id/groepen';

  /** An event of another kind: a page that says so (404), whatever was asked of it. */
  const guarded = (handler: (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>) => async (req: FastifyRequest, reply: FastifyReply) => {
    try {
      return await handler(req, reply);
    } catch (error) {
      if (error instanceof service.NotGrouped) return sendPage(reply, <NotGroupedPage ctx={req.pageContext()} event={error.event} />, 404);
      throw error;
    }
  };

  async function renderGroups(
    req: FastifyRequest,
    reply: FastifyReply,
    form: { errors?: FieldError[]; values?: { groepsgrootte: string } } = {},
    status = 200,
  ) {
    const state = form.errors ? await service.getGroupsQuietly(deps, contextOf(req), idOf(req)) : await service.getGroups(deps, contextOf(req), idOf(req));
    return sendPage(reply, <GroupsPage ctx={req.pageContext()} state={state} notice={form.errors ? undefined : noticeOf(req)} {...form} />, status);
  }

  app.get(
    route,
    signedIn,
    guarded((req, reply) => renderGroups(req, reply)),
  );

  app.post(
    `${route}/voorstellen`,
    signedIn,
    guarded(async (req, reply) => {
      const { value } = readFormShape(req, proposeForm);
      try {
        await service.proposeAndSave(deps, contextOf(req), idOf(req), value);
      } catch (error) {
        return renderGroups(req, reply, { errors: problemsOf(req, error), values: { groepsgrootte: value.groepsgrootte } }, 400);
      }
      return reply.redirect(`${service.groupsPath(idOf(req))}?melding=voorgesteld`, 303);
    }),
  );

  app.post(
    `${route}/verplaatsen`,
    signedIn,
    guarded(async (req, reply) => {
      const { value } = readFormShape(req, moveForm);
      try {
        const { change, group } = await service.moveMember(deps, contextOf(req), idOf(req), value);
        return reply.redirect(`${service.groupsPath(idOf(req))}?melding=verplaatst&groep=${group}&${changeQuery(change)}`, 303);
      } catch (error) {
        return renderGroups(req, reply, { errors: problemsOf(req, error) }, 400);
      }
    }),
  );

  app.post(
    `${route}/verbeteren`,
    signedIn,
    guarded(async (req, reply) => {
      const { change } = await service.improveSaved(deps, contextOf(req), idOf(req));
      return reply.redirect(`${service.groupsPath(idOf(req))}?melding=verbeterd&${changeQuery(change)}`, 303);
    }),
  );

  async function renderMail(req: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], status = 200) {
    const { state, sample } = await service.describeMailing(deps, contextOf(req), idOf(req));
    return sendPage(reply, <MailGroupsPage ctx={req.pageContext()} state={state} sample={sample} errors={errors} />, status);
  }

  app.get(
    `${route}/mailen`,
    signedIn,
    guarded((req, reply) => renderMail(req, reply)),
  );

  app.post(
    `${route}/mailen`,
    signedIn,
    guarded(async (req, reply) => {
      const { value } = readFormShape(req, mailForm);
      try {
        await service.mailGroups(deps, contextOf(req), idOf(req), value.bevestigd);
      } catch (error) {
        return renderMail(req, reply, problemsOf(req, error), 400);
      }
      return reply.redirect(`${service.groupsPath(idOf(req))}?melding=gemaild`, 303);
    }),
  );
}
