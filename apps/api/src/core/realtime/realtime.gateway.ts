import { Inject, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { FastifyInstance } from 'fastify';
import type { ExtendedError } from 'socket.io';
import { REALTIME_NAMESPACE, type RealtimeAck, type RealtimeErrorCode, type RealtimeRoom } from '@maillage/contracts';
import { SESSION_COOKIE, SESSION_RESOLVER, type SessionResolver } from '../auth/session-resolver';
import { type RealtimeNamespace, RealtimeService, type RealtimeSocket, type RealtimeSocketData } from './realtime.service';
import { TokenBucket, type TokenBucketOptions } from './token-bucket';

/** Client events the server answers; anything else gets an `unknown_event` error. */
const CLIENT_EVENTS = new Set(['room:join', 'room:leave']);
/** Largest client event accepted (the engine closes the connection beyond its own 64 KB limit). */
const EVENT_MAX_BYTES = 8 * 1024;
const ROOM_MAX_LENGTH = 100;
/** Rooms a socket may follow, its own user and session rooms included. */
const MAX_ROOMS = 100;
/** 20 events in a burst, 5 per second sustained; 100 refusals without calming down close the socket. */
const RATE: TokenBucketOptions = { capacity: 20, refillPerSecond: 5, maxStrikes: 100 };
/** socket.io-parser's EVENT packet type. */
const EVENT_PACKET = 2;
/** setTimeout's longest delay (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

type Ack = (result: RealtimeAck) => void;
type RestoredData = Partial<RealtimeSocketData> & { missed?: unknown[][] };

/** A refused handshake: the client's connect_error carries the code, never an internal message. */
class HandshakeRefusal extends Error implements ExtendedError {
  readonly data: { code: string };
  constructor(code: 'unauthorized' | 'internal') {
    super(code);
    this.data = { code };
  }
}

/** `{ room }` and nothing else, with a string of sane length; null for any other payload. */
function roomOf(request: unknown): string | null {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) return null;
  const keys = Object.keys(request);
  const room = (request as { room?: unknown }).room;
  if (keys.length !== 1 || typeof room !== 'string' || room.length > ROOM_MAX_LENGTH) return null;
  return room;
}

function tooLarge(args: unknown[]): boolean {
  try {
    return Buffer.byteLength(JSON.stringify(args) ?? '') > EVENT_MAX_BYTES;
  } catch {
    return true;
  }
}

/**
 * socket.io writes a recovered socket's missed packets before any middleware has run. Keep them in the
 * socket's restored data instead: the connection handler sends them only once the rooms are re-authorised.
 */
function holdMissedPackets(adapter: RealtimeNamespace['adapter']): void {
  const restore = adapter.restoreSession.bind(adapter);
  adapter.restoreSession = async (pid, offset) => {
    const session = await restore(pid, offset);
    return session && { ...session, data: { ...(session.data as object), missed: session.missedPackets }, missedPackets: [] };
  };
}

/**
 * The `/realtime` namespace: session-cookie handshake (the Origin is checked by the engine, see
 * RealtimeIoAdapter), automatic `user:<id>` room, `room:join` / `room:leave`, per-socket rate limit,
 * and re-authorisation of the rooms of recovered connections.
 */
@WebSocketGateway({ namespace: REALTIME_NAMESPACE })
export class RealtimeGateway implements OnGatewayInit<RealtimeNamespace>, OnGatewayConnection<RealtimeSocket> {
  private readonly logger = new Logger('Realtime');
  /** For recovered sockets: rooms lost while away, and the missed packets to replay if none was lost. */
  private readonly recoveries = new WeakMap<RealtimeSocket, { revoked: string[]; missed: unknown[][] }>();
  /** When each socket's session ends: the socket closes then. */
  private readonly expiries = new WeakMap<RealtimeSocket, number>();

  constructor(
    private readonly realtime: RealtimeService,
    @Inject(SESSION_RESOLVER) private readonly sessions: SessionResolver,
    private readonly host: HttpAdapterHost,
  ) {}

  afterInit(nsp: RealtimeNamespace): void {
    this.realtime.attach(nsp);
    holdMissedPackets(nsp.adapter);
    nsp.use((socket, next) => {
      this.authenticate(socket).then(
        () => next(),
        (error: Error) => {
          if (error instanceof HandshakeRefusal) return next(error);
          this.logger.error(`Real-time handshake failed: ${error.message}`);
          next(new HandshakeRefusal('internal'));
        },
      );
    });
  }

  handleConnection(socket: RealtimeSocket): void {
    void socket.join(this.realtime.ownRooms(socket.data));
    const bucket = new TokenBucket(RATE);
    socket.use((event, next) => this.screen(socket, bucket, event, next));
    socket.on('room:join', (request: unknown, ack: unknown) => void this.join(socket, request, ack));
    socket.on('room:leave', (request: unknown, ack: unknown) => void this.leave(socket, request, ack));
    for (const name of this.realtime.clientEventNames()) {
      socket.on(name as 'typing', (request: unknown, ack: unknown) => void this.custom(socket, name, request, ack));
    }
    const personId = socket.data.actor.personId;
    const stopExpiry = this.closeAtExpiry(socket);
    socket.on('disconnect', () => {
      stopExpiry();
      this.realtime.connectionChanged(personId, 'disconnected');
    });
    this.realtime.connectionChanged(personId, 'connected');
    const recovery = this.recoveries.get(socket);
    if (recovery) {
      this.recoveries.delete(socket);
      for (const room of recovery.revoked) socket.emit('room:revoked', { room: room as RealtimeRoom });
      const raw = socket as unknown as { packet(packet: { type: number; data: unknown[] }): void };
      for (const data of recovery.missed) raw.packet({ type: EVENT_PACKET, data });
    }
  }

