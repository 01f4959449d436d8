import { createTestApp, type TestApp } from '../../../test/test-app';
import { networkWorld, type Person } from '../../../test/network-world';
import type { HttpClient } from '../../../test/http-client';

const V1 = '/api/v1';

/** Polls of forum topics over HTTP: who sees and votes (the topic's rights), one vote per person, results, bad input. */
describe('polls', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof networkWorld>>;
  let author: Person;
  let member: Person;
  let moderator: Person;
  let outsider: Person;
  let priv: { id: string };
  let pub: { id: string };

  const count = async (table: string) => Number((await app.db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  async function newTopic(who: Person, networkId: string): Promise<string> {
    const categories = await who.client.get(`${V1}/networks/${networkId}/forum/categories`);
    const res = await who.client.post(`${V1}/networks/${networkId}/forum/topics`, {
      categoryId: categories.body[0].id,
      title: 'Quel jour pour le prochain petit-déjeuner ?',
      body: 'Votez ci-dessous.',
    });
    if (res.status !== 201) throw new Error(`topic: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  }
  const poll = (over: Record<string, unknown> = {}) => ({
    question: 'Quel jour vous convient ?',
    multiple: false,
    options: ['Mardi', 'Jeudi', 'Vendredi'],
    resultsVisibility: 'after_vote',
    ...over,
  });
  const vote = (who: HttpClient, topicId: string, optionIds: string[]) => who.put(`${V1}/forum/topics/${topicId}/poll/vote`, { optionIds });

  beforeAll(async () => {
    app = await createTestApp();
    world = await networkWorld(app);
    author = await world.person(true, 'Alice');
    member = await world.person(true, 'Marc');
    moderator = await world.person(true, 'Mona');
    outsider = await world.person(true, 'Oscar');
    priv = await world.createNetwork({ name: 'Club privé du Forez', visibility: 'private', joinPolicy: 'approval' });
    pub = await world.createNetwork({ name: 'Club public du Forez' });
    // Plain members open 3 topics per 10 minutes: the author animates the private club (no limit) and is a plain member of the public one.
    await world.enrol(priv.id, author, 'animator');
    await world.enrol(pub.id, author);
    for (const id of [priv.id, pub.id]) {
      await world.enrol(id, member);
      await world.enrol(id, moderator, 'moderator');
    }
  });
  afterAll(() => app?.close());

  it('is added by the topic author, voted once per person (changeable until it closes), and shows counts after voting', async () => {
    const topic = await newTopic(author, pub.id);
    // Only the topic's author (or a moderator) adds its poll.
    expect((await member.client.post(`${V1}/forum/topics/${topic}/poll`, poll())).status).toBe(403);
    const created = await author.client.post(`${V1}/forum/topics/${topic}/poll`, poll());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ question: 'Quel jour vous convient ?', closed: false, canVote: true, canClose: true, myVote: [] });
    expect((await author.client.post(`${V1}/forum/topics/${topic}/poll`, poll())).status).toBe(409);
    const [mardi, jeudi] = created.body.options.map((o: { id: string }) => o.id);

    // Before voting, a member sees the options but not the counts.
    const before = await member.client.get(`${V1}/forum/topics/${topic}/poll`);
    expect(before.body).toMatchObject({ resultsVisible: false, voters: null, canVote: true, canClose: false });
    expect(before.body.options.every((o: { votes: number | null }) => o.votes === null)).toBe(true);

    const voted = await vote(member.client, topic, [mardi]);
    expect(voted.status).toBe(200);
    expect(voted.body).toMatchObject({ resultsVisible: true, voters: 1, myVote: [mardi] });
    // Changing one's mind replaces the vote: still one voter.
    const changed = await vote(member.client, topic, [jeudi]);
    expect(changed.body.voters).toBe(1);
    expect(changed.body.options.map((o: { votes: number }) => o.votes)).toEqual([0, 1, 0]);
    await vote(moderator.client, topic, [jeudi]);
    expect(await count(`poll_votes WHERE poll_id = '${created.body.id}'`)).toBe(2);

    // Closed: no more votes, everyone who reads the topic sees the results.
    expect((await member.client.post(`${V1}/forum/topics/${topic}/poll/close`)).status).toBe(403);
    const closed = await author.client.post(`${V1}/forum/topics/${topic}/poll/close`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ closed: true, canVote: false });
    expect((await vote(member.client, topic, [mardi])).status).toBe(409);
    expect((await member.client.get(`${V1}/forum/topics/${topic}/poll`)).body.options.map((o: { votes: number }) => o.votes)).toEqual([
      0, 2, 0,
    ]);
  });

  it('hides the counts until closing when the author chose so, and closes by itself at its date', async () => {
    const topic = await newTopic(author, pub.id);
    const created = await author.client.post(
      `${V1}/forum/topics/${topic}/poll`,
      poll({ multiple: true, resultsVisibility: 'after_close', closesAt: new Date(Date.now() + 3_600_000).toISOString() }),
    );
    expect(created.status).toBe(201);
    const ids = created.body.options.map((o: { id: string }) => o.id);
    const voted = await vote(member.client, topic, [ids[0], ids[2]]);
    expect(voted.status).toBe(200);
    expect(voted.body).toMatchObject({ resultsVisible: false, voters: null, myVote: expect.arrayContaining([ids[0], ids[2]]) });
    // Its author sees the counts all along.
    expect((await author.client.get(`${V1}/forum/topics/${topic}/poll`)).body.voters).toBe(1);
    // A public forum's poll is read by anonymous visitors, who cannot vote.
    const anonymous = app.client();
    expect((await anonymous.get(`${V1}/forum/topics/${topic}/poll`)).body).toMatchObject({ canVote: false, resultsVisible: false });
    expect((await vote(anonymous, topic, [ids[0]])).status).toBe(401);
    // The closing date passes.
    await app.db.query("UPDATE polls SET closes_at = now() - interval '1 minute' WHERE id = $1", [created.body.id]);
    const after = await member.client.get(`${V1}/forum/topics/${topic}/poll`);
    expect(after.body).toMatchObject({ closed: true, resultsVisible: true, voters: 1, canVote: false });
    expect((await vote(member.client, topic, [ids[1]])).status).toBe(409);
  });

  it('is absent for whoever may not read the topic and refuses bad votes and bad polls without writing anything', async () => {
    const topic = await newTopic(author, priv.id);
    const created = await author.client.post(`${V1}/forum/topics/${topic}/poll`, poll({ question: 'Secret CANARY-POLL-7731 ?' }));
    const [first, second] = created.body.options.map((o: { id: string }) => o.id);
    // Outsiders (signed in or not) get the same 404 as for the private topic itself.
    for (const client of [outsider.client, app.client()]) {
      const res = await client.get(`${V1}/forum/topics/${topic}/poll`);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('CANARY');
    }
    expect((await vote(outsider.client, topic, [first])).status).toBe(404);
    expect((await outsider.client.post(`${V1}/forum/topics/${topic}/poll/close`)).status).toBe(404);

    const votes = await count('poll_votes');
    const polls = await count('polls');
    const other = await newTopic(author, priv.id);
    const otherPoll = await author.client.post(`${V1}/forum/topics/${other}/poll`, poll());
    const foreign = otherPoll.body.options[0].id;
    for (const body of [
      [first, second], // two options on a single-choice poll
      [foreign], // an option of another poll
      [first, first],
      [],
      ['not-a-uuid'],
    ]) {
      const res = await vote(member.client, topic, body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBeDefined();
    }
    expect((await member.client.put(`${V1}/forum/topics/${topic}/poll/vote`, { optionIds: 'x' })).status).toBe(400);
    expect(await count('poll_votes')).toBe(votes);

    const fresh = await newTopic(author, priv.id);
    for (const body of [
      poll({ options: ['Seul'] }),
      poll({ options: ['Mardi', 'mardi'] }),
      poll({ question: 'Ligne\r\ncassée' }),
      poll({ closesAt: new Date(Date.now() - 60_000).toISOString() }),
      poll({ resultsVisibility: 'never' }),
      poll({ multiple: 'yes' }),
      poll({ options: Array.from({ length: 21 }, (_, i) => `Option ${i}`) }),
    ]) {
      const res = await author.client.post(`${V1}/forum/topics/${fresh}/poll`, body);
      expect(res.status).toBe(400);
    }
    expect(await count('polls')).toBe(polls + 1);

    // A locked topic takes no more votes (except from its moderators).
    expect((await moderator.client.put(`${V1}/forum/topics/${topic}/lock`, { locked: true })).status).toBe(200);
    expect((await vote(member.client, topic, [first])).status).toBe(403);
    expect((await vote(moderator.client, topic, [first])).status).toBe(200);
  });

  it('answers the role × endpoint matrix of a private topic poll', async () => {
    const topic = await newTopic(author, priv.id);
    const created = await author.client.post(`${V1}/forum/topics/${topic}/poll`, poll());
    const option = created.body.options[0].id;
    const who: Record<string, HttpClient> = {
      anonymous: app.client(),
      outsider: outsider.client,
      member: member.client,
      moderator: moderator.client,
      admin: world.admin.client,
      hostStaff: world.staff.client,
    };
    const expected: Record<string, { get: number; vote: number; close: number }> = {
      anonymous: { get: 404, vote: 401, close: 401 },
      outsider: { get: 404, vote: 404, close: 404 },
      member: { get: 200, vote: 200, close: 403 },
      moderator: { get: 200, vote: 200, close: 200 },
      admin: { get: 200, vote: 409, close: 409 },
      hostStaff: { get: 200, vote: 409, close: 409 },
    };
    for (const [role, client] of Object.entries(who)) {
      const got = {
        get: (await client.get(`${V1}/forum/topics/${topic}/poll`)).status,
        vote: (await vote(client, topic, [option])).status,
        close: (await client.post(`${V1}/forum/topics/${topic}/poll/close`)).status,
      };
      expect({ role, ...got }).toEqual({ role, ...expected[role] });
    }
  });
});
