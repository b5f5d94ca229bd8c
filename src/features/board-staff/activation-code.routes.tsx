import type { FastifyInstance } from 'fastify';
import { sendPage } from '../../web/render.ts';
import { readParams } from '../../web/forms.ts';
import { contextOf } from '../../web/route-helpers.ts';
import type { FeatureOptions } from '../feature.ts';
import { getBoardRef } from '../organisations/index.ts';
import { issueActivationCode, staffPersonForActivation } from '../register/index.ts';
import { staffPersonParams } from './board-staff.forms.ts';
import { ActivationLetterPage, ConfirmActivationCodePage } from './views/activation-code-pages.tsx';

/**
 * An activation letter for someone whose record no account has (decision 021): delivered without an
 * e-mail address, or the invitation never arrived. Confirm, then the letter with its code, shown once.
 */
export async function activationCodeRoutes(app: FastifyInstance, opts: FeatureOptions) {
  const { db } = opts;
  const signedIn = { config: { access: 'signed-in' as const } };
  const path = '/beheer/bestuur/:id/personeel/:persoonId/activeringscode';

  app.get(path, signedIn, async (req, reply) => {
    const { id, persoonId: personId } = readParams(req, staffPersonParams);
    const board = await getBoardRef(db, id);
    const person = await staffPersonForActivation({ db }, contextOf(req), board.id, personId);
    return sendPage(reply, <ConfirmActivationCodePage ctx={req.pageContext()} board={board} personId={personId} personName={person.personName} />);
  });

  app.post(path, signedIn, async (req, reply) => {
    const { id, persoonId: personId } = readParams(req, staffPersonParams);
    const board = await getBoardRef(db, id);
    const issued = await issueActivationCode({ db }, contextOf(req), board.id, personId);
    return sendPage(
      reply,
      <ActivationLetterPage
        ctx={req.pageContext()}
        board={board}
        personName={issued.personName}
        code={issued.code}
        expiresAt={issued.expiresAt}
        linkUrl={`${opts.config.baseUrl}/mijn-register/koppelen`}
      />,
    );
  });
}
