// Messaging over HTTP and socket.io against a real app and database: conversations, numbered and deduplicated
// messages, catch-up, receipts, typing, presence, blocks, groups; nothing reaches a non-participant; and two
// API processes on one PostgreSQL database fanned out by Redis.
import { randomUUID } from 'node:crypto';
import { type Conversation, type Message, type MessagePage, PRESENCE_GROUP_MAX, type RealtimeRoom } from '@maillage/contracts';
import { PNG, signedInUser } from '../../../test/fixtures';
import type { HttpClient } from '../../../test/http-client';
import { freshIp, networkWorld } from '../../../test/network-world';
import {
  closeSockets,
  connected,
  disconnected,
  nextEvent,
  openSocket,
  recordEvents,
  type RealtimeClient,
} from '../../../test/realtime-client';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { describeAcrossTwoProcesses } from '../../../test/two-processes';
import { RealtimeService, userRoom } from '../../core/realtime/realtime.service';
import { MessagesService } from './messages.service';

type Person = { client: HttpClient; id: string; email: string };
const V1 = '/api/v1';

afterEach(closeSockets);

/** Messaging calls of one person. */
function as(p: Person) {
  return {
    direct: (personId: string) => p.client.post<Conversation>(`${V1}/conversations`, { kind: 'direct', personId }),
    group: (title: string, personIds: string[]) => p.client.post<Conversation>(`${V1}/conversations`, { kind: 'group', title, personIds }),
    send: (conversationId: string, body: string, clientId: string = randomUUID(), extra: Record<string, unknown> = {}) =>
      p.client.post<Message>(`${V1}/conversations/${conversationId}/messages`, { clientId, body, ...extra }),
    messages: (conversationId: string, query = '') => p.client.get<MessagePage>(`${V1}/conversations/${conversationId}/messages${query}`),
    read: (conversationId: string, seq: number) => p.client.post(`${V1}/conversations/${conversationId}/read`, { seq }),
  };
}

/** Rows of a conversation's messages (seq order). */
async function rows(app: TestApp, conversationId: string): Promise<{ seq: string; client_id: string; body: string }[]> {
  return app.db.query('SELECT seq, client_id, body FROM messages WHERE conversation_id = $1 ORDER BY seq', [conversationId]);
}

async function mailsTo(app: TestApp, to: string[]): Promise<{ id: string; to: string; template: string; text: string }[]> {
  return app.db.query('SELECT id, "to", template, text FROM mail_outbox WHERE "to" = ANY($1) ORDER BY created_at', [to]);
}

function worldOf(app: TestApp) {
  let fences = 0;
  return {
    person: (firstName = 'Camille'): Promise<Person> => signedInUser(app, { firstName, ip: freshIp() }),
    async socket(p: Person, ...conversationIds: string[]): Promise<RealtimeClient> {
      const socket = await connected(openSocket(app, p.client));
      for (const id of conversationIds) expect(await socket.emitWithAck('room:join', { room: `conversation:${id}` })).toEqual({ ok: true });
      return socket;
    },
    /** Sent to the person after the events under test: once it arrives, they would have arrived before. */
    async fence(socket: RealtimeClient, personId: string): Promise<void> {
      fences += 1;
      const marker = `fence-${fences}`;
      const arrived = nextEvent(socket, 'conversation:changed', (e) => e.conversationId === marker);
      app.running.app.get(RealtimeService).emitToRoom(userRoom(personId), 'conversation:changed', { conversationId: marker });
      await arrived;
    },
  };
}

/** What a socket saw of messaging (fences aside). */
const seenOf = (events: { event: string; payload: unknown }[]) =>
  events.filter(
    (e) => !(e.event === 'conversation:changed' && String((e.payload as { conversationId: string }).conversationId).startsWith('fence-')),
  );

