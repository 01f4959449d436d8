// Announcements, per-network notification levels and activity feeds over HTTP against a real database: the flows,
// bad input, the role × endpoint matrix and the canary (a private item never reaches someone who may not see it).
import { NotificationsService } from '../notifications/notifications.service';
import type { HttpClient } from '../../../test/http-client';
import { networkWorld, type Person } from '../../../test/network-world';
import { createTestApp, type TestApp } from '../../../test/test-app';

const V1 = '/api/v1';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('announcements, network notification levels and activity feeds', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof networkWorld>>;
  let animator: Person;
  let member: Person;
  let outsider: Person;
  let club: { id: string; slug: string };
  let anonymous: HttpClient;
  const count = async (table: string) => Number((await app.db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const notificationsOf = async (who: Person): Promise<{ type: string; data: Record<string, unknown>; subject: { networkId: string } }[]> =>
    (await who.client.get(`${V1}/notifications?pageSize=100`)).body.items;
  const mailsTo = (email: string): Promise<{ subject: string; text: string; html: string }[]> =>
    app.db.query('SELECT subject, text, html FROM mail_outbox WHERE "to" = $1 ORDER BY created_at', [email]);
  const announce = async (who: Person, networkId: string, body: Record<string, unknown> = {}) => {
    const res = await who.client.post(`${V1}/networks/${networkId}/announcements`, {
      title: 'Assemblée générale le 12 mars',
      body: 'Venez **nombreux**.',
      ...body,
    });
    if (res.status !== 201) throw new Error(`announcement: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; pinned: boolean; html: string };
  };
  const topic = async (who: Person, networkId: string, title: string) => {
    const categories = (await who.client.get(`${V1}/networks/${networkId}/forum/categories`)).body as { id: string }[];
    const res = await who.client.post(`${V1}/networks/${networkId}/forum/topics`, {
      categoryId: categories[0].id,
      title,
      body: 'Qui est intéressé ?',
    });
    if (res.status !== 201) throw new Error(`topic: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };
  const event = async (who: Person, networkId: string, title: string) => {
    const res = await who.client.post(`${V1}/networks/${networkId}/agenda/events`, {
      title,
      format: 'online',
      onlineUrl: 'https://visio.example.org/club',
      startsAt: '2031-06-10T18:00',
      endsAt: '2031-06-10T20:00',
    });
    if (res.status !== 201) throw new Error(`event: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body[0] as { id: string };
  };
  const document = async (who: Person, networkId: string, title: string, folderId?: string) => {
    const form = new FormData();
    form.append('title', title);
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'note.pdf');
    const res = await who.client.request<{ id: string }>(
      'POST',
      `${V1}/networks/${networkId}/documents${folderId ? `?folderId=${folderId}` : ''}`,
      undefined,
      { raw: form },
    );
    if (res.status !== 201) throw new Error(`document: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const feed = async (client: HttpClient, networkId: string) => {
    const res = await client.get(`${V1}/networks/${networkId}/activity`);
    return {
      status: res.status,
      items: (res.body?.items ?? []) as { kind: string; title: string; actor: string | null; path: string }[],
      text: JSON.stringify(res.body),
    };
  };

  beforeAll(async () => {
    app = await createTestApp();
    world = await networkWorld(app);
    animator = await world.person(true, 'Claire');
    member = await world.person(true, 'Marc');
    outsider = await world.person(true, 'Oscar');
    anonymous = app.client();
    club = await world.createNetwork({ name: 'Club des industriels du Forez', visibility: 'private', joinPolicy: 'approval' });
    await world.enrol(club.id, animator, 'animator');
    await world.enrol(club.id, member);
  });
  afterAll(() => app?.close());

  it('publishes a pinned announcement, tells every member at once (in-app and e-mail), and lets its animators edit, unpin and delete it', async () => {
    const created = await announce(animator, club.id, {
      body: 'Venez **nombreux**. <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>',
    });
    expect(created.pinned).toBe(true);
    expect(created.html).toContain('<strong>nombreux</strong>');
    // Raw HTML is shown as text, never as markup; javascript: links are not links.
    expect(created.html).not.toMatch(/<script|<img|href="javascript:/i);
    expect(created.html).toContain('&lt;script&gt;');

    const told = (await notificationsOf(member)).filter((n) => n.type === 'network.announcement');
    expect(told).toHaveLength(1);
    expect(told[0].data).toMatchObject({ title: 'Assemblée générale le 12 mars' });
    expect((await mailsTo(member.email)).map((m) => m.subject)).toContain('Club des industriels du Forez : Assemblée générale le 12 mars');
    // The author is not told of her own announcement; nobody outside the network is.
    expect((await notificationsOf(animator)).some((n) => n.type === 'network.announcement')).toBe(false);
    expect(await notificationsOf(outsider)).toEqual([]);
    expect(JSON.stringify(await mailsTo(outsider.email))).not.toContain('Assemblée');

    const list = await member.client.get(`${V1}/networks/${club.id}/announcements`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject([{ id: created.id, pinned: true, canManage: false }]);

    const edited = await animator.client.put(`${V1}/announcements/${created.id}`, { title: 'AG le 14 mars', body: 'Nouvelle date.' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'AG le 14 mars', pinned: true, canManage: true });
    // An edit is not a new announcement: nobody is told again.
    expect((await notificationsOf(member)).filter((n) => n.type === 'network.announcement')).toHaveLength(1);

    const unpinned = await animator.client.post(`${V1}/announcements/${created.id}/unpin`);
    expect(unpinned.body.pinned).toBe(false);
    const expiring = await announce(animator, club.id, {
      title: 'Inscriptions ouvertes',
      pinnedUntil: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(expiring.pinned).toBe(true);
    // Its date passed: no longer pinned, still listed.
    await app.db.query(`UPDATE announcements SET pinned_until = now() - interval '1 minute' WHERE id = $1`, [expiring.id]);
    const after = (await member.client.get(`${V1}/networks/${club.id}/announcements`)).body as { id: string; pinned: boolean }[];
    expect(after.map((a) => [a.id, a.pinned])).toEqual(
      expect.arrayContaining([
        [expiring.id, false],
        [created.id, false],
      ]),
    );

    expect((await animator.client.delete(`${V1}/announcements/${created.id}`)).status).toBe(204);
    expect((await member.client.get(`${V1}/announcements/${created.id}`)).status).toBe(404);
  });

  it('refuses bad input with a clear 4xx and writes nothing', async () => {
    const before = await count('announcements');
    const notes = await count('notifications');
    const bad: [Record<string, unknown>, number][] = [
      [{ title: 'Ligne\r\nBcc: victime@example.org', body: 'x' }, 400],
      [{ title: 'Titre\nsuite', body: 'x' }, 400],
      [{ title: '   ', body: 'x' }, 400],
      [{ title: 'x'.repeat(151), body: 'x' }, 400],
      [{ title: 'Titre', body: '' }, 400],
      [{ title: 'Titre', body: 'x', pinnedUntil: '2020-01-01T00:00:00Z' }, 400],
      [{ title: 'Titre', body: 'x', pinnedUntil: 'demain' }, 400],
      [{ title: 'Titre', body: 'x', pinned: 'oui' }, 400],
      [{ title: 'Titre', body: 'x', extra: 1 }, 400],
    ];
    for (const [body, status] of bad) {
      const res = await animator.client.post(`${V1}/networks/${club.id}/announcements`, body);
      expect({ body, status: res.status }).toEqual({ body, status });
      expect(res.body.code).toBeDefined();
    }
    // A network one does not run: refused, nothing written.
    const other = await world.createNetwork({ name: 'Grappe voisine' });
    expect((await animator.client.post(`${V1}/networks/${other.id}/announcements`, { title: 'Intrus', body: 'x' })).status).toBe(403);
    expect((await animator.client.post(`${V1}/networks/not-a-uuid/announcements`, { title: 'x', body: 'x' })).status).toBe(404);
    expect(await count('announcements')).toBe(before);
    expect(await count('notifications')).toBe(notes);
    // Levels: an unknown level, a network that does not exist.
    expect((await member.client.put(`${V1}/notifications/networks/${club.id}`, { level: 'some' })).status).toBe(400);
    expect((await member.client.put(`${V1}/notifications/networks/00000000-0000-4000-8000-000000000000`, { level: 'all' })).status).toBe(
      404,
    );
    expect(await count('network_notification_levels')).toBe(0);
  });

  it('applies the role × endpoint matrix to a private network’s announcements', async () => {
    const moderatorPerson = await world.person(true, 'Mona');
    await world.enrol(club.id, moderatorPerson, 'moderator');
    const target = await announce(animator, club.id, { title: 'Matrice' });
    const who: [string, HttpClient][] = [
      ['anonymous', anonymous],
      ['outsider', outsider.client],
      ['member', member.client],
      ['moderator', moderatorPerson.client],
      ['animator', animator.client],
      ['host staff', world.staff.client],
      ['platform admin', world.admin.client],
    ];
    const body = { title: 'Essai', body: 'Texte' };
    // [label, request, expected status per person in the order above]
    const rows: [string, (c: HttpClient) => Promise<{ status: number }>, number[]][] = [
      ['list', (c) => c.get(`${V1}/networks/${club.id}/announcements`), [404, 404, 200, 200, 200, 200, 200]],
      ['get', (c) => c.get(`${V1}/announcements/${target.id}`), [404, 404, 200, 200, 200, 200, 200]],
      ['feed', (c) => c.get(`${V1}/networks/${club.id}/activity`), [200, 200, 200, 200, 200, 200, 200]],
      ['create', (c) => c.post(`${V1}/networks/${club.id}/announcements`, body), [401, 403, 403, 403, 201, 201, 201]],
      ['update', (c) => c.put(`${V1}/announcements/${target.id}`, body), [401, 404, 403, 403, 200, 200, 200]],
      ['unpin', (c) => c.post(`${V1}/announcements/${target.id}/unpin`), [401, 404, 403, 403, 200, 200, 200]],
      ['level', (c) => c.put(`${V1}/notifications/networks/${club.id}`, { level: 'highlights' }), [401, 200, 200, 200, 200, 200, 200]],
    ];
    for (const [label, request, expected] of rows) {
      const got: number[] = [];
      for (const [, client] of who) got.push((await request(client)).status);
      expect({ label, got }).toEqual({ label, got: expected });
    }
    const deletes = [401, 404, 403, 403, 204];
    for (const [i, [, client]] of who.slice(0, 5).entries()) {
      expect((await client.delete(`${V1}/announcements/${target.id}`)).status).toBe(deletes[i]);
    }
    await app.db.query('DELETE FROM network_notification_levels');
  });

  it('tells each member of a network’s news as their level for it allows: highlights by default, everything, or nothing', async () => {
    const quiet = await world.person(true, 'Quentin');
    const keen = await world.person(true, 'Karine');
    await world.enrol(club.id, quiet);
    await world.enrol(club.id, keen);
    expect((await keen.client.put(`${V1}/notifications/networks/${club.id}`, { level: 'all' })).body).toEqual({
      networkId: club.id,
      level: 'all',
    });
    expect((await quiet.client.put(`${V1}/notifications/networks/${club.id}`, { level: 'none' })).status).toBe(200);
    expect((await keen.client.get(`${V1}/notifications/networks`)).body).toEqual([{ networkId: club.id, level: 'all' }]);

    await topic(animator, club.id, 'Achats groupés d’énergie');
    await event(animator, club.id, 'Visite d’usine');
    await document(animator, club.id, 'Compte rendu de bureau');
    await announce(animator, club.id, { title: 'Nouveau site du club' });

    const types = async (who: Person) =>
      (await notificationsOf(who))
        .filter((n) => n.type.startsWith('network.') && n.type !== 'network.invitation' && n.subject.networkId === club.id)
        .map((n) => n.type)
        .sort();
    expect(await types(member)).toEqual(expect.arrayContaining(['network.announcement', 'network.new_event']));
    expect(await types(member)).not.toContain('network.new_topic');
    expect(await types(member)).not.toContain('network.new_document');
    expect(await types(keen)).toEqual(['network.announcement', 'network.new_document', 'network.new_event', 'network.new_topic']);
    expect(await types(quiet)).toEqual([]);
    expect(await notificationsOf(outsider)).toEqual([]);

    // The daily digest groups Karine's news under the network's name; Quentin's is empty.
    const digests = await app.running.app.get(NotificationsService).runDigest(new Date(Date.now() + 1000));
    expect(digests).toBeGreaterThan(0);
    const [digest] = (await mailsTo(keen.email)).filter((m) => m.subject.startsWith('Votre résumé'));
    expect(digest.text).toMatch(/\nClub des industriels du Forez\n- /);
    expect(digest.text).toContain('- Nouveau sujet dans Club des industriels du Forez : « Achats groupés d’énergie »');
    expect(digest.text).toContain('Nouveau document dans Club des industriels du Forez');
    expect(digest.html).toContain('<h3');
    expect((await mailsTo(quiet.email)).filter((m) => m.subject.startsWith('Votre résumé'))).toEqual([]);
  });

  it('shows a network’s activity to each reader as far as they may see each item (canary), and gathers one’s networks on the home', async () => {
    const CANARY = `canari${process.pid}zq`;
    const restricted = (await animator.client.post(`${V1}/networks/${club.id}/documents/folders`, { name: 'Bureau', animatorsOnly: true }))
      .body as { id: string };
    await topic(animator, club.id, `Sujet ${CANARY}`);
    await event(animator, club.id, `Événement ${CANARY}`);
    await document(member, club.id, `Document ${CANARY}`);
    await document(animator, club.id, `Réservé ${CANARY}-bureau`, restricted.id);
    await announce(animator, club.id, { title: `Annonce ${CANARY}` });
    const pub = await world.createNetwork({ name: 'Club ouvert de Roanne' });
    await world.enrol(pub.id, outsider);
    await topic(outsider, pub.id, 'Sujet public de Roanne');

    // A weekly series is announced once, by its next occurrence, not once per date.
    const series = await animator.client.post(`${V1}/networks/${club.id}/agenda/events`, {
      title: `Réunion mensuelle ${CANARY}`,
      format: 'online',
      onlineUrl: 'https://visio.example.org/club',
      startsAt: '2031-06-03T18:00',
      endsAt: '2031-06-03T20:00',
      recurrence: { frequency: 'weekly', count: 3 },
    });
    expect(series.status).toBe(201);

    const mine = await feed(member.client, club.id);
    expect(mine.status).toBe(200);
    expect(mine.items.filter((i) => i.title === `Réunion mensuelle ${CANARY}`).map((i) => i.path)).toEqual([
      `/evenements/${(series.body as { id: string }[])[0].id}`,
    ]);
    const kinds = new Set(mine.items.map((i) => i.kind));
    expect([...kinds].sort()).toEqual(['announcement', 'document', 'event', 'member', 'topic']);
    expect(mine.text).toContain(`Sujet ${CANARY}`);
    // An animators-only folder's document: its managers see it, a plain member does not.
    expect(mine.text).not.toContain(`${CANARY}-bureau`);
    expect((await feed(animator.client, club.id)).text).toContain(`${CANARY}-bureau`);
    expect(mine.items.find((i) => i.kind === 'topic')?.actor).toEqual(expect.any(String));

    // Outsiders and anonymous visitors of a private network: nothing of its content, nor its members.
    for (const client of [outsider.client, anonymous]) {
      const theirs = await feed(client, club.id);
      expect(theirs.status).toBe(200);
      expect(theirs.items).toEqual([]);
      expect(theirs.text).not.toContain(CANARY);
    }
    // A secret network does not reveal itself at all.
    const secret = await world.createNetwork({ name: 'Cercle discret', visibility: 'secret', joinPolicy: 'invitation' });
    expect((await feed(outsider.client, secret.id)).status).toBe(404);
    expect((await feed(anonymous, secret.id)).status).toBe(404);
    // Public network: anyone reads its topics, but only signed-in readers see who wrote them.
    const open = await feed(anonymous, pub.id);
    expect(open.items.find((i) => i.kind === 'topic')).toMatchObject({ title: 'Sujet public de Roanne', actor: null });

    // The home gathers one's networks, each item as far as one may see it.
    const home = await member.client.get(`${V1}/home/activity`);
    expect(home.status).toBe(200);
    expect(JSON.stringify(home.body)).toContain(`Annonce ${CANARY}`);
    expect(JSON.stringify(home.body)).not.toContain(`${CANARY}-bureau`);
    const outsiderHome = await outsider.client.get(`${V1}/home/activity`);
    expect(JSON.stringify(outsiderHome.body)).toContain('Sujet public de Roanne');
    expect(JSON.stringify(outsiderHome.body)).not.toContain(CANARY);
    expect((await anonymous.get(`${V1}/home/activity`)).status).toBe(401);
    // Nor through notifications or e-mails.
    expect(JSON.stringify(await notificationsOf(outsider))).not.toContain(CANARY);
    expect(JSON.stringify(await mailsTo(outsider.email))).not.toContain(CANARY);
    expect(JSON.stringify(await notificationsOf(member))).not.toContain(`${CANARY}-bureau`);
  });
});
