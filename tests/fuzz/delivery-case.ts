import type { Database } from '../../src/db/database.ts';
import { contentTypeOf, type DeliveryFileCase, deliveryFileBytes } from './delivery-files.arb.ts';
import type { FuzzApp } from './fuzz-app.ts';
import { describeRequest, type FuzzOutcome, responseProblems } from './outcome.ts';

/** The register a delivery may change only when it is applied: every person and employment, as one digest. */
async function registerDigest(database: Database): Promise<string> {
  const [row] = await database.query<{ persons: string | null; employments: string | null }>(
    `SELECT (SELECT md5(string_agg(p::text, ',' ORDER BY p.id)) FROM persons p) AS persons,
            (SELECT md5(string_agg(e::text, ',' ORDER BY e.id)) FROM employments e) AS employments`,
  );
  return `${row.persons}/${row.employments}`;
}

const finalStatuses = ['gecontroleerd', 'afgewezen', 'verwerkt'];

async function settle(fz: FuzzApp, id: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fz.app.inject({ url: `/api/v1/aanleveringen/${id}`, headers: { authorization: `Bearer ${fz.token}` } });
    const status = response.statusCode === 200 ? (response.json().status as string) : `HTTP ${response.statusCode}`;
    if (status !== 'in-behandeling' || Date.now() > deadline) return status;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Sends one fuzzed delivery file through the API and checks what a client and the register see: no
 * 5xx, a problem+json for a refusal, a delivery that reaches a final state, and the register untouched
 * unless the delivery was applied.
 */
export async function runDeliveryCase(fz: FuzzApp, c: DeliveryFileCase, options: { settleMs?: number } = {}): Promise<FuzzOutcome> {
  const body = await deliveryFileBytes(c, { boardNumber: fz.board.number, brin: fz.school.brin, location: fz.school.location });
  const url = `/api/v1/aanleveringen?modus=${encodeURIComponent(c.modus)}&verwerken=${c.apply}`;
  const contentType = contentTypeOf(c);
  const request = describeRequest('POST', url, `${contentType}, ${body.length} bytes: ${JSON.stringify(body.subarray(0, 120).toString('latin1'))}`);
  const before = await registerDigest(fz.database);
  const response = await fz.app.inject({ method: 'POST', url, payload: body, headers: { authorization: `Bearer ${fz.token}`, 'content-type': contentType } });
  const problems = responseProblems(response, { api: true });
  let final: string | undefined;
  if (response.statusCode === 201) {
    final = await settle(fz, response.json().id, options.settleMs ?? 30_000);
    if (!finalStatuses.includes(final)) problems.push(`delivery ${response.json().id} ended ${final}, not in a final state`);
  }
  if (final !== 'verwerkt' && (await registerDigest(fz.database)) !== before)
    problems.push(`the register changed, though the delivery was ${final ?? `refused (${response.statusCode})`}`);
  return { request, status: response.statusCode, problems };
}
