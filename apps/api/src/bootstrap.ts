import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VersioningType } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/config';
import { createValidationPipe } from './core/errors/validation';
import { ContentTypeGuard } from './core/http/body-guards';
import { CleanInputPipe } from './core/http/clean-input.pipe';
import { clientErrors, frameworkErrors } from './core/http/error-shape';
import { setupHttp } from './core/http/http-setup';
import { RealtimeIoAdapter } from './core/realtime/realtime-io.adapter';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export interface RunningApp {
  app: NestFastifyApplication;
  databaseUrl: string;
  /** Closes the app, then the embedded database if one was started. */
  close(): Promise<void>;
}

/** Without SESSION_SECRET, a random secret is kept under DATA_DIR so sessions survive restarts. */
function resolveSecret(config: AppConfig): string {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  const file = join(config.DATA_DIR, 'session-secret');
  if (!existsSync(file)) {
    mkdirSync(config.DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/** Builds the whole API (database, HTTP plugins, routes) without listening. */
export async function createApp(config: AppConfig, options: { logger?: boolean } = {}): Promise<RunningApp> {
  config.SESSION_SECRET = resolveSecret(config);
  let stopEmbedded: (() => Promise<void>) | null = null;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    const { startEmbeddedPostgres } = await import('./core/database/embedded-postgres.mjs');
    const embedded = await startEmbeddedPostgres(join(config.DATA_DIR, 'pglite'));
    databaseUrl = embedded.url;
    // PGlite is one backend: pglite-socket can interleave the extended-protocol messages of
    // concurrent connections, so the embedded mode uses a single connection (queries queue in the pool).
    config.DB_POOL_SIZE = 1;
    stopEmbedded = embedded.stop;
  }
  const adapter = new FastifyAdapter({
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 256 * 1024,
    frameworkErrors,
    clientErrorHandler: clientErrors,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      req.headers['x-request-id'] = id;
      return id;
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl), adapter, {
    bufferLogs: true,
    logger: options.logger === false ? false : undefined,
  });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(new CleanInputPipe(), createValidationPipe());
  app.useGlobalGuards(new ContentTypeGuard(app.get(Reflector)));
  await setupHttp(app, config);
  // While shutting down, every answer closes its connection: keep-alive clients that go on sending requests
  // would otherwise hold the HTTP server open for ever (socket.io waits for it before Fastify's own close).
  let draining = false;
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (_req, reply) => {
      if (draining) reply.header('connection', 'close');
    });
  app.useWebSocketAdapter(await RealtimeIoAdapter.connect(app, config));
  await app.init();
  return {
    app,
    databaseUrl,
    async close() {
      draining = true;
      app.getHttpServer().closeIdleConnections();
      await app.close();
      if (stopEmbedded) await stopEmbedded();
    },
  };
}
