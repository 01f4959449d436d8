import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { CSRF_HEADER } from '@maillage/contracts';
import type { AppConfig } from '../../config/config';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Cookies, CSRF, helmet/CSP, CORS allowlist, multipart, OpenAPI and the web app's static files. */
export async function setupHttp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  await app.register(fastifyCookie as never, { secret: config.SESSION_SECRET });
  await app.register(fastifyCsrf as never, {
    cookieKey: 'maillage_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', signed: true },
    getToken: (req: { headers: Record<string, string | undefined> }) => req.headers[CSRF_HEADER],
  });
  fastify.addHook('onRequest', (req, reply, done) => {
    if (UNSAFE.has(req.method) && req.url.startsWith('/api/')) return fastify.csrfProtection(req, reply, done);
    done();
  });
  await app.register(fastifyHelmet as never, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https://*.tile.openstreetmap.org'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  const origins = config.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  await app.register(fastifyCors as never, { origin: origins.length ? origins : false, credentials: true });
  await app.register(fastifyMultipart as never, {
    limits: { fileSize: config.UPLOAD_MAX_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
  });

  const swagger = new DocumentBuilder().setTitle('Maillage API').setVersion('1').addCookieAuth('maillage_session').build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, swagger), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });

  const webDist = resolve(config.WEB_DIST ?? join(__dirname, '../../../../web/dist'));
  if (existsSync(join(webDist, 'index.html'))) {
    await app.register(fastifyStatic as never, { root: webDist, prefix: '/', wildcard: false, index: ['index.html'] });
    // Client-side routes: any other GET outside the API gets the app shell.
    fastify.get('/*', (req, reply) => {
      if (req.url.startsWith('/api')) {
        return reply.status(404).send({ code: 'NOT_FOUND', message: 'Route not found', correlationId: String(req.id) });
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  }
}
