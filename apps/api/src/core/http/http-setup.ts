import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { CSRF_HEADER } from '@maillage/contracts';
import type { AppConfig } from '../../config/config';
import { guardBodies } from './body-guards';
import { shapeErrors } from './error-shape';
import { securityHeaders } from './security-headers';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * RFC 8058 one-click unsubscribe (modules/notifications, modules/newsletters, the opportunities' weekly e-mail): mail providers POST the form
 * `List-Unsubscribe=One-Click` without cookies or CSRF token; the signed token in the link is the proof.
 * Compared with the route the router matched (never the raw URL, which may be percent-encoded).
 */
const CSRF_EXEMPT_ROUTES = new Set([
  '/api/v1/notifications/unsubscribe',
  '/api/v1/newsletters/unsubscribe',
  '/api/v1/opportunities/digest/unsubscribe',
]);

/** Cookies, CSRF, security headers/CSP, access log, CORS allowlist, multipart, OpenAPI and the web app's static files. */
export async function setupHttp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  // First, so that every plugin registered after inherits it: whatever layer answers an error, it has the documented shape.
  fastify.addHook('onSend', shapeErrors);
  guardBodies(fastify, config);
  await app.register(fastifyCookie as never, { secret: config.SESSION_SECRET });
  await app.register(fastifyCsrf as never, {
    cookieKey: 'maillage_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', signed: true },
    getToken: (req: { headers: Record<string, string | undefined> }) => req.headers[CSRF_HEADER],
  });
  // Every state-changing request needs the token, whatever its URL looks like; only routes matched as exempt skip it.
  fastify.addHook('onRequest', (req, reply, done) => {
    if (!SAFE.has(req.method) && !CSRF_EXEMPT_ROUTES.has(req.routeOptions.url ?? '')) return fastify.csrfProtection(req, reply, done);
    done();
  });
  const security = securityHeaders(config.PUBLIC_URL, config.MAP_TILE_URL);
  fastify.addHook('onRequest', (req, reply, done) => {
    reply.headers(security).header('x-request-id', req.id);
    done();
  });
  if (config.LOG_LEVEL === 'info' || config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace') {
    // One access-log line per request, with its correlation id (the request id).
    const logger = new Logger('HTTP');
    fastify.addHook('onResponse', (req, reply, done) => {
      logger.log({
        correlationId: req.id,
        method: req.method,
        url: req.url,
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      });
      done();
    });
  }
  const origins = config.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  // Same-origin by default; cross-origin callers only from the CORS_ORIGINS allowlist.
  if (origins.length) await app.register(fastifyCors as never, { origin: origins, credentials: true });
  await app.register(fastifyMultipart as never, {
    limits: { fileSize: config.UPLOAD_MAX_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
  });

  const swagger = new DocumentBuilder().setTitle('Maillage API').setVersion('1').addCookieAuth('maillage_session').build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, swagger), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });

  const webDist = resolve(config.WEB_DIST ?? join(__dirname, '../../../../web/dist'));
  if (existsSync(join(webDist, 'index.html'))) {
    await app.register(fastifyStatic as never, {
      root: webDist,
      prefix: '/',
      wildcard: false,
      index: false,
      // Hashed build assets never change; the app shell is always revalidated.
      setHeaders: (reply: FastifyReply, path: string) =>
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
    // Client-side routes: any other GET outside the API and the assets gets the app shell.
    fastify.get('/*', (req, reply) => {
      // The router's decoded path: `/%61pi/…` is the API too.
      const path = `/${(req.params as { '*'?: string })['*'] ?? ''}`;
      if (path.startsWith('/api') || path.startsWith('/assets/')) {
        return reply.status(404).send({ code: 'NOT_FOUND', message: 'Route not found', correlationId: String(req.id) });
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  }
}
