import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { MaybeActor } from '../../core/access/actor';
import { lastMail } from '../../../test/fixtures';
import type { HttpClient } from '../../../test/http-client';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { networkWorld, type Person } from '../../../test/network-world';
import { ModerationService } from './moderation.service';
import { DEFAULT_POSTING_LIMITS, type ReportableTarget } from './moderation.types';

/**
 * A tiny test-only reportable kind (registered as 'forum_post' until the forums module registers
 * the real one): items live in memory; members (and managers) of the item's network see it, hidden
 * items only the network's moderators. setHidden runs in moderation's transaction.
 */
function testResolver(app: TestApp) {
  const access = app.running.app.get(AccessPolicy);
  const items = new Map<string, { networkId: string; authorPersonId: string | null; text: string; hidden: boolean }>();
  const resolver = {
    kind: 'forum_post' as const,
    async load(actor: MaybeActor, id: string): Promise<ReportableTarget | null> {
      const item = items.get(id);
      if (!item) return null;
      const standing = await access.networkStanding(actor, item.networkId);
      if (!standing) return null;
      const member = standing.activeRole !== null || access.canManageNetwork(standing) || access.canModerateNetwork(standing);
      const visible = item.hidden ? access.canModerateNetwork(standing) : member || standing.visibility === 'public';
      if (!visible) return null;
      return {
        networkId: item.networkId,
        authorPersonId: item.authorPersonId,
        excerpt: item.text,
        url: `/test/${id}`,
        hidden: item.hidden,
      };
    },
    async setHidden(_actor: MaybeActor, id: string, hidden: boolean, manager: EntityManager): Promise<void> {
      await manager.query('SELECT 1');
      items.get(id)!.hidden = hidden;
    },
  };
  const add = (networkId: string, text: string, authorPersonId: string | null = null) => {
    const id = randomUUID();
    items.set(id, { networkId, authorPersonId, text, hidden: false });
    return id;
  };
  return { resolver, items, add };
}

