import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Namespace, Socket } from 'socket.io';
import type {
  ClientToServerEvents,
  RealtimeAck,
  RealtimeRoom,
  ServerToClientEventName,
  ServerToClientEvents,
  ServerToClientPayload,
} from '@maillage/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { Actor, MaybeActor } from '../access/actor';
import { hashToken } from '../auth/tokens';

/** Says whether an actor may follow the room `<prefix>:<id>`. Only `true` lets them in; a throw counts as no. */
export type RoomAuthorizer = (actor: MaybeActor, id: string) => Promise<boolean>;

/**
 * Handles a client event registered by a feature module (after the gateway's rate limit and size checks).
 * The payload is untrusted; the answer goes to the client's acknowledgement (or an `error` event when refused).
 */
export type ClientEventHandler = (socket: RealtimeSocket, payload: unknown) => Promise<RealtimeAck>;
/** Told when a socket of a person connects or disconnects (on this process). */
export type ConnectionListener = (personId: string, change: 'connected' | 'disconnected') => void;

/** What the handshake attaches to every socket (kept by connection state recovery, shared across processes). */
export interface RealtimeSocketData {
  actor: Actor;
  /** A one-way key of the session the socket was opened with (see sessionKey). */
  session: string;
}

/** Sessions that ended: one (by its token's hash), or every session of a person. */
export type EndedSessions = { tokenHash: string } | { personId: string };
/** Told, on every process, when sessions end (e.g. to forget them from a cache). */
export type SessionsEndedListener = (ended: EndedSessions) => void;
/** Between API processes (through the adapter): sessions that ended elsewhere. */
type InterServerEvents = { 'sessions:ended': (ended: EndedSessions) => void };
export type RealtimeNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, InterServerEvents, RealtimeSocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, RealtimeSocketData>;

/** Rooms every socket is put in by the server; clients cannot ask for them. */
const USER = 'user';
const SESSION = 'session';
const PREFIX = /^[a-z][a-z0-9-]{0,31}$/;
const ROOM = /^([a-z][a-z0-9-]{0,31}):([A-Za-z0-9_-]{1,64})$/;

export const userRoom = (personId: string): RealtimeRoom => `${USER}:${personId}`;
const sessionRoom = (key: string): RealtimeRoom => `${SESSION}:${key}`;

/**
 * The real-time hub for feature modules: they register room prefixes with an authoriser, emit to rooms
 * after their transaction commits, and ask for re-authorisation when someone's rights shrink. Works across
 * API processes when REDIS_URL is set (the socket.io adapter fans everything out).
 */
@Injectable()
export class RealtimeService {
  private readonly logger = new Logger('Realtime');
  private readonly authorizers = new Map<string, RoomAuthorizer>();
  private nsp: RealtimeNamespace | null = null;
  private readonly clientEvents = new Map<string, ClientEventHandler>();
  private readonly connectionListeners: ConnectionListener[] = [];
  private readonly sessionsEndedListeners: SessionsEndedListener[] = [];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Lets clients join rooms `<prefix>:<id>` when `authorize(actor, id)` resolves to true. Call it from a
   * module's constructor or onModuleInit. `user` and `session` are reserved.
   */
  registerRoom(prefix: string, authorize: RoomAuthorizer): void {
    if (!PREFIX.test(prefix)) throw new Error(`Invalid real-time room prefix "${prefix}"`);
    if (prefix === USER || prefix === SESSION || this.authorizers.has(prefix)) {
      throw new Error(`The real-time room prefix "${prefix}" is already taken`);
    }
    this.authorizers.set(prefix, authorize);
  }

  /** Lets clients send the event `name` (e.g. `typing`); the handler authorises and answers it. */
  registerClientEvent(name: keyof ClientToServerEvents, handler: ClientEventHandler): void {
    if (name === 'room:join' || name === 'room:leave' || this.clientEvents.has(name)) {
      throw new Error(`The real-time client event "${name}" is already taken`);
    }
    this.clientEvents.set(name, handler);
  }

  /** Calls `listener` whenever a socket connects or disconnects on this process (e.g. presence). */
  onConnectionChange(listener: ConnectionListener): void {
    this.connectionListeners.push(listener);
  }

  /**
   * Those of `personIds` who have a socket open on any process. Those with one on this process are known at
   * once; only the others are looked for on every process (none to ask when everyone is connected here).
   */
  async onlineAmong(personIds: string[]): Promise<Set<string>> {
    const online = new Set<string>();
    if (!this.nsp) return online;
    const local = this.nsp.adapter.rooms;
    const elsewhere: RealtimeRoom[] = [];
    for (const id of new Set(personIds)) {
      if (local.has(userRoom(id))) online.add(id);
      else elsewhere.push(userRoom(id));
    }
    if (elsewhere.length) for (const socket of await this.nsp.in(elsewhere).fetchSockets()) online.add(socket.data.actor.personId);
    return online;
  }

  /**
   * Sends an event to every socket in the room (or rooms: each socket gets it once), on every API process.
   * Call it after the transaction commits.
   */
  emitToRoom<E extends ServerToClientEventName>(room: RealtimeRoom | RealtimeRoom[], event: E, payload: ServerToClientPayload<E>): void {
    if (!this.nsp || (Array.isArray(room) && !room.length)) return;
    (this.nsp.to(room).emit as (event: string, payload: unknown) => boolean)(event, payload);
  }

  /** Re-runs the authorisers for every room of this person's sockets; they leave the rooms they lost. */
  revalidatePerson(personId: string): Promise<void> {
    return this.revalidatePeople([personId]);
  }

  /** Same as revalidatePerson for several people at once (e.g. everyone of a company). Never throws. */
  revalidatePeople(personIds: string[]): Promise<void> {
    return this.revalidate([...new Set(personIds)].map(userRoom), null);
  }

