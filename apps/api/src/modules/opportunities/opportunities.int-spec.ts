import { randomUUID } from 'node:crypto';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { PNG } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { networkWorld, type Person } from '../../../test/network-world';
import { OpportunityDigestService } from './opportunity-digest.service';
import { OpportunityRemindersService } from './opportunity-reminders.service';
import { parisToday } from './opportunity-views';

const V1 = '/api/v1';

const inDays = (days: number) => {
  const d = new Date(`${parisToday()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * Opportunities over HTTP against a real database: publishing, audiences on every path (REST, search, suggest,
 * map, matches, suggestions, notifications, e-mails), responses, bad input.
 */
describe('opportunities (HTTP, real database)', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof networkWorld>>;
  let publisher: Person;
  let matcher: Person;
  let clubPeer: Person;
  let outsider: Person;
  let club: string;
  const CANARY = `canari${process.pid}opp`;
  const relay = () => app.running.app.get(SearchIndexer).drain();

  const setCompany = async (who: Person, body: Record<string, unknown>) => {
    const res = await who.client.patch(`${V1}/companies/${who.companyId}`, body);
    expect(res.status).toBe(200);
  };

  const base = (over: Record<string, unknown> = {}) => ({
    companyId: publisher.companyId,
    type: 'joint_bid',
    title: `Réponse groupée usinage ${CANARY}`,
    description: `Un **grand donneur d'ordres** cherche des partenaires. Budget secret ${CANARY}desc.`,
    nafCodes: ['25.62B'],
    skills: ['Usinage 5 axes'],
    territory: { communeCode: '42218', radiusKm: 40 },
    deadline: inDays(20),
    budgetMin: 10000,
    budgetMax: 50000,
    audience: 'networks',
    networkIds: [club],
    publish: true,
    ...over,
  });

  beforeAll(async () => {
    app = await createTestApp();
    await app.db.query(
      "INSERT INTO commune_geo (code, lat, lng) VALUES ('42218', 45.4339, 4.3903), ('42095', 45.3858, 4.2906), ('69123', 45.764, 4.8357)",
    );
    world = await networkWorld(app);
    publisher = await world.person(true, 'Paul');
    matcher = await world.person(true, 'Marie');
    clubPeer = await world.person(true, 'Claude');
    outsider = await world.person(true, 'Olga');
    club = (await world.createNetwork({ name: 'Club des industriels du Forez', visibility: 'private', joinPolicy: 'approval' })).id;
    for (const who of [publisher, matcher, clubPeer]) await world.enrol(club, who);
    await setCompany(publisher, { nafCode: '28.41Z', communeCode: '42218' });
    await setCompany(matcher, { nafCode: '25.62A', communeCode: '42095', headcountBandCode: '11' });
    await setCompany(clubPeer, { nafCode: '62.01Z', communeCode: '69123' });
    // The outsider fits perfectly, but is not a member of the club.
    await setCompany(outsider, { nafCode: '25.62B', communeCode: '42218' });
    for (const who of [matcher, outsider]) {
      const res = await who.client.post(`${V1}/companies/${who.companyId}/offers`, {
        kind: 'offer',
        label: 'Usinage de précision',
        skills: ['usinage 5 axes'],
        nafCodes: ['25.62B'],
      });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => app.close());

  const count = async () => ((await app.db.query('SELECT count(*)::int AS n FROM opportunities')) as { n: number }[])[0].n;

  it('refuses bad input with a clear 4xx and writes nothing', async () => {
    const before = await count();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ deadline: inDays(-1) }, 400, 'DEADLINE_PASSED'],
      [{ deadline: '2026-02-30' }, 400, 'VALIDATION_FAILED'],
      [{ territory: { communeCode: '42218', radiusKm: 5000 } }, 400, 'VALIDATION_FAILED'],
      [{ territory: { radiusKm: 20 } }, 400, 'RADIUS_WITHOUT_COMMUNE'],
      [{ nafCodes: ['99.99Z'] }, 400, 'VALIDATION_FAILED'],
      [{ budgetMin: 60000, budgetMax: 1000 }, 400, 'BUDGET_INVERTED'],
      [{ audience: 'networks', networkIds: [] }, 400, 'AUDIENCE_NETWORKS_REQUIRED'],
      [{ audience: 'invited', invitedCompanyIds: ['00000000-0000-4000-8000-000000000000'] }, 400, 'AUDIENCE_UNKNOWN_COMPANY'],
      [{ type: 'auction' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [over, status, code] of cases) {
      const res = await publisher.client.post(`${V1}/opportunities`, base(over));
      expect([JSON.stringify(over), res.status, res.body.code]).toEqual([JSON.stringify(over), status, code]);
      expect(res.body.correlationId).toBeTruthy();
    }
    // A network the company is not a member of, and a company one does not represent.
    const other = (await world.createNetwork({ name: 'Autre club' })).id;
    expect((await publisher.client.post(`${V1}/opportunities`, base({ networkIds: [other] }))).body.code).toBe(
      'AUDIENCE_NETWORK_NOT_MEMBER',
    );
    expect((await outsider.client.post(`${V1}/opportunities`, base())).status).toBe(403);
    expect((await app.client().post(`${V1}/opportunities`, base())).status).toBe(401);
    expect(await count()).toBe(before);
  });

  it('shows a club-restricted opportunity to the club only, through every path', async () => {
    const created = await publisher.client.post(`${V1}/opportunities`, base());
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('open');
    expect(created.body.descriptionHtml).toContain("<strong>grand donneur d'ordres</strong>");
    const id: string = created.body.id;
    await relay();

    // REST: one object, lists.
    for (const who of [publisher, matcher, clubPeer, world.staff, world.admin])
      expect((await who.client.get(`${V1}/opportunities/${id}`)).status).toBe(200);
    for (const client of [outsider.client, app.client()]) {
      const res = await client.get(`${V1}/opportunities/${id}`);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(CANARY);
      const list = await client.get(`${V1}/opportunities?q=${CANARY}`);
      expect(list.status).toBe(200);
      expect(list.body.total).toBe(0);
    }
    expect((await matcher.client.get(`${V1}/opportunities?q=${CANARY}`)).body.items.map((i: { id: string }) => i.id)).toEqual([id]);

    // Search, suggestions and the map.
    const searched = async (who: Person | null, q: string) => {
      const client = who ? who.client : app.client();
      const [search, suggest, map] = await Promise.all([
        client.get(`${V1}/search?q=${encodeURIComponent(q)}&kind=opportunity`),
        client.get(`${V1}/search/suggest?q=${encodeURIComponent(q)}`),
        client.get(`${V1}/search/map?kind=opportunity`),
      ]);
      return {
        ids: search.body.items.map((i: { id: string }) => i.id),
        text: JSON.stringify([search.body, suggest.body, map.body]),
        suggest: suggest.body,
        map: map.body,
      };
    };
    for (const who of [matcher, publisher, world.staff, world.admin]) {
      const found = await searched(who, CANARY);
      expect(found.ids).toEqual([id]);
      expect(found.suggest.groups.find((g: { kind: string }) => g.kind === 'opportunity')?.items.map((i: { id: string }) => i.id)).toEqual([
        id,
      ]);
      expect(found.map.points.map((p: { id: string }) => p.id)).toContain(id);
    }
    for (const who of [outsider, null]) {
      const found = await searched(who, CANARY);
      expect(found.ids).toEqual([]);
      expect(found.text).not.toContain(CANARY);
      expect(found.text).not.toContain(id);
    }

    // Facets (type, deadline, sector, territory): counted within the audience, so the club's opportunity counts for
    // its members only, filtered or not.
    const faceted = async (who: Person | null, filters = '') => {
      const res = await (who ? who.client : app.client()).get(`${V1}/search?q=${CANARY}&kind=opportunity${filters}`);
      expect(res.status).toBe(200);
      return res.body as {
        items: { id: string }[];
        total: number;
        facets: Record<string, { value: string; label: string; count: number }[]>;
      };
    };
    const member = await faceted(matcher);
    expect(member.facets.opportunityType).toEqual([{ value: 'joint_bid', label: "Appel d'offres / réponse groupée", count: 1 }]);
    expect(member.facets.deadline).toEqual([
      { value: 'open', label: 'Ouvertes', count: 1 },
      { value: '30d', label: 'Clôture sous 30 jours', count: 1 },
    ]);
    expect(member.facets.nafDivision).toEqual([expect.objectContaining({ value: '25', count: 1 })]);
    expect(member.facets.departement).toEqual([expect.objectContaining({ value: '42', count: 1 })]);
    const narrowed = await faceted(matcher, '&opportunityType=joint_bid&deadline=30d&naf=25&departement=42');
    expect(narrowed.items.map((i) => i.id)).toEqual([id]);
    expect((await faceted(matcher, '&deadline=7d')).items).toEqual([]);
    expect((await faceted(matcher, '&opportunityType=pooling')).items).toEqual([]);
    for (const who of [outsider, null]) {
      for (const filters of ['', '&opportunityType=joint_bid&deadline=30d', '&deadline=open&region=84']) {
        const found = await faceted(who, filters);
        expect(found.total).toBe(0);
        for (const name of ['opportunityType', 'deadline', 'nafSection', 'nafDivision', 'departement', 'region', 'commune', 'kind']) {
          expect([name, found.facets[name].filter((v) => v.count > 0)]).toEqual([name, []]);
        }
      }
    }
    for (const bad of ['deadline=tomorrow', 'opportunityType=auction', 'deadline=open,7d,soon']) {
      const res = await matcher.client.get(`${V1}/search?kind=opportunity&${bad}`);
      expect([bad, res.status, res.body.code]).toEqual([bad, 400, 'VALIDATION_FAILED']);
    }

    // Matches (publisher only): the club's fitting company with its reasons; never the outsider.
    const matches = await publisher.client.get(`${V1}/opportunities/${id}/matches`);
    expect(matches.status).toBe(200);
    expect(matches.body.map((m: { company: { id: string } }) => m.company.id)).toEqual([matcher.companyId]);
    const labels = matches.body[0].reasons.map((r: { label: string }) => r.label);
    expect(labels[0]).toMatch(/^NAF 25\.62A/);
    expect(labels).toContain('Propose : Usinage 5 axes');
    expect(labels).toContain('Membre de Club des industriels du Forez');
    expect(labels.some((l: string) => /^\d+ km$/.test(l))).toBe(true);
    expect((await matcher.client.get(`${V1}/opportunities/${id}/matches`)).status).toBe(403);
    expect((await outsider.client.get(`${V1}/opportunities/${id}/matches`)).status).toBe(404);

    // Opportunities for my company.
    const suggested = await matcher.client.get(`${V1}/companies/${matcher.companyId}/opportunities/suggested`);
    expect(suggested.body.map((s: { opportunity: { id: string } }) => s.opportunity.id)).toEqual([id]);
    expect(suggested.body[0].reasons.map((r: { label: string }) => r.label)).toContain(
      'Publié par un membre de Club des industriels du Forez',
    );
    const outsiderSuggested = await outsider.client.get(`${V1}/companies/${outsider.companyId}/opportunities/suggested`);
    expect(outsiderSuggested.status).toBe(200);
    expect(JSON.stringify(outsiderSuggested.body)).not.toContain(CANARY);
    expect((await outsider.client.get(`${V1}/companies/${matcher.companyId}/opportunities/suggested`)).status).toBe(403);

    // Notifications and e-mails: the matching club member, never the outsider nor the non-matching peer.
    const notified = async (who: Person) =>
      ((await who.client.get(`${V1}/notifications`)).body.items as { type: string; subject: { id: string } }[]).filter(
        (n) => n.type === 'opportunity.match',
      );
    expect((await notified(matcher)).map((n) => n.subject.id)).toEqual([id]);
    expect(await notified(outsider)).toEqual([]);
    expect(await notified(clubPeer)).toEqual([]);
    const leaked: unknown[] = await app.db.query('SELECT 1 FROM mail_outbox WHERE "to" = $1 AND (text LIKE $2 OR subject LIKE $2)', [
      outsider.email,
      `%${CANARY}%`,
    ]);
    expect(leaked).toEqual([]);
    const outsiderNotifications: unknown[] = await app.db.query(
      'SELECT 1 FROM notifications WHERE recipient_id = $1 AND data::text LIKE $2',
      [outsider.id, `%${CANARY}%`],
    );
    expect(outsiderNotifications).toEqual([]);
  });

  it('takes responses from the audience only, private to the two companies', async () => {
    const id: string = (
      await publisher.client.post(`${V1}/opportunities`, base({ title: `Sous-traitance ${CANARY}r`, type: 'subcontracting' }))
    ).body.id;
    const before = ((await app.db.query('SELECT count(*)::int AS n FROM opportunity_responses')) as { n: number }[])[0].n;
    // Outside the audience: not found. For a company one does not represent: forbidden. Own opportunity: refused.
    expect(
      (await outsider.client.post(`${V1}/opportunities/${id}/responses`, { companyId: outsider.companyId, message: 'Intéressés' })).status,
    ).toBe(404);
    expect(
      (await matcher.client.post(`${V1}/opportunities/${id}/responses`, { companyId: clubPeer.companyId, message: 'Intéressés' })).status,
    ).toBe(403);
    expect(
      (await publisher.client.post(`${V1}/opportunities/${id}/responses`, { companyId: publisher.companyId, message: 'Moi' })).body.code,
    ).toBe('OWN_OPPORTUNITY');
    expect((await matcher.client.post(`${V1}/opportunities/${id}/responses`, { companyId: matcher.companyId, message: '' })).status).toBe(
      400,
    );
    expect(((await app.db.query('SELECT count(*)::int AS n FROM opportunity_responses')) as { n: number }[])[0].n).toBe(before);

    const res = await matcher.client.post(`${V1}/opportunities/${id}/responses`, {
      companyId: matcher.companyId,
      message: `Nous avons trois centres 5 axes ${CANARY}msg`,
    });
    expect(res.status).toBe(201);
    expect(
      (await matcher.client.post(`${V1}/opportunities/${id}/responses`, { companyId: matcher.companyId, message: 'Encore' })).body.code,
    ).toBe('ALREADY_RESPONDED');
    const peer = await clubPeer.client.post(`${V1}/opportunities/${id}/responses`, {
      companyId: clubPeer.companyId,
      message: 'Nous aussi',
    });
    expect(peer.status).toBe(201);

    const ids = async (who: Person) =>
      ((await who.client.get(`${V1}/opportunities/${id}/responses`)).body as { id: string }[]).map((r) => r.id).sort();
    expect(await ids(publisher)).toEqual([res.body.id, peer.body.id].sort());
    expect(await ids(matcher)).toEqual([res.body.id]);
    expect(await ids(clubPeer)).toEqual([peer.body.id]);
    expect(JSON.stringify((await clubPeer.client.get(`${V1}/opportunities/${id}/responses`)).body)).not.toContain(`${CANARY}msg`);
    expect((await outsider.client.get(`${V1}/opportunities/${id}/responses`)).status).toBe(404);
    // The publisher was told.
    const told = (await publisher.client.get(`${V1}/notifications`)).body.items.filter(
      (n: { type: string }) => n.type === 'opportunity.response',
    );
    expect(told.length).toBeGreaterThanOrEqual(1);

    // Attachments of a response: its company's people join them (checked like every upload); the two companies read them.
    const responseFiles = async () =>
      (
        (await app.db.query('SELECT count(*)::int AS n FROM opportunity_attachments WHERE response_id = $1', [res.body.id])) as {
          n: number;
        }[]
      )[0].n;
    const attach = (who: Person, responseId: string, body: Buffer, name: string) =>
      who.client.upload(`${V1}/opportunities/${id}/responses/${responseId}/attachments`, body, name, 'application/octet-stream');
    expect((await attach(matcher, res.body.id, Buffer.from('#!/bin/sh\necho hi'), 'references.pdf')).status).toBe(415);
    expect((await attach(matcher, res.body.id, Buffer.alloc(6 * 1024 * 1024, 1), 'big.pdf')).status).toBe(413);
    expect((await attach(clubPeer, res.body.id, PNG, 'autre.png')).status).toBe(404);
    expect((await attach(publisher, res.body.id, PNG, 'autre.png')).status).toBe(404);
    expect((await attach(outsider, res.body.id, PNG, 'autre.png')).status).toBe(404);
    expect((await attach(matcher, '00000000-0000-4000-8000-000000000000', PNG, 'autre.png')).status).toBe(404);
    expect(await responseFiles()).toBe(0);
    const joined = await attach(matcher, res.body.id, PNG, `references-${CANARY}.png`);
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ filename: `references-${CANARY}.png`, contentType: 'image/png' });
    const responsesOf = async (who: Person) =>
      (await who.client.get(`${V1}/opportunities/${id}/responses`)).body as { id: string; attachments: { id: string; url: string }[] }[];
    expect((await responsesOf(publisher)).find((r) => r.id === res.body.id)?.attachments.map((a) => a.id)).toEqual([joined.body.id]);
    expect((await responsesOf(matcher))[0].attachments.map((a) => a.id)).toEqual([joined.body.id]);
    expect(JSON.stringify(await responsesOf(clubPeer))).not.toContain(joined.body.id);
    for (const who of [publisher, matcher]) expect((await who.client.get(joined.body.url)).status).toBe(200);
    for (const client of [clubPeer.client, outsider.client, app.client()]) expect((await client.get(joined.body.url)).status).toBe(404);
    // Not among the opportunity's own attachments.
    expect(JSON.stringify((await clubPeer.client.get(`${V1}/opportunities/${id}`)).body)).not.toContain(joined.body.id);

    // Shortlist, winner; only the publisher decides.
    expect((await matcher.client.put(`${V1}/opportunities/${id}/responses/${res.body.id}`, { status: 'winner' })).status).toBe(403);
    expect((await publisher.client.put(`${V1}/opportunities/${id}/responses/${res.body.id}`, { status: 'shortlisted' })).body.status).toBe(
      'shortlisted',
    );

    // The publisher asks questions in a private thread (messaging): the responder's people and the publisher only.
    const conversations = async () => ((await app.db.query('SELECT count(*)::int AS n FROM conversations')) as { n: number }[])[0].n;
    const convBefore = await conversations();
    expect((await matcher.client.post(`${V1}/opportunities/${id}/responses/${res.body.id}/thread`, {})).status).toBe(403);
    expect((await outsider.client.post(`${V1}/opportunities/${id}/responses/${res.body.id}/thread`, {})).status).toBe(404);
    expect(
      (await publisher.client.post(`${V1}/opportunities/${id}/responses/00000000-0000-4000-8000-000000000000/thread`, {})).status,
    ).toBe(404);
    expect((await publisher.client.post(`${V1}/opportunities/${id}/responses/not-a-uuid/thread`, {})).status).toBe(404);
    expect(await conversations()).toBe(convBefore);
    const opened = await publisher.client.post(`${V1}/opportunities/${id}/responses/${res.body.id}/thread`, {});
    expect(opened.status).toBe(200);
    const threadId: string = opened.body.threadId;
    expect(threadId).toBeTruthy();
    expect((await publisher.client.post(`${V1}/opportunities/${id}/responses/${res.body.id}/thread`, {})).body.threadId).toBe(threadId);
    expect(await conversations()).toBe(convBefore + 1);
    expect(
      (
        await publisher.client.post(`${V1}/conversations/${threadId}/messages`, {
          clientId: randomUUID(),
          body: `Quelle capacité mensuelle ? ${CANARY}q`,
        })
      ).status,
    ).toBe(201);
    expect((await matcher.client.get(`${V1}/conversations/${threadId}/messages`)).body.items.map((m: { body: string }) => m.body)).toEqual([
      `Quelle capacité mensuelle ? ${CANARY}q`,
    ]);
    expect((await matcher.client.get(`${V1}/opportunities/${id}/responses`)).body[0].threadId).toBe(threadId);
    for (const who of [clubPeer, outsider, world.staff]) {
      expect((await who.client.get(`${V1}/conversations/${threadId}/messages`)).status).toBe(404);
      expect(JSON.stringify((await who.client.get(`${V1}/conversations`)).body)).not.toContain(`${CANARY}q`);
      expect(JSON.stringify((await who.client.get(`${V1}/opportunities/${id}/responses`)).body)).not.toContain(threadId);
    }

    // Deadline reminders go to the responders.
    await app.db.query('UPDATE opportunities SET deadline = $2 WHERE id = $1', [id, inDays(2)]);
    expect(await app.running.app.get(OpportunityRemindersService).runReminders(new Date())).toBeGreaterThanOrEqual(1);
    const reminded = (await matcher.client.get(`${V1}/notifications`)).body.items.filter(
      (n: { type: string; subject: { id: string } }) => n.type === 'opportunity.deadline' && n.subject.id === id,
    );
    expect(reminded).toHaveLength(1);

    // Closed: no more responses, nothing written; closing asks for the outcome.
    expect((await publisher.client.post(`${V1}/opportunities/${id}/close`, {})).status).toBe(400);
    const closed = await publisher.client.post(`${V1}/opportunities/${id}/close`, { outcome: 'Attribué au groupement', awarded: true });
    expect(closed.body.status).toBe('awarded');
    const third = await world.person(true);
    await world.enrol(club, third);
    expect(
      (await third.client.post(`${V1}/opportunities/${id}/responses`, { companyId: third.companyId, message: 'Trop tard ?' })).body.code,
    ).toBe('OPPORTUNITY_CLOSED');
    // No longer indexed.
    await relay();
    expect(
      (await matcher.client.get(`${V1}/search?q=${CANARY}&kind=opportunity`)).body.items.map((i: { id: string }) => i.id),
    ).not.toContain(id);
  });

  it('shows invited-only opportunities to the invited companies, drafts to their company, public ones to all', async () => {
    const invited = await publisher.client.post(
      `${V1}/opportunities`,
      base({ audience: 'invited', invitedCompanyIds: [outsider.companyId], networkIds: undefined, title: `Invitation ${CANARY}i` }),
    );
    expect(invited.status).toBe(201);
    expect((await outsider.client.get(`${V1}/opportunities/${invited.body.id}`)).status).toBe(200);
    expect((await matcher.client.get(`${V1}/opportunities/${invited.body.id}`)).status).toBe(404);
    expect((await world.staff.client.get(`${V1}/opportunities/${invited.body.id}`)).status).toBe(404);
    await relay();
    expect((await outsider.client.get(`${V1}/search?q=${CANARY}i&kind=opportunity`)).body.items.map((i: { id: string }) => i.id)).toEqual([
      invited.body.id,
    ]);
    expect((await matcher.client.get(`${V1}/search?q=${CANARY}i&kind=opportunity`)).body.items).toEqual([]);

    const draft = await publisher.client.post(
      `${V1}/opportunities`,
      base({ audience: 'public', networkIds: undefined, publish: false, title: `Brouillon ${CANARY}d` }),
    );
    expect(draft.body.status).toBe('draft');
    expect((await app.client().get(`${V1}/opportunities/${draft.body.id}`)).status).toBe(404);
    expect((await matcher.client.get(`${V1}/opportunities/${draft.body.id}`)).status).toBe(404);
    const published = await publisher.client.post(`${V1}/opportunities/${draft.body.id}/publish`, {});
    expect(published.body.status).toBe('open');
    expect((await app.client().get(`${V1}/opportunities/${draft.body.id}`)).status).toBe(200);
  });

  it('checks attachments like every upload and serves them to the audience only', async () => {
    const id: string = (
      await publisher.client.post(`${V1}/opportunities`, base({ title: `Cahier des charges ${CANARY}a`, publish: false }))
    ).body.id;
    const bad = await publisher.client.upload(
      `${V1}/opportunities/${id}/attachments`,
      Buffer.from('#!/bin/sh\necho hi'),
      'cdc.pdf',
      'application/octet-stream',
    );
    expect(bad.status).toBe(415);
    const big = await publisher.client.upload(
      `${V1}/opportunities/${id}/attachments`,
      Buffer.alloc(6 * 1024 * 1024, 1),
      'big.pdf',
      'application/pdf',
    );
    expect(big.status).toBe(413);
    expect(
      ((await app.db.query('SELECT count(*)::int AS n FROM opportunity_attachments WHERE opportunity_id = $1', [id])) as { n: number }[])[0]
        .n,
    ).toBe(0);
    expect((await matcher.client.upload(`${V1}/opportunities/${id}/attachments`, PNG, 'plan.png', 'application/octet-stream')).status).toBe(
      404,
    );
    const ok = await publisher.client.upload(`${V1}/opportunities/${id}/attachments`, PNG, 'plan.png', 'application/octet-stream');
    expect(ok.status).toBe(201);
    await publisher.client.post(`${V1}/opportunities/${id}/publish`, {});
    expect((await matcher.client.get(ok.body.url)).status).toBe(200);
    expect((await outsider.client.get(ok.body.url)).status).toBe(404);
    expect((await app.client().get(ok.body.url)).status).toBe(404);
  });

  it('forms a mini-grappe of shortlisted responders, private to its companies', async () => {
    // (The publisher used up today's publications in the tests above: those were yesterday's.)
    await app.db.query("UPDATE opportunities SET created_at = created_at - interval '1 day'");
    const id: string = (await publisher.client.post(`${V1}/opportunities`, base({ title: `Consortium ${CANARY}g` }))).body.id;
    const a = (await matcher.client.post(`${V1}/opportunities/${id}/responses`, { companyId: matcher.companyId, message: 'Partants' })).body
      .id;
    const b = (
      await clubPeer.client.post(`${V1}/opportunities/${id}/responses`, { companyId: clubPeer.companyId, message: 'Partants aussi' })
    ).body.id;
    // Not shortlisted yet: refused, nothing written.
    expect((await publisher.client.post(`${V1}/opportunities/${id}/group`, { companyIds: [matcher.companyId] })).body.code).toBe(
      'GROUP_NOT_SHORTLISTED',
    );
    for (const r of [a, b]) await publisher.client.put(`${V1}/opportunities/${id}/responses/${r}`, { status: 'shortlisted' });
    expect(
      (await publisher.client.post(`${V1}/opportunities/${id}/group`, { companyIds: [matcher.companyId, outsider.companyId] })).body.code,
    ).toBe('GROUP_NOT_SHORTLISTED');
    expect((await matcher.client.post(`${V1}/opportunities/${id}/group`, { companyIds: [matcher.companyId] })).status).toBe(403);
    expect(
      ((await app.db.query('SELECT count(*)::int AS n FROM opportunity_groups WHERE opportunity_id = $1', [id])) as { n: number }[])[0].n,
    ).toBe(0);

    const formed = await publisher.client.post(`${V1}/opportunities/${id}/group`, { companyIds: [matcher.companyId, clubPeer.companyId] });
    expect(formed.status).toBe(201);
    expect(formed.body.status).toBe('forming');
    expect((await outsider.client.get(`${V1}/opportunities/${id}/group`)).status).toBe(404);
    expect((await app.client().get(`${V1}/opportunities/${id}/group`)).status).toBe(401);
    // Accepting for a company one does not represent: refused.
    expect((await matcher.client.post(`${V1}/opportunities/${id}/group/accept`, { companyId: clubPeer.companyId })).status).toBe(403);
    expect((await matcher.client.post(`${V1}/opportunities/${id}/group/accept`, { companyId: matcher.companyId })).body.status).toBe(
      'forming',
    );
    // An invited company that has not accepted does not write in the group yet.
    expect((await clubPeer.client.post(`${V1}/opportunities/${id}/group/messages`, { body: 'Bonjour' })).status).toBe(403);
    const active = await clubPeer.client.post(`${V1}/opportunities/${id}/group/accept`, { companyId: clubPeer.companyId });
    expect(active.body.status).toBe('active');
    expect(active.body.members.map((m: { status: string }) => m.status)).toEqual(['accepted', 'accepted']);
    const posted = await matcher.client.post(`${V1}/opportunities/${id}/group/messages`, { body: `Répartition des lots ${CANARY}grp` });
    expect(posted.body.messages.map((m: { body: string }) => m.body)).toEqual([`Répartition des lots ${CANARY}grp`]);
    expect(JSON.stringify((await outsider.client.get(`${V1}/opportunities/${id}/group`)).body)).not.toContain(`${CANARY}grp`);

    // The group's private folder: same file checks as every upload; its documents reach the group's companies only.
    const files = async () =>
      ((await app.db.query('SELECT count(*)::int AS n FROM opportunity_attachments WHERE group_id IS NOT NULL')) as { n: number }[])[0].n;
    expect(
      (
        await matcher.client.upload(
          `${V1}/opportunities/${id}/group/documents`,
          Buffer.from('#!/bin/sh\necho hi'),
          'lots.pdf',
          'application/octet-stream',
        )
      ).status,
    ).toBe(415);
    expect(
      (await outsider.client.upload(`${V1}/opportunities/${id}/group/documents`, PNG, 'lots.png', 'application/octet-stream')).status,
    ).toBe(404);
    expect(
      (await world.staff.client.upload(`${V1}/opportunities/${id}/group/documents`, PNG, 'lots.png', 'application/octet-stream')).status,
    ).toBe(404);
    expect(await files()).toBe(0);
    const filed = await matcher.client.upload(
      `${V1}/opportunities/${id}/group/documents`,
      PNG,
      `repartition-${CANARY}.png`,
      'application/octet-stream',
    );
    expect(filed.status).toBe(201);
    const [doc] = filed.body.documents as { id: string; url: string; filename: string }[];
    expect(doc.filename).toBe(`repartition-${CANARY}.png`);
    for (const who of [publisher, matcher, clubPeer]) expect((await who.client.get(doc.url)).status).toBe(200);
    for (const client of [outsider.client, world.staff.client, app.client()]) expect((await client.get(doc.url)).status).toBe(404);
    // Not an attachment of the opportunity, which the whole club reads.
    expect((await world.staff.client.get(`${V1}/opportunities/${id}/attachments/${doc.id}`)).status).toBe(404);
    expect(JSON.stringify((await world.staff.client.get(`${V1}/opportunities/${id}`)).body)).not.toContain(`repartition-${CANARY}`);

    // Figures for the steering cockpit.
    const stats = await world.admin.client.get(`${V1}/opportunities/stats?organizationId=${world.hostId}`);
    expect(stats.status).toBe(200);
    expect(stats.body.groupsFormed).toBeGreaterThanOrEqual(1);
    expect(stats.body.responses).toBeGreaterThanOrEqual(2);
    expect((await world.staff.client.get(`${V1}/opportunities/stats?organizationId=${world.hostId}`)).status).toBe(200);
    expect((await outsider.client.get(`${V1}/opportunities/stats?organizationId=${world.hostId}`)).status).toBe(403);
    // The club's host staff sees them in the steering cockpit; a plain member's portfolio is empty, a visitor is refused.
    const cockpit = await world.staff.client.get(`${V1}/steering/opportunities`);
    expect(cockpit.status).toBe(200);
    expect(cockpit.body.networks).toBeGreaterThanOrEqual(1);
    expect(cockpit.body.stats.groupsFormed).toBeGreaterThanOrEqual(1);
    expect(cockpit.body.stats.responses).toBeGreaterThanOrEqual(2);
    expect((await outsider.client.get(`${V1}/steering/opportunities`)).body).toEqual({
      networks: 0,
      stats: { opportunities: 0, open: 0, responses: 0, groupsFormed: 0, awarded: 0 },
      supported: [],
    });
    expect((await app.client().get(`${V1}/steering/opportunities`)).status).toBe(401);
  });

  it('applies the role × endpoint matrix to a club-restricted opportunity', async () => {
    await app.db.query("UPDATE opportunities SET created_at = created_at - interval '1 day'");
    const id: string = (await publisher.client.post(`${V1}/opportunities`, base({ title: `Matrice ${CANARY}m` }))).body.id;
    const file = await publisher.client.upload(`${V1}/opportunities/${id}/attachments`, PNG, 'plan.png', 'application/octet-stream');
    const responded = await matcher.client.post(`${V1}/opportunities/${id}/responses`, { companyId: matcher.companyId, message: 'Oui' });
    const rid: string = responded.body.id;
    const anonymous = { client: app.client() } as Person;
    const who: Record<string, Person> = { anonymous, outsider, clubPeer, matcher, staff: world.staff, admin: world.admin, publisher };
    const routes: [string, (p: Person) => Promise<{ status: number }>][] = [
      ['GET one', (p) => p.client.get(`${V1}/opportunities/${id}`)],
      ['GET attachment', (p) => p.client.get(file.body.url)],
      ['GET matches', (p) => p.client.get(`${V1}/opportunities/${id}/matches`)],
      ['GET responses', (p) => p.client.get(`${V1}/opportunities/${id}/responses`)],
      ['PUT response', (p) => p.client.put(`${V1}/opportunities/${id}/responses/${rid}`, { status: 'submitted' })],
      ['PUT', (p) => p.client.put(`${V1}/opportunities/${id}`, { ...base(), companyId: undefined, publish: undefined })],
      ['POST attachment', (p) => p.client.upload(`${V1}/opportunities/${id}/attachments`, PNG, 'b.png', 'application/octet-stream')],
      ['GET group', (p) => p.client.get(`${V1}/opportunities/${id}/group`)],
      [
        'POST response attachment',
        (p) => p.client.upload(`${V1}/opportunities/${id}/responses/${rid}/attachments`, PNG, 'r.png', 'application/octet-stream'),
      ],
    ];
    const expected: Record<string, number[]> = {
      //               one  att  match resp putR  put  postA group respA
      anonymous: [404, 404, 401, 401, 401, 401, 401, 401, 401],
      outsider: [404, 404, 404, 404, 404, 404, 404, 404, 404],
      clubPeer: [200, 200, 403, 200, 403, 403, 403, 404, 404],
      matcher: [200, 200, 403, 200, 403, 403, 403, 404, 201],
      staff: [200, 200, 403, 200, 403, 403, 403, 404, 404],
      admin: [200, 200, 403, 200, 403, 403, 403, 404, 404],
      publisher: [200, 200, 200, 200, 200, 200, 201, 404, 404],
    };
    const actual: Record<string, number[]> = {};
    for (const [name, person] of Object.entries(who)) {
      actual[name] = [];
      for (const [, call] of routes) actual[name].push((await call(person)).status);
    }
    expect(actual).toEqual(expected);
  });

  it('is reported and hidden like a forum post: hidden, only its company still sees it', async () => {
    await app.db.query("UPDATE opportunities SET created_at = created_at - interval '1 day'");
    const id: string = (await publisher.client.post(`${V1}/opportunities`, base({ title: `Signalée ${CANARY}h` }))).body.id;
    await relay();
    expect(
      (await outsider.client.post(`${V1}/moderation/reports`, { targetKind: 'opportunity', targetId: id, reason: 'spam' })).status,
    ).toBe(404);
    const report = await matcher.client.post(`${V1}/moderation/reports`, { targetKind: 'opportunity', targetId: id, reason: 'spam' });
    expect(report.status).toBe(201);
    // The club's host staff moderates it.
    const hidden = await world.staff.client.post(`${V1}/moderation/reports/${report.body.id}/hide`, { note: 'Démarchage' });
    expect(hidden.status).toBe(200);
    await relay();
    expect((await matcher.client.get(`${V1}/opportunities/${id}`)).status).toBe(404);
    expect(
      (await matcher.client.get(`${V1}/search?q=${CANARY}h&kind=opportunity`)).body.items.map((i: { id: string }) => i.id),
    ).not.toContain(id);
    const own = await publisher.client.get(`${V1}/opportunities/${id}`);
    expect(own.body.hidden).toBe(true);
  });

  it('ranks companies by NAF level, then distance and skills, within the audience, and explains each', async () => {
    const lead = await world.person(true, 'Rita');
    await setCompany(lead, { nafCode: '28.41Z', communeCode: '42218' });
    const make = async (name: string, nafCode: string, communeCode: string, skills: string[] = []) => {
      const who = await world.person(true, name);
      await setCompany(who, { nafCode, communeCode });
      if (skills.length)
        expect(
          (
            await who.client.post(`${V1}/companies/${who.companyId}/offers`, {
              kind: 'offer',
              label: 'Savoir-faire',
              skills,
              nafCodes: [nafCode],
            })
          ).status,
        ).toBe(201);
      return who;
    };
    const near = await make('Classe proche', '25.62A', '42095');
    const far = await make('Classe loin', '25.62B', '69123');
    const group = await make('Groupe', '25.61Z', '42218');
    const division = await make('Division', '25.11Z', '42218');
    const skilled = await make('Compétence', '62.02A', '42218', ['Soudure orbitale']);
    const unrelated = await make('Sans rapport', '62.02A', '42218');
    const ours = [near, far, group, division, skilled, unrelated].map((w) => w.companyId);
    const publish = async (over: Record<string, unknown>) => {
      const res = await lead.client.post(
        `${V1}/opportunities`,
        base({
          companyId: lead.companyId,
          audience: 'public',
          networkIds: undefined,
          skills: ['soudure orbitale'],
          territory: { communeCode: '42218', radiusKm: 100 },
          ...over,
        }),
      );
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const id = await publish({ title: `Classement ${CANARY}r` });
    const matches: { company: { id: string }; score: number; reasons: { kind: string; label: string }[] }[] = (
      await lead.client.get(`${V1}/opportunities/${id}/matches`)
    ).body;
    const mine = matches.filter((m) => ours.includes(m.company.id));
    expect(mine.map((m) => m.company.id)).toEqual([near, far, group, division, skilled].map((w) => w.companyId));
    expect(mine.map((m) => m.score)).toEqual([...mine.map((m) => m.score)].sort((a, b) => b - a));
    expect(mine[0].reasons.map((r) => r.kind)).toEqual(['naf', 'distance']);
    expect(mine[0].reasons[0].label).toContain('NAF 25.62A');
    expect(mine[4].reasons.map((r) => r.label)).toContain('Propose : soudure orbitale');
    // Only invited companies, however well others fit.
    const invited = await publish({ title: `Invitées ${CANARY}i`, audience: 'invited', invitedCompanyIds: [division.companyId] });
    const few: { company: { id: string } }[] = (await lead.client.get(`${V1}/opportunities/${invited}/matches`)).body;
    expect(few.map((m) => m.company.id)).toEqual([division.companyId]);
    // The same engine from the company's side: its own class first, the invited one only for the invited company.
    const forNear: { opportunity: { id: string } }[] = (await near.client.get(`${V1}/companies/${near.companyId}/opportunities/suggested`))
      .body;
    expect(forNear.map((x) => x.opportunity.id)).toContain(id);
    expect(forNear.map((x) => x.opportunity.id)).not.toContain(invited);
    const forDivision: { opportunity: { id: string } }[] = (
      await division.client.get(`${V1}/companies/${division.companyId}/opportunities/suggested`)
    ).body;
    expect(forDivision.map((x) => x.opportunity.id)).toEqual(expect.arrayContaining([id, invited]));
    expect(
      (await unrelated.client.get(`${V1}/companies/${unrelated.companyId}/opportunities/suggested`)).body.map(
        (x: { opportunity: { id: string } }) => x.opportunity.id,
      ),
    ).not.toContain(id);
  });

  it('sends the weekly e-mail to the people who opted in, with only what each may see', async () => {
    const lead = await world.person(true, 'Hugo');
    const fan = await world.person(true, 'Fanny');
    const stranger = await world.person(true, 'Sacha');
    const silent = await world.person(true, 'Simon');
    for (const who of [lead, fan]) await world.enrol(club, who);
    await setCompany(lead, { nafCode: '28.41Z', communeCode: '42218' });
    // A sector of their own (bakeries), so that the other tests' opportunities do not crowd the e-mail.
    await setCompany(fan, { nafCode: '10.71B', communeCode: '42095' });
    await setCompany(stranger, { nafCode: '10.71C', communeCode: '42218' });
    await setCompany(silent, { nafCode: '10.71C', communeCode: '42218' });
    const subscriptions = async () =>
      ((await app.db.query('SELECT count(*)::int AS n FROM opportunity_digest_subscriptions')) as { n: number }[])[0].n;
    const before = await subscriptions();
    expect((await fan.client.put(`${V1}/opportunities/digest`, { weekly: 'oui' })).status).toBe(400);
    expect((await app.client().put(`${V1}/opportunities/digest`, { weekly: true })).status).toBe(401);
    expect(await subscriptions()).toBe(before);
    for (const who of [fan, stranger])
      expect((await who.client.put(`${V1}/opportunities/digest`, { weekly: true })).body).toEqual({ weekly: true });
    expect((await fan.client.get(`${V1}/opportunities/digest`)).body).toEqual({ weekly: true });
    expect((await silent.client.get(`${V1}/opportunities/digest`)).body).toEqual({ weekly: false });
    const own = {
      companyId: lead.companyId,
      territory: { communeCode: '42218', radiusKm: 50 },
      nafCodes: ['10.71C'],
      skills: ['pain au levain'],
    };
    expect((await lead.client.post(`${V1}/opportunities`, base({ ...own, title: `Hebdo club ${CANARY}w` }))).status).toBe(201);
    expect(
      (
        await lead.client.post(
          `${V1}/opportunities`,
          base({ ...own, title: `Hebdo public ${CANARY}p`, audience: 'public', networkIds: undefined }),
        )
      ).status,
    ).toBe(201);

    const digest = app.running.app.get(OpportunityDigestService);
    expect(await digest.runWeekly(new Date())).toBeGreaterThanOrEqual(2);
    const mailsOf = async (who: Person) =>
      (await app.db.query('SELECT subject, text, html FROM mail_outbox WHERE "to" = $1 AND template = \'opportunity-digest\'', [
        who.email,
      ])) as { subject: string; text: string; html: string }[];
    const [toFan] = await mailsOf(fan);
    expect(toFan.text).toContain(`Hebdo club ${CANARY}w`);
    expect(toFan.text).toContain(`Hebdo public ${CANARY}p`);
    expect(toFan.text).toContain('/opportunites/');
    const [toStranger] = await mailsOf(stranger);
    expect(toStranger.text).toContain(`Hebdo public ${CANARY}p`);
    expect(`${toStranger.subject}${toStranger.text}${toStranger.html}`).not.toContain(`${CANARY}w`);
    expect(await mailsOf(silent)).toHaveLength(0);
    // Weekly: a second run the same week sends nothing more; opting out stops it.
    await digest.runWeekly(new Date());
    expect(await mailsOf(fan)).toHaveLength(1);
    expect((await fan.client.put(`${V1}/opportunities/digest`, { weekly: false })).body).toEqual({ weekly: false });
    await digest.runWeekly(new Date(Date.now() + 8 * 24 * 3600 * 1000));
    expect(await mailsOf(fan)).toHaveLength(1);
  });

  it('limits publishing per company per day', async () => {
    const newcomer = await world.person(true);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (
          await newcomer.client.post(`${V1}/opportunities`, {
            ...base({ companyId: newcomer.companyId, audience: 'public', networkIds: undefined }),
            title: `Annonce ${i}`,
          })
        ).status,
      );
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  });
});