describe('moderation (HTTP, real database)', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof networkWorld>>;
  let moderation: ModerationService;
  let store: ReturnType<typeof testResolver>;
  let admin: Person;
  let staff: Person;

  const count = async (table: string) => Number((await app.db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const report = (who: Person | HttpClient, targetId: string, body: Record<string, unknown> = {}) =>
    ('client' in who ? who.client : who).post('/api/v1/moderation/reports', {
      targetKind: 'forum_post',
      targetId,
      reason: 'spam',
      ...body,
    });

  // The people of the matrix, created once (sign-ups are throttled per address); each test gets fresh networks.
  let cast: Record<'animator' | 'moderator' | 'member' | 'member2' | 'stranger' | 'pending' | 'otherAnimator', Person>;

  /** A fresh private network with an animator, a moderator, two members and a pending company; another network's animator. */
  const privateWorld = async (visibility: 'private' | 'secret' = 'private') => {
    const network = await world.createNetwork({ name: `Club ${randomUUID().slice(0, 6)}`, visibility, joinPolicy: 'approval' });
    const other = await world.createNetwork({ name: `Autre ${randomUUID().slice(0, 6)}` });
    const { animator, moderator, member, member2, stranger, pending, otherAnimator } = cast;
    await world.enrol(network.id, animator, 'animator');
    await world.enrol(network.id, moderator, 'moderator');
    await world.enrol(network.id, member);
    await world.enrol(network.id, member2);
    await world.enrol(other.id, otherAnimator, 'animator');
    if (visibility !== 'secret') {
      const asked = await pending.client.post(`/api/v1/networks/${network.id}/join`, { companyId: pending.companyId });
      expect(asked.body.status).toBe('pending');
    }
    return { network, other, animator, moderator, member, member2, stranger, pending, otherAnimator };
  };

  beforeAll(async () => {
    app = await createTestApp();
    world = await networkWorld(app);
    ({ admin, staff } = world);
    const [animator, moderator, member, member2, stranger, pending, otherAnimator] = await Promise.all(
      Array.from({ length: 7 }, () => world.person()),
    );
    cast = { animator, moderator, member, member2, stranger, pending, otherAnimator };
    moderation = app.running.app.get(ModerationService);
    store = testResolver(app);
    moderation.registerResolver(store.resolver);
  });
  afterAll(() => app.close());

  it('tells the network’s moderators of a report (in the app and by e-mail), and nobody else', async () => {
    const w = await privateWorld();
    const postId = store.add(w.network.id, 'Un message douteux', w.member2.id);
    const before = async (who: Person) =>
      Number(
        (await app.db.query("SELECT count(*) AS n FROM notifications WHERE recipient_id = $1 AND type = 'moderation.report'", [who.id]))[0]
          .n,
      );
    const counts = await Promise.all([w.animator, w.moderator, w.member, w.otherAnimator].map(before));
    expect((await report(w.member, postId, { reason: 'abuse' })).status).toBe(201);
    const after = await Promise.all([w.animator, w.moderator, w.member, w.otherAnimator].map(before));
    expect(after.map((n, i) => n - counts[i])).toEqual([1, 1, 0, 0]);
    const notes = await w.moderator.client.get('/api/v1/notifications');
    expect(notes.body.items[0]).toMatchObject({
      type: 'moderation.report',
      data: { network: w.network.name, reason: 'abuse' },
      path: `/reseaux/${w.network.id}/moderation`,
    });
    const [mail] = await app.db.query(
      'SELECT subject FROM mail_outbox WHERE "to" = $1 AND template = $2 ORDER BY created_at DESC LIMIT 1',
      [w.animator.email, 'moderation-report'],
    );
    expect(mail.subject).toBe(`Un contenu est signalé dans ${w.network.name}`);
  });

  it('reports content once per person, queues it grouped by content, and hides it', async () => {
    const w = await privateWorld();
    const postId = store.add(w.network.id, 'Achetez nos montres pas chères', w.member2.id);
    const first = await report(w.member, postId, { reason: 'spam', comment: '  Publicité  ' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      targetKind: 'forum_post',
      targetId: postId,
      networkId: w.network.id,
      reason: 'spam',
      comment: 'Publicité',
      status: 'open',
    });
    expect((await report(w.member, postId, { reason: 'abuse' })).status).toBe(409);
    expect((await report(w.moderator, postId, { reason: 'off_topic' })).status).toBe(201);

    const queue = await w.moderator.client.get(`/api/v1/networks/${w.network.id}/moderation/queue`);
    expect(queue.status).toBe(200);
    expect(queue.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(queue.body.items[0]).toMatchObject({
      targetKind: 'forum_post',
      targetId: postId,
      excerpt: 'Achetez nos montres pas chères',
      url: `/test/${postId}`,
      hidden: false,
      authorPersonId: w.member2.id,
      reportCount: 2,
      reasons: ['spam', 'off_topic'],
    });
    expect(
      queue.body.items[0].reports.map((r: { reporterPersonId: string; comment: string | null }) => [r.reporterPersonId, r.comment]),
    ).toEqual([
      [w.member.id, 'Publicité'],
      [w.moderator.id, null],
    ]);

    const hidden = await w.moderator.client.post(`/api/v1/moderation/reports/${first.body.id}/hide`, { note: 'Spam manifeste' });
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({
      action: 'hide',
      targetKind: 'forum_post',
      targetId: postId,
      reason: 'Spam manifeste',
      actorPersonId: w.moderator.id,
    });
    expect(store.items.get(postId)!.hidden).toBe(true);
    // Every open report on the content is resolved; the queue is empty; a member no longer sees the content.
    const statuses = await app.db.query('SELECT status, decided_by_id FROM moderation_reports WHERE target_id = $1', [postId]);
    expect(statuses).toEqual([
      { status: 'resolved', decided_by_id: w.moderator.id },
      { status: 'resolved', decided_by_id: w.moderator.id },
    ]);
    expect((await w.moderator.client.get(`/api/v1/networks/${w.network.id}/moderation/queue`)).body.total).toBe(0);
    expect((await report(w.member, postId)).status).toBe(404);
    expect((await w.moderator.client.post(`/api/v1/moderation/reports/${first.body.id}/hide`, {})).status).toBe(409);
    expect((await w.moderator.client.post(`/api/v1/moderation/reports/${first.body.id}/dismiss`, {})).status).toBe(409);

    // Restore, then a new report can be dismissed.
    const restored = await w.animator.client.post(`/api/v1/moderation/reports/${first.body.id}/restore`, {});
    expect(restored.status).toBe(200);
    expect(store.items.get(postId)!.hidden).toBe(false);
    expect((await w.animator.client.post(`/api/v1/moderation/reports/${first.body.id}/restore`, {})).status).toBe(409);
    const again = await report(w.member, postId, { reason: 'abuse' });
    expect(again.status).toBe(201);
    const dismissed = await staff.client.post(`/api/v1/moderation/reports/${again.body.id}/dismiss`, {});
    expect(dismissed.status).toBe(200);
    expect(store.items.get(postId)!.hidden).toBe(false);

    const log = await w.animator.client.get(`/api/v1/networks/${w.network.id}/moderation/log`);
    expect(log.status).toBe(200);
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual(['dismiss', 'restore', 'hide']);
    expect(log.body.items[2]).toMatchObject({ actorName: expect.any(String), details: { reasons: ['spam', 'off_topic'] } });
  });

  it('rejects bad input with a clear 4xx and writes nothing', async () => {
    const w = await privateWorld();
    const postId = store.add(w.network.id, 'Bonjour à tous');
    const before = await count('moderation_reports');
    const bad: [Record<string, unknown>, string][] = [
      [{ reason: 'nope' }, 'reason'],
      [{ targetId: 'not-a-uuid' }, 'targetId'],
      [{ targetKind: 'event' }, 'targetKind'],
      [{ comment: 'x'.repeat(2001) }, 'comment'],
      [{ comment: 42 }, 'comment'],
      [{ extra: true }, 'extra'],
    ];
    for (const [body, field] of bad) {
      const res = await report(w.member, postId, body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect((await w.member.client.post('/api/v1/moderation/reports', {})).status).toBe(400);
    expect((await report(w.member, randomUUID())).status).toBe(404);
    expect(await count('moderation_reports')).toBe(before);

    // Decisions: unknown report ids are 404, bad notes 400.
    expect((await w.moderator.client.post('/api/v1/moderation/reports/nope/hide', {})).status).toBe(404);
    expect((await w.moderator.client.post(`/api/v1/moderation/reports/${randomUUID()}/hide`, {})).status).toBe(404);
    const created = await report(w.member, postId);
    const badNote = await w.moderator.client.post(`/api/v1/moderation/reports/${created.body.id}/hide`, { note: 'x'.repeat(2001) });
    expect(badNote.status).toBe(400);
    expect((await w.moderator.client.post(`/api/v1/moderation/reports/${created.body.id}/hide`, { other: 1 })).status).toBe(400);
    expect(store.items.get(postId)!.hidden).toBe(false);

    // Warnings: a company that is not a member, a person who does not represent it, a bad reason.
    const actions = await count('moderation_actions');
    const mails = await count('mail_outbox');
    const warn = (body: Record<string, unknown>) => w.moderator.client.post(`/api/v1/networks/${w.network.id}/moderation/warnings`, body);
    const cases: [Record<string, unknown>, string][] = [
      [{ companyId: w.stranger.companyId, reason: 'Propos déplacés' }, 'companyId'],
      [{ companyId: w.member.companyId, personId: w.stranger.id, reason: 'Propos déplacés' }, 'personId'],
      [{ companyId: w.member.companyId, reason: ' ' }, 'reason'],
      [{ companyId: 'x', reason: 'Propos déplacés' }, 'companyId'],
      [{ companyId: w.member.companyId, reason: 'Propos déplacés', severity: 3 }, 'severity'],
    ];
    for (const [body, field] of cases) {
      const res = await warn(body);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    // Pages.
    for (const q of ['page=0', 'pageSize=101', 'page=abc', 'q=x']) {
      expect((await w.moderator.client.get(`/api/v1/networks/${w.network.id}/moderation/log?${q}`)).status).toBe(400);
      expect((await w.moderator.client.get(`/api/v1/networks/${w.network.id}/moderation/queue?${q}`)).status).toBe(400);
    }
    expect(await count('moderation_actions')).toBe(actions);
    expect(await count('mail_outbox')).toBe(mails);
  });

  it('warns a member company by e-mail and keeps the warning in the log', async () => {
    const w = await privateWorld();
    const res = await w.moderator.client.post(`/api/v1/networks/${w.network.id}/moderation/warnings`, {
      companyId: w.member.companyId,
      reason: 'Merci de rester courtois',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      action: 'warn',
      targetKind: 'company',
      targetId: w.member.companyId,
      reason: 'Merci de rester courtois',
      details: { recipients: 1 },
    });
    const mail = await lastMail(app, w.member.email);
    expect(mail.template).toBe('moderation-warning');
    expect(mail.text).toContain('Merci de rester courtois');
    expect(mail.text).toContain(w.network.name);

    const one = await w.animator.client.post(`/api/v1/networks/${w.network.id}/moderation/warnings`, {
      companyId: w.member2.companyId,
      personId: w.member2.id,
      reason: 'Hors sujet répété',
    });
    expect(one.body).toMatchObject({ targetKind: 'person', targetId: w.member2.id, details: { companyId: w.member2.companyId } });
    const log = await w.animator.client.get(`/api/v1/networks/${w.network.id}/moderation/log?pageSize=1`);
    expect(log.body).toMatchObject({ total: 2, pageSize: 1 });
    expect(log.body.items[0].reason).toBe('Hors sujet répété');
  });

  it('audits bans and unbans made in the networks module', async () => {
    const w = await privateWorld();
    expect((await w.animator.client.post(`/api/v1/networks/${w.network.id}/members/${w.member.companyId}/ban`, {})).status).toBe(200);
    expect((await w.animator.client.post(`/api/v1/networks/${w.network.id}/members/${w.member.companyId}/unban`, {})).status).toBe(200);
    const log = await w.animator.client.get(`/api/v1/networks/${w.network.id}/moderation/log`);
    expect(log.body.items.map((e: { action: string; targetId: string }) => [e.action, e.targetId])).toEqual([
      ['unban', w.member.companyId],
      ['ban', w.member.companyId],
    ]);
  });

  it('survives concurrent duplicate reports: one wins, the others get a 409, never a 500', async () => {
    const w = await privateWorld();
    const postId = store.add(w.network.id, 'Contenu douteux');
    const results = await Promise.all(Array.from({ length: 5 }, () => report(w.member, postId)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
  });

  describe('posting rate limits', () => {
    const tryPost = (networkId: string, personId: string) =>
      app.db
        .transaction((tx) => moderation.assertMayPost(tx, { networkId, personId }))
        .then(
          () => 'ok',
          (error: { getStatus?: () => number; code?: string; details?: { retryAfterSeconds: number } }) => {
            expect(error.getStatus?.()).toBe(429);
            expect(error.code).toBe('RATE_LIMITED');
            expect(error.details?.retryAfterSeconds).toBeGreaterThan(0);
            return 'limited';
          },
        );
    const posts = async (networkId: string, personId: string, n: number) => {
      const out: string[] = [];
      for (let i = 0; i < n; i++) out.push(await tryPost(networkId, personId));
      return out;
    };

    it('is stricter for companies that joined recently; moderators and staff are not limited', async () => {
      const w = await privateWorld();
      const { perTenMinutes } = DEFAULT_POSTING_LIMITS.newMember;
      expect(await posts(w.network.id, w.member.id, perTenMinutes + 1)).toEqual([...Array(perTenMinutes).fill('ok'), 'limited']);
      // A refused post is not counted.
      const [{ n }] = await app.db.query(
        'SELECT count(*)::int AS n FROM moderation_posting_events WHERE network_id = $1 AND person_id = $2',
        [w.network.id, w.member.id],
      );
      expect(n).toBe(perTenMinutes);

      // A company that has been a member for more than the probation period gets the higher limit.
      await app.db.query(
        `UPDATE network_membership_events SET created_at = now() - interval '30 days'
         WHERE membership_id IN (SELECT id FROM network_memberships WHERE network_id = $1 AND company_id = $2)`,
        [w.network.id, w.member2.companyId],
      );
      const established = DEFAULT_POSTING_LIMITS.established.perTenMinutes;
      expect(await posts(w.network.id, w.member2.id, established + 1)).toEqual([...Array(established).fill('ok'), 'limited']);

      expect(await posts(w.network.id, w.moderator.id, 12)).not.toContain('limited');
      expect(await posts(w.network.id, staff.id, 12)).not.toContain('limited');
      expect(await posts(w.network.id, admin.id, 12)).not.toContain('limited');
    });

    it('counts a day of posts, not only ten minutes', async () => {
      const w = await privateWorld();
      const { perDay } = DEFAULT_POSTING_LIMITS.newMember;
      await app.db.query(
        `INSERT INTO moderation_posting_events (network_id, person_id, created_at)
         SELECT $1, $2, now() - interval '2 hours' FROM generate_series(1, $3::int)`,
        [w.network.id, w.member.id, perDay],
      );
      expect(await tryPost(w.network.id, w.member.id)).toBe('limited');
      // Older than a day: forgotten (and pruned).
      await app.db.query(
        `UPDATE moderation_posting_events SET created_at = now() - interval '25 hours' WHERE network_id = $1 AND person_id = $2`,
        [w.network.id, w.member.id],
      );
      expect(await tryPost(w.network.id, w.member.id)).toBe('ok');
      const [{ n }] = await app.db.query(
        'SELECT count(*)::int AS n FROM moderation_posting_events WHERE network_id = $1 AND person_id = $2',
        [w.network.id, w.member.id],
      );
      expect(n).toBe(1);
    });
  });

  describe('role × endpoint matrix and canary', () => {
    const CANARY_REASON = `canary-reason-${randomUUID()}`;
    const CANARY_CONTENT = `canary-content-${randomUUID()}`;
    let w: Awaited<ReturnType<typeof privateWorld>>;
    let postId: string;
    let reportId: string;

    beforeAll(async () => {
      w = await privateWorld();
      postId = store.add(w.network.id, `Message ${CANARY_CONTENT}`, w.member2.id);
      const created = await report(w.member, postId, { reason: 'personal_data', comment: CANARY_REASON });
      expect(created.status).toBe(201);
      reportId = created.body.id;
    });

    type Role = 'anonymous' | 'stranger' | 'pending' | 'member' | 'moderator' | 'animator' | 'otherAnimator' | 'staff' | 'admin';
    const clientOf = (role: Role): HttpClient => {
      if (role === 'anonymous') return app.client();
      if (role === 'staff') return staff.client;
      if (role === 'admin') return admin.client;
      return w[role].client;
    };

    it('answers each role as the policy says', async () => {
      const roles: Role[] = ['anonymous', 'stranger', 'pending', 'member', 'moderator', 'animator', 'otherAnimator', 'staff', 'admin'];
      const managers = new Set<Role>(['moderator', 'animator', 'staff', 'admin']);
      const seesContent = new Set<Role>(['member', ...managers]);
      for (const role of roles) {
        const client = clientOf(role);
        const expected = (ok: number, outsider: number) => (role === 'anonymous' ? 401 : managers.has(role) ? ok : outsider);
        const queue = await client.get(`/api/v1/networks/${w.network.id}/moderation/queue`);
        expect([role, queue.status]).toEqual([role, expected(200, 403)]);
        const log = await client.get(`/api/v1/networks/${w.network.id}/moderation/log`);
        expect([role, log.status]).toEqual([role, expected(200, 403)]);
        // A report is private to the network's moderators: for anyone else it does not exist.
        const dismiss = await client.post(`/api/v1/moderation/reports/${reportId}/restore`, {});
        expect([role, dismiss.status]).toEqual([role, role === 'anonymous' ? 401 : managers.has(role) ? 409 : 404]);
        const warn = await client.post(`/api/v1/networks/${w.network.id}/moderation/warnings`, {
          companyId: w.member2.companyId,
          reason: 'Test de la matrice',
        });
        expect([role, warn.status]).toEqual([role, expected(201, 403)]);
        const reported = await report(client, postId, { reason: 'other' });
        const reportStatus = role === 'anonymous' ? 401 : seesContent.has(role) ? 201 : 404;
        expect([role, reported.status]).toEqual([role, role === 'member' ? 409 : reportStatus]);
      }
    });

    it('a missing network and a hidden secret network look the same; so do a missing and a hidden report', async () => {
      const secret = await privateWorld('secret');
      const secretPost = store.add(secret.network.id, 'Secret');
      const secretReport = await report(secret.member, secretPost);
      for (const path of ['moderation/queue', 'moderation/log']) {
        const hidden = await w.stranger.client.get(`/api/v1/networks/${secret.network.id}/${path}`);
        const missing = await w.stranger.client.get(`/api/v1/networks/${randomUUID()}/${path}`);
        expect([hidden.status, hidden.body.code, hidden.body.message]).toEqual([missing.status, missing.body.code, missing.body.message]);
        expect(hidden.status).toBe(404);
      }
      // An animator of another network (and not of the secret one) does not see its reports.
      const hiddenReport = await w.otherAnimator.client.post(`/api/v1/moderation/reports/${secretReport.body.id}/hide`, {});
      const missingReport = await w.otherAnimator.client.post(`/api/v1/moderation/reports/${randomUUID()}/hide`, {});
      expect([hiddenReport.status, hiddenReport.body.message]).toEqual([missingReport.status, missingReport.body.message]);
      const hiddenPost = await report(w.stranger, secretPost);
      const missingPost = await report(w.stranger, randomUUID());
      expect([hiddenPost.status, hiddenPost.body.message]).toEqual([missingPost.status, missingPost.body.message]);
    });

    it('never shows a reporter’s reason or reported content to a non-member, including a removed former member', async () => {
      // The reporter's company leaves, a moderator's company is removed: both are outsiders now.
      expect((await w.member.client.delete(`/api/v1/networks/${w.network.id}/members/${w.member.companyId}`)).status).toBe(204);
      expect((await w.animator.client.delete(`/api/v1/networks/${w.network.id}/members/${w.moderator.companyId}`)).status).toBe(204);
      const outsiders = [app.client(), w.stranger.client, w.pending.client, w.otherAnimator.client, w.member.client, w.moderator.client];
      const paths = [
        `/api/v1/networks/${w.network.id}/moderation/queue`,
        `/api/v1/networks/${w.network.id}/moderation/log`,
        `/api/v1/networks/${w.network.id}`,
      ];
      for (const client of outsiders) {
        const answers = [
          ...(await Promise.all(paths.map((p) => client.get(p)))),
          await report(client, postId, { comment: 'encore' }),
          await client.post(`/api/v1/moderation/reports/${reportId}/hide`, {}),
          await client.post(`/api/v1/moderation/reports/${reportId}/dismiss`, {}),
          await client.post(`/api/v1/networks/${w.network.id}/moderation/warnings`, { companyId: w.member2.companyId, reason: 'Encore' }),
        ];
        for (const res of answers) {
          const text = JSON.stringify(res.body);
          expect(text).not.toContain(CANARY_REASON);
          expect(text).not.toContain(CANARY_CONTENT);
          expect(res.status).toBeLessThan(500);
        }
      }
      // The network's moderators still see both.
      const queue = JSON.stringify((await w.animator.client.get(`/api/v1/networks/${w.network.id}/moderation/queue`)).body);
      expect(queue).toContain(CANARY_REASON);
      expect(queue).toContain(CANARY_CONTENT);
      // Nothing was decided by the outsiders.
      expect(store.items.get(postId)!.hidden).toBe(false);
    });
  });
});

describe('moderation of real forum posts (HTTP, real database)', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof networkWorld>>;
  let networkId: string;
  let categoryId: string;
  let author: Person;
  let member: Person;
  let moderator: Person;
  let animator: Person;

  beforeAll(async () => {
    app = await createTestApp();
    world = await networkWorld(app);
    networkId = (await world.createNetwork({ name: 'Club privé des Monts du Lyonnais', visibility: 'private', joinPolicy: 'approval' })).id;
    [author, member, moderator, animator] = await Promise.all(['Aline', 'Bruno', 'Chloé', 'Denis'].map((name) => world.person(true, name)));
    for (const [who, role] of [
      [author, 'member'],
      [member, 'member'],
      [moderator, 'moderator'],
      [animator, 'animator'],
    ] as const) {
      await world.enrol(networkId, who, role);
    }
    categoryId = (await animator.client.post(`/api/v1/networks/${networkId}/forum/categories`, { name: 'Général' })).body.id;
  });
  afterAll(() => app.close());

  const newTopic = async (who: Person, body: string) => {
    const res = await who.client.post(`/api/v1/networks/${networkId}/forum/topics`, { categoryId, title: 'Achats groupés', body });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };

  it('reports a post, hides it through the queue: members no longer see its body, moderators see it hidden', async () => {
    const topic = await newTopic(author, 'Qui est intéressé par un groupement ?');
    const text = `Promo sur les montres ${randomUUID()}`;
    const reply = await author.client.post(`/api/v1/forum/topics/${topic.id}/posts`, { body: text });
    expect(reply.status).toBe(201);
    const postId: string = reply.body.id;

    const reported = await member.client.post('/api/v1/moderation/reports', {
      targetKind: 'forum_post',
      targetId: postId,
      reason: 'spam',
      comment: 'Publicité',
    });
    expect(reported.status).toBe(201);
    expect(reported.body.networkId).toBe(networkId);

    const queue = await moderator.client.get(`/api/v1/networks/${networkId}/moderation/queue`);
    expect(queue.body.items).toHaveLength(1);
    expect(queue.body.items[0]).toMatchObject({
      targetId: postId,
      authorPersonId: author.id,
      hidden: false,
      reportCount: 1,
      url: expect.any(String),
    });
    expect(queue.body.items[0].excerpt).toContain(text);

    expect((await moderator.client.post(`/api/v1/moderation/reports/${reported.body.id}/hide`, { note: 'Publicité' })).status).toBe(200);

    const seenByMember = await member.client.get(`/api/v1/forum/posts/${postId}`);
    expect(seenByMember.status).toBe(200);
    expect(seenByMember.body).toMatchObject({ state: 'hidden', html: null });
    expect(JSON.stringify((await member.client.get(`/api/v1/forum/topics/${topic.id}`)).body)).not.toContain(text);
    const seenByModerator = await moderator.client.get(`/api/v1/forum/posts/${postId}`);
    expect(seenByModerator.body.state).toBe('hidden');
    expect(seenByModerator.body.html).toContain(text);
    expect((await moderator.client.get(`/api/v1/networks/${networkId}/moderation/queue`)).body.total).toBe(0);

    expect((await animator.client.post(`/api/v1/moderation/reports/${reported.body.id}/restore`, {})).status).toBe(200);
    const restored = await member.client.get(`/api/v1/forum/posts/${postId}`);
    expect(restored.body.state).toBe('visible');
    expect(restored.body.html).toContain(text);
    const log = await animator.client.get(`/api/v1/networks/${networkId}/moderation/log`);
    expect(log.body.items.filter((e: { targetId: string }) => e.targetId === postId).map((e: { action: string }) => e.action)).toEqual([
      'restore',
      'hide',
    ]);
  });

  it('limits how fast a new member posts: a refused post is a 429 and writes nothing', async () => {
    const { perTenMinutes } = DEFAULT_POSTING_LIMITS.newMember;
    const topic = await newTopic(animator, 'Présentez-vous');
    const statuses: number[] = [];
    for (let i = 0; i <= perTenMinutes; i++) {
      statuses.push((await member.client.post(`/api/v1/forum/topics/${topic.id}/posts`, { body: `Bonjour ${i}` })).status);
    }
    // The member already reported once in the previous test, but posted nothing: the first `perTenMinutes` pass.
    expect(statuses).toEqual([...Array(perTenMinutes).fill(201), 429]);
    const posts = Number((await app.db.query('SELECT count(*) AS n FROM forum_posts WHERE topic_id = $1', [topic.id]))[0].n);
    const refused = await member.client.post(`/api/v1/forum/topics/${topic.id}/posts`, { body: 'Encore' });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: expect.any(Number) } });
    expect(Number((await app.db.query('SELECT count(*) AS n FROM forum_posts WHERE topic_id = $1', [topic.id]))[0].n)).toBe(posts);
    // Animators are not limited.
    for (let i = 0; i <= perTenMinutes; i++) {
      expect((await animator.client.post(`/api/v1/forum/topics/${topic.id}/posts`, { body: `Animation ${i}` })).status).toBe(201);
    }
  });
});