  /** Re-runs the authoriser of one room for everyone in it (e.g. the topic or network became private). */
  revalidateRoom(room: RealtimeRoom): Promise<void> {
    return this.revalidate([room], room);
  }

  /** The sockets in `targets` (on every process) leave the rooms they lost: all of theirs, or only `room`. */
  private async revalidate(targets: RealtimeRoom[], room: RealtimeRoom | null): Promise<void> {
    if (!this.nsp || !targets.length) return;
    try {
      const sockets = await this.nsp.in(targets).fetchSockets();
      const verdicts = new Map<string, Promise<boolean>>();
      for (const socket of sockets) {
        const lost = await this.lostRooms(socket.data, room ? [room] : socket.rooms, socket.id, verdicts);
        for (const room of lost) {
          socket.leave(room);
          socket.emit('room:revoked', { room: room as RealtimeRoom });
        }
      }
    } catch (error) {
      this.logger.error(`Real-time revalidation failed: ${(error as Error).message}`);
    }
  }

  /** Calls `listener` whenever sessions end, here or on another process (after disconnectPerson or disconnectSession). */
  onSessionsEnded(listener: SessionsEndedListener): void {
    this.sessionsEndedListeners.push(listener);
  }

  /** Tells every process that sessions ended or changed (their caches forget them). */
  sessionsEnded(ended: EndedSessions): void {
    this.tellSessionsEnded(ended);
    // Other processes exist only with Redis (the in-memory adapter has no one to tell).
    if (this.config.REDIS_URL) this.nsp?.serverSideEmit('sessions:ended', ended);
  }

  private tellSessionsEnded(ended: EndedSessions): void {
    for (const listener of this.sessionsEndedListeners) listener(ended);
  }

  /** Every session of the person ended (log out everywhere, password change): closes their sockets, on every process. */
  disconnectPerson(personId: string): void {
    this.sessionsEnded({ personId });
    this.nsp?.in(userRoom(personId)).disconnectSockets(true);
  }

  /** This session ended (log out): closes the sockets opened with it, on every process. */
  disconnectSession(sessionToken: string): void {
    this.disconnectSessionHash(hashToken(sessionToken));
  }

  /** The same, for a session known by its token's hash (a revoked device's sessions). */
  disconnectSessionHash(tokenHash: string): void {
    this.sessionsEnded({ tokenHash });
    this.nsp?.in(sessionRoom(this.sessionKeyOfHash(tokenHash))).disconnectSockets(true);
  }

  /** Whether the person has a socket open on any process (e.g. to skip an e-mail notification). */
  async isOnline(personId: string): Promise<boolean> {
    return (await this.onlineAmong([personId])).size > 0;
  }

  // ---------- for the gateway ----------

  attach(nsp: RealtimeNamespace): void {
    this.nsp = nsp;
    nsp.on('sessions:ended', (ended) => this.tellSessionsEnded(ended));
  }

  /** The client events registered by feature modules. */
  clientEventNames(): string[] {
    return [...this.clientEvents.keys()];
  }

  /** The handler of a client event registered by a feature module. */
  clientEvent(name: string): ClientEventHandler | undefined {
    return this.clientEvents.get(name);
  }

  /** Tells the connection listeners; a failing listener is logged, never thrown. */
  connectionChanged(personId: string, change: 'connected' | 'disconnected'): void {
    for (const listener of this.connectionListeners) {
      try {
        listener(personId, change);
      } catch (error) {
        this.logger.error(`Real-time connection listener failed: ${(error as Error).message}`);
      }
    }
  }

  /** A one-way key for a session token, distinct from the hash stored in the database. */
  sessionKey(sessionToken: string): string {
    return this.sessionKeyOfHash(hashToken(sessionToken));
  }

  private sessionKeyOfHash(tokenHash: string): string {
    return createHash('sha256').update(`realtime:${tokenHash}`).digest('base64url').slice(0, 43);
  }

  /** The rooms the server puts every socket in. */
  ownRooms(data: RealtimeSocketData): RealtimeRoom[] {
    return [userRoom(data.actor.personId), sessionRoom(data.session)];
  }

  /** Whether the room is one that clients join and leave themselves (a registered prefix). */
  isClientRoom(room: string): boolean {
    const match = ROOM.exec(room);
    return match !== null && this.authorizers.has(match[1]);
  }

  /** Whether the socket may be in the room: its own user and session rooms, or a registered prefix that authorises it. */
  async mayJoin(data: RealtimeSocketData, room: string): Promise<boolean> {
    const match = ROOM.exec(room);
    if (!match) return false;
    const [, prefix, id] = match;
    if (prefix === USER) return id === data.actor.personId;
    if (prefix === SESSION) return id === data.session;
    const authorize = this.authorizers.get(prefix);
    if (!authorize) return false;
    try {
      return (await authorize(data.actor, id)) === true;
    } catch (error) {
      this.logger.warn(`Real-time authoriser for "${prefix}" failed: ${(error as Error).message}`);
      return false;
    }
  }

  /** The rooms among `rooms` that the socket may no longer be in (its own id room aside). */
  async lostRooms(
    data: RealtimeSocketData,
    rooms: Iterable<string>,
    socketId: string,
    verdicts = new Map<string, Promise<boolean>>(),
  ): Promise<string[]> {
    const lost: string[] = [];
    for (const room of [...rooms]) {
      if (room === socketId) continue;
      const key = `${data.actor.personId} ${data.session} ${room}`;
      if (!verdicts.has(key)) verdicts.set(key, this.mayJoin(data, room));
      if (!(await verdicts.get(key))) lost.push(room);
    }
    return lost;
  }
}
