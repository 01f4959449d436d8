import { SearchIndexer } from '../../core/search/search-indexer.service';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { networkWorld, type Person } from '../../../test/network-world';

const V1 = '/api/v1';

/** Forum topics in search: found by their forum's readers only, through results and suggestions. */
describe('forum topics in search (HTTP, real database)', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof networkWorld>>;
  let member: Person;
  let outsider: Person;
  let priv: string;
  let pub: string;
  let privCategory: string;
  let pubCategory: string;
  const relay = () => app.running.app.get(SearchIndexer).drain();
  const CANARY = `canari${process.pid}x`;

  beforeAll(async () => {
    app = await createTestApp();
    world = await networkWorld(app);
    member = await world.person();
    outsider = await world.person();
    priv = (await world.createNetwork({ name: 'Club privé des acheteurs', visibility: 'private', joinPolicy: 'approval' })).id;
    pub = (await world.createNetwork({ name: 'Club ouvert' })).id;
    await world.enrol(priv, member);
    await world.enrol(pub, member);
    privCategory = (await world.staff.client.post(`${V1}/networks/${priv}/forum/categories`, { name: 'Achats' })).body.id;
    pubCategory = (await world.staff.client.post(`${V1}/networks/${pub}/forum/categories`, { name: 'Général' })).body.id;
  });
  afterAll(() => app.close());

  const topic = async (networkId: string, categoryId: string, title: string, body: string) => {
    const res = await member.client.post(`${V1}/networks/${networkId}/forum/topics`, { categoryId, title, body });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };
  const found = async (who: Person | null, q: string) => {
    const client = who ? who.client : app.client();
    const res = await client.get(`${V1}/search?q=${encodeURIComponent(q)}&kind=topic`);
    expect(res.status).toBe(200);
    const suggest = await client.get(`${V1}/search/suggest?q=${encodeURIComponent(q)}`);
    expect(suggest.status).toBe(200);
    const suggested = suggest.body.groups.flatMap((g: { items: { id: string }[] }) => g.items.map((i) => i.id));
    return {
      ids: res.body.items.map((i: { id: string }) => i.id) as string[],
      suggested: suggested as string[],
      body: JSON.stringify([res.body, suggest.body]),
    };
  };

  it('lets everyone find a public forum’s topics, and only its readers a private forum’s', async () => {
    const open = await topic(pub, pubCategory, 'Mutualiser les achats d’énergie', 'Un **groupement** pour 2027 ?');
    const secret = await topic(priv, privCategory, `Appel d’offres ${CANARY}`, `Le budget ${CANARY}b est de 40 k€.`);
    await relay();
    expect((await found(null, 'mutualiser energie')).ids).toEqual([open.id]);
    for (const who of [member, world.staff, world.admin]) {
      const res = await found(who, CANARY);
      expect(res.ids).toEqual([secret.id]);
      expect(res.suggested).toContain(secret.id);
    }
    expect((await found(member, `${CANARY}b`)).ids).toEqual([secret.id]);
    for (const who of [null, outsider]) {
      for (const q of [CANARY, `${CANARY}b`, 'budget']) {
        const res = await found(who, q);
        expect(res.ids).toEqual([]);
        expect(res.body).not.toContain(CANARY);
      }
    }
  });

  it('forgets a removed member at once, and a hidden opening post’s text after the relay', async () => {
    const leaver = await world.person();
    await world.enrol(priv, leaver);
    const res = await leaver.client.post(`${V1}/networks/${priv}/forum/topics`, {
      categoryId: privCategory,
      title: `Sujet ${CANARY}c`,
      body: `Texte ${CANARY}d`,
    });
    await relay();
    expect((await found(leaver, `${CANARY}c`)).ids).toEqual([res.body.id]);
    expect((await leaver.client.delete(`${V1}/networks/${priv}/members/${leaver.companyId}`)).status).toBe(204);
    // No relay needed: the person's audience keys are read at each search.
    expect((await found(leaver, `${CANARY}c`)).ids).toEqual([]);

    const post = (await world.staff.client.get(`${V1}/forum/topics/${res.body.id}`)).body.posts.items[0];
    expect((await world.staff.client.post(`${V1}/forum/posts/${post.id}/hide`, { reason: 'Hors sujet' })).status).toBe(200);
    await relay();
    expect((await found(member, `${CANARY}d`)).ids).toEqual([]);
    expect((await found(member, `${CANARY}c`)).ids).toEqual([res.body.id]);
  });

  it('follows the network’s visibility: a public forum turned private hides its topics from outsiders', async () => {
    const net = await world.createNetwork({ name: 'Club bientôt fermé' });
    await world.enrol(net.id, member);
    const category = (await world.staff.client.post(`${V1}/networks/${net.id}/forum/categories`, { name: 'Divers' })).body.id;
    const t = await topic(net.id, category, `Sujet ${CANARY}e`, 'Texte');
    await relay();
    expect((await found(outsider, `${CANARY}e`)).ids).toEqual([t.id]);
    await world.makePrivate(net.id);
    await relay();
    expect((await found(outsider, `${CANARY}e`)).ids).toEqual([]);
    expect((await found(member, `${CANARY}e`)).ids).toEqual([t.id]);
  });

  it('drops deleted topics', async () => {
    const t = await topic(pub, pubCategory, `Sujet ${CANARY}f`, 'Texte');
    await relay();
    expect((await found(null, `${CANARY}f`)).ids).toEqual([t.id]);
    expect((await member.client.request('DELETE', `${V1}/forum/topics/${t.id}`, {})).status).toBeLessThan(300);
    await relay();
    expect((await found(null, `${CANARY}f`)).ids).toEqual([]);
  });
});
