// The socket.io server over a real port: handshake (session cookie, Origin), rooms and their authorisers,
// emits, revocation, logout, limits, connection state recovery; and two API processes fanned out by Redis.
import { io, type Socket } from 'socket.io-client';
import {
  REALTIME_NAMESPACE,
  REALTIME_PATH,
  type ClientToServerEvents,
  type RealtimeErrorEvent,
  type RealtimeRoom,
  type ServerToClientEvents,
} from '@maillage/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { PASSWORD, signedInUser } from '../../../test/fixtures';
import type { HttpClient } from '../../../test/http-client';
import { networkWorld } from '../../../test/network-world';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { describeAcrossTwoProcesses } from '../../../test/two-processes';
import { AccessPolicy } from '../access/access-policy.service';
import { RealtimeService, userRoom } from './realtime.service';

/** A test-only event (the feature events' payloads belong to their modules). */
type Ping = { topicId: string; postId: string };
type ClientEvents = ServerToClientEvents & { 'test:ping': (ping: Ping) => void };
type ClientSocket = Socket<ClientEvents, ClientToServerEvents>;
type Person = { client: HttpClient; id: string; email: string };

const opened: ClientSocket[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.disconnect();
});

function origin(app: TestApp): string {
  return new URL(app.running.app.get<AppConfig>(APP_CONFIG).PUBLIC_URL).origin;
}

/** A socket.io client as a browser of `http` would open it (its cookies, the platform's Origin). */
function open(
  app: TestApp,
  http: HttpClient | null,
  options: { origin?: string; transport?: 'websocket' | 'polling'; cookie?: string; namespace?: string } = {},
): ClientSocket {
  const headers: Record<string, string> = { origin: options.origin ?? origin(app) };
  const cookie = options.cookie ?? http?.cookieHeader;
  if (cookie) headers.cookie = cookie;
  const socket: ClientSocket = io(app.url + (options.namespace ?? REALTIME_NAMESPACE), {
    path: REALTIME_PATH,
    transports: [options.transport ?? 'websocket'],
    extraHeaders: headers,
    reconnection: false,
    forceNew: true,
  });
  opened.push(socket);
  return socket;
}

