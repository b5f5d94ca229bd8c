/** What one fuzz case came to: the request as sent (short), the status, and what was wrong with the answer. */
export type FuzzOutcome = { request: string; status: number; problems: string[] };

/** A 5xx, or a 4xx that is not problem+json where the API promises it. */
export function responseProblems(response: { statusCode: number; headers: Record<string, unknown>; body: string }, options: { api: boolean }): string[] {
  const problems: string[] = [];
  if (response.statusCode >= 500) problems.push(`${response.statusCode}: ${response.body.slice(0, 300)}`);
  const type = String(response.headers['content-type'] ?? '');
  if (options.api && response.statusCode >= 400 && !type.startsWith('application/problem+json'))
    problems.push(`${response.statusCode} as ${type}, not problem+json`);
  return problems;
}

/** A request line for a report, long values cut so that a 40 KB case still reads. */
export function describeRequest(method: string, url: string, extra = ''): string {
  const cut = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}…(${s.length} chars)` : s);
  return `${method} ${cut(url)}${extra ? ` ${cut(extra)}` : ''}`;
}