  /** Anonymous sockets are refused: every room worth following needs a person (see the README). */
  private async authenticate(socket: RealtimeSocket): Promise<void> {
    const restored = socket.data as RestoredData | undefined;
    const header = socket.handshake.headers.cookie;
    const token = header ? this.host.httpAdapter.getInstance<FastifyInstance>().parseCookie(header)[SESSION_COOKIE] : undefined;
    const session = token ? await this.sessions.resolveUntil(token) : null;
    if (!token || !session) throw new HandshakeRefusal('unauthorized');
    socket.data = { actor: session.actor, session: this.realtime.sessionKey(token) };
    this.expiries.set(socket, session.expiresAt.getTime());
    if (!socket.recovered) return;
    // The socket is not connected yet, so nothing reaches it before its restored rooms are checked again.
    const lost = await this.realtime.lostRooms(socket.data, socket.rooms, socket.id);
    for (const room of lost) await socket.leave(room);
    this.recoveries.set(socket, {
      revoked: lost.filter((room) => this.realtime.isClientRoom(room)),
      missed: lost.length ? [] : (restored?.missed ?? []),
    });
  }

  /** A session that simply expires closes its sockets too (like a logout); timers longer than Node allows are chained. Returns the cancel. */
  private closeAtExpiry(socket: RealtimeSocket): () => void {
    const expiresAt = this.expiries.get(socket);
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      const left = (expiresAt ?? Infinity) - Date.now();
      if (left <= 0) return void socket.disconnect(true);
      if (left !== Infinity) timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS)).unref();
    };
    arm();
    return () => clearTimeout(timer);
  }

  /** Every client event: rate limit, known name, size. Refusals answer an `error` event (and the ack, if any). */
  private screen(socket: RealtimeSocket, bucket: TokenBucket, event: unknown[], next: (err?: Error) => void): void {
    const [name, ...args] = event;
    const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as Ack) : null;
    const refuse = (code: RealtimeErrorCode) => {
      socket.emit('error', { code, ...(typeof name === 'string' ? { event: name.slice(0, 64) } : {}) });
      ack?.({ ok: false, code });
    };
    const verdict = bucket.take();
    if (verdict !== 'allow') {
      refuse('rate_limited');
      if (verdict === 'abuse') {
        this.logger.warn(`Real-time client of person ${socket.data.actor.personId} disconnected for flooding`);
        socket.disconnect(true);
      }
      return;
    }
    if (typeof name !== 'string' || !(CLIENT_EVENTS.has(name) || this.realtime.clientEvent(name))) return refuse('unknown_event');
    if (tooLarge(args)) return refuse('payload_too_large');
    next();
  }

  private async join(socket: RealtimeSocket, request: unknown, ack: unknown): Promise<void> {
    const answer = this.answer(socket, 'room:join', ack);
    if (!answer) return;
    const room = roomOf(request);
    if (room === null) return answer({ ok: false, code: 'invalid_payload' });
    if (socket.rooms.has(room)) return answer({ ok: true });
    if (socket.rooms.size > MAX_ROOMS) return answer({ ok: false, code: 'too_many_rooms' });
    if (!(await this.realtime.mayJoin(socket.data, room))) return answer({ ok: false, code: 'room_unavailable' });
    if (!socket.connected) return;
    await socket.join(room);
    // Checked again once in the room: a revocation committed during the first check, whose revalidation
    // ran before the join, is seen now (and a later revalidation sees the socket in the room).
    if (!(await this.realtime.mayJoin(socket.data, room))) {
      await socket.leave(room);
      return answer({ ok: false, code: 'room_unavailable' });
    }
    answer({ ok: true });
  }

  private async leave(socket: RealtimeSocket, request: unknown, ack: unknown): Promise<void> {
    const answer = this.answer(socket, 'room:leave', ack);
    if (!answer) return;
    const room = roomOf(request);
    if (room === null) return answer({ ok: false, code: 'invalid_payload' });
    if (!this.realtime.isClientRoom(room)) return answer({ ok: false, code: 'room_unavailable' });
    await socket.leave(room);
    answer({ ok: true });
  }

  /** A client event registered by a feature module; the acknowledgement is optional (refusals then go to `error`). */
  private async custom(socket: RealtimeSocket, name: string, request: unknown, ack: unknown): Promise<void> {
    const handler = this.realtime.clientEvent(name);
    let result: RealtimeAck;
    try {
      result = handler ? await handler(socket, request) : { ok: false, code: 'unknown_event' };
    } catch (error) {
      this.logger.error(`Real-time handler of "${name}" failed: ${(error as Error).message}`);
      result = { ok: false, code: 'internal' };
    }
    if (typeof ack === 'function') return (ack as Ack)(result);
    if (!result.ok) socket.emit('error', { code: result.code, event: name });
  }

  /** The acknowledgement callback, or null after an `invalid_payload` error event when the client sent none. */
  private answer(socket: RealtimeSocket, event: string, ack: unknown): Ack | null {
    if (typeof ack === 'function') return ack as Ack;
    socket.emit('error', { code: 'invalid_payload', event });
    return null;
  }
}