/** Resolves once connected, rejects with the connect_error. */
function connected(socket: ClientSocket): Promise<ClientSocket> {
  if (socket.connected) return Promise.resolve(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function next<E extends keyof ClientEvents>(
  socket: ClientSocket,
  event: E,
  where: (payload: Parameters<ClientEvents[E]>[0]) => boolean = () => true,
) {
  return new Promise<Parameters<ClientEvents[E]>[0]>((resolve) => {
    const listener = ((payload: Parameters<ClientEvents[E]>[0]) => {
      if (!where(payload)) return;
      socket.off(event, listener as never);
      resolve(payload);
    }) as never;
    socket.on(event as never, listener);
  });
}

function disconnected(socket: ClientSocket): Promise<string> {
  return new Promise((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
}

/** Every event the socket receives, in order. */
function record(socket: ClientSocket): { event: string; payload: unknown }[] {
  const seen: { event: string; payload: unknown }[] = [];
  socket.onAny((event: string, payload: unknown) => seen.push({ event, payload }));
  return seen;
}

/** The topics of the test events received (fences aside). */
function pings(seen: { event: string; payload: unknown }[]): string[] {
  return seen
    .filter((e) => e.event === 'test:ping')
    .map((e) => (e.payload as Ping).topicId)
    .filter((topic) => topic !== 'fence');
}

/** Emits the test event through the service, as a feature module emits its own. */
function ping(service: RealtimeService, room: string, payload: Ping): void {
  (service.emitToRoom as (room: string, event: string, payload: Ping) => void).call(service, room, 'test:ping', payload);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('realtime', () => {
  let app: TestApp;
  let realtime: RealtimeService;
  /** `personId:roomId` pairs the test authoriser lets in. */
  const allowed = new Set<string>();
  let fences = 0;

  beforeAll(async () => {
    app = await createTestApp();
    realtime = app.running.app.get(RealtimeService);
    realtime.registerRoom('test', async (actor, id) => allowed.has(`${actor?.personId}:${id}`));
  });
  afterAll(() => app.close());

  /** Emitted after the events under test: once the person's socket has it, they would have arrived before. */
  async function fence(socket: ClientSocket, personId: string): Promise<void> {
    fences += 1;
    const marker = `fence-${fences}`;
    const arrived = next(socket, 'test:ping', (p) => p.postId === marker);
    ping(realtime, userRoom(personId), { topicId: 'fence', postId: marker });
    await arrived;
  }

  async function person(): Promise<Person> {
    return signedInUser(app);
  }

  async function member(p: Person, ...rooms: string[]): Promise<ClientSocket> {
    const socket = await connected(open(app, p.client));
    for (const room of rooms) {
      allowed.add(`${p.id}:${room.split(':')[1]}`);
      expect(await socket.emitWithAck('room:join', { room: room as RealtimeRoom })).toEqual({ ok: true });
    }
    return socket;
  }

  describe('handshake', () => {
    it('refuses a socket without a session, or with a revoked one', async () => {
      await expect(connected(open(app, null))).rejects.toMatchObject({ message: 'unauthorized' });
      await expect(connected(open(app, app.client()))).rejects.toMatchObject({ message: 'unauthorized' });
      const p = await person();
      const jar = p.client.cookieHeader;
      expect((await p.client.post('/api/v1/auth/logout')).status).toBe(204);
      await expect(connected(open(app, null, { cookie: jar }))).rejects.toMatchObject({ message: 'unauthorized' });
    });

    it('refuses a foreign Origin on both transports and the main namespace, and accepts the platform origin', async () => {
      const p = await person();
      await expect(connected(open(app, p.client, { origin: 'https://evil.example' }))).rejects.toBeInstanceOf(Error);
      await expect(connected(open(app, p.client, { origin: 'https://evil.example', transport: 'polling' }))).rejects.toBeInstanceOf(Error);
      await expect(connected(open(app, p.client, { transport: 'polling' }))).resolves.toBeDefined();
      await expect(connected(open(app, p.client, { namespace: '/' }))).rejects.toMatchObject({ message: 'unknown namespace' });
      // The origin of the host the socket is opened on (here 127.0.0.1, while PUBLIC_URL says localhost).
      await expect(connected(open(app, p.client, { origin: new URL(app.url).origin }))).resolves.toBeDefined();
      await expect(connected(open(app, p.client))).resolves.toBeDefined();
    });
  });

  describe('rooms', () => {
    it('joins an authorised room; forbidden, unknown and malformed rooms look the same', async () => {
      const p = await person();
      const other = await person();
      allowed.add(`${p.id}:r1`);
      allowed.add(`${other.id}:r2`);
      const socket = await connected(open(app, p.client));
      expect(await socket.emitWithAck('room:join', { room: 'test:r1' })).toEqual({ ok: true });
      expect(await socket.emitWithAck('room:join', { room: 'test:r1' })).toEqual({ ok: true });
      const unavailable = { ok: false, code: 'room_unavailable' };
      for (const room of ['test:r2', 'nope:r1', 'garbage', `user:${other.id}`, 'session:x', 'test:a b'] as RealtimeRoom[]) {
        expect(await socket.emitWithAck('room:join', { room })).toEqual(unavailable);
      }
      expect(await socket.emitWithAck('room:join', { room: `user:${p.id}` })).toEqual({ ok: true });
      // Its own user room cannot be left (revocation and logout go through it).
      expect(await socket.emitWithAck('room:leave', { room: `user:${p.id}` })).toEqual(unavailable);
      expect(await socket.emitWithAck('room:leave', { room: 'test:r1' })).toEqual({ ok: true });
      expect(await socket.emitWithAck('room:leave', { room: 'test:never-joined' })).toEqual({ ok: true });
    });

    it('rejects malformed payloads and unknown events with an error, and stays usable', async () => {
      const p = await person();
      allowed.add(`${p.id}:ok`);
      const socket = await connected(open(app, p.client));
      const raw = socket as unknown as Socket;
      const invalid = { ok: false, code: 'invalid_payload' };
      expect(await raw.emitWithAck('room:join', 'test:ok')).toEqual(invalid);
      expect(await raw.emitWithAck('room:join', { room: 42 })).toEqual(invalid);
      expect(await raw.emitWithAck('room:join', { room: 'test:ok', extra: true })).toEqual(invalid);
      expect(await raw.emitWithAck('room:join', null)).toEqual(invalid);
      let error = next(socket, 'error');
      raw.emit('room:join', { room: 'test:ok' });
      expect(await error).toEqual({ code: 'invalid_payload', event: 'room:join' });
      error = next(socket, 'error');
      raw.emit('chat:shout', { text: 'hello' });
      expect(await error).toEqual({ code: 'unknown_event', event: 'chat:shout' });
      expect(await raw.emitWithAck('chat:shout', {})).toEqual({ ok: false, code: 'unknown_event' });
      expect(await socket.emitWithAck('room:join', { room: 'test:ok' })).toEqual({ ok: true });
      expect(socket.connected).toBe(true);
    });

    it('emits to the members of a room only, and to a person through their user room', async () => {
      const a = await person();
      const b = await person();
      const sa = await member(a, 'test:shared');
      const sb = await connected(open(app, b.client));
      expect(await sb.emitWithAck('room:join', { room: 'test:shared' })).toEqual({ ok: false, code: 'room_unavailable' });
      const seenB = record(sb);
      const received = next(sa, 'test:ping');
      ping(realtime, 'test:shared', { topicId: 't1', postId: 'p1' });
      expect(await received).toEqual({ topicId: 't1', postId: 'p1' });
      await fence(sb, b.id);
      expect(pings(seenB)).toEqual([]);

      // Every socket of the person (two tabs) gets what is sent to them, nobody else does.
      const sa2 = await connected(open(app, a.client));
      const both = Promise.all([next(sa, 'test:ping'), next(sa2, 'test:ping')]);
      ping(realtime, userRoom(a.id), { topicId: 't2', postId: 'p2' });
      await both;
      await fence(sb, b.id);
      expect(pings(seenB)).toEqual([]);
      expect(await realtime.isOnline(a.id)).toBe(true);
    });

    it('revalidatePerson makes a person leave the rooms they lost, and keeps the others', async () => {
      const a = await person();
      const socket = await member(a, 'test:lost', 'test:kept');
      const seen = record(socket);
      allowed.delete(`${a.id}:lost`);
      const revoked = next(socket, 'room:revoked');
      await realtime.revalidatePerson(a.id);
      expect(await revoked).toEqual({ room: 'test:lost' });
      ping(realtime, 'test:lost', { topicId: 'lost', postId: 'x' });
      const kept = next(socket, 'test:ping', (p) => p.topicId === 'kept');
      ping(realtime, 'test:kept', { topicId: 'kept', postId: 'y' });
      await kept;
      await fence(socket, a.id);
      expect(pings(seen)).toEqual(['kept']);
      expect(await socket.emitWithAck('room:join', { room: 'test:lost' })).toEqual({ ok: false, code: 'room_unavailable' });
    });

    it('revalidateRoom makes everyone who lost a room leave it', async () => {
      const [a, b] = [await person(), await person()];
      const [sa, sb] = [await member(a, 'test:closing'), await member(b, 'test:closing')];
      allowed.delete(`${a.id}:closing`);
      const revoked = next(sa, 'room:revoked');
      await realtime.revalidateRoom('test:closing');
      expect(await revoked).toEqual({ room: 'test:closing' });
      const seenA = record(sa);
      const reached = next(sb, 'test:ping', (p) => p.topicId === 'closing');
      ping(realtime, 'test:closing', { topicId: 'closing', postId: 'after' });
      await reached;
      await fence(sa, a.id);
      expect(pings(seenA)).toEqual([]);
    });
  });

  it('members of a company banned from or removed from a network leave the rooms that needed the membership', async () => {
    const access = app.running.app.get(AccessPolicy);
    realtime.registerRoom('test-net', async (actor, id) => Boolean((await access.networkStanding(actor, id))?.activeRole));
    const world = await networkWorld(app);
    const network = await world.createNetwork({ name: 'Club temps réel', visibility: 'private', joinPolicy: 'approval' });
    const banned = await world.person();
    const removed = await world.person();
    const outsider = await world.person();
    await world.enrol(network.id, banned);
    await world.enrol(network.id, removed);
    const room = `test-net:${network.id}` as RealtimeRoom;
    const sockets = await Promise.all([banned, removed].map((p) => connected(open(app, p.client))));
    for (const socket of sockets) expect(await socket.emitWithAck('room:join', { room })).toEqual({ ok: true });
    const other = await connected(open(app, outsider.client));
    expect(await other.emitWithAck('room:join', { room })).toEqual({ ok: false, code: 'room_unavailable' });

    let revoked = next(sockets[0], 'room:revoked');
    expect((await world.staff.client.post(`/api/v1/networks/${network.id}/members/${banned.companyId}/ban`)).status).toBe(200);
    expect(await revoked).toEqual({ room });
    revoked = next(sockets[1], 'room:revoked');
    expect((await world.staff.client.delete(`/api/v1/networks/${network.id}/members/${removed.companyId}`)).status).toBe(204);
    expect(await revoked).toEqual({ room });
    for (const socket of sockets) expect(await socket.emitWithAck('room:join', { room })).toEqual({ ok: false, code: 'room_unavailable' });
  });

  describe('sessions', () => {
    it('logging out closes the sockets of that session only', async () => {
      const a = await person();
      const elsewhere = app.client();
      expect((await elsewhere.post('/api/v1/auth/login', { email: a.email, password: PASSWORD })).status).toBe(200);
      const here = await connected(open(app, a.client));
      const there = await connected(open(app, elsewhere));
      const closed = disconnected(here);
      expect((await a.client.post('/api/v1/auth/logout')).status).toBe(204);
      expect(await closed).toBe('io server disconnect');
      await fence(there, a.id);
      expect(there.connected).toBe(true);
    });

    it('"log out everywhere" and a password change close every socket of the person', async () => {
      const a = await person();
      const second = app.client();
      expect((await second.post('/api/v1/auth/login', { email: a.email, password: PASSWORD })).status).toBe(200);
      const sockets = [await connected(open(app, a.client)), await connected(open(app, second))];
      const closed = Promise.all(sockets.map(disconnected));
      expect((await a.client.post('/api/v1/auth/logout-all')).status).toBe(204);
      expect(await closed).toEqual(['io server disconnect', 'io server disconnect']);
      expect(await realtime.isOnline(a.id)).toBe(false);

      const b = await person();
      const socket = await connected(open(app, b.client));
      const gone = disconnected(socket);
      const change = await b.client.post('/api/v1/auth/password/change', {
        currentPassword: PASSWORD,
        newPassword: 'another long passphrase 2026!',
      });
      expect(change.status).toBe(204);
      expect(await gone).toBe('io server disconnect');
    });
    it('a session that expires closes its sockets when it ends', async () => {
      const a = await person();
      await app.db.query("UPDATE sessions SET expires_at = now() + interval '1.5 seconds' WHERE person_id = $1", [a.id]);
      const socket = await connected(open(app, a.client));
      expect(await disconnected(socket)).toBe('io server disconnect');
      await expect(connected(open(app, a.client))).rejects.toMatchObject({ message: 'unauthorized' });
    });
  });

  describe('limits', () => {
    /** Joins until the rate limiter lets the socket in again (it refills over time). */
    async function joinWhenAllowed(socket: ClientSocket, room: RealtimeRoom) {
      for (;;) {
        const ack = await socket.emitWithAck('room:join', { room });
        if (!('code' in ack) || ack.code !== 'rate_limited') return ack;
        await sleep(250);
      }
    }

    it('answers a burst with rate_limited errors and stays usable', async () => {
      const a = await person();
      allowed.add(`${a.id}:calm`);
      const socket = await connected(open(app, a.client));
      const errors: RealtimeErrorEvent[] = [];
      socket.on('error', (e) => errors.push(e));
      const acks = await Promise.all(Array.from({ length: 40 }, () => socket.emitWithAck('room:leave', { room: 'test:calm' })));
      expect(acks.filter((ack) => !ack.ok)).not.toHaveLength(0);
      expect(acks.filter((ack) => !ack.ok).every((ack) => 'code' in ack && ack.code === 'rate_limited')).toBe(true);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0]).toEqual({ code: 'rate_limited', event: 'room:leave' });
      expect(await joinWhenAllowed(socket, 'test:calm')).toEqual({ ok: true });
      expect(socket.connected).toBe(true);
    });

    it('disconnects a client that keeps flooding', async () => {
      const a = await person();
      const socket = await connected(open(app, a.client));
      const closed = disconnected(socket);
      for (let i = 0; i < 400; i += 1) socket.emit('room:leave', { room: 'test:x' }, () => undefined);
      expect(await closed).toBe('io server disconnect');
    });

    it('refuses an oversize event with an error and stays usable; beyond the engine limit the connection closes', async () => {
      const a = await person();
      allowed.add(`${a.id}:small`);
      const socket = await connected(open(app, a.client));
      const error = next(socket, 'error');
      const big = { room: `test:${'x'.repeat(20_000)}` } as { room: RealtimeRoom };
      expect(await socket.emitWithAck('room:join', big)).toEqual({ ok: false, code: 'payload_too_large' });
      expect(await error).toEqual({ code: 'payload_too_large', event: 'room:join' });
      expect(await socket.emitWithAck('room:join', { room: 'test:small' })).toEqual({ ok: true });

      const closed = disconnected(socket);
      socket.emit('room:join', { room: `test:${'x'.repeat(100_000)}` } as { room: RealtimeRoom }, () => undefined);
      expect(await closed).toBe('transport close');
    });
  });

  describe('connection state recovery', () => {
    /** Drops the transport as a network failure would, and waits until the server has noticed. */
    async function dropConnection(socket: ClientSocket, personId: string) {
      // The client asks for recovery from the offset of the last event it received.
      await fence(socket, personId);
      const down = disconnected(socket);
      socket.io.engine.close();
      await down;
      while (await realtime.isOnline(personId)) await sleep(20);
    }

    it('replays what a recovered socket missed when it kept all its rooms', async () => {
      const a = await person();
      const socket = await member(a, 'test:steady');
      const id = socket.id;
      await dropConnection(socket, a.id);
      ping(realtime, 'test:steady', { topicId: 'steady', postId: 'missed' });
      const missed = next(socket, 'test:ping');
      socket.connect();
      await connected(socket);
      expect(socket.recovered).toBe(true);
      expect(socket.id).toBe(id);
      expect(await missed).toEqual({ topicId: 'steady', postId: 'missed' });
      const live = next(socket, 'test:ping');
      ping(realtime, 'test:steady', { topicId: 'steady', postId: 'live' });
      expect(await live).toEqual({ topicId: 'steady', postId: 'live' });
    });

    it('re-authorises the rooms of a recovered socket: a lost room is left, and nothing missed is replayed', async () => {
      const a = await person();
      const socket = await member(a, 'test:gone', 'test:stays');
      await dropConnection(socket, a.id);
      allowed.delete(`${a.id}:gone`);
      ping(realtime, 'test:gone', { topicId: 'gone', postId: 'secret' });
      const seen = record(socket);
      const revoked = next(socket, 'room:revoked');
      socket.connect();
      await connected(socket);
      expect(socket.recovered).toBe(true);
      expect(await revoked).toEqual({ room: 'test:gone' });
      ping(realtime, 'test:gone', { topicId: 'gone', postId: 'after' });
      const stays = next(socket, 'test:ping', (p) => p.topicId === 'stays');
      ping(realtime, 'test:stays', { topicId: 'stays', postId: 'z' });
      await stays;
      await fence(socket, a.id);
      expect(pings(seen)).toEqual(['stays']);
    });

    it('does not recover a socket whose session ended while it was away', async () => {
      const a = await person();
      const socket = await member(a, 'test:away');
      await dropConnection(socket, a.id);
      expect((await a.client.post('/api/v1/auth/logout')).status).toBe(204);
      socket.connect();
      await expect(connected(socket)).rejects.toMatchObject({ message: 'unauthorized' });
    });
  });
});

// Two API processes on one database, fanned out by Redis (PostgreSQL only).
describeAcrossTwoProcesses('realtime across two API processes (Redis)', (apps) => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(() => {
    ({ first, second } = apps());
  });

  function socketOn(app: TestApp, http: HttpClient): Promise<ClientSocket> {
    return connected(open(app, http));
  }

  it('an emit on one process reaches a client of the other; revalidation and logout work across them', async () => {
    const a = await signedInUser(first);
    const onFirst = first.running.app.get(RealtimeService);
    const onSecond = second.running.app.get(RealtimeService);
    const grants = new Set([`${a.id}:x1`, `${a.id}:x2`]);
    for (const service of [onFirst, onSecond]) service.registerRoom('two', async (actor, id) => grants.has(`${actor?.personId}:${id}`));

    // The session cookie from the first process opens a socket on the second one.
    const remote = await socketOn(second, a.client);
    expect(await remote.emitWithAck('room:join', { room: 'two:x1' })).toEqual({ ok: true });
    expect(await remote.emitWithAck('room:join', { room: 'two:x2' })).toEqual({ ok: true });

    const reached = next(remote, 'test:ping');
    ping(onFirst, 'two:x1', { topicId: 'x1', postId: 'across' });
    expect(await reached).toEqual({ topicId: 'x1', postId: 'across' });

    expect(await onFirst.isOnline(a.id)).toBe(true);
    grants.delete(`${a.id}:x1`);
    const revoked = next(remote, 'room:revoked');
    await onFirst.revalidatePerson(a.id);
    expect(await revoked).toEqual({ room: 'two:x1' });

    // Connection state recovery through the Redis streams: what was emitted meanwhile by the other process arrives.
    const down = disconnected(remote);
    remote.io.engine.close();
    await down;
    while (await onFirst.isOnline(a.id)) await sleep(20);
    ping(onFirst, 'two:x2', { topicId: 'x2', postId: 'missed' });
    const missed = next(remote, 'test:ping');
    remote.connect();
    await connected(remote);
    expect(remote.recovered).toBe(true);
    expect(await missed).toEqual({ topicId: 'x2', postId: 'missed' });

    const local = await socketOn(first, a.client);
    const closed = Promise.all([disconnected(remote), disconnected(local)]);
    expect((await a.client.post('/api/v1/auth/logout')).status).toBe(204);
    expect(await closed).toEqual(['io server disconnect', 'io server disconnect']);
  });

  it('a session ended on one process is refused by the other at once (its reuse of resolved sessions forgets it)', async () => {
    const b = await signedInUser(first);
    const cookie = b.client.cookieHeader;
    const me = (app: TestApp) => fetch(`${app.client().baseUrl}/api/v1/people/me`, { headers: { cookie } });
    // Resolved, hence reused, by both processes.
    for (const app of [first, second, first, second]) expect((await me(app)).status).toBe(200);
    expect((await b.client.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await me(first)).status).toBe(401);
    // Well within the reuse period (5 s): only the news from the first process explains a refusal.
    const refused = async () => {
      const started = Date.now();
      while (Date.now() - started < 2_000) {
        if ((await me(second)).status === 401) return true;
        await sleep(20);
      }
      return false;
    };
    expect(await refused()).toBe(true);
  });
});
