import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { translateMessage, type Translate } from '../../platform/i18n.ts';
import { uuidPattern } from '../../platform/ids/uuid-pattern.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { readFormShape, readParams, readQuery } from '../../web/forms.ts';
import { sendPage } from '../../web/render.ts';
import { contextOf } from '../../web/route-helpers.ts';
import { getBoardRef } from '../organisations/index.ts';
import { boardParams, deliveryParams, entryForm, entryQuery } from './deliveries.forms.ts';
import type { DeliveryDeps } from './deliveries.service.ts';
import type { Column, Message } from './delivery-format.rules.ts';
import { emptyEntry, entryFields, type Entry, type EntryField } from './entry.rules.ts';
import { checkEntry, getEntryChoices, getEntryResult, sendEntry, startEmploymentEntry } from './entry.service.ts';
import { translateRowMessage } from './row-messages.ts';
import { entryPath, type BoardView } from './views/delivery-pages.tsx';
import { EntryCheckPage, EntryFormPage, EntryResultPage, type EntryState } from './views/entry-pages.tsx';

const isEntryField = (value: string): value is EntryField => (entryFields as readonly string[]).includes(value);

/** The field a message belongs to: its column; one about the row as a whole goes to the kind of change. */
const fieldOf = (kolom: Column | null): EntryField => (kolom !== null && isEntryField(kolom) ? kolom : 'mutatie');

/** The check's errors as the form's: at the fields, in the reader's language. */
const errorsOf = (t: Translate, messages: Message[]): FieldError[] =>
  messages.filter((m) => m.soort === 'fout').map((m) => ({ field: fieldOf(m.kolom), message: translateRowMessage(t, m.melding) }));

/** What the posted form holds: the values, and the employment it is for when it came with one. */
function stateOf(form: z.output<typeof entryForm>): EntryState {
  const values = Object.fromEntries(entryFields.map((f) => [f, form[f]])) as Entry;
  const mutation = values.mutatie.trim().toUpperCase();
  if (!uuidPattern.test(form.dienstverband) || (mutation !== 'WIJZIGING' && mutation !== 'EINDE')) return { values };
  return {
    values: { ...values, mutatie: mutation },
    fixed: { employmentId: form.dienstverband, name: form.naam, mutation, locked: form.vast.split(',').filter(isEntryField) },
  };
}

/**
 * The entry screen (invoerscherm): a board enters, changes or ends one employment through a form. The
 * row is checked by the file's own rules, repeated for the person to check, and sent as a delivery of
 * one row (channel `scherm`), so its history, terugmelding and audit are a delivery's.
 */
export async function entryPageRoutes(app: FastifyInstance, opts: { deps: DeliveryDeps }) {
  const { deps } = opts;
  const signedIn = { config: { access: 'signed-in' as const } };

  const boardOf = (req: FastifyRequest): Promise<BoardView> => getBoardRef(deps.db, readParams(req, boardParams).id);

  async function renderForm(
    req: FastifyRequest,
    reply: FastifyReply,
    board: BoardView,
    state: EntryState,
    extra: { errors?: FieldError[]; sendFailed?: boolean } = {},
    status = 200,
  ) {
    const choices = await getEntryChoices(deps, contextOf(req), board.id);
    const staffNumberHidden = state.fixed !== undefined && !state.fixed.locked.includes('personeelsnummer');
    return sendPage(
      reply,
      <EntryFormPage ctx={req.pageContext()} board={board} choices={choices} state={state} staffNumberHidden={staffNumberHidden} {...extra} />,
      status,
    );
  }

  app.get('/beheer/bestuur/:id/invoer', signedIn, async (req, reply) => {
    const board = await boardOf(req);
    const { dienstverband, mutatie } = readQuery(req, entryQuery);
    if (!dienstverband) return renderForm(req, reply, board, { values: { ...emptyEntry(), mutatie: 'NIEUW' } });
    const mutation = mutatie?.toLowerCase() === 'einde' ? 'EINDE' : 'WIJZIGING';
    const started = await startEmploymentEntry(deps, contextOf(req), board.id, dienstverband, mutation);
    return renderForm(req, reply, board, {
      values: started.values,
      fixed: { employmentId: dienstverband, name: started.name, mutation, locked: started.locked },
    });
  });

  // the form's step: the row's own checks; errors back at the fields, else the answers to check
  app.post('/beheer/bestuur/:id/invoer', signedIn, async (req, reply) => {
    const board = await boardOf(req);
    const { value } = readFormShape(req, entryForm);
    const state = stateOf(value);
    if (value.actie === 'wijzigen') return renderForm(req, reply, board, state);
    const messages = await checkEntry(deps, contextOf(req), board.id, state.values);
    const errors = errorsOf(req.pageContext().t, messages);
    if (errors.length > 0) return renderForm(req, reply, board, state, { errors }, 400);
    const choices = await getEntryChoices(deps, contextOf(req), board.id);
    return sendPage(reply, <EntryCheckPage ctx={req.pageContext()} board={board} choices={choices} state={state} warnings={messages} />);
  });

  // sending: a delivery of one row; refused by the checks against the register, the form comes back as typed
  app.post('/beheer/bestuur/:id/invoer/versturen', signedIn, async (req, reply) => {
    const board = await boardOf(req);
    const state = stateOf(readFormShape(req, entryForm).value);
    const t = req.pageContext().t;
    let sent: Awaited<ReturnType<typeof sendEntry>>;
    try {
      sent = await sendEntry(deps, contextOf(req), board, state.values);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'validation_failed' && error.detail)) throw error;
      const errors = [{ field: 'mutatie', message: translateMessage(req.lang, error.detail) }];
      return renderForm(req, reply, board, state, { errors, sendFailed: true }, 400);
    }
    if (sent.delivery.errorRows > 0) return renderForm(req, reply, board, state, { errors: errorsOf(t, sent.messages), sendFailed: true }, 400);
    return reply.redirect(`${entryPath(board)}/${sent.delivery.id}`, 303);
  });

  app.get('/beheer/bestuur/:id/invoer/:aanleveringId', signedIn, async (req, reply) => {
    const board = await boardOf(req);
    const { delivery, messages } = await getEntryResult(deps, contextOf(req), board.id, readParams(req, deliveryParams).aanleveringId);
    return sendPage(reply, <EntryResultPage ctx={req.pageContext()} board={board} delivery={delivery} messages={messages} />);
  });
}
