import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import contentDisposition from 'content-disposition';

/**
 * The Content-Disposition of a download (RFC 6266, by the `content-disposition` package): the name in
 * UTF-8 as `filename*`, and a plain-ASCII `filename` for old clients. Any name a person gave a file
 * (`Diploma Ünal.pdf`, `Işık.pdf`) can be sent: a header with characters outside Latin-1 was a 500.
 */
export function attachment(fileName: string): string {
  const name = fileName.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim() || 'bestand';
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return contentDisposition(name, { fallback: ascii });
}

/** A private file as a download, never cached: a proof to its owner, or to those deciding on it. */
export function sendPrivateFile(reply: FastifyReply, { evidence, body }: { evidence: { mediaType: string; fileName: string }; body: Readable }) {
  return reply.type(evidence.mediaType).header('Content-Disposition', attachment(evidence.fileName)).header('Cache-Control', 'private, no-store').send(body);
}
