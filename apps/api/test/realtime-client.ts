// socket.io clients for integration tests: opened as a browser of an HttpClient would (its cookies, the
// platform's Origin), with helpers to wait for events and record what arrives.
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { REALTIME_NAMESPACE, REALTIME_PATH, type ClientToServerEvents, type ServerToClientEvents } from '@maillage/contracts';
import { APP_CONFIG, type AppConfig } from '../src/config/config';
import type { HttpClient } from './http-client';
import type { TestApp } from './test-app';

export type RealtimeClient = Socket<ServerToClientEvents, ClientToServerEvents>;
type Events = ServerToClientEvents;

/** Every socket opened by `openSocket`; call `closeSockets()` in afterEach. */
const opened: RealtimeClient[] = [];

export function closeSockets(): void {
  while (opened.length) opened.pop()!.disconnect();
}

/**
 * Opens (without waiting) a socket on `/realtime` with the client's cookies and the platform's Origin; `options`
 * may point it at another address (`url`, e.g. a proxy in front of the app) or turn reconnection on.
 */
export function openSocket(
  app: TestApp,
  http: HttpClient | null,
  options: Partial<ManagerOptions & SocketOptions> & { url?: string } = {},
): RealtimeClient {
  const { url = app.url, ...rest } = options;
  const headers: Record<string, string> = { origin: new URL(app.running.app.get<AppConfig>(APP_CONFIG).PUBLIC_URL).origin };
  if (http?.cookieHeader) headers.cookie = http.cookieHeader;
  const socket: RealtimeClient = io(url + REALTIME_NAMESPACE, {
    path: REALTIME_PATH,
    transports: ['websocket'],
    extraHeaders: headers,
    reconnection: false,
    forceNew: true,
    ...rest,
  });
  opened.push(socket);
  return socket;
}

/** Resolves once connected, rejects with the connect_error. */
export function connected(socket: RealtimeClient): Promise<RealtimeClient> {
  if (socket.connected) return Promise.resolve(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** The next event `event` whose payload satisfies `where`. */
export function nextEvent<E extends keyof Events>(
  socket: RealtimeClient,
  event: E,
  where: (payload: Parameters<Events[E]>[0]) => boolean = () => true,
) {
  return new Promise<Parameters<Events[E]>[0]>((resolve) => {
    const listener = ((payload: Parameters<Events[E]>[0]) => {
      if (!where(payload)) return;
      socket.off(event, listener as never);
      resolve(payload);
    }) as never;
    socket.on(event as never, listener);
  });
}

export function disconnected(socket: RealtimeClient): Promise<string> {
  return new Promise((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
}

/** Every event the socket receives, in order. */
export function recordEvents(socket: RealtimeClient): { event: string; payload: unknown }[] {
  const seen: { event: string; payload: unknown }[] = [];
  socket.onAny((event: string, payload: unknown) => seen.push({ event, payload }));
  return seen;
}
