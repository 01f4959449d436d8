// Forums over HTTP against a real database: flows, bad input, the role × endpoint matrix, the canary,
// the live room, and the cost in SQL queries of a topic page.
import { io } from 'socket.io-client';
import { REALTIME_NAMESPACE, REALTIME_PATH, type ForumActivityEvent, type ForumPostEvent } from '@maillage/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { PNG } from '../../../test/fixtures';
import type { HttpClient, HttpResponse } from '../../../test/http-client';
import { networkWorld, type Person } from '../../../test/network-world';
import { recordQueries } from '../../../test/query-counter';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { ModerationService } from '../moderation/moderation.service';
import { ForumsService } from './forums.service';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const V1 = '/api/v1';
/** The tests post a lot: the posting rate limit is raised (and checked on its own below). */
const GENEROUS = {
  newMember: { perTenMinutes: 10000, perDay: 10000 },
  established: { perTenMinutes: 10000, perDay: 10000 },
  newMemberDays: 0,
};

describe('forums (HTTP, real database)', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof networkWorld>>;
  let staff: Person;
  let admin: Person;
  /** A private club (approval) and a public club, both children of a federation; another private club elsewhere. */
  let priv: string;
  let pub: string;
  let fed: string;
  let other: string;
  let author: Person;
  let member: Person;
  let moderator: Person;
  let animator: Person;
  let pending: Person;
  let nonMember: Person;
  let otherAnimator: Person;
  let privCategory: string;
  let pubCategory: string;

  const count = async (table: string) => Number((await app.db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const mailsTo = async (email: string): Promise<{ subject: string; text: string; template: string }[]> =>
    app.db.query('SELECT subject, text, template FROM mail_outbox WHERE "to" = $1 ORDER BY created_at', [email]);

  async function newTopic(who: Person, networkId = priv, body: Record<string, unknown> = {}) {
    const res = await who.client.post(`${V1}/networks/${networkId}/forum/topics`, {
      categoryId: networkId === priv ? privCategory : pubCategory,
      title: 'Mutualiser les achats d’énergie',
      body: 'Qui est intéressé par un **groupement** ?',
      ...body,
    });
    if (res.status !== 201) throw new Error(`topic: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; networkId: string };
  }
  async function reply(who: Person, topicId: string, body = 'Bonne idée', extra: Record<string, unknown> = {}) {
    const res = await who.client.post(`${V1}/forum/topics/${topicId}/posts`, { body, ...extra });
    if (res.status !== 201) throw new Error(`reply: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; sequence: number; html: string };
  }
  const page = (who: HttpClient, topicId: string, query = '') => who.get(`${V1}/forum/topics/${topicId}${query}`);

  beforeAll(async () => {
    app = await createTestApp();
    app.running.app.get(ModerationService).setPostingLimits(GENEROUS);
    world = await networkWorld(app);
    ({ staff, admin } = world);
    fed = (await world.createNetwork({ name: 'Fédération des clubs de la Loire' })).id;
    priv = (await world.createNetwork({ name: 'Club privé du Forez', visibility: 'private', joinPolicy: 'approval' })).id;
    pub = (await world.createNetwork({ name: 'Club public de Roanne' })).id;
    other = (await world.createNetwork({ name: 'Club de Lyon', visibility: 'private', hostOrganizationId: world.otherHostId }, admin)).id;
    for (const id of [priv, pub]) expect((await staff.client.put(`${V1}/networks/${id}/parents`, { parentIds: [fed] })).status).toBe(200);
    [author, member, moderator, animator, pending, nonMember, otherAnimator] = await Promise.all(
      ['Aline', 'Bruno', 'Chloé', 'Denis', 'Emma', 'Fabien', 'Gaëlle'].map((name) => world.person(true, name)),
    );
    for (const [who, role] of [
      [author, 'member'],
      [member, 'member'],
      [moderator, 'moderator'],
      [animator, 'animator'],
    ] as const) {
      await world.enrol(priv, who, role);
      await world.enrol(pub, who, role);
    }
    await world.enrol(other, otherAnimator, 'animator', admin);
    const asked = await pending.client.post(`${V1}/networks/${priv}/join`, { companyId: pending.companyId });
    expect(asked.body.status).toBe('pending');
    privCategory = (await animator.client.post(`${V1}/networks/${priv}/forum/categories`, { name: 'Achats' })).body.id;
    pubCategory = (await staff.client.post(`${V1}/networks/${pub}/forum/categories`, { name: 'Général', description: 'Tout sujet' })).body
      .id;
  });
  afterAll(() => app.close());

  describe('flows', () => {
    it('opens a topic, replies with quotes and reactions, tracks unread posts and edits with history', async () => {
      const topic = await newTopic(author);
      const list = await member.client.get(`${V1}/networks/${priv}/forum/topics`);
      expect(list.status).toBe(200);
      expect(list.body.items.find((t: { id: string }) => t.id === topic.id)).toMatchObject({
        title: 'Mutualiser les achats d’énergie',
        postCount: 1,
        unreadCount: 1,
        pinned: false,
        locked: false,
        solved: false,
        author: { personId: author.id, firstName: 'Aline', company: { id: author.companyId } },
      });

      const first = await page(author.client, topic.id);
      expect(first.status).toBe(200);
      const opening = first.body.posts.items[0];
      expect(opening).toMatchObject({
        sequence: 1,
        html: '<p>Qui est intéressé par un <strong>groupement</strong> ?</p>\n',
        canEdit: true,
        state: 'visible',
      });
      expect(opening.markdown).toBe('Qui est intéressé par un **groupement** ?');
      expect(first.body.topic).toMatchObject({
        following: true,
        lastReadSequence: 1,
        permissions: { canReply: true, canModerate: false, canSolve: true },
      });

      const answer = await reply(member, topic.id, 'Oui, **nous** aussi', { quotePostId: opening.id });
      expect(answer).toMatchObject({
        sequence: 2,
        quote: { postId: opening.id, sequence: 1, authorName: 'Aline Martin', excerpt: 'Qui est intéressé par un groupement ?' },
      });
      // The author follows their topic: the reply is mailed to them, in their language.
      expect((await mailsTo(author.email)).at(-1)).toMatchObject({
        template: 'forum-reply',
        subject: 'Nouvelle réponse dans « Mutualiser les achats d’énergie »',
      });

      const unread = await author.client.get(`${V1}/networks/${priv}/forum/topics?filter=unread`);
      expect(unread.body.items.map((t: { id: string; unreadCount: number }) => [t.id, t.unreadCount])).toContainEqual([topic.id, 1]);
      expect((await author.client.put(`${V1}/forum/topics/${topic.id}/read`, { sequence: 99 })).status).toBe(204);
      expect((await page(author.client, topic.id)).body.topic.lastReadSequence).toBe(2);
      expect(
        (await author.client.get(`${V1}/networks/${priv}/forum/topics?filter=unread`)).body.items.map((t: { id: string }) => t.id),
      ).not.toContain(topic.id);

      const reacted = await author.client.put(`${V1}/forum/posts/${answer.id}/reactions/thumbs_up`, {});
      expect(reacted.status).toBe(200);
      expect(reacted.body).toEqual([{ reaction: 'thumbs_up', count: 1, mine: true }]);
      await member.client.put(`${V1}/forum/posts/${answer.id}/reactions/thumbs_up`, {});
      await member.client.put(`${V1}/forum/posts/${answer.id}/reactions/heart`, {});
      const seen = (await page(moderator.client, topic.id)).body.posts.items[1];
      expect(seen.reactions).toEqual([
        { reaction: 'thumbs_up', count: 2, mine: false },
        { reaction: 'heart', count: 1, mine: false },
      ]);
      expect((await member.client.delete(`${V1}/forum/posts/${answer.id}/reactions/heart`)).body).toEqual([
        { reaction: 'thumbs_up', count: 2, mine: true },
      ]);

      const edited = await member.client.patch(`${V1}/forum/posts/${answer.id}`, { body: 'Oui, *nous* aussi (corrigé)' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ edited: true, html: '<p>Oui, <em>nous</em> aussi (corrigé)</p>\n' });
      const history = await author.client.get(`${V1}/forum/posts/${answer.id}/revisions`);
      expect(history.body).toHaveLength(1);
      expect(history.body[0]).toMatchObject({ markdown: 'Oui, **nous** aussi', editorId: member.id });
      // Someone else's post: neither editable nor its source shown.
      expect((await author.client.patch(`${V1}/forum/posts/${answer.id}`, { body: 'pirate' })).status).toBe(403);
      expect((await page(author.client, topic.id)).body.posts.items[1]).toMatchObject({ markdown: null, canEdit: false });
    });

    it('mentions members (mail in their language, rendered as a mention) and neutralises mentions of anyone else', async () => {
      await app.db.query("UPDATE people SET locale = 'en' WHERE id = $1", [member.id]);
      const topic = await newTopic(author, priv, {
        body: `Avis de @[Bruno](person:${member.id}) et de @[Fabien](person:${nonMember.id}) ?`,
      });
      const post = (await page(author.client, topic.id)).body.posts.items[0];
      expect(post.html).toContain(`<span class="mention" data-person-id="${member.id}">@Bruno Martin</span>`);
      expect(post.html).toContain('et de @Fabien ?');
      expect(post.html).not.toContain(nonMember.id);
      expect((await mailsTo(member.email)).at(-1)).toMatchObject({
        template: 'forum-mention',
        subject: 'Aline Martin mentioned you in “Mutualiser les achats d’énergie”',
      });
      expect((await mailsTo(nonMember.email)).filter((m) => m.template.startsWith('forum'))).toEqual([]);
      expect(
        Number(
          (
            await app.db.query('SELECT count(*) AS n FROM forum_mentions m JOIN forum_posts p ON p.id = m.post_id WHERE p.topic_id = $1', [
              topic.id,
            ])
          )[0].n,
        ),
      ).toBe(1);

      const candidates = await author.client.get(`${V1}/networks/${priv}/forum/mentions?q=Bru`);
      expect(candidates.status).toBe(200);
      expect(candidates.body).toEqual([expect.objectContaining({ personId: member.id, firstName: 'Bruno' })]);
      expect((await author.client.get(`${V1}/networks/${priv}/forum/mentions?q=Fab`)).body).toEqual([]);
      await app.db.query("UPDATE people SET locale = 'fr' WHERE id = $1", [member.id]);
    });

    it('lets moderators pin, lock, solve, move, hide and delete, with an audit trail', async () => {
      const topic = await newTopic(author);
      const answer = await reply(member, topic.id);
      const second = (await animator.client.post(`${V1}/networks/${priv}/forum/categories`, { name: 'Énergie', position: 2 })).body.id;

      expect((await moderator.client.put(`${V1}/forum/topics/${topic.id}/pin`, { pinned: true })).body).toMatchObject({ pinned: true });
      const list = await member.client.get(`${V1}/networks/${priv}/forum/topics`);
      expect(list.body.items[0].id).toBe(topic.id);
      // Pages of one topic: each tells how many there are, including a page past the end.
      const total = list.body.total;
      expect(total).toBeGreaterThan(1);
      const secondPage = await member.client.get(`${V1}/networks/${priv}/forum/topics?page=2&pageSize=1`);
      expect(secondPage.body).toMatchObject({ total, page: 2, pageSize: 1 });
      expect(secondPage.body.items).toHaveLength(1);
      expect((await member.client.get(`${V1}/networks/${priv}/forum/topics?page=${total + 1}&pageSize=1`)).body).toMatchObject({
        total,
        items: [],
      });

      expect((await author.client.put(`${V1}/forum/topics/${topic.id}/solution`, { postId: answer.id })).body).toMatchObject({
        solvedPostId: answer.id,
      });
      expect((await page(member.client, topic.id)).body.posts.items[1].isSolution).toBe(true);
      expect(
        (await member.client.get(`${V1}/networks/${priv}/forum/topics?filter=solved`)).body.items.map((t: { id: string }) => t.id),
      ).toContain(topic.id);

      expect((await moderator.client.post(`${V1}/forum/topics/${topic.id}/move`, { categoryId: second })).body).toMatchObject({
        categoryId: second,
        categoryName: 'Énergie',
      });

      expect((await moderator.client.put(`${V1}/forum/topics/${topic.id}/lock`, { locked: true })).body).toMatchObject({ locked: true });
      const refused = await member.client.post(`${V1}/forum/topics/${topic.id}/posts`, { body: 'encore' });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORUM_TOPIC_LOCKED');
      expect((await member.client.patch(`${V1}/forum/posts/${answer.id}`, { body: 'modifié' })).body.code).toBe('FORUM_TOPIC_LOCKED');
      expect((await member.client.put(`${V1}/forum/posts/${answer.id}/reactions/heart`, {})).body.code).toBe('FORUM_TOPIC_LOCKED');
      expect((await page(member.client, topic.id)).body.topic.permissions.canReply).toBe(false);
      await reply(moderator, topic.id, 'Sujet clos, merci à tous.');

      const hidden = await moderator.client.post(`${V1}/forum/posts/${answer.id}/hide`, { reason: 'Hors sujet' });
      expect(hidden.status).toBe(200);
      expect(hidden.body).toMatchObject({ state: 'hidden', hiddenReason: 'Hors sujet' });
      expect(hidden.body.html).not.toBeNull();
      expect((await page(member.client, topic.id)).body.posts.items[1]).toMatchObject({
        state: 'hidden',
        html: null,
        hiddenReason: null,
        reactions: [],
      });
      expect((await moderator.client.post(`${V1}/forum/posts/${answer.id}/restore`, {})).body.state).toBe('visible');

      const deleted = await moderator.client.request('DELETE', `${V1}/forum/posts/${answer.id}`, { reason: 'Doublon' });
      expect(deleted.status).toBe(200);
      expect(deleted.body).toMatchObject({ state: 'deleted', html: null, author: null });
      expect((await page(member.client, topic.id)).body.topic).toMatchObject({ solvedPostId: null, postCount: 2 });

      const audit: { action: string }[] = await app.db.query(
        'SELECT action FROM moderation_actions WHERE target_id IN ($1, $2) ORDER BY created_at',
        [topic.id, answer.id],
      );
      expect(audit.map((a) => a.action)).toEqual(['pin', 'solve', 'move', 'lock', 'hide', 'restore', 'delete']);

      expect((await author.client.delete(`${V1}/forum/topics/${topic.id}`)).status).toBe(204);
      expect((await page(member.client, topic.id)).status).toBe(404);
      expect((await member.client.get(`${V1}/networks/${priv}/forum/topics`)).body.items.map((t: { id: string }) => t.id)).not.toContain(
        topic.id,
      );
    });

    it('manages categories (animators only) and refuses to delete one that holds topics', async () => {
      const created = await animator.client.post(`${V1}/networks/${priv}/forum/categories`, {
        name: '  Export  ',
        description: '',
        position: 5,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'Export', description: null, position: 5, topicCount: 0 });
      expect(
        (await animator.client.patch(`${V1}/forum/categories/${created.body.id}`, { name: 'Export et international' })).body.name,
      ).toBe('Export et international');
      const overview = await member.client.get(`${V1}/networks/${priv}/forum`);
      expect(overview.body).toMatchObject({ canPost: true, canModerate: false, canManageCategories: false });
      expect(overview.body.categories.map((c: { name: string }) => c.name)).toContain('Export et international');
      await newTopic(member, priv, { categoryId: created.body.id });
      const refused = await animator.client.delete(`${V1}/forum/categories/${created.body.id}`);
      expect(refused.status).toBe(409);
      const empty = (await animator.client.post(`${V1}/networks/${priv}/forum/categories`, { name: 'Vide' })).body.id;
      expect((await animator.client.delete(`${V1}/forum/categories/${empty}`)).status).toBe(204);
    });

    it('serves image and PDF attachments to readers only, as attachments with nosniff', async () => {
      const image = await member.client.upload(`${V1}/networks/${priv}/forum/attachments`, PNG, 'plan.png', 'image/png');
      expect(image.status).toBe(201);
      expect(image.body).toMatchObject({ fileName: 'plan.png', contentType: 'image/png', isImage: true });
      const pdf = await member.client.upload(`${V1}/networks/${priv}/forum/attachments`, PDF, 'devis.pdf', 'application/pdf');
      expect(pdf.status).toBe(201);
      const html = await member.client.upload(
        `${V1}/networks/${priv}/forum/attachments`,
        Buffer.from('<script>alert(1)</script>'),
        'x.html',
        'text/html',
      );
      expect(html.status).toBe(415);
      // Before it is attached, only its uploader sees it.
      expect((await member.client.get(image.body.url)).status).toBe(200);
      expect((await author.client.get(image.body.url)).status).toBe(404);

      const topic = await newTopic(member, priv, {
        body: `Le plan : ![plan](${image.body.url})`,
        attachmentIds: [image.body.id, pdf.body.id],
      });
      const post = (await page(author.client, topic.id)).body.posts.items[0];
      expect(post.html).toContain(`<img src="${image.body.url}" alt="plan" />`);
      expect(post.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['plan.png', 'devis.pdf']);
      const download = await author.client.get(pdf.body.url);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
      expect(download.headers.get('cache-control')).toBe('private, no-store');
      for (const outsider of [app.client(), nonMember.client, pending.client, otherAnimator.client]) {
        expect((await outsider.get(pdf.body.url)).status).toBe(404);
      }
      // An attachment is used once, by its uploader.
      const again = await member.client.post(`${V1}/forum/topics/${topic.id}/posts`, { body: 'encore', attachmentIds: [pdf.body.id] });
      expect(again.status).toBe(400);
      expect(again.body.code).toBe('INVALID_ATTACHMENT');
    });

    it('shares a topic with a sibling network: its members read and reply; others still do not', async () => {
      const topic = await newTopic(author);
      const outsider = await world.person(true, 'Hugo');
      await world.enrol(pub, outsider);
      expect((await page(outsider.client, topic.id)).status).toBe(404);

      expect((await member.client.get(`${V1}/forum/topics/${topic.id}/shares`)).status).toBe(403);
      const targets = await animator.client.get(`${V1}/forum/topics/${topic.id}/shares`);
      expect(targets.body).toEqual([{ networkId: pub, name: 'Club public de Roanne', shared: false }]);
      const notSibling = await animator.client.put(`${V1}/forum/topics/${topic.id}/shares/${other}`, {});
      expect(notSibling.status).toBe(400);
      expect((await animator.client.put(`${V1}/forum/topics/${topic.id}/shares/${pub}`, {})).body).toEqual([
        { networkId: pub, name: 'Club public de Roanne', shared: true },
      ]);

      const listed = await outsider.client.get(`${V1}/networks/${pub}/forum/topics`);
      expect(listed.body.items.find((t: { id: string }) => t.id === topic.id)).toMatchObject({ shared: true, networkId: priv });
      expect((await page(outsider.client, topic.id)).status).toBe(200);
      await reply(outsider, topic.id, 'Nous aussi, à Roanne');
      // Moderation stays with the topic's own network.
      expect((await outsider.client.put(`${V1}/forum/topics/${topic.id}/pin`, { pinned: true })).status).toBe(403);

      await animator.client.delete(`${V1}/forum/topics/${topic.id}/shares/${pub}`);
      expect((await page(outsider.client, topic.id)).status).toBe(404);
    });

    it('shares only into networks the sharer runs, of the same federation (accepted links); their moderators take it out', async () => {
      const topic = await newTopic(author);
      // A sibling the topic's animator does not run, and a network whose request to join the federation is pending.
      const sibling = (await world.createNetwork({ name: 'Club privé de Feurs', visibility: 'private' })).id;
      expect((await staff.client.put(`${V1}/networks/${sibling}/parents`, { parentIds: [fed] })).body.parentIds).toEqual([fed]);
      const applicant = (await world.createNetwork({ name: 'Club candidat', hostOrganizationId: world.otherHostId }, admin)).id;
      await world.enrol(applicant, animator, 'animator', admin);
      expect((await animator.client.put(`${V1}/networks/${applicant}/parents`, { parentIds: [fed] })).body.parentRequests).toHaveLength(1);

      const targets = (await animator.client.get(`${V1}/forum/topics/${topic.id}/shares`)).body as { networkId: string }[];
      expect(targets.map((t) => t.networkId)).toEqual([pub]);
      const before = await count('forum_topic_shares');
      for (const target of [sibling, applicant]) {
        const refused = await animator.client.put(`${V1}/forum/topics/${topic.id}/shares/${target}`, {});
        expect([target, refused.status, refused.body.code]).toEqual([target, 400, 'INVALID_SHARE_TARGET']);
      }
      expect(await count('forum_topic_shares')).toBe(before);

      // Shared into a network the animator runs; that network's own moderator (who moderates nothing else) takes it out.
      expect((await animator.client.put(`${V1}/forum/topics/${topic.id}/shares/${pub}`, {})).status).toBe(200);
      const pubModerator = await world.person(true, 'Karim');
      await world.enrol(pub, pubModerator, 'moderator');
      const seen = (await page(pubModerator.client, topic.id)).body;
      expect(seen.topic.permissions).toMatchObject({ canShare: false, canModerate: false, canRemoveFrom: [pub] });
      expect((await member.client.delete(`${V1}/forum/topics/${topic.id}/shares/${pub}`)).status).toBe(403);
      expect((await pubModerator.client.delete(`${V1}/forum/topics/${topic.id}/shares/${pub}`)).status).toBe(200);
      expect((await page(pubModerator.client, topic.id)).status).toBe(404);
      const listed = (await pubModerator.client.get(`${V1}/networks/${pub}/forum/topics`)).body.items as { id: string }[];
      expect(listed.map((t) => t.id)).not.toContain(topic.id);
    });

    it('shows new posts live to the viewers of a topic, and lets no one else into its room', async () => {
      const topic = await newTopic(author);
      const origin = new URL(app.running.app.get<AppConfig>(APP_CONFIG).PUBLIC_URL).origin;
      const open = (http: HttpClient) =>
        io(app.url + REALTIME_NAMESPACE, {
          path: REALTIME_PATH,
          transports: ['websocket'],
          extraHeaders: { origin, cookie: http.cookieHeader },
          reconnection: false,
          forceNew: true,
        });
      const viewer = open(member.client);
      const stranger = open(nonMember.client);
      try {
        const join = (socket: ReturnType<typeof open>) =>
          new Promise<{ ok: boolean }>((resolve) => socket.emit('room:join', { room: `topic:${topic.id}` }, resolve));
        expect(await join(viewer)).toEqual({ ok: true });
        expect(await join(stranger)).toEqual({ ok: false, code: 'room_unavailable' });
        // The forum's room: its topic lists follow new topics and replies (ids only).
        const joinForum = (socket: ReturnType<typeof open>, networkId: string) =>
          new Promise<{ ok: boolean }>((resolve) => socket.emit('room:join', { room: `forum:${networkId}` }, resolve));
        expect(await joinForum(viewer, priv)).toEqual({ ok: true });
        expect(await joinForum(stranger, priv)).toEqual({ ok: false, code: 'room_unavailable' });
        expect(await joinForum(stranger, 'not-a-uuid')).toEqual({ ok: false, code: 'room_unavailable' });
        const activity: ForumActivityEvent[] = [];
        const twoEvents = new Promise<void>((resolve) =>
          viewer.on('forum:activity', (e) => {
            activity.push(e);
            if (activity.length === 2) resolve();
          }),
        );
        stranger.on('forum:activity', () => activity.push({ networkId: 'stranger', topicId: 'leak' }));

        const received = new Promise<ForumPostEvent>((resolve) => viewer.on('forum:post-created', resolve));
        const posted = await reply(author, topic.id, 'En direct');
        const event = await received;
        expect(event).toMatchObject({
          topicId: topic.id,
          post: { id: posted.id, sequence: 2, html: '<p>En direct</p>\n', canEdit: false, markdown: null },
        });
        const opened = await newTopic(author);
        await twoEvents;
        expect(activity).toEqual([
          { networkId: priv, topicId: topic.id },
          { networkId: priv, topicId: opened.id },
        ]);

        // Hidden from the moderation queue (moderation's transaction): the viewers are told once it commits.
        const updated = new Promise<ForumPostEvent>((resolve) => viewer.on('forum:post-updated', resolve));
        const report = await member.client.post(`${V1}/moderation/reports`, {
          targetKind: 'forum_post',
          targetId: posted.id,
          reason: 'off_topic',
        });
        expect(report.status).toBe(201);
        expect((await moderator.client.post(`${V1}/moderation/reports/${report.body.id}/hide`, {})).status).toBeLessThan(300);
        expect(await updated).toMatchObject({ topicId: topic.id, post: { id: posted.id, state: 'hidden', html: null } });
      } finally {
        viewer.disconnect();
        stranger.disconnect();
      }
    });

    it('tells other modules the activity of forums (ForumsService.activity)', async () => {
      const quiet = (await world.createNetwork({ name: 'Club silencieux' })).id;
      const activity = await app.running.app.get(ForumsService).activity([priv, quiet, priv]);
      expect(activity).toHaveLength(2);
      const busy = activity.find((a) => a.networkId === priv)!;
      expect(busy.topicsLast30Days).toBeGreaterThan(3);
      expect(busy.postsLast30Days).toBeGreaterThan(busy.topicsLast30Days);
      expect(busy.lastPostAt).toEqual(expect.any(String));
      expect(activity.find((a) => a.networkId === quiet)).toEqual({
        networkId: quiet,
        topicsLast30Days: 0,
        postsLast30Days: 0,
        lastPostAt: null,
      });
    });
  });

  describe('bad input', () => {
    it('neutralises hostile Markdown and HTML', async () => {
      const hostile = [
        '<script>alert("x")</script>',
        '<img src=x onerror="alert(1)">',
        '[clic](javascript:alert(1))',
        '[data](data:text/html;base64,PHNjcmlwdD4=)',
        '![pixel](https://tracker.example/p.gif)',
        '![inline](data:image/png;base64,iVBORw0KGgo=)',
        '<a href="https://x.example" onclick="steal()">lien</a>',
        '<iframe src="https://evil.example"></iframe><style>*{}</style>',
        'مرحبا 你好 🎉 \u202eevil',
      ].join('\n\n');
      const topic = await newTopic(member, priv, { body: hostile });
      const html: string = (await page(member.client, topic.id)).body.posts.items[0].html;
      expect(html).not.toMatch(/<(script|iframe|style|img)/i);
      // What remains of the attacks is escaped text: no element carries an event handler or a dangerous address.
      expect(html).not.toMatch(/<[^>]*\son\w+=/i);
      expect(html).not.toMatch(/(href|src)="?(javascript|data):/i);
      expect(html).not.toContain('tracker.example');
      expect(html).toContain('&lt;script&gt;');
      expect(html).toContain('你好 🎉');
    });

    it('answers a clear 4xx and writes nothing on invalid bodies', async () => {
      const topic = await newTopic(member);
      const before = { topics: await count('forum_topics'), posts: await count('forum_posts'), mails: await count('mail_outbox') };
      const cases: [string, string, unknown][] = [
        ['POST', `/networks/${priv}/forum/topics`, { categoryId: privCategory, title: 'x', body: 'y'.repeat(50_001) }],
        ['POST', `/networks/${priv}/forum/topics`, { categoryId: privCategory, title: 'x'.repeat(201), body: 'y' }],
        ['POST', `/networks/${priv}/forum/topics`, { categoryId: privCategory, title: '   ', body: 'y' }],
        ['POST', `/networks/${priv}/forum/topics`, { categoryId: privCategory, title: 'x', body: '  \n ' }],
        ['POST', `/networks/${priv}/forum/topics`, { categoryId: privCategory, title: 'x', body: 'y', admin: true }],
        ['POST', `/networks/${priv}/forum/topics`, { categoryId: 'nope', title: 'x', body: 'y' }],
        ['POST', `/networks/${priv}/forum/topics`, { categoryId: pubCategory, title: 'x', body: 'y' }],
        ['POST', `/networks/${priv}/forum/topics`, { categoryId: privCategory, title: 'x', body: 'nul \u0000 byte' }],
        [
          'POST',
          `/networks/${priv}/forum/topics`,
          { categoryId: privCategory, title: 'x', body: 'y', attachmentIds: ['00000000-0000-4000-8000-000000000000'] },
        ],
        ['POST', `/networks/${priv}/forum/topics`, { categoryId: privCategory, title: 'x', body: 42 }],
        ['POST', `/forum/topics/${topic.id}/posts`, { body: 'y'.repeat(50_001) }],
        ['POST', `/forum/topics/${topic.id}/posts`, { body: 'y', quotePostId: '00000000-0000-4000-8000-000000000000' }],
        ['POST', `/forum/topics/${topic.id}/posts`, { body: ['y'] }],
        ['POST', `/forum/topics/${topic.id}/posts`, {}],
        ['PUT', `/forum/topics/${topic.id}/read`, { sequence: -1 }],
        ['PUT', `/forum/topics/${topic.id}/read`, { sequence: '3' }],
        ['PUT', `/forum/topics/${topic.id}/follow`, { following: 'yes' }],
        ['GET', `/networks/${priv}/forum/topics?pageSize=500`, undefined],
        ['GET', `/networks/${priv}/forum/topics?filter=everything`, undefined],
        ['GET', `/forum/topics/${topic.id}?page=0`, undefined],
        ['GET', `/forum/topics/${topic.id}/posts`, undefined],
      ];
      for (const [method, path, body] of cases) {
        const res = await member.client.request(method, V1 + path, body);
        expect([path, res.status]).toEqual([path, 400]);
        expect(res.body.code).toBeTruthy();
      }
      const reaction = await member.client.put(
        `${V1}/forum/posts/${(await page(member.client, topic.id)).body.posts.items[0].id}/reactions/poo`,
        {},
      );
      expect(reaction.status).toBe(400);
      expect({ topics: await count('forum_topics'), posts: await count('forum_posts'), mails: await count('mail_outbox') }).toEqual(before);
    });

    it('refuses posts over the posting rate limit with a 429, writing nothing (moderators are exempt)', async () => {
      const topic = await newTopic(member);
      const moderation = app.running.app.get(ModerationService);
      moderation.setPostingLimits({
        newMember: { perTenMinutes: 1, perDay: 1 },
        established: { perTenMinutes: 1, perDay: 1 },
        newMemberDays: 0,
      });
      try {
        const before = { topics: await count('forum_topics'), posts: await count('forum_posts') };
        const replied = await member.client.post(`${V1}/forum/topics/${topic.id}/posts`, { body: 'vite' });
        expect(replied.status).toBe(429);
        expect(replied.body.code).toBe('RATE_LIMITED');
        const opened = await member.client.post(`${V1}/networks/${priv}/forum/topics`, {
          categoryId: privCategory,
          title: 'Encore',
          body: 'vite',
        });
        expect(opened.status).toBe(429);
        expect({ topics: await count('forum_topics'), posts: await count('forum_posts') }).toEqual(before);
        await reply(moderator, topic.id, 'Les modérateurs ne sont pas limités');
      } finally {
        moderation.setPostingLimits(GENEROUS);
      }
    });

    it('refuses moves into another network’s category, and quotes of another topic, changing nothing', async () => {
      const topic = await newTopic(author);
      const foreign = (await otherAnimator.client.post(`${V1}/networks/${other}/forum/categories`, { name: 'Ailleurs' })).body.id;
      for (const categoryId of [foreign, pubCategory, '00000000-0000-4000-8000-000000000000']) {
        const res = await moderator.client.post(`${V1}/forum/topics/${topic.id}/move`, { categoryId });
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('INVALID_CATEGORY');
      }
      expect((await page(member.client, topic.id)).body.topic.categoryId).toBe(privCategory);
      const elsewhere = await newTopic(author);
      const foreignPost = (await page(member.client, elsewhere.id)).body.posts.items[0].id;
      const quoted = await member.client.post(`${V1}/forum/topics/${topic.id}/posts`, { body: 'cf.', quotePostId: foreignPost });
      expect(quoted.body.code).toBe('INVALID_QUOTE');
      expect((await page(member.client, topic.id)).body.posts.total).toBe(1);
    });
  });

  describe('role × endpoint matrix', () => {
    type Role = 'anonymous' | 'nonMember' | 'pending' | 'member' | 'moderator' | 'animator' | 'otherAnimator' | 'admin';
    const ROLES: Role[] = ['anonymous', 'nonMember', 'pending', 'member', 'moderator', 'animator', 'otherAnimator', 'admin'];
    const client = (role: Role): HttpClient =>
      ({
        anonymous: app.client(),
        nonMember: nonMember.client,
        pending: pending.client,
        member: member.client,
        moderator: moderator.client,
        animator: animator.client,
        otherAnimator: otherAnimator.client,
        admin: admin.client,
      })[role];
    /** Expected statuses: outsiders of a private forum get 404 (anonymous: 401 on writes). */
    const hidden = (write: boolean) => ({ anonymous: write ? 401 : 404, nonMember: 404, pending: 404, otherAnimator: 404 });
    const readers = (ok: number) => ({ ...hidden(false), member: ok, moderator: ok, animator: ok, admin: ok });
    const writers = (member: number, moderator: number, animator: number, admin = animator) => ({
      ...hidden(true),
      member,
      moderator,
      animator,
      admin,
    });

    interface Case {
      name: string;
      expected: Record<Role, number>;
      /** Runs the request for one role on fresh objects when the request changes them. */
      run: (who: HttpClient) => Promise<HttpResponse>;
    }
    const cases = (): Case[] => [
      { name: 'GET forum', expected: readers(200), run: (c) => c.get(`${V1}/networks/${priv}/forum`) },
      { name: 'GET categories', expected: readers(200), run: (c) => c.get(`${V1}/networks/${priv}/forum/categories`) },
      {
        name: 'POST category',
        expected: writers(403, 403, 201),
        run: (c) => c.post(`${V1}/networks/${priv}/forum/categories`, { name: 'Matrice' }),
      },
      {
        name: 'PATCH category',
        expected: writers(403, 403, 200),
        run: (c) => c.patch(`${V1}/forum/categories/${privCategory}`, { description: 'Achats groupés' }),
      },
      {
        name: 'DELETE category',
        expected: writers(403, 403, 204),
        run: async (c) =>
          c.delete(
            `${V1}/forum/categories/${(await animator.client.post(`${V1}/networks/${priv}/forum/categories`, { name: 'Éphémère' })).body.id}`,
          ),
      },
      { name: 'GET topics', expected: readers(200), run: (c) => c.get(`${V1}/networks/${priv}/forum/topics`) },
      {
        name: 'POST topic',
        expected: writers(201, 201, 201),
        run: (c) => c.post(`${V1}/networks/${priv}/forum/topics`, { categoryId: privCategory, title: 'Matrice', body: 'm' }),
      },
      { name: 'GET mentions', expected: writers(200, 200, 200), run: (c) => c.get(`${V1}/networks/${priv}/forum/mentions?q=a`) },
      {
        name: 'POST attachment',
        expected: writers(201, 201, 201),
        run: (c) => c.upload(`${V1}/networks/${priv}/forum/attachments`, PNG, 'p.png', 'image/png'),
      },
      { name: 'GET topic page', expected: readers(200), run: async (c) => page(c, shared.topic) },
      { name: 'GET posts after', expected: readers(200), run: (c) => c.get(`${V1}/forum/topics/${shared.topic}/posts?after=0`) },
      {
        name: 'PATCH topic',
        expected: writers(403, 200, 200),
        run: (c) => c.patch(`${V1}/forum/topics/${shared.topic}`, { title: 'Renommé' }),
      },
      {
        name: 'DELETE topic',
        expected: writers(403, 204, 204),
        run: async (c) => c.delete(`${V1}/forum/topics/${(await newTopic(author)).id}`),
      },
      { name: 'PUT pin', expected: writers(403, 200, 200), run: (c) => c.put(`${V1}/forum/topics/${shared.topic}/pin`, { pinned: false }) },
      {
        name: 'PUT lock',
        expected: writers(403, 200, 200),
        run: (c) => c.put(`${V1}/forum/topics/${shared.topic}/lock`, { locked: false }),
      },
      {
        name: 'PUT solution',
        expected: writers(403, 200, 200),
        run: (c) => c.put(`${V1}/forum/topics/${shared.topic}/solution`, { postId: shared.reply }),
      },
      {
        name: 'POST move',
        expected: writers(403, 200, 200),
        run: (c) => c.post(`${V1}/forum/topics/${shared.topic}/move`, { categoryId: privCategory }),
      },
      {
        name: 'PUT follow',
        expected: writers(200, 200, 200),
        run: (c) => c.put(`${V1}/forum/topics/${shared.topic}/follow`, { following: true }),
      },
      { name: 'PUT read', expected: writers(204, 204, 204), run: (c) => c.put(`${V1}/forum/topics/${shared.topic}/read`, { sequence: 1 }) },
      { name: 'GET shares', expected: writers(403, 403, 200), run: (c) => c.get(`${V1}/forum/topics/${shared.topic}/shares`) },
      // Into a sibling that only host staff and admins run: the topic's animator does not run it.
      {
        name: 'PUT share',
        expected: writers(403, 403, 400, 200),
        run: (c) => c.put(`${V1}/forum/topics/${shared.topic}/shares/${shared.sibling}`, {}),
      },
      {
        name: 'DELETE share',
        expected: writers(403, 403, 200),
        run: (c) => c.delete(`${V1}/forum/topics/${shared.topic}/shares/${shared.sibling}`),
      },
      {
        name: 'POST reply',
        expected: writers(201, 201, 201),
        run: (c) => c.post(`${V1}/forum/topics/${shared.topic}/posts`, { body: 'Réponse' }),
      },
      { name: 'GET post', expected: readers(200), run: (c) => c.get(`${V1}/forum/posts/${shared.reply}`) },
      {
        name: 'PATCH post of someone else',
        expected: writers(403, 403, 403),
        run: (c) => c.patch(`${V1}/forum/posts/${shared.reply}`, { body: 'x' }),
      },
      {
        name: 'DELETE post of someone else',
        expected: writers(403, 200, 200),
        run: async (c) => c.delete(`${V1}/forum/posts/${(await reply(author, shared.topic)).id}`),
      },
      { name: 'GET revisions', expected: readers(200), run: (c) => c.get(`${V1}/forum/posts/${shared.reply}/revisions`) },
      { name: 'POST hide', expected: writers(403, 200, 200), run: (c) => c.post(`${V1}/forum/posts/${shared.reply}/hide`, {}) },
      { name: 'POST restore', expected: writers(403, 200, 200), run: (c) => c.post(`${V1}/forum/posts/${shared.reply}/restore`, {}) },
      { name: 'PUT reaction', expected: writers(200, 200, 200), run: (c) => c.put(`${V1}/forum/posts/${shared.reply}/reactions/eyes`, {}) },
      {
        name: 'DELETE reaction',
        expected: writers(200, 200, 200),
        run: (c) => c.delete(`${V1}/forum/posts/${shared.reply}/reactions/eyes`),
      },
      { name: 'GET attachment', expected: readers(200), run: (c) => c.get(shared.attachment) },
    ];
    const shared = { topic: '', reply: '', attachment: '', sibling: '' };

    beforeAll(async () => {
      // A private sibling to share with (sharing with a public one would open the topic to everyone).
      shared.sibling = (await world.createNetwork({ name: 'Club privé de Montbrison', visibility: 'private' })).id;
      await staff.client.put(`${V1}/networks/${shared.sibling}/parents`, { parentIds: [fed] });
      const upload = await author.client.upload(`${V1}/networks/${priv}/forum/attachments`, PNG, 'p.png', 'image/png');
      shared.topic = (await newTopic(author, priv, { attachmentIds: [upload.body.id] })).id;
      shared.attachment = upload.body.url;
      shared.reply = (await reply(author, shared.topic, 'Réponse de référence')).id;
    });

    it('answers every endpoint as the policy says, for every role', async () => {
      const table: string[] = [];
      for (const c of cases()) {
        for (const role of ROLES) {
          const res = await c.run(client(role));
          if (res.status !== c.expected[role])
            table.push(`${c.name} as ${role}: ${res.status} (expected ${c.expected[role]}) ${JSON.stringify(res.body).slice(0, 120)}`);
          expect(res.status).toBeLessThan(500);
        }
      }
      expect(table).toEqual([]);
    });

    it('opens public forums to everyone for reading, to members for writing', async () => {
      const topic = await newTopic(member, pub);
      for (const role of ROLES) {
        const c = client(role);
        expect([role, (await c.get(`${V1}/networks/${pub}/forum/topics`)).status]).toEqual([role, 200]);
        expect([role, (await page(c, topic.id)).status]).toEqual([role, 200]);
        const posted = await c.post(`${V1}/forum/topics/${topic.id}/posts`, { body: 'public' });
        const expected = role === 'anonymous' ? 401 : ['nonMember', 'pending', 'otherAnimator'].includes(role) ? 403 : 201;
        expect([role, posted.status]).toEqual([role, expected]);
      }
    });
  });

  describe('canary', () => {
    it('never lets a non-member receive private forum content, through any path, even after having been a member', async () => {
      const canary = `CANARY-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const former = await world.person(true, 'Ines');
      const banned = await world.person(true, 'Jules');
      await world.enrol(priv, former);
      await world.enrol(priv, banned);
      const category = (await animator.client.post(`${V1}/networks/${priv}/forum/categories`, { name: `${canary}-category` })).body.id;
      const upload = await author.client.upload(`${V1}/networks/${priv}/forum/attachments`, PNG, `${canary}.png`, 'image/png');
      const topic = await newTopic(author, priv, {
        categoryId: category,
        title: `${canary}-title`,
        body: `${canary}-body`,
        attachmentIds: [upload.body.id],
      });
      const first = (await page(author.client, topic.id)).body.posts.items[0];
      await author.client.patch(`${V1}/forum/posts/${first.id}`, { body: `${canary}-edited` });
      // While members, they follow the topic and are mentioned: they get the content by e-mail, as they may.
      await former.client.put(`${V1}/forum/topics/${topic.id}/follow`, { following: true });
      await banned.client.put(`${V1}/forum/topics/${topic.id}/follow`, { following: true });
      const answer = await reply(member, topic.id, `${canary}-reply @[Ines](person:${former.id})`);
      expect((await mailsTo(former.email)).some((m) => m.text.includes(canary))).toBe(true);

      // Then one company leaves (removed by the animator), the other is banned.
      expect((await staff.client.delete(`${V1}/networks/${priv}/members/${former.companyId}`)).status).toBe(204);
      expect((await staff.client.post(`${V1}/networks/${priv}/members/${banned.companyId}/ban`)).status).toBe(200);
      const mailsBefore = new Map([
        [former.email, (await mailsTo(former.email)).length],
        [banned.email, (await mailsTo(banned.email)).length],
        [nonMember.email, (await mailsTo(nonMember.email)).length],
      ]);
      // New private content after the removal: mentions and follows no longer reach them.
      await reply(member, topic.id, `${canary}-after @[Ines](person:${former.id}) @[Fabien](person:${nonMember.id})`);

      const outsiders: [string, HttpClient][] = [
        ['anonymous', app.client()],
        ['non-member', nonMember.client],
        ['pending', pending.client],
        ['former member', former.client],
        ['banned member', banned.client],
        ['animator of another network', otherAnimator.client],
      ];
      const paths = [
        `/networks/${priv}/forum`,
        `/networks/${priv}/forum/categories`,
        `/networks/${priv}/forum/topics`,
        `/networks/${priv}/forum/topics?filter=following`,
        `/networks/${priv}/forum/mentions?q=`,
        `/networks/${pub}/forum/topics`,
        `/networks/${fed}/forum/topics`,
        `/forum/topics/${topic.id}`,
        `/forum/topics/${topic.id}/posts?after=0`,
        `/forum/topics/${topic.id}/shares`,
        `/forum/posts/${first.id}`,
        `/forum/posts/${first.id}/revisions`,
        `/forum/posts/${answer.id}`,
        `/forum/attachments/${upload.body.id}`,
        `/networks/${priv}`,
        `/networks/${priv}/members`,
        `/search?q=${canary}`,
        `/search/suggest?q=${canary}`,
      ];
      const leaks: string[] = [];
      for (const [who, c] of outsiders) {
        for (const path of paths) {
          const res = await c.get(V1 + path);
          // No path may fail, nor carry the canary.
          if (res.status >= 500) leaks.push(`${who} ${path}: ${res.status}`);
          if (JSON.stringify(res.body).includes(canary)) leaks.push(`${who} ${path}: canary in the answer`);
        }
        // Writing paths answer the same "not found" and reveal nothing either.
        for (const [method, path, body] of [
          ['POST', `/forum/topics/${topic.id}/posts`, { body: 'x' }],
          ['PUT', `/forum/topics/${topic.id}/follow`, { following: true }],
          ['PUT', `/forum/posts/${answer.id}/reactions/heart`, {}],
          ['PATCH', `/forum/posts/${first.id}`, { body: 'x' }],
          ['PUT', `/forum/topics/${topic.id}/shares/${pub}`, {}],
          ['DELETE', `/forum/topics/${topic.id}/shares/${pub}`, undefined],
        ] as const) {
          const res = await c.request(method, V1 + path, body);
          if (![401, 404].includes(res.status) || JSON.stringify(res.body).includes(canary))
            leaks.push(`${who} ${method} ${path}: ${res.status}`);
        }
      }
      for (const [email, before] of mailsBefore) {
        const after = (await mailsTo(email)).slice(before);
        if (after.some((m) => `${m.subject} ${m.text}`.includes(canary))) leaks.push(`mail to ${email}`);
      }
      expect(leaks).toEqual([]);
      // The live room refuses them too (checked by the same policy).
      const origin = new URL(app.running.app.get<AppConfig>(APP_CONFIG).PUBLIC_URL).origin;
      const socket = io(app.url + REALTIME_NAMESPACE, {
        path: REALTIME_PATH,
        transports: ['websocket'],
        extraHeaders: { origin, cookie: former.client.cookieHeader },
        reconnection: false,
        forceNew: true,
      });
      try {
        const ack = await new Promise((resolve) => socket.emit('room:join', { room: `topic:${topic.id}` }, resolve));
        expect(ack).toEqual({ ok: false, code: 'room_unavailable' });
      } finally {
        socket.disconnect();
      }
    });
  });

  describe('cost', () => {
    it('keeps the posts of a topic page only while they are current, whoever changes them', async () => {
      const topic = await newTopic(author, pub);
      await reply(member, topic.id, 'Première réponse');
      const anonymous = app.client();
      const items = async (who: HttpClient) => {
        const res = await page(who, topic.id);
        expect(res.status).toBe(200);
        return res.body.posts.items as {
          id: string;
          html: string | null;
          state: string;
          reactions: { reaction: string; count: number; mine: boolean }[];
        }[];
      };
      const [opening, answer] = await items(anonymous);

      // Read again unchanged: the topic's statement only (its access check and posts version), not the posts.
      const again = await recordQueries(app.db, () => page(anonymous, topic.id));
      expect(again.result.body.posts.items).toHaveLength(2);
      expect(again.queries).toHaveLength(1);

      // A reaction writes its own row only: the topic's posts version stays, and the kept page shows it at once.
      const version = async () =>
        ((await app.db.query('SELECT posts_version FROM forum_topics WHERE id = $1', [topic.id])) as { posts_version: number }[])[0]
          .posts_version;
      const before = await version();
      await app.db.query(`INSERT INTO forum_reactions (post_id, person_id, reaction) VALUES ($1, $2, 'eyes')`, [answer.id, author.id]);
      const reacted = await recordQueries(app.db, () => page(anonymous, topic.id));
      expect(reacted.queries).toHaveLength(1);
      expect(reacted.result.body.posts.items[1].reactions).toEqual([{ reaction: 'eyes', count: 1, mine: false }]);
      expect(await version()).toBe(before);
      await app.db.query('DELETE FROM forum_reactions WHERE post_id = $1 AND person_id = $2', [answer.id, author.id]);

      // Through the API: the reader's own reactions are theirs only.
      expect((await member.client.put(`${V1}/forum/posts/${opening.id}/reactions/heart`, {})).status).toBe(200);
      expect((await items(member.client))[0].reactions).toEqual([{ reaction: 'heart', count: 1, mine: true }]);
      expect((await items(author.client))[0].reactions).toEqual([{ reaction: 'heart', count: 1, mine: false }]);
      expect((await items(anonymous))[0].reactions).toEqual([{ reaction: 'heart', count: 1, mine: false }]);
      const kept = await recordQueries(app.db, () => page(member.client, topic.id));
      expect(kept.result.body.posts.items[0].reactions).toEqual([{ reaction: 'heart', count: 1, mine: true }]);
      // The authors' privacy settings (the people mask, for signed-in readers) are read beside the page.
      expect(kept.queries.filter((q) => !/\bsessions\b/i.test(q) && !/\bFROM privacy_settings\b/i.test(q))).toHaveLength(1);
      // Their reactions kept apart follow the topic's version too: taken back elsewhere (while someone else's
      // heart keeps the count), they are no longer theirs, even once another reader has read the page again.
      await app.db.query('DELETE FROM forum_reactions WHERE post_id = $1 AND person_id = $2', [opening.id, member.id]);
      await app.db.query(`INSERT INTO forum_reactions (post_id, person_id, reaction) VALUES ($1, $2, 'heart')`, [opening.id, author.id]);
      expect((await items(anonymous))[0].reactions).toEqual([{ reaction: 'heart', count: 1, mine: false }]);
      expect((await items(member.client))[0].reactions).toEqual([{ reaction: 'heart', count: 1, mine: false }]);
      expect((await items(author.client))[0].reactions).toEqual([{ reaction: 'heart', count: 1, mine: true }]);

      // Straight in the database, as another process would: a reaction, an edit, a moderation.
      await app.db.query(`INSERT INTO forum_reactions (post_id, person_id, reaction) VALUES ($1, $2, 'tada')`, [answer.id, author.id]);
      expect((await items(author.client))[1].reactions).toEqual([{ reaction: 'tada', count: 1, mine: true }]);
      await app.db.query(`UPDATE forum_posts SET html = '<p>Réponse corrigée</p>' WHERE id = $1`, [answer.id]);
      expect((await items(anonymous))[1].html).toBe('<p>Réponse corrigée</p>');
      await app.db.query('UPDATE forum_posts SET hidden_at = now() WHERE id = $1', [answer.id]);
      const hidden = (await items(anonymous))[1];
      expect(hidden).toMatchObject({ state: 'hidden', html: null, reactions: [] });
      expect((await items(moderator.client))[1]).toMatchObject({ state: 'hidden', html: '<p>Réponse corrigée</p>' });
    });

    it('keeps a page of a topic list only while it is current, whoever changes it', async () => {
      const network = (await world.createNetwork({ name: 'Club des listes' })).id;
      await world.enrol(network, author, 'animator');
      await world.enrol(network, member, 'member');
      const category = (await author.client.post(`${V1}/networks/${network}/forum/categories`, { name: 'Général' })).body.id as string;
      const open = async (title: string) =>
        (await author.client.post(`${V1}/networks/${network}/forum/topics`, { categoryId: category, title, body: 'Bonjour' })).body
          .id as string;
      const first = await open('Premier sujet');
      const anonymous = app.client();
      const list = async (who: HttpClient, query = '') => {
        const res = await who.get(`${V1}/networks/${network}/forum/topics${query}`);
        expect(res.status).toBe(200);
        return res.body as {
          total: number;
          items: {
            id: string;
            title: string;
            categoryName: string;
            networkName: string;
            unreadCount: number;
            following: boolean;
            pinned: boolean;
          }[];
        };
      };
      expect((await list(anonymous)).items.map((t) => t.title)).toEqual(['Premier sujet']);

      // Read again unchanged: one statement (access check, version, the reader's state), not the list.
      const again = await recordQueries(app.db, () => list(anonymous));
      expect(again.result.items).toHaveLength(1);
      expect(again.queries).toHaveLength(1);

      // The reader's own state is theirs only, even from a kept page.
      await reply(member, first, 'Une réponse');
      expect((await list(author.client)).items[0]).toMatchObject({ unreadCount: 1, following: true });
      expect((await list(member.client)).items[0]).toMatchObject({ unreadCount: 0, following: true });
      expect((await list(anonymous)).items[0]).toMatchObject({ unreadCount: 0, following: false });

      // A reaction changes the topic's posts, not what the list shows: the kept page stays.
      const opening = (await page(member.client, first)).body.posts.items[0] as { id: string };
      expect((await member.client.put(`${V1}/forum/posts/${opening.id}/reactions/heart`, {})).status).toBe(200);
      expect((await recordQueries(app.db, () => list(anonymous))).queries).toHaveLength(1);

      // Through the API, then straight in the database as another process would.
      const second = await open('Second sujet');
      expect((await list(anonymous)).items.map((t) => t.id)).toEqual([second, first]);
      await app.db.query('UPDATE forum_topics SET pinned = true WHERE id = $1', [first]);
      expect((await list(anonymous)).items.map((t) => t.id)).toEqual([first, second]);
      await app.db.query(`UPDATE forum_categories SET name = 'Entraide' WHERE id = $1`, [category]);
      expect((await list(anonymous)).items[0].categoryName).toBe('Entraide');
      await app.db.query(`UPDATE networks SET name = 'Club des listes renommé' WHERE id = $1`, [network]);
      expect((await list(anonymous)).items[0].networkName).toBe('Club des listes renommé');
      await app.db.query('UPDATE forum_topics SET deleted_at = now() WHERE id = $1', [second]);
      expect(await list(anonymous)).toMatchObject({ total: 1, items: [{ id: first }] });

      // A topic shared with the network shows in its list; it leaves with its share.
      const elsewhere = await newTopic(author, pub);
      await app.db.query('INSERT INTO forum_topic_shares (topic_id, network_id, shared_by) VALUES ($1, $2, $3)', [
        elsewhere.id,
        network,
        author.id,
      ]);
      expect((await list(anonymous)).items.map((t) => t.id)).toContain(elsewhere.id);
      await app.db.query('DELETE FROM forum_topic_shares WHERE topic_id = $1', [elsewhere.id]);
      expect((await list(anonymous)).items.map((t) => t.id)).not.toContain(elsewhere.id);

      // A network made private: a kept page is never served to someone who may no longer read it.
      await world.makePrivate(network);
      expect((await anonymous.get(`${V1}/networks/${network}/forum/topics`)).status).toBe(404);
    });

    it('serves a topic page of 20 posts with their authors in 2 SQL queries (the issue allows 3)', async () => {
      const topic = await newTopic(author, pub);
      const people = [author, member, moderator, animator];
      for (let i = 0; i < 24; i++) await reply(people[i % people.length], topic.id, `Message ${i} de @[Bruno](person:${member.id})`);
      const first = (await page(member.client, topic.id)).body.posts.items[0];
      await member.client.put(`${V1}/forum/posts/${first.id}/reactions/heart`, {});

      const anonymous = app.client();
      const privateReader = member.client;
      const asAnonymous = await recordQueries(app.db, () => page(anonymous, topic.id, '?page=1&pageSize=20'));
      expect(asAnonymous.result.status).toBe(200);
      expect(asAnonymous.result.body.posts.items).toHaveLength(20);
      // Every post has its author; an anonymous reader gets the names of listed experts only (the people rule).
      expect(
        asAnonymous.result.body.posts.items.every(
          (p: { author: { firstName: string; isExpert: boolean } | null }) => p.author && !p.author.isExpert && p.author.firstName === '',
        ),
      ).toBe(true);
      expect(
        (await page(privateReader, topic.id, '?page=1&pageSize=20')).body.posts.items.every(
          (p: { author: { firstName: string } }) => p.author.firstName,
        ),
      ).toBe(true);
      // At most two statements (the extra ones, if any, are shown when it fails).
      expect(asAnonymous.queries.slice(2)).toEqual([]);

      const asMember = await recordQueries(app.db, () => page(privateReader, topic.id, '?page=2&pageSize=20'));
      expect(asMember.result.status).toBe(200);
      expect(asMember.result.body.posts.items).toHaveLength(5);
      // The session lookup belongs to authentication (every signed-in request); the page itself costs two
      // (the topic with the reader's standings, then the posts with their authors).
      // The authors' privacy settings (the people mask) are one more statement, counted apart.
      const forum = asMember.queries.filter(
        (q) => !/\bFROM sessions\b/i.test(q) && !/\bUPDATE sessions\b/i.test(q) && !/\bFROM privacy_settings\b/i.test(q),
      );
      expect(forum.slice(2)).toEqual([]);

      const full = await recordQueries(app.db, () => page(privateReader, topic.id));
      expect(full.result.body.posts.items).toHaveLength(20);
      expect(full.queries.filter((q) => !/\bsessions\b/i.test(q)).slice(2)).toEqual([]);
    });
  });
});
