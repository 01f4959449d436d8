// People over HTTP against a real database: one rule for every path that shows a person (AccessPolicy.canSeePerson):
// listed experts are public, anyone else needs a session. A canary name planted on a person must never reach an
// anonymous visitor, through any path that shows people (company members, profile, forum, library, agenda, search).
import { randomUUID } from 'node:crypto';
import { lastMail, PNG, tokenOf } from '../../../test/fixtures';
import type { HttpClient } from '../../../test/http-client';
import { networkWorld, type Person } from '../../../test/network-world';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { SearchIndexer } from '../../core/search/search-indexer.service';

const V1 = '/api/v1';

describe('people (HTTP, real database)', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof networkWorld>>;

  beforeAll(async () => {
    app = await createTestApp();
    world = await networkWorld(app);
  });
  afterAll(() => app?.close());

  it('writes role titles in the form each person chose (animatrice, animateur), and refuses any other', async () => {
    const net = (await world.createNetwork({ name: 'Club des titres' })).id;
    const her: Person = await world.person(true);
    const him: Person = await world.person(true);
    await world.enrol(net, her, 'animator');
    await world.enrol(net, him, 'moderator');
    expect((await her.client.get(`${V1}/people/me`)).body.titleForm).toBeNull();
    const saved = await her.client.patch(`${V1}/people/me`, { titleForm: 'feminine' });
    expect(saved.status).toBe(200);
    expect(saved.body.titleForm).toBe('feminine');
    expect((await him.client.patch(`${V1}/people/me`, { titleForm: 'masculine' })).body.titleForm).toBe('masculine');
    for (const bad of ['neutral', 1, '']) {
      const refused = await him.client.patch(`${V1}/people/me`, { titleForm: bad });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
    }
    const people = (await him.client.get(`${V1}/networks/${net}/people`)).body as {
      personId: string;
      role: string;
      titleForm: string | null;
    }[];
    expect(
      people
        .filter((p) => [her.id, him.id].includes(p.personId))
        .map((p) => [p.role, p.titleForm])
        .sort(),
    ).toEqual([
      ['animator', 'feminine'],
      ['moderator', 'masculine'],
    ]);
    // Back to no preference.
    expect((await her.client.patch(`${V1}/people/me`, { titleForm: null })).body.titleForm).toBeNull();
  });

  it('never shows the name of a person who is not a listed expert to an anonymous visitor, through any path', async () => {
    const CANARY = `Canari${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const pub = (await world.createNetwork({ name: 'Club public des personnes' })).id;
    // The canary person: not an expert, animator of a public network, author in its forum, library and agenda.
    const hidden: Person = await world.person(true);
    expect(
      (
        await hidden.client.patch(`${V1}/people/me`, {
          firstName: `${CANARY}Prénom`,
          lastName: `${CANARY}Nom`,
          jobTitle: `${CANARY} directrice`,
        })
      ).status,
    ).toBe(200);
    const expert: Person = await world.person(true);
    expect((await expert.client.patch(`${V1}/people/me`, { firstName: 'Experte', lastName: 'Publique', isExpert: true })).status).toBe(200);
    await world.enrol(pub, hidden, 'animator');
    await world.enrol(pub, expert);
    // The expert joins the canary's company: the company's list then shows her, not the canary.
    const invited = await hidden.client.post(`${V1}/companies/${hidden.companyId}/invitations`, { email: expert.email, role: 'member' });
    expect(invited.status).toBe(201);
    expect(
      (await expert.client.post(`${V1}/companies/invitations/accept`, { token: tokenOf((await lastMail(app, expert.email)).link) })).status,
    ).toBe(200);

    const category = (await hidden.client.post(`${V1}/networks/${pub}/forum/categories`, { name: 'Général' })).body.id;
    const topic = (
      await hidden.client.post(`${V1}/networks/${pub}/forum/topics`, { categoryId: category, title: 'Bienvenue', body: 'Premier message' })
    ).body;
    const first = (await hidden.client.get(`${V1}/forum/topics/${topic.id}`)).body.posts.items[0];
    const quoting = await expert.client.post(`${V1}/forum/topics/${topic.id}/posts`, { body: 'Je cite', quotePostId: first.id });
    expect(quoting.status).toBe(201);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'plan.png');
    const doc = await hidden.client.request('POST', `${V1}/networks/${pub}/documents`, undefined, { raw: form });
    expect(doc.status).toBe(201);
    const when = new Date(Date.now() + 5 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const event = await hidden.client.post(`${V1}/networks/${pub}/agenda/events`, {
      title: 'Rencontre publique',
      format: 'in_person',
      address: '1 rue de la Paix',
      communeCode: '42218',
      startsAt: `${when}T18:00`,
      endsAt: `${when}T20:00`,
    });
    expect(event.status).toBe(201);
    const eventId = event.body[0].id;
    await app.running.app.get(SearchIndexer).drain();

    const paths = [
      `/companies/${hidden.companyId}`,
      `/companies/${hidden.companyId}/members`,
      `/people/${hidden.id}`,
      `/networks/${pub}`,
      `/networks/${pub}/members`,
      `/networks/${pub}/forum/topics`,
      `/forum/topics/${topic.id}`,
      `/forum/topics/${topic.id}/posts?after=0`,
      `/forum/posts/${first.id}`,
      `/forum/posts/${quoting.body.id}`,
      `/forum/posts/${first.id}/revisions`,
      `/networks/${pub}/documents`,
      `/documents/${doc.body.id}`,
      `/networks/${pub}/documents/search?q=plan`,
      `/agenda/events/${eventId}`,
      `/agenda/events?networkId=${pub}`,
      `/networks/${pub}/agenda.ics`,
      `/agenda/events/${eventId}/event.ics`,
      `/search?q=${CANARY}`,
      `/search?q=${CANARY}&kind=expert`,
      `/search/suggest?q=${CANARY}`,
      `/search?q=Bienvenue`,
    ];
    const read = async (client: HttpClient, path: string) => {
      const res = await client.get(V1 + path);
      expect([path, res.status < 500]).toEqual([path, true]);
      return typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
    };
    // The canary is real: signed-in people see the name where it is shown.
    const member = await world.person(true);
    for (const path of [
      `/companies/${hidden.companyId}/members`,
      `/forum/topics/${topic.id}`,
      `/documents/${doc.body.id}`,
      `/agenda/events/${eventId}`,
    ]) {
      expect([path, await read(member.client, path)]).toEqual([path, expect.stringContaining(CANARY)]);
    }
    const leaks: string[] = [];
    for (const path of paths) if ((await read(app.client(), path)).includes(CANARY)) leaks.push(path);
    expect(leaks).toEqual([]);
    // The same visitor still sees the expert, and where the canary wrote, an author without a name.
    const members = (await app.client().get(`${V1}/companies/${hidden.companyId}/members`)).body as { firstName: string }[];
    expect(members.map((m) => m.firstName)).toEqual(['Experte']);
    const page = (await app.client().get(`${V1}/forum/topics/${topic.id}`)).body;
    expect(page.topic.author).toMatchObject({ personId: '', firstName: '', lastName: '', photoUrl: null });
    expect(page.posts.items[1].author).toMatchObject({ personId: expert.id, firstName: 'Experte' });
    expect(page.posts.items[1].quote).toMatchObject({ authorId: null, authorName: '' });
    // And a profile answers the same 404 as a missing one.
    expect((await app.client().get(`${V1}/people/${hidden.id}`)).status).toBe(404);
  });
});
