import type { IncomingMessage } from 'node:http';
import { type INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';
import { REALTIME_PATH } from '@maillage/contracts';
import type { AppConfig } from '../../config/config';

type RedisClient = ReturnType<typeof createClient>;

/** The origins allowed to open a socket: the platform's own, and the CORS_ORIGINS allowlist. */
export function allowedOrigins(config: Pick<AppConfig, 'PUBLIC_URL' | 'CORS_ORIGINS'>): string[] {
  const listed = config.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  return [new URL(config.PUBLIC_URL).origin, ...listed];
}

/**
 * Browsers always send Origin on cross-origin requests and on WebSocket handshakes, so a foreign page
 * cannot ride the session cookie. Accepted: no Origin (a same-origin GET, or not a browser), a listed
 * origin, or the request's own host (same origin under another name, e.g. 127.0.0.1 for localhost: the
 * browser only sends that host's cookies).
 */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined || allowed.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * The socket.io server of the Nest app: path, limits, Origin check, connection state recovery, and the
 * Redis streams adapter when REDIS_URL is set (events and revocations fan out across API processes).
 */
export class RealtimeIoAdapter extends IoAdapter {
  private constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
    private readonly redis: RedisClient | null,
  ) {
    super(app);
  }

  static async connect(app: INestApplicationContext, config: AppConfig): Promise<RealtimeIoAdapter> {
    let redis: RedisClient | null = null;
    if (config.REDIS_URL) {
      const logger = new Logger('Realtime');
      redis = createClient({ url: config.REDIS_URL });
      redis.on('error', (error: Error) => logger.error(`Redis: ${error.message}`));
      await redis.connect();
    }
    return new RealtimeIoAdapter(app, config, redis);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const origins = allowedOrigins(this.config);
    const server: Server = super.createIOServer(port, {
      ...options,
      path: REALTIME_PATH,
      serveClient: false,
      // Beyond this the engine closes the connection; smaller oversize events are refused by the gateway.
      maxHttpBufferSize: 64 * 1024,
      // Middlewares run again on recovery: the session is checked and the restored rooms re-authorised.
      connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
      allowRequest: (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) =>
        callback(null, originAllowed(req.headers.origin, req.headers.host, origins)),
      ...(origins.length > 1 ? { cors: { origin: origins, credentials: true } } : {}),
      ...(this.redis
        ? // A short blocking read in tests, so that closing an app does not wait for it.
          { adapter: createAdapter(this.redis, { blockTimeInMs: this.config.NODE_ENV === 'test' ? 100 : 5000 }) }
        : {}),
    });
    // Only `/realtime` serves clients: the main namespace refuses them.
    server.use((_socket, next) => next(new Error('unknown namespace')));
    return server;
  }

  /** Called by Nest after the socket.io servers are closed (not named close(): that one is Nest's). */
  override async dispose(): Promise<void> {
    await super.dispose();
    if (this.redis?.isOpen) await this.redis.close();
  }
}
