import type { FastifyReply } from 'fastify';

/** Sends a rendered page; JSX from @kitajs/html may be a string or a promise of one. */
export async function sendPage(reply: FastifyReply, page: JSX.Element, status = 200): Promise<FastifyReply> {
  const html = await page;
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}