describe('messaging', () => {
  let app: TestApp;
  let world: ReturnType<typeof worldOf>;

  beforeAll(async () => {
    app = await createTestApp();
    world = worldOf(app);
  });
  afterAll(() => app.close());

  describe('contacts', () => {
    it('finds by name the people of shared networks and those one talks with, never the members of a network one is not in', async () => {
      const networks = await networkWorld(app);
      const tag = `Cx${process.pid}`;
      const me = await networks.person(true, `${tag}Moi`);
      const partner = await networks.person(true, `${tag}Partenaire`);
      const stranger = await networks.person(true, `${tag}Inconnu`);
      const club = (await networks.createNetwork({ name: `Club ${tag}`, visibility: 'private', joinPolicy: 'approval' })).id;
      const circle = (await networks.createNetwork({ name: `Cercle ${tag}`, visibility: 'secret', joinPolicy: 'invitation' })).id;
      await networks.enrol(club, me);
      await networks.enrol(club, partner);
      await networks.enrol(circle, stranger);
      const found = async (q: string) => {
        const res = await me.client.get<{ id: string; firstName: string }[]>(`${V1}/messaging/contacts?q=${encodeURIComponent(q)}`);
        expect(res.status).toBe(200);
        return res.body.map((p) => p.firstName).sort();
      };
      expect(await found(tag)).toEqual([`${tag}Partenaire`]);
      expect(await found(`${tag.toLowerCase()}part`)).toEqual([`${tag}Partenaire`]);
      // Someone who wrote first is known from then on.
      expect((await as(stranger).direct(me.id)).status).toBe(201);
      expect(await found(tag)).toEqual([`${tag}Inconnu`, `${tag}Partenaire`]);
      // A blocked person is not offered.
      expect((await me.client.post(`${V1}/people/${stranger.id}/block`, {})).status).toBe(204);
      expect(await found(tag)).toEqual([`${tag}Partenaire`]);
      // Bad input, anonymous callers.
      for (const q of ['', 'a', 'x'.repeat(101)]) expect((await me.client.get(`${V1}/messaging/contacts?q=${q}`)).status).toBe(400);
      expect((await me.client.get(`${V1}/messaging/contacts`)).status).toBe(400);
      expect((await app.client().get(`${V1}/messaging/contacts?q=${tag}`)).status).toBe(401);
    });
  });

  describe('conversations over REST', () => {
    it('starts a direct conversation once, lists and searches it; a non-participant gets 404 everywhere', async () => {
      const [a, b, outsider] = [await world.person('Alice'), await world.person('Bastien'), await world.person('Olga')];
      const created = await as(a).direct(b.id);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ kind: 'direct', title: null, myRole: 'member', canPost: true, lastSeq: 0, unreadCount: 0 });
      expect(created.body.participants.map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
      const again = await as(b).direct(a.id);
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(created.body.id);

      const id = created.body.id;
      expect((await as(a).send(id, 'Bonjour **Bastien**')).status).toBe(201);
      const list = await a.client.get(`${V1}/conversations`);
      expect(list.status).toBe(200);
      expect(list.body.total).toBe(1);
      expect(list.body.items[0]).toMatchObject({
        id,
        lastMessage: { seq: 1, body: 'Bonjour **Bastien**', bodyHtml: expect.stringContaining('<strong>Bastien</strong>') },
      });
      expect((await a.client.get(`${V1}/conversations?q=bastien`)).body.total).toBe(1);
      expect((await a.client.get(`${V1}/conversations?q=nobody-like-this`)).body.total).toBe(0);
      expect((await b.client.get(`${V1}/messaging/unread`)).body).toEqual({ total: 1, conversations: [{ conversationId: id, unread: 1 }] });

      const hidden = { status: 404, body: expect.objectContaining({ code: 'NOT_FOUND' }) };
      const absent = randomUUID();
      for (const target of [id, absent]) {
        expect(await outsider.client.get(`${V1}/conversations/${target}`)).toMatchObject(hidden);
        expect(await as(outsider).messages(target)).toMatchObject(hidden);
        expect(await as(outsider).send(target, 'intrusion')).toMatchObject(hidden);
        expect(await as(outsider).read(target, 1)).toMatchObject(hidden);
      }
      expect((await outsider.client.get(`${V1}/conversations`)).body.total).toBe(0);
      expect(await outsider.client.get(`${V1}/conversations/not-a-uuid`)).toMatchObject(hidden);
      expect((await app.client().get(`${V1}/conversations`)).status).toBe(401);
    });

    it('refuses bad input with a 4xx and writes nothing', async () => {
      const [a, b] = [await world.person(), await world.person()];
      const id = (await as(a).direct(b.id)).body.id;
      const bad: [Record<string, unknown>, number][] = [
        [{ clientId: randomUUID(), body: 'x'.repeat(10_001) }, 400],
        [{ clientId: randomUUID(), body: '   ' }, 400],
        [{ clientId: 'not-a-uuid', body: 'hello' }, 400],
        [{ clientId: randomUUID(), body: 'hello', extra: true }, 400],
        [{ clientId: randomUUID(), body: 42 }, 400],
        [{ clientId: randomUUID(), body: 'hello', attachmentIds: [randomUUID()] }, 400],
        [{ clientId: randomUUID(), body: 'hello', attachmentIds: ['nope'] }, 400],
      ];
      for (const [body, status] of bad) {
        const res = await a.client.post(`${V1}/conversations/${id}/messages`, body);
        expect({ body, status: res.status }).toEqual({ body, status });
      }
      expect((await as(a).send(id, 'x'.repeat(10_000))).status).toBe(201);
      expect(await rows(app, id)).toHaveLength(1);
      expect((await a.client.get(`${V1}/conversations/${id}`)).body.lastSeq).toBe(1);

      for (const body of [
        { kind: 'direct' },
        { kind: 'direct', personId: b.id, title: 'x' },
        { kind: 'group', title: 'G', personIds: [] },
        { kind: 'club', personId: b.id },
        { kind: 'direct', personId: a.id },
        { kind: 'direct', personId: randomUUID() },
      ]) {
        const res = await a.client.post(`${V1}/conversations`, body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
      }
      expect((await a.client.get(`${V1}/conversations/${id}/messages?limit=1000`)).status).toBe(400);
      expect((await a.client.get(`${V1}/conversations/${id}/messages?afterSeq=-1`)).status).toBe(400);
      expect((await a.client.put(`${V1}/messages/${randomUUID()}/reactions/heart`, {})).status).toBe(404);
      expect((await as(a).read(id, -3)).status).toBe(400);
      const [{ count }] = await app.db.query('SELECT count(*)::int AS count FROM conversations WHERE created_by_id = $1', [a.id]);
      expect(count).toBe(1);
    });

    it('deduplicates by clientId (also under concurrency) and numbers concurrent messages without gaps', async () => {
      const [a, b] = [await world.person(), await world.person()];
      const id = (await as(a).direct(b.id)).body.id;
      const sb = await world.socket(b, id);
      const seen = recordEvents(sb);
      const clientId = randomUUID();
      const first = await as(a).send(id, 'une fois', clientId);
      const retry = await as(a).send(id, 'une fois', clientId);
      expect([first.status, retry.status]).toEqual([201, 200]);
      expect(retry.body.id).toBe(first.body.id);

      const racing = randomUUID();
      const answers = await Promise.all(Array.from({ length: 6 }, () => as(a).send(id, 'course', racing)));
      expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
      expect(new Set(answers.map((r) => r.body.id)).size).toBe(1);

      const bodies = Array.from({ length: 12 }, (_, i) => `m${i}`);
      const sent = await Promise.all(bodies.map((body, i) => as(i % 2 ? a : b).send(id, body)));
      expect(sent.every((r) => r.status === 201)).toBe(true);
      const stored = await rows(app, id);
      expect(stored.map((r) => Number(r.seq))).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
      expect(stored.filter((r) => r.client_id === racing)).toHaveLength(1);

      await world.fence(sb, b.id);
      const news = seenOf(seen)
        .filter((e) => e.event === 'message:new')
        .map((e) => e.payload as Message);
      expect(news).toHaveLength(14);
      // Each number once; concurrent senders' events may cross, clients order them by seq.
      expect(news.map((m) => m.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    });

    it('pages history backwards and catches up by sequence number', async () => {
      const [a, b] = [await world.person(), await world.person()];
      const id = (await as(a).direct(b.id)).body.id;
      for (let i = 1; i <= 7; i += 1) await as(a).send(id, `n${i}`);
      const newest = await as(b).messages(id, '?limit=3');
      expect(newest.body).toMatchObject({ hasMore: true, lastSeq: 7 });
      expect(newest.body.items.map((m) => m.seq)).toEqual([5, 6, 7]);
      const older = await as(b).messages(id, '?limit=3&beforeSeq=5');
      expect(older.body.items.map((m) => m.seq)).toEqual([2, 3, 4]);
      const oldest = await as(b).messages(id, '?limit=3&beforeSeq=2');
      expect(oldest.body).toMatchObject({ hasMore: false });
      expect(oldest.body.items.map((m) => m.seq)).toEqual([1]);
      const after = await as(b).messages(id, '?afterSeq=4&limit=2');
      expect(after.body).toMatchObject({ hasMore: true });
      expect(after.body.items.map((m) => m.body)).toEqual(['n5', 'n6']);
      expect((await as(b).messages(id, '?afterSeq=7')).body).toMatchObject({ items: [], hasMore: false });
    });

    it('edits, deletes (own messages only) and reacts, emitting message:updated', async () => {
      const [a, b] = [await world.person(), await world.person()];
      const id = (await as(a).direct(b.id)).body.id;
      const sb = await world.socket(b, id);
      const m = (await as(a).send(id, 'premier jet')).body;
      expect((await b.client.put(`${V1}/messages/${m.id}`, { body: 'pirate' })).status).toBe(403);
      let updated = nextEvent(sb, 'message:updated');
      const edited = await a.client.put(`${V1}/messages/${m.id}`, { body: 'version _finale_' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        body: 'version _finale_',
        bodyHtml: expect.stringContaining('<em>finale</em>'),
        editedAt: expect.any(String),
      });
      expect((await updated).body).toBe('version _finale_');

      updated = nextEvent(sb, 'message:updated');
      expect((await b.client.put(`${V1}/messages/${m.id}/reactions/heart`, {})).body.reactions).toEqual([
        { reaction: 'heart', personIds: [b.id] },
      ]);
      expect((await updated).reactions).toEqual([{ reaction: 'heart', personIds: [b.id] }]);
      expect((await b.client.put(`${V1}/messages/${m.id}/reactions/poop`, {})).status).toBe(400);
      expect((await b.client.delete(`${V1}/messages/${m.id}/reactions/heart`)).body.reactions).toEqual([]);

      expect((await b.client.delete(`${V1}/messages/${m.id}`)).status).toBe(403);
      updated = nextEvent(sb, 'message:updated');
      expect((await a.client.delete(`${V1}/messages/${m.id}`)).status).toBe(204);
      expect(await updated).toMatchObject({ id: m.id, body: null, bodyHtml: null, deletedAt: expect.any(String) });
      expect((await a.client.put(`${V1}/messages/${m.id}`, { body: 'revive' })).status).toBe(409);
      expect((await as(b).messages(id)).body.items).toEqual([expect.objectContaining({ seq: 1, body: null })]);
    });

    it('attaches files: participants download them, others get 404', async () => {
      const [a, b, outsider] = [await world.person(), await world.person(), await world.person()];
      const id = (await as(a).direct(b.id)).body.id;
      const uploaded = await a.client.upload(`${V1}/conversations/${id}/attachments`, PNG, 'plan.png', 'image/png');
      expect(uploaded.status).toBe(201);
      expect((await b.client.get(uploaded.body.url)).status).toBe(404);
      const sent = await as(a).send(id, 'voici le plan', randomUUID(), { attachmentIds: [uploaded.body.id] });
      expect(sent.body.attachments).toEqual([expect.objectContaining({ id: uploaded.body.id, mimeType: 'image/png' })]);
      expect((await b.client.get(uploaded.body.url)).status).toBe(200);
      expect((await outsider.client.get(uploaded.body.url)).status).toBe(404);
      expect((await outsider.client.upload(`${V1}/conversations/${id}/attachments`, PNG, 'x.png', 'image/png')).status).toBe(404);
      // Already sent: it cannot be attached again.
      expect((await as(a).send(id, 'encore', randomUUID(), { attachmentIds: [uploaded.body.id] })).status).toBe(400);
    });
  });

  describe('real time', () => {
    it('delivers messages, receipts and typing to the participants only; a non-participant gets nothing (canary)', async () => {
      const [a, b, outsider] = [await world.person(), await world.person(), await world.person()];
      const id = (await as(a).direct(b.id)).body.id;
      const [sa, sb] = [await world.socket(a, id), await world.socket(b, id)];
      const so = await connected(openSocket(app, outsider.client));
      expect(await so.emitWithAck('room:join', { room: `conversation:${id}` })).toEqual({ ok: false, code: 'room_unavailable' });
      expect(await so.emitWithAck('typing', { conversationId: id })).toEqual({ ok: false, code: 'room_unavailable' });
      const seenOutsider = recordEvents(so);
      const seenA = recordEvents(sa);

      const canary = `canary-${randomUUID()}`;
      const arrived = nextEvent(sb, 'message:new');
      const sent = await as(a).send(id, canary);
      expect(await arrived).toEqual(sent.body);

      const typing = nextEvent(sb, 'typing');
      expect(await sa.emitWithAck('typing', { conversationId: id })).toEqual({ ok: true });
      expect(await typing).toEqual({ conversationId: id, personId: a.id });

      const receipt = nextEvent(sa, 'message:read');
      expect((await as(b).read(id, 99)).body).toEqual({ conversationId: id, lastReadSeq: 1 });
      expect(await receipt).toEqual({ conversationId: id, personId: b.id, seq: 1 });
      expect(
        (await a.client.get(`${V1}/conversations/${id}`)).body.participants.find((p: { id: string }) => p.id === b.id).lastReadSeq,
      ).toBe(1);
      expect((await b.client.get(`${V1}/messaging/unread`)).body.total).toBe(0);

      // Malformed typing requests are refused and the socket stays usable.
      const raw = sa as unknown as { emitWithAck(event: string, payload: unknown): Promise<unknown> };
      for (const payload of [{ conversationId: 'x' }, { conversationId: id, extra: 1 }, 'nope', null]) {
        expect(await raw.emitWithAck('typing', payload)).toEqual({ ok: false, code: 'invalid_payload' });
      }

      await world.fence(so, outsider.id);
      await world.fence(sa, a.id);
      expect(seenOf(seenOutsider)).toEqual([]);
      expect(JSON.stringify(seenOutsider)).not.toContain(canary);
      // The typist does not hear their own typing.
      expect(seenOf(seenA).filter((e) => e.event === 'typing')).toEqual([]);
    });

    it('notifies the participants who are offline (e-mail in the outbox), not those online or muted', async () => {
      const [a, b, c, d] = [await world.person('Aline'), await world.person(), await world.person(), await world.person()];
      const id = (await as(a).group('Export Asie', [b.id, c.id, d.id])).body.id;
      // c is online without following the conversation's room: the message reaches c's own room (badge).
      const sc = await world.socket(c);
      const reached = nextEvent(sc, 'message:new');
      expect((await d.client.put(`${V1}/conversations/${id}/muted`, { muted: true })).body.muted).toBe(true);
      const before = await mailsTo(app, [b.email, c.email, d.email]);
      expect((await as(a).send(id, 'Rendez-vous **jeudi** au salon')).status).toBe(201);
      expect(await reached).toMatchObject({ conversationId: id, seq: 1 });
      // Offline notifications are written after the answer, in the background.
      await app.running.app.get(MessagesService).settled();
      const mails = (await mailsTo(app, [b.email, c.email, d.email])).filter((m) => !before.some((x) => x.id === m.id));
      expect(mails.map((m) => [m.to, m.template])).toEqual([[b.email, 'messaging-message']]);
      expect(mails[0].text).toContain('Rendez-vous jeudi au salon');
      expect((await b.client.get(`${V1}/notifications`)).body.items).toEqual([
        expect.objectContaining({ type: 'messaging.message', path: `/messages/${id}` }),
      ]);
    });

    it('catches up after a disconnect by afterSeq', async () => {
      const [a, b] = [await world.person(), await world.person()];
      const id = (await as(a).direct(b.id)).body.id;
      const sb = await world.socket(b, id);
      const live = nextEvent(sb, 'message:new');
      await as(a).send(id, 'avant');
      const lastSeen = (await live).seq;
      const down = disconnected(sb);
      sb.disconnect();
      await down;
      for (const body of ['pendant 1', 'pendant 2', 'pendant 3']) await as(a).send(id, body);
      const again = await world.socket(b, id);
      const after = nextEvent(again, 'message:new');
      await as(a).send(id, 'après');
      const missed = await as(b).messages(id, `?afterSeq=${lastSeen}`);
      expect(missed.body.items.map((m) => m.body)).toEqual(['pendant 1', 'pendant 2', 'pendant 3', 'après']);
      expect((await after).body).toBe('après');
    });

    it('groups: the owner manages participants; leaving or removal stops everything at once (canary)', async () => {
      const [owner, m1, m2, late] = [await world.person(), await world.person(), await world.person(), await world.person()];
      const created = await as(owner).group('Achats groupés', [m1.id, m2.id]);
      expect(created.status).toBe(201);
      const id = created.body.id;
      expect(created.body).toMatchObject({ kind: 'group', title: 'Achats groupés', myRole: 'owner' });
      expect((await m1.client.post(`${V1}/conversations/${id}/participants`, { personIds: [late.id] })).status).toBe(403);
      expect((await owner.client.post(`${V1}/conversations/${id}/participants`, { personIds: [late.id] })).body.participants).toHaveLength(
        4,
      );
      expect((await m1.client.patch(`${V1}/conversations/${id}`, { title: 'Putsch' })).status).toBe(403);
      expect((await owner.client.patch(`${V1}/conversations/${id}`, { title: 'Achats 2027' })).body.title).toBe('Achats 2027');

      const [s1, s2] = [await world.socket(m1, id), await world.socket(m2, id)];
      const revoked1 = nextEvent(s1, 'room:revoked');
      expect((await m1.client.post(`${V1}/conversations/${id}/leave`)).status).toBe(204);
      expect(await revoked1).toEqual({ room: `conversation:${id}` });
      const revoked2 = nextEvent(s2, 'room:revoked');
      expect((await owner.client.delete(`${V1}/conversations/${id}/participants/${m2.id}`)).status).toBe(204);
      expect(await revoked2).toEqual({ room: `conversation:${id}` });
      const seen = [recordEvents(s1), recordEvents(s2)];

      const canary = `canary-${randomUUID()}`;
      await as(owner).send(id, canary);
      await as(late).read(id, 1);
      for (const [p, s] of [
        [m1, s1],
        [m2, s2],
      ] as const) {
        expect((await p.client.get(`${V1}/conversations/${id}`)).status).toBe(404);
        expect((await as(p).messages(id)).status).toBe(404);
        expect((await as(p).send(id, 'still here?')).status).toBe(404);
        expect(await s.emitWithAck('room:join', { room: `conversation:${id}` as RealtimeRoom })).toEqual({
          ok: false,
          code: 'room_unavailable',
        });
        await world.fence(s, p.id);
      }
      for (const events of seen) {
        expect(seenOf(events).filter((e) => e.event !== 'conversation:changed')).toEqual([]);
        expect(JSON.stringify(events)).not.toContain(canary);
      }
      // The owner leaves: the longest-standing member takes over.
      expect((await owner.client.post(`${V1}/conversations/${id}/leave`)).status).toBe(204);
      expect((await late.client.get(`${V1}/conversations/${id}`)).body.myRole).toBe('owner');
      // Direct conversations cannot be left.
      const direct = (await as(late).direct(owner.id)).body.id;
      expect((await late.client.post(`${V1}/conversations/${direct}/leave`)).status).toBe(400);
    });

    it('a blocked person cannot write to the blocker and stops following the conversation', async () => {
      const [a, b, c] = [await world.person(), await world.person(), await world.person()];
      const id = (await as(a).direct(b.id)).body.id;
      const sb = await world.socket(b, id);
      const before = await as(b).send(id, 'avant le blocage');
      const revoked = nextEvent(sb, 'room:revoked');
      expect((await a.client.post(`${V1}/people/${b.id}/block`)).status).toBe(204);
      expect(await revoked).toEqual({ room: `conversation:${id}` });
      const blocked = { status: 403, body: expect.objectContaining({ code: 'MESSAGING_BLOCKED' }) };
      expect(await as(b).send(id, 'laisse-moi parler')).toMatchObject(blocked);
      // Neither side posts; a retry of the message stored before the block answers it again.
      expect(await as(a).send(id, 'moi non plus')).toMatchObject(blocked);
      expect(await as(b).send(id, 'avant le blocage', before.body.clientId)).toMatchObject({
        status: 200,
        body: { id: before.body.id, seq: 1 },
      });
      expect(await as(b).direct(a.id)).toMatchObject(blocked);
      expect(await as(a).direct(b.id)).toMatchObject(blocked);
      expect((await as(c).group('Club', [a.id, b.id])).status).toBe(201);
      expect(await as(b).group('Piège', [a.id])).toMatchObject(blocked);
      expect((await b.client.get(`${V1}/conversations/${id}`)).body.canPost).toBe(false);
      expect(await sb.emitWithAck('room:join', { room: `conversation:${id}` })).toEqual({ ok: false, code: 'room_unavailable' });
      expect((await as(b).messages(id)).body.items).toHaveLength(1);
      expect((await a.client.get(`${V1}/messaging/blocks`)).body).toEqual([expect.objectContaining({ id: b.id })]);
      expect(await rows(app, id)).toHaveLength(1);

      expect((await a.client.post(`${V1}/people/${a.id}/block`)).status).toBe(400);
      expect((await a.client.post(`${V1}/people/${randomUUID()}/block`)).status).toBe(404);
      expect((await a.client.delete(`${V1}/people/${b.id}/block`)).status).toBe(204);
      expect((await as(b).send(id, 'merci')).status).toBe(201);
      expect(await sb.emitWithAck('room:join', { room: `conversation:${id}` })).toEqual({ ok: true });
    });

    it('tells contacts, and only them, when a person comes online, goes away and leaves', async () => {
      const [a, b, stranger] = [await world.person(), await world.person(), await world.person()];
      await as(a).direct(b.id);
      const sb = await world.socket(b);
      const ss = await world.socket(stranger);
      const seenStranger = recordEvents(ss);
      const online = nextEvent(sb, 'presence', (e) => e.personId === a.id);
      const sa = await world.socket(a);
      expect(await online).toEqual({ personId: a.id, status: 'online' });
      expect((await b.client.get(`${V1}/messaging/presence`)).body).toEqual({ online: [a.id] });
      const away = nextEvent(sb, 'presence', (e) => e.personId === a.id);
      expect(await sa.emitWithAck('presence', { status: 'away' })).toEqual({ ok: true });
      expect(await away).toEqual({ personId: a.id, status: 'away' });
      const offline = nextEvent(sb, 'presence', (e) => e.personId === a.id);
      sa.disconnect();
      expect(await offline).toEqual({ personId: a.id, status: 'offline' });
      await world.fence(ss, stranger.id);
      expect(seenOf(seenStranger)).toEqual([]);
    });

    it(`shares presence in groups of up to ${PRESENCE_GROUP_MAX} people, not in bigger ones`, async () => {
      const [a, b] = [await world.person('Ariane'), await world.person('Boris')];
      const others: { id: string }[] = await app.db.query(
        `INSERT INTO people (email, first_name, last_name, email_verified_at)
         SELECT 'presence-' || gen_random_uuid() || '@example.test', 'Membre', 'Muet', now() FROM generate_series(1, $1) RETURNING id`,
        [PRESENCE_GROUP_MAX - 1],
      );
      expect((await as(b).group('Assemblée', [a.id, ...others.map((o) => o.id)])).body.participants).toHaveLength(PRESENCE_GROUP_MAX + 1);
      const sb = await world.socket(b);
      const seen = recordEvents(sb);
      const sa = await world.socket(a);
      await world.fence(sb, b.id);
      expect(seenOf(seen).filter((e) => e.event === 'presence')).toEqual([]);
      expect((await b.client.get(`${V1}/messaging/presence`)).body).toEqual({ online: [] });

      expect((await as(b).group('Bureau', [a.id, others[0].id])).status).toBe(201);
      const offline = nextEvent(sb, 'presence', (e) => e.personId === a.id);
      sa.disconnect();
      expect(await offline).toEqual({ personId: a.id, status: 'offline' });
      const online = nextEvent(sb, 'presence', (e) => e.personId === a.id);
      await world.socket(a);
      expect(await online).toEqual({ personId: a.id, status: 'online' });
      expect((await b.client.get(`${V1}/messaging/presence`)).body).toEqual({ online: [a.id] });
    });
  });
});

// Two API processes on one database, fanned out by Redis (PostgreSQL only).
describeAcrossTwoProcesses('messaging across two API processes (Redis)', (apps) => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(() => {
    ({ first, second } = apps());
  });

  it('clients on different processes converse, with receipts, typing and presence crossing processes', async () => {
    const a = await signedInUser(first, { firstName: 'Ana', ip: freshIp() });
    // a's browser talks to the first process, b's to the second one (REST and socket).
    const b = await signedInUser(second, { firstName: 'Basile', ip: freshIp() });
    const id = (await as(a).direct(b.id)).body.id;
    const sb = await connected(openSocket(second, b.client));
    expect(await sb.emitWithAck('room:join', { room: `conversation:${id}` })).toEqual({ ok: true });
    const online = nextEvent(sb, 'presence', (e) => e.personId === a.id);
    const sa = await connected(openSocket(first, a.client));
    expect(await online).toEqual({ personId: a.id, status: 'online' });
    expect(await sa.emitWithAck('room:join', { room: `conversation:${id}` })).toEqual({ ok: true });

    const arrived = nextEvent(sb, 'message:new');
    const sent = await as(a).send(id, 'depuis le premier processus');
    expect(await arrived).toEqual(sent.body);

    const typing = nextEvent(sa, 'typing');
    expect(await sb.emitWithAck('typing', { conversationId: id })).toEqual({ ok: true });
    expect(await typing).toEqual({ conversationId: id, personId: b.id });

    const receipt = nextEvent(sa, 'message:read');
    expect((await b.client.post(`${V1}/conversations/${id}/read`, { seq: sent.body.seq })).status).toBe(200);
    expect(await receipt).toEqual({ conversationId: id, personId: b.id, seq: 1 });

    const reply = nextEvent(sa, 'message:new');
    expect((await as(b).send(id, 'réponse')).status).toBe(201);
    expect((await reply).body).toBe('réponse');

    expect((await b.client.get(`${V1}/messaging/presence`)).body).toEqual({ online: [a.id] });
    const offline = nextEvent(sb, 'presence', (e) => e.personId === a.id);
    sa.disconnect();
    expect(await offline).toEqual({ personId: a.id, status: 'offline' });
  });
});
