import type { Readable } from 'node:stream';
import { translateMessage } from '../../platform/i18n.ts';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { sendPage } from '../../web/render.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { checkEvidenceFacts, evidenceMaxBytes, type EvidenceForm } from '../register/index.ts';
import { addEvidence, listOwnEvidence, openOwnEvidence } from '../register/index.ts';
import type { EvidenceDeps } from '../register/index.ts';
import { EvidencePage, evidencePath } from './views/evidence-page.tsx';
import { sendPrivateFile } from '../../web/attachment.ts';
import { dutchToday } from '../../platform/dates/calendar.ts';
import { contextOf } from '../../web/route-helpers.ts';


/** Diplomas and certificates on Mijn register: a multipart upload of the proof, checked by content and size. */
export async function evidencePageRoutes(app: FastifyInstance, opts: { deps: EvidenceDeps }) {
  const { deps } = opts;
  const maxBytes = deps.maxBytes ?? evidenceMaxBytes;
  // past the limit the file is cut off, not thrown: the sealed writer's own limit says so, in Dutch
  await app.register(fastifyMultipart, { throwFileSizeLimit: false, limits: { files: 1, fields: 10, fileSize: maxBytes + 1, fieldSize: 1024 } });
  const signedIn = { config: { access: 'signed-in' as const } };
  const maxMb = Math.round(maxBytes / 1024 / 1024);

  async function render(req: FastifyRequest, reply: FastifyReply, form: { values?: Partial<EvidenceForm>; errors?: FieldError[] } = {}, status = 200) {
    const evidence = await listOwnEvidence(deps, contextOf(req));
    const notice = (req.query as Record<string, string | undefined>).melding === 'toegevoegd' ? req.pageContext().t('evidence.added') : undefined;
    return sendPage(reply, <EvidencePage ctx={req.pageContext()} evidence={evidence} maxMb={maxMb} notice={notice} {...form} />, status);
  }

  app.get(evidencePath, signedIn, (req, reply) => render(req, reply));

  app.post(evidencePath, signedIn, async (req, reply) => {
    if (!req.isMultipart()) return render(req, reply, { errors: [{ field: 'bestand', message: 'Kies een bestand.' }] }, 400);
    const values: EvidenceForm = { soort: '', titel: '', uitgever: '', datum: '' };
    let errors: FieldError[] = [];
    let saved = false;
    let status = 400;
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        if (part.fieldname in values) values[part.fieldname as keyof EvidenceForm] = String(part.value).slice(0, 500);
        continue;
      }
      // the facts come before the file in the form: checked first, so a bad form never stores a file
      const checked = checkEvidenceFacts(values, dutchToday());
      if (part.fieldname !== 'bestand' || !part.filename || !checked.ok || saved) {
        if (checked.ok === false) errors = checked.problems;
        part.file.resume();
        continue;
      }
      try {
        await addEvidence(deps, contextOf(req), checked.facts, part.filename, part.file as Readable);
        saved = true;
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
        errors = (error.extra.invalidParams ?? []).map((p) => ({ field: p.name, message: translateMessage(req.lang, p.reason) }));
        if (part.file.truncated) status = 413;
        part.file.resume();
      }
    }
    if (saved) return reply.redirect(`${evidencePath}?melding=toegevoegd`, 303);
    if (errors.length === 0) {
      const checked = checkEvidenceFacts(values, dutchToday());
      errors = checked.ok ? [] : checked.problems;
      errors.push({ field: 'bestand', message: 'Kies een bestand: een PDF, JPG of PNG.' });
    }
    return render(req, reply, { values, errors }, status);
  });

  app.get(`${evidencePath}/:id/bestand`, signedIn, async (req, reply) => {
    return sendPrivateFile(reply, await openOwnEvidence(deps, contextOf(req), (req.params as { id: string }).id));
  });
}
