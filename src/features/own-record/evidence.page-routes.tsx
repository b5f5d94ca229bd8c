import type { Readable } from 'node:stream';
import { translateMessage } from '../../platform/i18n.ts';
import { fieldErrorsOfIssues, readParams, readQuery } from '../../web/forms.ts';
import { evidenceFields, evidenceParams, evidenceQuery } from './own-record.forms.ts';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendPage } from '../../web/render.ts';
import type { FieldError } from '../../ui/components/error-summary.tsx';
import { checkEvidenceFacts, evidenceMaxBytes, type EvidenceForm } from '../register/index.ts';
import { addEvidence, listOwnEvidence, openOwnEvidence } from '../register/index.ts';
import type { EvidenceDeps } from '../register/index.ts';
import { EvidencePage, evidencePath } from './views/evidence-page.tsx';
import { sendPrivateFile } from '../../web/attachment.ts';
import { dutchToday } from '../../platform/dates/calendar.ts';
import { contextOf, validationErrorsOf } from '../../web/route-helpers.ts';

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
    const notice = readQuery(req, evidenceQuery).melding === 'toegevoegd' ? req.pageContext().t('evidence.added') : undefined;
    return sendPage(reply, <EvidencePage ctx={req.pageContext()} evidence={evidence} maxMb={maxMb} notice={notice} {...form} />, status);
  }

  app.get(evidencePath, signedIn, (req, reply) => render(req, reply));

  app.post(evidencePath, signedIn, async (req, reply) => {
    const { t } = req.pageContext();
    if (!req.isMultipart()) return render(req, reply, { errors: [{ field: 'bestand', message: t('evidence.error.chooseFile') }] }, 400);
    const fields: Record<string, string> = {};
    let values: EvidenceForm = { soort: '', titel: '', uitgever: '', datum: '' };
    /** The text fields through their schema, then the facts through the core's rule: the problems in the reader's language. */
    const check = () => {
      const parsed = evidenceFields.safeParse(fields);
      if (!parsed.success) return { ok: false as const, errors: fieldErrorsOfIssues(req, parsed.error.issues) };
      values = parsed.data;
      const checked = checkEvidenceFacts(values, dutchToday());
      if (checked.ok) return checked;
      return { ok: false as const, errors: checked.problems.map((p) => ({ field: p.field, message: translateMessage(req.lang, p.message) })) };
    };
    let errors: FieldError[] = [];
    let saved = false;
    let status = 400;
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        if (part.fieldname in values) fields[part.fieldname] = String(part.value);
        continue;
      }
      // the facts come before the file in the form: checked first, so a bad form never stores a file
      const checked = check();
      if (part.fieldname !== 'bestand' || !part.filename || !checked.ok || saved) {
        if (checked.ok === false) errors = checked.errors;
        part.file.resume();
        continue;
      }
      try {
        await addEvidence(deps, contextOf(req), checked.facts, part.filename, part.file as Readable);
        saved = true;
      } catch (error) {
        errors = validationErrorsOf(req, error);
        if (part.file.truncated) status = 413;
        part.file.resume();
      }
    }
    if (saved) return reply.redirect(`${evidencePath}?melding=toegevoegd`, 303);
    if (errors.length === 0) {
      const checked = check();
      errors = checked.ok ? [] : checked.errors;
      errors.push({ field: 'bestand', message: t('evidence.error.chooseFileType') });
    }
    return render(req, reply, { values, errors }, status);
  });

  app.get(`${evidencePath}/:id/bestand`, signedIn, async (req, reply) => {
    return sendPrivateFile(reply, await openOwnEvidence(deps, contextOf(req), readParams(req, evidenceParams).id));
  });
}
