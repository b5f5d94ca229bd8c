import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/test-app.ts';
import { WebSession } from '../../tests/support/web-session.ts';

/**
 * Rate limits count per client address. A header anyone can set (X-Forwarded-For) must not make a new
 * client of every request; only a proxy named in TRUSTED_PROXIES may say who the client is.
 */
const apps: TestApp[] = [];
afterAll(async () => {
  for (const a of apps) await a.close();
});

async function attempts(env: Record<string, string>, forwardedFor: (i: number) => string, count: number) {
  const t = await createTestApp({ env: { SIGN_IN_RATE_LIMIT: '3', ...env } });
  apps.push(t);
  const web = new WebSession(t.app);
  await web.get('/inloggen');
  const csrf = web.csrfToken();
  const statuses: number[] = [];
  const responses = [];
  for (let i = 0; i < count; i++) {
    const response = await web.send({
      method: 'POST',
      url: '/inloggen',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forwardedFor(i) },
      payload: Buffer.from(new URLSearchParams({ _csrf: csrf, email: `gok${i}@school.nl`, wachtwoord: 'een fout wachtwoord' }).toString()),
    });
    statuses.push(response.statusCode);
    responses.push(response);
  }
  return { statuses, responses };
}

describe('the client address behind the rate limits', () => {
  it('ignores X-Forwarded-For from anyone not named as a proxy: a rotating header still hits the limit, with Retry-After', async () => {
    const { statuses, responses } = await attempts({}, (i) => `203.0.113.${i + 1}`, 5);
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
    const limited = responses[3];
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.body).toContain('U hebt dit te vaak geprobeerd');
  });

  it('believes the proxy named in TRUSTED_PROXIES: each forwarded client has its own budget', async () => {
    const { statuses } = await attempts({ TRUSTED_PROXIES: '127.0.0.1' }, (i) => `203.0.113.${i + 1}`, 5);
    expect(statuses).toEqual([400, 400, 400, 400, 400]);
  });

  it('behind that proxy, one client that keeps trying is still limited', async () => {
    const { statuses } = await attempts({ TRUSTED_PROXIES: '127.0.0.0/8' }, () => '203.0.113.7', 5);
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
  });

  it('an API client over the public register budget gets 429 problem+json with Retry-After', async () => {
    const t = await createTestApp({ env: { PUBLIC_SEARCH_RATE_LIMIT: '2' } });
    apps.push(t);
    const statuses = [];
    let last: Awaited<ReturnType<typeof t.app.inject>> | undefined;
    for (let i = 0; i < 3; i++) {
      last = await t.app.inject({ url: '/api/v1/registraties?naam=jansen', headers: { 'x-forwarded-for': `198.51.100.${i}` } });
      statuses.push(last.statusCode);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(last!.headers['content-type']).toContain('application/problem+json');
    expect(last!.headers['retry-after']).toBeDefined();
    expect(last!.json()).toMatchObject({ status: 429, code: 'rate_limited' });
  });
});
