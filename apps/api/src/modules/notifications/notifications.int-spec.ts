import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import {
  REALTIME_NAMESPACE,
  REALTIME_PATH,
  type ClientToServerEvents,
  type NotificationCountEvent,
  type NotificationNewEvent,
  type ServerToClientEvents,
} from '@maillage/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { HttpClient } from '../../../test/http-client';
import { freshIp, networkWorld, type Person } from '../../../test/network-world';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { NotificationsService } from './notifications.service';
import type { NotifyInput } from './notifications.types';
import { UnsubscribeTokens } from './unsubscribe-token';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('notifications', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof networkWorld>>;
  let service: NotificationsService;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    app = await createTestApp();
    world = await networkWorld(app);
    service = app.running.app.get(NotificationsService);
  });
  afterEach(() => {
    while (sockets.length) sockets.pop()!.disconnect();
  });
  afterAll(() => app.close());

  const person = (withCompany = true) => world.person(withCompany);

  /** A connected socket.io client with the cookies of `http`. */
  const socketOf = async (http: HttpClient): Promise<ClientSocket> => {
    const origin = new URL(app.running.app.get<AppConfig>(APP_CONFIG).PUBLIC_URL).origin;
    const socket: ClientSocket = io(app.url + REALTIME_NAMESPACE, {
      path: REALTIME_PATH,
      transports: ['websocket'],
      extraHeaders: { origin, cookie: http.cookieHeader },
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return socket;
  };
  const next = <E extends 'notification:new' | 'notification:count'>(socket: ClientSocket, event: E) =>
    new Promise<E extends 'notification:new' ? NotificationNewEvent : NotificationCountEvent>((resolve) =>
      (socket.once as (e: string, cb: (payload: never) => void) => void)(event, resolve),
    );

  const mailsTo = (
    email: string,
  ): Promise<{ template: string; subject: string; text: string; html: string; headers: Record<string, string> | null }[]> =>
    app.db.query('SELECT template, subject, text, html, headers FROM mail_outbox WHERE "to" = $1 ORDER BY created_at', [email]);
  const count = async (sql: string, params: unknown[]) => Number((await app.db.query(sql, params))[0].n);
  const notificationsOf = (id: string) => count('SELECT count(*) AS n FROM notifications WHERE recipient_id = $1', [id]);

  /** A direct message notification to `to` (visible to everyone given, as the messaging module would check). */
  const message = (to: Person[], extra: Partial<NotifyInput> = {}) =>
    service.notify(null, {
      type: 'messaging.message',
      recipients: to.map((p) => p.id),
      actorId: world.admin.id,
      subject: { kind: 'conversation', id: randomUUID() },
      data: { author: 'Aline Martin', conversation: 'Achats groupés', excerpt: 'Bonjour à tous' },
      path: '/messages',
      visibleTo: async (ids) => new Set(ids),
      ...extra,
    });
  // The mail's text links to the web page that asks to confirm; its List-Unsubscribe header to the API (POST).
  const unsubscribeLink = (text: string) => /(https?:\/\/\S+\/desabonnement\?token=\S+)/.exec(text)![1];
  const apiUnsubscribeLink = (pageLink: string) =>
    `${new URL(pageLink).origin}/api/v1/notifications/unsubscribe${new URL(pageLink).search}`;

  it('stores a membership request in the managers’ centre, counts it live, mails it with a one-click link, and marks it read', async () => {
    const net = await world.createNetwork({ name: 'Club des notifications', visibility: 'private', joinPolicy: 'approval' });
    const staffSocket = await socketOf(world.staff.client);
    const arriving = next(staffSocket, 'notification:new');
    const applicant = await person();
    const before = (await world.staff.client.get('/api/v1/notifications/unread-count')).body.unreadCount;
    expect((await applicant.client.post(`/api/v1/networks/${net.id}/join`, { companyId: applicant.companyId })).status).toBe(201);

    const live = await arriving;
    expect(live.unreadCount).toBe(before + 1);
    expect(live.notification).toMatchObject({
      type: 'network.membership_request',
      subject: { kind: 'network_membership', id: applicant.companyId, networkId: net.id },
      actor: { id: applicant.id, name: expect.any(String) },
      data: { network: 'Club des notifications', company: `Entreprise ${applicant.id.slice(0, 8)}` },
      path: `/reseaux/${net.id}/membres`,
      read: false,
      count: 1,
    });
    const list = await world.staff.client.get('/api/v1/notifications?unread=true');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: before + 1, unreadCount: before + 1, page: 1, pageSize: 20 });
    expect(list.body.items[0]).toEqual(live.notification);
    expect((await world.staff.client.get('/api/v1/notifications/unread-count')).body).toEqual({ unreadCount: before + 1 });
    // The applicant is not told of their own request.
    expect(await notificationsOf(applicant.id)).toBe(0);

    const [mail] = (await mailsTo(world.staff.email)).filter((m) => m.template === 'network-membership-request').slice(-1);
    expect(mail.text).toContain(`/reseaux/${net.id}/membres`);
    expect(mail.text).toContain('Ne plus recevoir ces notifications (demandes d’adhésion à vos réseaux)');
    const link = unsubscribeLink(mail.text);
    expect(mail.headers).toEqual({
      'List-Unsubscribe': `<${apiUnsubscribeLink(link)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(mail.html).toContain(new URL(link).searchParams.get('token'));

    // Read: another tab's socket hears the new count; someone else's ids change nothing.
    const counted = next(staffSocket, 'notification:count');
    const other = await person();
    expect((await other.client.post('/api/v1/notifications/read', { ids: [live.notification.id] })).body).toEqual({ unreadCount: 0 });
    expect((await world.staff.client.get('/api/v1/notifications/unread-count')).body.unreadCount).toBe(before + 1);
    expect((await world.staff.client.post('/api/v1/notifications/read', { ids: [live.notification.id] })).body).toEqual({
      unreadCount: before,
    });
    expect(await counted).toEqual({ unreadCount: before });
    const all = await world.staff.client.get('/api/v1/notifications');
    expect(all.body.items.find((n: { id: string }) => n.id === live.notification.id).read).toBe(true);
    expect((await world.staff.client.post('/api/v1/notifications/read-all')).body).toEqual({ unreadCount: 0 });
    expect((await world.staff.client.get('/api/v1/notifications?unread=true')).body).toMatchObject({ items: [], total: 0, unreadCount: 0 });
  });

  it('tells the forums’ mentions and replies to followers, live and in the centre, linked to the post', async () => {
    const net = await world.createNetwork({ name: 'Club du forum', visibility: 'private' });
    const author = await person();
    const mentioned = await person();
    await world.enrol(net.id, author);
    await world.enrol(net.id, mentioned);
    const category = (await world.staff.client.post(`/api/v1/networks/${net.id}/forum/categories`, { name: 'Général' })).body.id;
    const socket = await socketOf(mentioned.client);
    const live = next(socket, 'notification:new');
    const topic = await author.client.post(`/api/v1/networks/${net.id}/forum/topics`, {
      categoryId: category,
      title: 'Achats d’énergie',
      body: `Votre avis ? @[Camille](person:${mentioned.id})`,
    });
    expect(topic.status).toBe(201);
    const { notification } = await live;
    expect(notification).toMatchObject({
      type: 'forum.mention',
      actor: { id: author.id },
      subject: { kind: 'forum_topic', id: topic.body.id, networkId: net.id },
      data: { topic: 'Achats d’énergie', network: 'Club du forum' },
    });
    expect(notification.path).toContain(topic.body.id);
    expect((await mailsTo(mentioned.email)).filter((m) => m.template === 'forum-mention')).toHaveLength(1);

    // The author follows the topic they opened: a reply reaches them.
    expect((await mentioned.client.post(`/api/v1/forum/topics/${topic.body.id}/posts`, { body: 'Intéressé !' })).status).toBe(201);
    const replies = (await author.client.get('/api/v1/notifications')).body.items.filter((n: { type: string }) => n.type === 'forum.reply');
    expect(replies).toMatchObject([{ actor: { id: mentioned.id }, data: { excerpt: 'Intéressé !' } }]);
  });

  it('pages newest first and folds repeats with the same key while unread', async () => {
    const reader = await person(false);
    for (let i = 0; i < 3; i++) await message([reader], { data: { author: `Auteur ${i}`, conversation: 'C', excerpt: `n°${i}` } });
    await message([reader], { dedupeKey: 'conversation:fold', data: { author: 'A', conversation: 'C', excerpt: 'premier' } });
    await message([reader], { dedupeKey: 'conversation:fold', data: { author: 'A', conversation: 'C', excerpt: 'second' } });
    const page1 = await reader.client.get('/api/v1/notifications?pageSize=2');
    expect(page1.body).toMatchObject({ total: 4, unreadCount: 4 });
    expect(page1.body.items.map((n: { data: { excerpt: string }; count: number }) => [n.data.excerpt, n.count])).toEqual([
      ['second', 2],
      ['n°2', 1],
    ]);
    const page2 = await reader.client.get('/api/v1/notifications?pageSize=2&page=2');
    expect(page2.body.items.map((n: { data: { excerpt: string } }) => n.data.excerpt)).toEqual(['n°1', 'n°0']);
    // One e-mail for the folded pair.
    expect((await mailsTo(reader.email)).filter((m) => m.template === 'messaging-message')).toHaveLength(4);
  });

  it('writes inside the caller’s transaction: nothing when it rolls back, the live event once after the commit', async () => {
    const reader = await person(false);
    const socket = await socketOf(reader.client);
    const heard: NotificationNewEvent[] = [];
    socket.on('notification:new', (event) => heard.push(event));
    const input: NotifyInput = {
      type: 'messaging.message',
      recipients: [reader.id],
      subject: { kind: 'conversation', id: randomUUID() },
      data: { author: 'Aline', conversation: 'C', excerpt: 'rolled back' },
      path: '/messages',
      visibleTo: async (ids, db) =>
        new Set((await db.query('SELECT id FROM people WHERE id = ANY($1::uuid[])', [ids])).map((r: { id: string }) => r.id)),
    };
    await expect(
      app.db.transaction(async (tx) => {
        await service.notify(tx, input);
        throw new Error('the content was not written');
      }),
    ).rejects.toThrow('the content was not written');
    expect([
      await notificationsOf(reader.id),
      (await mailsTo(reader.email)).filter((m) => m.template === 'messaging-message').length,
    ]).toEqual([0, 0]);

    const live = next(socket, 'notification:new');
    const result = await app.db.transaction(async (tx) => {
      const notified = await service.notify(tx, { ...input, data: { ...input.data, excerpt: 'committed' } });
      await tx.query('SELECT 1');
      return notified;
    });
    expect(result).toMatchObject({ notified: [reader.id], emailed: [reader.id] });
    expect((await live).notification.data.excerpt).toBe('committed');
    result.publish();
    // A round trip on the same socket: the second publish sent nothing more.
    const counted = next(socket, 'notification:count');
    await reader.client.post('/api/v1/notifications/read-all');
    await counted;
    expect(heard).toHaveLength(1);
  });

  it('honours each channel of the per-type preferences', async () => {
    const reader = await person(false);
    const prefs = await reader.client.get('/api/v1/notifications/preferences');
    expect(prefs.status).toBe(200);
    expect(prefs.body).toContainEqual({ type: 'messaging.message', channel: 'email_immediate', defaultChannel: 'email_immediate' });
    const set = async (channel: string) => {
      const res = await reader.client.put('/api/v1/notifications/preferences', { preferences: [{ type: 'messaging.message', channel }] });
      expect(res.status).toBe(200);
      expect(res.body).toContainEqual({ type: 'messaging.message', channel, defaultChannel: 'email_immediate' });
    };
    const mails = async () => (await mailsTo(reader.email)).filter((m) => m.template !== 'verify-email').length;
    const baseline = await mails();

    await message([reader]);
    expect([await notificationsOf(reader.id), await mails()]).toEqual([1, baseline + 1]);
    const [mail] = (await mailsTo(reader.email)).slice(-1);
    expect(mail).toMatchObject({ template: 'messaging-message', subject: 'Nouveau message d’Aline Martin' });
    expect(mail.text).toContain('Bonjour à tous');

    await set('in_app');
    await message([reader]);
    expect([await notificationsOf(reader.id), await mails()]).toEqual([2, baseline + 1]);

    await set('email_digest');
    await message([reader]);
    expect([await notificationsOf(reader.id), await mails()]).toEqual([3, baseline + 1]);
    expect(await service.runDigest(new Date())).toBeGreaterThanOrEqual(1);
    expect((await mailsTo(reader.email)).filter((m) => m.template === 'notification-digest')).toHaveLength(1);

    await set('off');
    const result = await message([reader]);
    expect(result.notified).toEqual([]);
    expect([await notificationsOf(reader.id), await mails()]).toEqual([3, baseline + 2]);
    // Other types keep their default.
    expect((await reader.client.get('/api/v1/notifications/preferences')).body).toContainEqual({
      type: 'forum.mention',
      channel: 'email_immediate',
      defaultChannel: 'email_immediate',
    });
  });

  it('unsubscribes in one click without login; a forged or altered link is refused and changes nothing', async () => {
    const reader = await person(false);
    await message([reader]);
    const link = unsubscribeLink((await mailsTo(reader.email)).slice(-1)[0].text);
    const token = new URL(link).searchParams.get('token')!;
    const channel = async () =>
      (await reader.client.get('/api/v1/notifications/preferences')).body.find((p: { type: string }) => p.type === 'messaging.message')
        .channel;
    const anonymous = app.client(freshIp());

    const [payload, mac] = token.split('.');
    const forgedForOther = new UnsubscribeTokens('not-the-secret-not-the-secret-not-the-secret').sign({
      personId: reader.id,
      scope: 'messaging.message',
    });
    const altered = [
      `${payload}.${mac.slice(0, -2)}${mac.endsWith('AA') ? 'BB' : 'AA'}`,
      `${Buffer.from(`${world.staff.id} messaging.message`).toString('base64url')}.${mac}`,
      forgedForOther,
      'garbage',
    ];
    for (const bad of altered) {
      for (const method of ['GET', 'POST'] as const) {
        const res = await anonymous.request(method, `/api/v1/notifications/unsubscribe?token=${encodeURIComponent(bad)}`);
        expect([bad, method, res.status, res.body.code]).toEqual([bad, method, 400, 'INVALID_TOKEN']);
      }
    }
    expect(await channel()).toBe('email_immediate');
    expect(
      await count('SELECT count(*) AS n FROM notification_preferences WHERE person_id = ANY($1::uuid[])', [[reader.id, world.staff.id]]),
    ).toBe(0);

    // Opening the link (a person, or a mail scanner) only says what it would turn off.
    const preview = await anonymous.get(`/api/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({ scope: 'messaging.message' });
    expect(await channel()).toBe('email_immediate');
    // The page's button confirms.
    const res = await anonymous.request('POST', `/api/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ scope: 'messaging.message', channel: 'off', message: expect.stringContaining('nouveaux messages') });
    expect(await channel()).toBe('off');
    await message([reader]);
    expect((await mailsTo(reader.email)).filter((m) => m.template === 'messaging-message')).toHaveLength(1);

    // RFC 8058: the mail provider POSTs the form, without cookies or CSRF token.
    await reader.client.put('/api/v1/notifications/preferences', { preferences: [{ type: 'messaging.message', channel: 'in_app' }] });
    const oneClick = await fetch(app.url + new URL(apiUnsubscribeLink(link)).pathname + new URL(link).search, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await channel()).toBe('off');
    expect((await anonymous.request('POST', '/api/v1/notifications/unsubscribe?token=garbage')).status).toBe(400);
  });

  it('groups the day’s digest per person and sends it once, even when two runs race', async () => {
    const readers = [await person(false), await person(false)];
    for (const reader of readers) {
      await reader.client.put('/api/v1/notifications/preferences', {
        preferences: [{ type: 'messaging.message', channel: 'email_digest' }],
      });
    }
    await message(readers, { data: { author: 'Alice', conversation: 'Export', excerpt: 'un' } });
    await message(readers, { data: { author: 'Bruno', conversation: 'Achats', excerpt: 'deux' }, dedupeKey: 'conversation:d' });
    await message(readers, { data: { author: 'Bruno', conversation: 'Achats', excerpt: 'trois' }, dedupeKey: 'conversation:d' });
    // Read before the digest: left out of it.
    const readFirst = (await readers[1].client.get('/api/v1/notifications')).body.items.find(
      (n: { data: { author: string } }) => n.data.author === 'Alice',
    );
    await readers[1].client.post('/api/v1/notifications/read', { ids: [readFirst.id] });

    const now = new Date();
    const runs = await Promise.all([service.runDigest(now), service.runDigest(now)]);
    expect(runs.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2);
    const digests = await Promise.all(
      readers.map(async (r) => (await mailsTo(r.email)).filter((m) => m.template === 'notification-digest')),
    );
    expect(digests.map((d) => d.length)).toEqual([1, 1]);
    expect(digests[0][0].subject).toBe('Votre résumé Maillage du jour : 2 notifications');
    expect(digests[0][0].text).toContain('- Nouveau message de Bruno (×2)');
    expect(digests[0][0].text).toContain('- Nouveau message d’Alice');
    expect(digests[0][0].headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(digests[1][0].subject).toBe('Votre résumé Maillage du jour : 1 notification');
    expect(digests[1][0].text).not.toContain('Alice');
    expect((await mailsTo(readers[0].email)).filter((m) => m.template === 'messaging-message')).toEqual([]);

    // Once a day: a later run the same day sends nothing more.
    await message(readers);
    expect(await service.runDigest(new Date())).toBe(0);

    // The digest's own link stops the digest e-mails (the types stay in the centre).
    const res = await app
      .client(freshIp())
      .request('POST', `/api/v1/notifications/unsubscribe?token=${new URL(unsubscribeLink(digests[0][0].text)).searchParams.get('token')}`);
    expect(res.body).toMatchObject({ scope: 'digest', channel: 'in_app' });
    expect((await readers[0].client.get('/api/v1/notifications/preferences')).body).toContainEqual({
      type: 'messaging.message',
      channel: 'in_app',
      defaultChannel: 'email_immediate',
    });
  });

  it('never tells anyone about content they cannot see (canary)', async () => {
    const canary = `canary-${randomUUID()}`;
    const net = await world.createNetwork({ name: `Réseau ${canary}`, visibility: 'secret', joinPolicy: 'invitation' });
    const member = await person();
    const outsider = await person();
    await world.enrol(net.id, member);
    const mention: NotifyInput = {
      type: 'forum.mention',
      recipients: [member.id, outsider.id],
      actorId: world.staff.id,
      subject: { kind: 'forum_post', id: randomUUID(), networkId: net.id },
      data: { author: 'Camille', topic: canary, network: `Réseau ${canary}`, excerpt: canary },
      path: '/forums',
    };
    // The access policy's default check (forum readers of the network).
    expect((await service.notify(null, mention)).notified).toEqual([member.id]);
    // A caller's check is applied as given (it narrows to nobody here); no network and no check, or a type without a default check: nobody.
    expect((await service.notify(null, { ...mention, visibleTo: async () => new Set() })).notified).toEqual([]);
    expect((await service.notify(null, { ...mention, subject: { kind: 'forum_post', id: randomUUID() } })).notified).toEqual([]);
    expect((await service.notify(null, { ...mention, type: 'messaging.message' })).notified).toEqual([]);

    for (const path of ['/api/v1/notifications', '/api/v1/notifications/unread-count']) {
      expect(JSON.stringify((await outsider.client.get(path)).body)).not.toContain(canary);
    }
    expect(await notificationsOf(outsider.id)).toBe(0);
    expect(JSON.stringify(await mailsTo(outsider.email))).not.toContain(canary);
    expect(JSON.stringify((await member.client.get('/api/v1/notifications')).body)).toContain(canary);
    expect((await mailsTo(member.email)).filter((m) => m.template === 'forum-mention')).toHaveLength(1);

    // Waiting for the digest, then out of the network: the digest leaves it out.
    const leaver = await person();
    await world.enrol(net.id, leaver);
    await leaver.client.put('/api/v1/notifications/preferences', { preferences: [{ type: 'forum.mention', channel: 'email_digest' }] });
    expect((await service.notify(null, { ...mention, recipients: [leaver.id] })).notified).toEqual([leaver.id]);
    const left = await leaver.client.delete(`/api/v1/networks/${net.id}/members/${leaver.companyId}`);
    expect(left.status).toBeLessThan(300);
    await service.runDigest(new Date());
    // The invitation of the leaver's company, sent while it was invited, names the network: the digest must not.
    expect(JSON.stringify((await mailsTo(leaver.email)).filter((m) => m.template !== 'network-invitation-notice'))).not.toContain(canary);
    // Nor does the centre: the entry received while a member goes once the person is out.
    expect(JSON.stringify((await leaver.client.get('/api/v1/notifications')).body)).not.toContain(canary);
    expect(await notificationsOf(leaver.id)).toBe(0);
    // A member removed by an animator loses it too; the others keep theirs.
    const removed = await person();
    await world.enrol(net.id, removed);
    await service.notify(null, { ...mention, recipients: [removed.id] });
    expect(JSON.stringify((await removed.client.get('/api/v1/notifications')).body)).toContain(canary);
    expect((await world.staff.client.delete(`/api/v1/networks/${net.id}/members/${removed.companyId}`)).status).toBeLessThan(300);
    expect(JSON.stringify((await removed.client.get('/api/v1/notifications?unread=true')).body)).not.toContain(canary);
    expect(JSON.stringify((await member.client.get('/api/v1/notifications')).body)).toContain(canary);
  });

  it('answers bad input with named 4xx and writes nothing', async () => {
    const reader = await person(false);
    const anonymous = app.client(freshIp());
    expect((await anonymous.get('/api/v1/notifications')).status).toBe(401);
    expect((await anonymous.get('/api/v1/notifications/preferences')).status).toBe(401);
    for (const query of ['unread=maybe', 'pageSize=1000', 'page=0', 'extra=1']) {
      expect([query, (await reader.client.get(`/api/v1/notifications?${query}`)).status]).toEqual([query, 400]);
    }
    const bodies: [string, string, unknown][] = [
      ['POST', '/api/v1/notifications/read', { ids: ['not-a-uuid'] }],
      ['POST', '/api/v1/notifications/read', { ids: [] }],
      ['POST', '/api/v1/notifications/read', { ids: [randomUUID()], extra: true }],
      ['POST', '/api/v1/notifications/read', {}],
      ['PUT', '/api/v1/notifications/preferences', { preferences: [{ type: 'forum.unknown', channel: 'off' }] }],
      ['PUT', '/api/v1/notifications/preferences', { preferences: [{ type: 'forum.reply', channel: 'sms' }] }],
      ['PUT', '/api/v1/notifications/preferences', { preferences: [{ type: 'forum.reply', channel: 'off', extra: 1 }] }],
      ['PUT', '/api/v1/notifications/preferences', { preferences: [] }],
      ['PUT', '/api/v1/notifications/preferences', { preferences: 'off' }],
    ];
    for (const [method, path, body] of bodies) {
      const res = await reader.client.request(method, path, body);
      expect([path, JSON.stringify(body), res.status]).toEqual([path, JSON.stringify(body), 400]);
      expect(res.body.code).toBeDefined();
    }
    const invalid = await reader.client.put('/api/v1/notifications/preferences', {
      preferences: [{ type: 'forum.reply', channel: 'sms' }],
    });
    expect(JSON.stringify(invalid.body.details)).toContain('channel');
    expect(await count('SELECT count(*) AS n FROM notification_preferences WHERE person_id = $1', [reader.id])).toBe(0);
    expect((await anonymous.get('/api/v1/notifications/unsubscribe')).status).toBe(400);
    expect((await anonymous.get(`/api/v1/notifications/unsubscribe?token=${'x'.repeat(600)}`)).status).toBe(400);
    // Writes need the CSRF token (the one-click link aside).
    expect(
      (await anonymous.request('PUT', '/api/v1/notifications/preferences', { preferences: [] }, { headers: {} })).status,
    ).toBeGreaterThanOrEqual(400);
  });
});
