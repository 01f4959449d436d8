import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../../test/test-app';
import type { HttpClient } from '../../../test/http-client';
import { networkWorld, type Person } from '../../../test/network-world';
import { addDays, parisDay } from './steering-compute';
import { SteeringRefreshService } from './steering-refresh.service';

const DAY = 86_400_000;

describe('steering (HTTP, real database)', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof networkWorld>>;
  let staff: Person;
  const now = new Date();
  const today = parisDay(now);
  /** Noon (UTC) `days` ago: far from midnight in Europe/Paris. */
  const ago = (days: number) => new Date(Date.parse(`${addDays(today, -days)}T11:00:00Z`));
  const CANARY = `canari-${randomUUID()}`;

  const refresh = () => app.running.app.get(SteeringRefreshService).refresh(new Date());
  /** Moves the membership events written in the last minute for this company to `at` (the history as it happened). */
  const backdate = async (networkId: string, companyId: string, at: Date) => {
    await app.db.query(
      `UPDATE network_membership_events SET created_at = $3 WHERE created_at > now() - interval '1 minute'
         AND membership_id = (SELECT id FROM network_memberships WHERE network_id = $1 AND company_id = $2)`,
      [networkId, companyId, at],
    );
  };
  const personOf = async (p: Person) => p.id;
  const post = async (
    networkId: string,
    topic: { id: string } | null,
    author: string,
    at: Date,
    options: { hidden?: boolean; title?: string } = {},
  ) => {
    let topicId = topic?.id;
    let sequence = 1;
    if (!topicId) {
      const [cat] = await app.db.query('INSERT INTO forum_categories (network_id, name) VALUES ($1, $2) RETURNING id', [
        networkId,
        `Cat ${randomUUID().slice(0, 6)}`,
      ]);
      [{ id: topicId }] = await app.db.query(
        'INSERT INTO forum_topics (network_id, category_id, author_id, title, post_count, last_sequence, last_post_at, created_at) VALUES ($1, $2, $3, $4, 1, 1, $5, $5) RETURNING id',
        [networkId, cat.id, author, options.title ?? 'Sujet', at],
      );
    } else {
      const [{ next }] = await app.db.query('SELECT last_sequence + 1 AS next FROM forum_topics WHERE id = $1', [topicId]);
      sequence = next;
      await app.db.query('UPDATE forum_topics SET last_sequence = $2, post_count = post_count + 1 WHERE id = $1', [topicId, sequence]);
    }
    await app.db.query(
      'INSERT INTO forum_posts (topic_id, sequence, author_id, body, html, created_at, hidden_at) VALUES ($1, $2, $3, $4, $4, $5, $6)',
      [topicId, sequence, author, 'Bonjour', at, options.hidden ? at : null],
    );
    return { id: topicId! };
  };
  const event = async (
    networkId: string,
    at: Date,
    status: 'published' | 'cancelled',
    registrations: { person: string; checkedIn: boolean; status?: string }[],
  ) => {
    const [{ id }] = await app.db.query(
      `INSERT INTO agenda_events (network_id, title, status, format, online_url, starts_at, ends_at) VALUES ($1, 'Rencontre', $2, 'online', 'https://visio.example/x', $3, $4) RETURNING id`,
      [networkId, status, at, new Date(at.getTime() + 2 * 3600_000)],
    );
    for (const r of registrations)
      await app.db.query('INSERT INTO agenda_registrations (event_id, person_id, status, checked_in_at) VALUES ($1, $2, $3, $4)', [
        id,
        r.person,
        r.status ?? 'registered',
        r.checkedIn ? at : null,
      ]);
    return id as string;
  };
  const message = async (sender: string, other: string, at: Date) => {
    const [{ id }] = await app.db.query("INSERT INTO conversations (kind, created_by_id, last_seq) VALUES ('group', $1, 1) RETURNING id", [
      sender,
    ]);
    await app.db.query('INSERT INTO conversation_participants (conversation_id, person_id) VALUES ($1, $2), ($1, $3)', [id, sender, other]);
    await app.db.query(
      'INSERT INTO messages (conversation_id, seq, sender_id, client_id, body, body_html, created_at) VALUES ($1, 1, $2, $3, $4, $4, $5)',
      [id, sender, randomUUID(), 'Salut', at],
    );
  };

  let net: { id: string; name: string };
  let a: Person, b: Person, c: Person, d: Person, animator: Person, outsider: Person;
  let otherStaff: Person;
  let regionalStaff: Person;
  let regionId: string;
  let secret: { id: string; name: string };

  beforeAll(async () => {
    app = await createTestApp();
    world = await networkWorld(app);
    ({ staff } = world);
    net = await world.createNetwork({ name: 'Club des industriels', slug: 'club-industriels', type: 'business_club' });
    [a, b, c, d, animator, outsider] = await Promise.all([
      world.person(),
      world.person(),
      world.person(),
      world.person(),
      world.person(),
      world.person(),
    ]);
    // A: member for 400 days; B: joined 300 days ago, left 200 days ago, came back 50 days ago; C: 20 days; D: 250 days.
    await world.enrol(net.id, a);
    await backdate(net.id, a.companyId!, ago(400));
    await world.enrol(net.id, b);
    await backdate(net.id, b.companyId!, ago(300));
    expect((await b.client.delete(`/api/v1/networks/${net.id}/members/${b.companyId}`)).status).toBeLessThan(300);
    await backdate(net.id, b.companyId!, ago(200));
    expect((await b.client.post(`/api/v1/networks/${net.id}/join`, { companyId: b.companyId })).body.status).toBe('active');
    await backdate(net.id, b.companyId!, ago(50));
    await world.enrol(net.id, c);
    await backdate(net.id, c.companyId!, ago(20));
    await world.enrol(net.id, d);
    await backdate(net.id, d.companyId!, ago(250));
    await world.enrol(net.id, animator, 'animator');
    await backdate(net.id, animator.companyId!, ago(500));

    // Forum: B opens a topic 30 days ago, A answers a day later; A opens a topic 10 days ago (unanswered) and a
    // hidden post 5 days ago counts for nothing.
    const bTopic = await post(net.id, null, await personOf(b), ago(30));
    await post(net.id, bTopic, await personOf(a), new Date(ago(30).getTime() + DAY));
    const aTopic = await post(net.id, null, await personOf(a), ago(10));
    await post(net.id, aTopic, await personOf(a), ago(5), { hidden: true });
    // Events: one held 150 days ago (D checked in, A registered but absent, one on the waitlist), one cancelled.
    await event(net.id, ago(150), 'published', [
      { person: d.id, checkedIn: true },
      { person: a.id, checkedIn: false },
      { person: outsider.id, checkedIn: false, status: 'waitlisted' },
    ]);
    await event(net.id, ago(60), 'cancelled', [{ person: c.id, checkedIn: true }]);
    // C's owner sends a message 3 days ago: C is an active member.
    await message(c.id, a.id, ago(3));

    // Another CCI's staff, a regional CCI with both territorial CCIs under it, and a secret network of CCI Lyon.
    otherStaff = await world.person(false);
    expect(
      (await world.admin.client.post(`/api/v1/organizations/${world.otherHostId}/staff`, { email: otherStaff.email, role: 'animator' }))
        .status,
    ).toBe(201);
    const region = await world.admin.client.post('/api/v1/organizations', { name: 'CCI Région', kind: 'cci_regional' });
    regionId = region.body.id;
    await app.db.query('UPDATE organizations SET parent_id = $1 WHERE id = ANY($2::uuid[])', [regionId, [world.hostId, world.otherHostId]]);
    regionalStaff = await world.person(false);
    expect(
      (await world.admin.client.post(`/api/v1/organizations/${regionId}/staff`, { email: regionalStaff.email, role: 'admin' })).status,
    ).toBe(201);
    secret = await world.createNetwork(
      {
        name: `Club ${CANARY}`,
        slug: 'club-secret',
        visibility: 'secret',
        joinPolicy: 'invitation',
        hostOrganizationId: world.otherHostId,
      },
      otherStaff,
    );
    await world.enrol(secret.id, outsider, 'member', otherStaff);

    expect(await refresh()).toBe(true);
    // A dozen sign-ups (argon2) and a history: generous on a busy machine.
  }, 240_000);
  afterAll(() => app.close());

  it('computes every indicator of a known history exactly (a company that left and came back, a cancelled event, a hidden post)', async () => {
    const res = await staff.client.get(`/api/v1/steering/networks/${net.id}/indicators`);
    expect(res.status).toBe(200);
    const { current, series, becameInactive, comparison } = res.body;
    // A, B (back), C, D and the animator company.
    expect(current.members).toBe(5);
    // A (posts), B (topic 30 days ago), C (message): D was last active 150 days ago, the hidden post counts for nothing.
    expect(current.activeMembers).toBe(3);
    // Joins in 12 months: B (300 d), B again (50 d), C, D; leaves: B (200 d).
    expect(current.growth12m).toEqual({ joins: 4, leaves: 1, net: 3 });
    expect(current.forum).toEqual({ topics: 2, posts: 3, answeredShare: 0.5, medianHoursToFirstAnswer: 24 });
    expect(current.events).toEqual({ held: 1, registrations: 2, checkIns: 1, attendanceRate: 0.5, waitlisted: 1 });
    expect(current.documentsAdded).toBe(0);
    expect(current.alerts).toMatchObject({ dormant: false, lateActions: 0, dormantAfterDays: 60 });
    expect(series).toHaveLength(24);
    const last = series[23];
    expect(last.month).toBe(today.slice(0, 7));
    expect(last.members).toBe(5);
    expect(last.activeMembers).toBe(3);
    // B's months: a member 300..200 days ago, not between 200 and 50 days ago.
    const monthOf = (days: number) => series.find((p: { month: string }) => p.month === addDays(today, -days).slice(0, 7));
    expect(monthOf(120).members).toBe(4 - 1 + 0); // A, D, animator (B away, C not yet)
    expect(series.reduce((s: number, p: { posts: number }) => s + p.posts, 0)).toBe(3);
    expect(series.reduce((s: number, p: { eventsHeld: number }) => s + p.eventsHeld, 0)).toBe(1);
    expect(becameInactive.map((i: { companyId: string }) => i.companyId)).toEqual([d.companyId]);
    const [dCompany] = await app.db.query('SELECT coalesce(trade_name, legal_name) AS name FROM companies WHERE id = $1', [d.companyId]);
    expect(becameInactive[0].name).toBe(dCompany.name);
    expect(comparison.peers).toBe(1);
    expect(comparison.self.members).toBe(5);
  });

  it('computes a plan’s indicators over its year and keeps manual entries, actions and history', async () => {
    const year = Number(today.slice(0, 4));
    const created = await staff.client.post(`/api/v1/steering/networks/${net.id}/action-plans`, { year });
    expect(created.status).toBe(201);
    const planId = created.body.id;
    const withPosts = await staff.client.post(`/api/v1/steering/action-plans/${planId}/indicators`, {
      label: 'Messages',
      source: 'posts',
      target: 6,
    });
    expect(withPosts.status).toBe(201);
    const postsThisYear = [ago(30).getTime() + DAY, ago(30).getTime(), ago(10).getTime()].filter((t) =>
      parisDay(new Date(t)).startsWith(String(year)),
    ).length;
    expect(withPosts.body.indicators[0]).toMatchObject({
      source: 'posts',
      unit: 'messages',
      actual: postsThisYear,
      progress: Math.round((postsThisYear / 6) * 10000) / 10000,
    });
    const manual = await staff.client.post(`/api/v1/steering/action-plans/${planId}/indicators`, {
      label: 'Satisfaction',
      source: 'manual',
      target: 80,
      unit: '%',
    });
    const manualId = manual.body.indicators.find((i: { source: string }) => i.source === 'manual').id;
    const entry = await staff.client.post(`/api/v1/steering/indicators/${manualId}/entries`, {
      value: 72.5,
      date: today,
      comment: 'Enquête annuelle',
    });
    expect(entry.status).toBe(201);
    expect(entry.body.indicators.find((i: { id: string }) => i.id === manualId)).toMatchObject({ actual: 72.5, progress: 0.9063 });
    const action = await staff.client.post(`/api/v1/steering/action-plans/${planId}/actions`, {
      title: 'Visite d’usine',
      startDate: `${year}-01-10`,
      dueDate: `${year}-01-20`,
      budgetPlanned: 1500.5,
    });
    expect(action.status).toBe(201);
    const actionId = action.body.actions[0].id;
    expect(action.body.actions[0].late).toBe(`${year}-01-20` < today);
    const done = await staff.client.patch(`/api/v1/steering/actions/${actionId}`, { status: 'done', budgetSpent: 1200 });
    expect(done.body.actions[0]).toMatchObject({ status: 'done', late: false, budgetSpent: 1200 });
    expect(done.body.progress).toMatchObject({ actionsDone: 1, actionsTotal: 1, budgetPlanned: 1500.5, budgetSpent: 1200 });
    const history = await staff.client.get(`/api/v1/steering/action-plans/${planId}/history`);
    expect(history.body.map((h: { kind: string }) => h.kind)).toEqual([
      'action_updated',
      'action_added',
      'entry_added',
      'indicator_added',
      'indicator_added',
      'plan_created',
    ]);
    expect(history.body[0].changes.status).toEqual({ from: 'planned', to: 'done' });
    const copy = await staff.client.post(`/api/v1/steering/action-plans/${planId}/copy`, {});
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ year: year + 1, status: 'draft' });
    expect(copy.body.actions[0]).toMatchObject({ status: 'planned', startDate: `${year + 1}-01-10`, budgetSpent: 0 });
    expect(copy.body.indicators.map((i: { entries: unknown[] }) => i.entries)).toEqual([[], []]);
    expect((await staff.client.post(`/api/v1/steering/action-plans/${planId}/copy`, {})).status).toBe(409);
    // The cockpit line shows this year's plan.
    const cockpit = await staff.client.get('/api/v1/steering/cockpit');
    const line = cockpit.body.items.find((l: { network: { id: string } }) => l.network.id === net.id);
    expect(line.plan).toMatchObject({ id: planId, year, actionsDone: 1, actionsTotal: 1 });
  });

  it('keeps the network’s cockpit line in step with its plan at once (no refresh in between)', async () => {
    const year = Number(today.slice(0, 4));
    const lineOf = async () =>
      (await staff.client.get(`/api/v1/steering/cockpit?q=${encodeURIComponent('club des industriels')}`)).body.items.find(
        (l: { network: { id: string } }) => l.network.id === net.id,
      );
    const plan = (await staff.client.get(`/api/v1/steering/networks/${net.id}/action-plans`)).body.find(
      (p: { year: number }) => p.year === year,
    );
    const before = await lineOf();
    expect(before.plan).toMatchObject({ id: plan.id, actionsDone: 1, actionsTotal: 1 });
    expect(before.alerts.lateActions).toBe(0);
    // An action due on the 1st of January, still planned: late (unless today is that day).
    const added = await staff.client.post(`/api/v1/steering/action-plans/${plan.id}/actions`, {
      title: 'Relance des adhérents',
      dueDate: `${year}-01-01`,
    });
    expect(added.status).toBe(201);
    const late = await lineOf();
    expect(late.plan).toMatchObject({ actionsDone: 1, actionsTotal: 2 });
    expect(late.alerts.lateActions).toBe(`${year}-01-01` < today ? 1 : 0);
    expect(
      (await staff.client.get('/api/v1/steering/cockpit?alert=late')).body.items.map((l: { network: { id: string } }) => l.network.id),
    ).toEqual(`${year}-01-01` < today ? [net.id] : []);
    // A manual entry reaching its target moves the plan's progress (each indicator's progress is capped at 1).
    const manual = added.body.indicators.find((i: { source: string }) => i.source === 'manual');
    const posts = added.body.indicators.find((i: { source: string }) => i.source === 'posts');
    expect((await staff.client.post(`/api/v1/steering/indicators/${manual.id}/entries`, { value: 80, date: today })).status).toBe(201);
    expect((await lineOf()).plan.progress).toBe(Math.round(((Math.min(1, posts.progress ?? 0) + 1) / 2) * 10000) / 10000);
    // Removing the action clears the alert.
    const actionId = added.body.actions.find((a: { title: string }) => a.title === 'Relance des adhérents').id;
    expect((await staff.client.delete(`/api/v1/steering/actions/${actionId}`)).status).toBeLessThan(300);
    const after = await lineOf();
    expect(after.plan).toMatchObject({ actionsDone: 1, actionsTotal: 1 });
    expect(after.alerts.lateActions).toBe(0);
  });

  it('records maturity assessments with history and sets the network’s stage', async () => {
    const res = await staff.client.post(`/api/v1/steering/networks/${net.id}/maturity`, {
      stage: 'autonomy',
      criteria: { own_funding: true, autonomous_animation: false },
      comment: 'Financement propre acquis',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      stage: 'autonomy',
      latest: { stage: 'autonomy', previousStage: 'development', comment: 'Financement propre acquis' },
    });
    expect((await staff.client.get(`/api/v1/networks/${net.id}`)).body.maturity).toBe('autonomy');
    // The cockpit line follows in the same transaction.
    expect(
      (await staff.client.get('/api/v1/steering/cockpit?maturity=autonomy')).body.items.map(
        (l: { network: { id: string } }) => l.network.id,
      ),
    ).toEqual([net.id]);
    const sheet = await staff.client.put(`/api/v1/steering/networks/${net.id}/sheet`, {
      needs: ['animation', 'recruiting'],
      partners: [{ name: 'Métropole', role: 'funder' }],
      governance: { president: 'Jeanne Martin', board: ['Paul', 'Lina'], cciElectedReferent: 'Marc Élu' },
      agreement: { type: 'staff_provision', startDate: '2025-01-01', reviewDate: '2026-01-01', fte: 0.5 },
      funding: [{ kind: 'membership_fees', amount: 12000 }],
    });
    expect(sheet.status).toBe(200);
    expect(sheet.body).toMatchObject({ needs: ['animation', 'recruiting'], agreement: { fte: 0.5, type: 'staff_provision' } });
  });

  it('flags a dormant network with the organisation’s threshold', async () => {
    const quiet = await world.createNetwork({ name: 'Groupement calme', slug: 'groupement-calme' });
    await refresh();
    const line = (await staff.client.get('/api/v1/steering/cockpit?alert=dormant')).body.items.map(
      (l: { network: { id: string } }) => l.network.id,
    );
    expect(line).toContain(quiet.id);
    expect(line).not.toContain(net.id);
    // 3 days without activity in the club: dormant with a 7-day threshold? No (last message 3 days ago).
    // Its admins set the threshold; an animator of the CCI may not.
    expect((await staff.client.put(`/api/v1/steering/organizations/${world.hostId}/settings`, { dormantAfterDays: 7 })).status).toBe(403);
    expect((await world.admin.client.put(`/api/v1/steering/organizations/${world.hostId}/settings`, { dormantAfterDays: 7 })).status).toBe(
      200,
    );
    const cockpit = (await staff.client.get('/api/v1/steering/cockpit?alert=dormant')).body;
    expect(cockpit.items.map((l: { network: { id: string } }) => l.network.id)).toEqual([quiet.id]);
    expect(cockpit.items[0].alerts).toMatchObject({ dormant: true, daysSinceActivity: null, dormantAfterDays: 7 });
    expect((await world.admin.client.put(`/api/v1/steering/organizations/${world.hostId}/settings`, { dormantAfterDays: 60 })).status).toBe(
      200,
    );
  });

  describe('who sees what', () => {
    const endpoints = () => [
      `/api/v1/steering/networks/${net.id}/indicators`,
      `/api/v1/steering/networks/${net.id}/action-plans`,
      `/api/v1/steering/networks/${net.id}/maturity`,
      `/api/v1/steering/networks/${net.id}/sheet`,
    ];

    it('lets the network’s animators, host staff and admins in; members, other CCIs and anonymous visitors never', async () => {
      for (const path of endpoints()) {
        for (const who of [staff, animator, world.admin]) expect([path, (await who.client.get(path)).status]).toEqual([path, 200]);
        for (const who of [a, otherStaff, outsider]) expect([path, (await who.client.get(path)).status]).toEqual([path, 404]);
        expect((await app.client().get(path)).status).toBe(401);
      }
      const plans = (await staff.client.get(`/api/v1/steering/networks/${net.id}/action-plans`)).body;
      for (const path of [`/api/v1/steering/action-plans/${plans[0].id}`, `/api/v1/steering/action-plans/${plans[0].id}/history`]) {
        expect((await animator.client.get(path)).status).toBe(200);
        expect((await a.client.get(path)).status).toBe(404);
        expect((await otherStaff.client.get(path)).status).toBe(404);
      }
      // Writes from a plain member: 404 and nothing written.
      const before = await app.db.query('SELECT count(*)::int AS n FROM steering_plans');
      expect((await a.client.post(`/api/v1/steering/networks/${net.id}/action-plans`, { year: 2030 })).status).toBe(404);
      expect(
        (await a.client.post(`/api/v1/steering/networks/${net.id}/maturity`, { stage: 'emergence', criteria: {}, comment: 'x' })).status,
      ).toBe(404);
      expect((await a.client.post(`/api/v1/steering/action-plans/${plans[0].id}/actions`, { title: 'Intrus' })).status).toBe(404);
      expect(await app.db.query('SELECT count(*)::int AS n FROM steering_plans')).toEqual(before);
      // A plain member's cockpit is empty; so is its access.
      expect((await a.client.get('/api/v1/steering/me')).body).toMatchObject({ canSteer: false, canSeeRegional: false });
      expect((await a.client.get('/api/v1/steering/cockpit')).body.items).toEqual([]);
      expect((await a.client.get('/api/v1/steering/regional')).status).toBe(404);
      expect((await a.client.get(`/api/v1/steering/organizations/${world.hostId}/settings`)).status).toBe(404);
    });

    it('never counts or shows a secret network to a CCI that neither hosts nor refers it (pages and exports)', async () => {
      const text = async (client: HttpClient, path: string) => {
        const res = await fetch(app.url + path, { headers: { cookie: client.cookieHeader } });
        const bytes = Buffer.from(await res.arrayBuffer());
        if (!path.endsWith('.xlsx') || res.status !== 200) return { status: res.status, text: bytes.toString('utf8') };
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(bytes as unknown as ArrayBuffer);
        const cells: string[] = [];
        wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
        return { status: res.status, text: cells.join('\n') };
      };
      for (const who of [staff, regionalStaff, animator]) {
        for (const path of [
          '/api/v1/steering/cockpit',
          '/api/v1/steering/cockpit.csv',
          '/api/v1/steering/cockpit.xlsx',
          '/api/v1/steering/regional',
          '/api/v1/steering/regional/schema.csv',
          '/api/v1/steering/regional/schema.xlsx',
        ]) {
          const res = await text(who.client, path);
          if (who === animator && path.includes('regional')) {
            expect(res.status).toBe(404);
            continue;
          }
          expect([path, res.status]).toEqual([path, 200]);
          expect(res.text).not.toContain(CANARY);
        }
      }
      const regional = (await regionalStaff.client.get(`/api/v1/steering/regional?organizationId=${regionId}`)).body;
      expect(regional.totals.networks).toBe(2); // the club and the quiet one: not the secret network
      expect(regional.networks.map((n: { id: string }) => n.id)).not.toContain(secret.id);
      // Its own host sees it.
      const own = (await otherStaff.client.get('/api/v1/steering/cockpit')).body.items.map(
        (l: { network: { id: string } }) => l.network.id,
      );
      expect(own).toEqual([secret.id]);
      const csv = await text(otherStaff.client, '/api/v1/steering/cockpit.csv');
      expect(csv.text).toContain(CANARY);
      expect((await otherStaff.client.get(`/api/v1/steering/networks/${net.id}/indicators`)).status).toBe(404);
      expect((await staff.client.get(`/api/v1/steering/networks/${secret.id}/indicators`)).status).toBe(404);
    });
  });

  describe('bad input: a clear 4xx and nothing written', () => {
    const counts = async () =>
      (
        await app.db.query(
          `SELECT (SELECT count(*) FROM steering_plans)::int AS plans, (SELECT count(*) FROM steering_actions)::int AS actions,
                (SELECT count(*) FROM steering_indicators)::int AS indicators, (SELECT count(*) FROM steering_indicator_entries)::int AS entries,
                (SELECT count(*) FROM steering_maturity_assessments)::int AS assessments, (SELECT count(*) FROM steering_plan_history)::int AS history`,
        )
      )[0];

    it('refuses years, targets, budgets and dates of any shape', async () => {
      const plans = (await staff.client.get(`/api/v1/steering/networks/${net.id}/action-plans`)).body;
      const planId = plans[plans.length - 1].id;
      const before = await counts();
      const cases: [string, string, unknown, number][] = [
        ['post', `/api/v1/steering/networks/${net.id}/action-plans`, { year: -1 }, 400],
        ['post', `/api/v1/steering/networks/${net.id}/action-plans`, { year: '2027' }, 400],
        ['post', `/api/v1/steering/networks/${net.id}/action-plans`, { year: 1e12 }, 400],
        ['post', `/api/v1/steering/networks/${net.id}/action-plans`, { year: 2027.5 }, 400],
        ['post', `/api/v1/steering/action-plans/${planId}/indicators`, { label: 'x', source: 'posts', target: -5 }, 400],
        ['post', `/api/v1/steering/action-plans/${planId}/indicators`, { label: 'x', source: 'posts', target: 1e15 }, 400],
        ['post', `/api/v1/steering/action-plans/${planId}/indicators`, { label: 'x', source: 'posts', target: '10' }, 400],
        ['post', `/api/v1/steering/action-plans/${planId}/indicators`, { label: 'x', source: 'posts', target: 1.234 }, 400],
        ['post', `/api/v1/steering/action-plans/${planId}/indicators`, { label: 'x', source: 'tweets' }, 400],
        ['post', `/api/v1/steering/action-plans/${planId}/actions`, { title: 'x', budgetPlanned: -1 }, 400],
        ['post', `/api/v1/steering/action-plans/${planId}/actions`, { title: 'x', budgetSpent: 'beaucoup' }, 400],
        ['post', `/api/v1/steering/action-plans/${planId}/actions`, { title: 'x', budgetPlanned: Number.MAX_SAFE_INTEGER }, 400],
        ['post', `/api/v1/steering/action-plans/${planId}/actions`, { title: 'x', startDate: '2026-02-30' }, 400],
        ['post', `/api/v1/steering/action-plans/${planId}/actions`, { title: 'x', dueDate: 'demain' }, 400],
        ['post', `/api/v1/steering/action-plans/${planId}/actions`, { title: 'x', dueDate: 20260101 }, 400],
        ['post', `/api/v1/steering/action-plans/${planId}/actions`, { title: 'x', startDate: '2026-03-10T00:00:00Z' }, 400],
        ['post', `/api/v1/steering/action-plans/${planId}/actions`, { title: 'x', startDate: '2026-05-10', dueDate: '2026-05-01' }, 400],
        ['post', `/api/v1/steering/action-plans/${planId}/actions`, { title: 'x', status: 'finished' }, 400],
        ['post', `/api/v1/steering/action-plans/${planId}/actions`, { title: 'x', objectiveId: randomUUID() }, 400],
        ['post', `/api/v1/steering/action-plans/${planId}/actions`, { title: 'x', eventIds: [randomUUID()] }, 400],
        ['post', `/api/v1/steering/action-plans/${planId}/actions`, { title: '' }, 400],
        ['post', `/api/v1/steering/action-plans/${planId}/actions`, { title: 'x', extra: 1 }, 400],
        ['post', `/api/v1/steering/networks/${net.id}/maturity`, { stage: 'adulte', criteria: {}, comment: 'x' }, 400],
        ['post', `/api/v1/steering/networks/${net.id}/maturity`, { stage: 'creation', criteria: { unknown: true }, comment: 'x' }, 400],
        ['post', `/api/v1/steering/networks/${net.id}/maturity`, { stage: 'creation', criteria: { governance: 'oui' }, comment: 'x' }, 400],
        ['post', `/api/v1/steering/networks/${net.id}/maturity`, { stage: 'creation', criteria: {}, comment: '' }, 400],
        [
          'post',
          `/api/v1/steering/networks/${net.id}/maturity`,
          { stage: 'creation', criteria: {}, comment: 'x', assessedOn: addDays(today, 3) },
          400,
        ],
        ['put', `/api/v1/steering/organizations/${world.hostId}/settings`, { dormantAfterDays: 0 }, 400],
        ['put', `/api/v1/steering/organizations/${world.hostId}/settings`, { dormantAfterDays: 100000 }, 400],
      ];
      for (const [method, path, body, status] of cases) {
        const res = await (method === 'post' ? staff.client.post(path, body) : staff.client.put(path, body));
        expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), status]);
        expect(res.body).toMatchObject({ code: expect.any(String), message: expect.any(String), correlationId: expect.any(String) });
      }
      // Entries: on a computed indicator, or dated in the future.
      const plan = (await staff.client.get(`/api/v1/steering/action-plans/${planId}`)).body;
      const computed = plan.indicators.find((i: { source: string }) => i.source !== 'manual');
      const manual = plan.indicators.find((i: { source: string }) => i.source === 'manual');
      expect((await staff.client.post(`/api/v1/steering/indicators/${computed.id}/entries`, { value: 3, date: today })).body.code).toBe(
        'STEERING_MANUAL_ONLY',
      );
      expect(
        (await staff.client.post(`/api/v1/steering/indicators/${manual.id}/entries`, { value: 3, date: addDays(today, 2) })).body.code,
      ).toBe('STEERING_FUTURE_DATE');
      expect((await staff.client.post(`/api/v1/steering/indicators/${manual.id}/entries`, { value: -3, date: today })).status).toBe(400);
      expect(await counts()).toEqual(before);
    });

    it('refuses an action on another network’s plan and the indicators of a deleted network', async () => {
      const other = await world.createNetwork(
        { name: 'Autre club', slug: 'autre-club', hostOrganizationId: world.otherHostId },
        otherStaff,
      );
      const otherPlan = await otherStaff.client.post(`/api/v1/steering/networks/${other.id}/action-plans`, { year: 2026 });
      expect(otherPlan.status).toBe(201);
      const before = await counts();
      expect((await staff.client.post(`/api/v1/steering/action-plans/${otherPlan.body.id}/actions`, { title: 'Intrusion' })).status).toBe(
        404,
      );
      // An objective of another plan linked from this network's plan.
      const objective = await otherStaff.client.post(`/api/v1/steering/action-plans/${otherPlan.body.id}/objectives`, {
        title: 'Objectif',
      });
      const afterObjective = await counts();
      const mine = (await staff.client.get(`/api/v1/steering/networks/${net.id}/action-plans`)).body[0].id;
      const res = await staff.client.post(`/api/v1/steering/action-plans/${mine}/actions`, {
        title: 'x',
        objectiveId: objective.body.objectives[0].id,
      });
      expect(res.body.code).toBe('STEERING_INVALID_OBJECTIVE');
      expect(await counts()).toEqual({ ...afterObjective });
      expect(afterObjective.history).toBe(before.history + 1);
      // The network goes away: its pages are 404 and nothing can be written.
      await app.db.query('DELETE FROM networks WHERE id = $1', [other.id]);
      for (const path of [
        `/api/v1/steering/networks/${other.id}/indicators`,
        `/api/v1/steering/networks/${other.id}/action-plans`,
        `/api/v1/steering/action-plans/${otherPlan.body.id}`,
      ]) {
        expect((await otherStaff.client.get(path)).status).toBe(404);
      }
      expect((await otherStaff.client.post(`/api/v1/steering/networks/${other.id}/action-plans`, { year: 2027 })).status).toBe(404);
      expect((await staff.client.get('/api/v1/steering/networks/not-a-uuid/indicators')).status).toBe(404);
    });
  });

  it('lets one replica refresh at a time (the state row is claimed with SKIP LOCKED)', async () => {
    const service = app.running.app.get(SteeringRefreshService);
    const before = (await staff.client.get(`/api/v1/steering/networks/${net.id}/indicators`)).body.current;
    const results = await Promise.all([service.refresh(new Date()), service.refresh(new Date())]);
    // PostgreSQL: the second claim skips the locked row. PGlite (one backend session) runs the transactions one after the other.
    expect(results.sort()).toEqual(process.env.TEST_DB === 'pglite' ? [true, true] : [false, true]);
    expect((await staff.client.get(`/api/v1/steering/networks/${net.id}/indicators`)).body.current).toEqual(before);
  });

  it('shows a network created since the last refresh at once, with empty figures', async () => {
    const fresh = await world.createNetwork({ name: 'Réseau tout neuf', slug: 'reseau-tout-neuf' });
    const cockpit = (await staff.client.get(`/api/v1/steering/cockpit?q=${encodeURIComponent('tout neuf')}`)).body;
    expect(cockpit.items.map((l: { network: { id: string } }) => l.network.id)).toEqual([fresh.id]);
    expect(cockpit.items[0]).toMatchObject({
      members: 0,
      activeMembers: 0,
      plan: null,
      lastActivityAt: null,
      alerts: { dormant: true, daysSinceActivity: null },
    });
  });
});
