import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { features } from './features/index.ts';
import { describeMenu } from './features/start-page/index.ts';
import { heartbeatJob, lastHeartbeat } from './platform/heartbeat.job.ts';
import { accessControl } from './web/access.ts';
import { rateLimiting } from './web/rate-limit.ts';
import { inputGuard } from './web/input-guard.ts';
import { csrfProtection } from './web/csrf.ts';
import { createCrypto } from './platform/crypto.ts';
import { apiPlatform } from './web/api.ts';
import { answerFrameworkError, errorHandling } from './web/error-handler.tsx';
import { requestContext, requestIdFor } from './web/request-context.ts';
import { securityHeaders } from './web/security-headers.ts';
import { compression } from './web/compression.ts';
import { staticFiles } from './web/static-files.ts';
import type { Jobs } from './platform/jobs.ts';
import { createMailer, type Mailer } from './platform/mail/mailer.ts';
import { metrics } from './platform/metrics.ts';

/** Secure cookies need TLS; browsers also accept them from localhost over plain HTTP. */
function isSecureOrigin(baseUrl: string): boolean {
  const url = new URL(baseUrl);
  return url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

export type AppDeps = { config: Config; database: Database; jobs?: Jobs; mailer?: Mailer; logger?: boolean | object };

export async function buildApp({ config, database, jobs, mailer = createMailer(config.mail), logger }: AppDeps): Promise<FastifyInstance> {
  const development = config.env !== 'production';
  const app = Fastify({
    logger: logger ?? { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    genReqId: (req) => requestIdFor(req.headers['x-request-id']),
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    // the client address (rate limits, logs) is the socket's unless a proxy we know passes it on
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: false },
    frameworkErrors: answerFrameworkError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const crypto = createCrypto(config.secrets);
  const secureCookies = isSecureOrigin(config.baseUrl);
  // first: it compresses the routes made after it
  await app.register(compression);
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await app.register(rateLimiting);
  await app.register(accessControl, { db: database.db, apiPerMinute: config.rateLimits.apiPerMinute });
  await app.register(csrfProtection, { crypto, secureCookies });
  await app.register(requestContext, { development, menuOf: (actor) => describeMenu(database.db, actor) });
  await app.register(inputGuard);
  await app.register(securityHeaders, { https: config.baseUrl.startsWith('https://') });
  await app.register(errorHandling);
  await app.register(metrics, { token: config.metricsToken });
  await app.register(apiPlatform, { baseUrl: config.baseUrl });

  await app.register(staticFiles);

  app.get('/health', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await database.query('SELECT 1');
    } catch (error) {
      app.log.error({ err: error }, 'health check: database unreachable');
      return reply.code(503).send({ status: 'fout', database: 'onbereikbaar' });
    }
    const beat = lastHeartbeat();
    return { status: 'ok', database: database.kind, jobs: jobs ? 'actief' : 'uit', laatsteHeartbeat: beat?.toISOString() ?? null };
  });

  // each feature's start cards, for the start page and Beheer (src/features/start-page)
  const startCards = features.flatMap((f) => (f.startCards ? [f.startCards] : []));
  for (const feature of features) {
    if (feature.routes) await app.register(feature.routes, { db: database.db, database, development, jobs, config, crypto, mailer, secureCookies, startCards });
  }

  app.addHook('onReady', async () => {
    // not awaited: the queue may still be starting, and listening does not wait for it
    if (jobs) void jobs.send(heartbeatJob, { sentAt: new Date().toISOString() }).catch((error) => app.log.error({ err: error }, 'heartbeat not sent'));
  });
  app.addHook('onClose', async () => {
    if (jobs) await jobs.stop();
    mailer.close();
    await database.close();
  });
  return app;
}
