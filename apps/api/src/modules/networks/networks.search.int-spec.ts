import { SearchIndexer } from '../../core/search/search-indexer.service';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { networkWorld, type Person } from '../../../test/network-world';

/** Networks in the directory: indexed through the outbox, faceted, and never shown to whom may not see them. */
describe('networks in search (HTTP, real database)', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof networkWorld>>;
  let member: Person;
  let outsider: Person;
  let publicId: string;
  let secretId: string;
  const relay = () => app.running.app.get(SearchIndexer).drain();
  const SECRET = `Cercle confidentiel ${process.pid}`;

  beforeAll(async () => {
    app = await createTestApp();
    world = await networkWorld(app);
    member = await world.person();
    outsider = await world.person();
    publicId = (
      await world.createNetwork({ name: 'Grappe mécanique du Forez', type: 'cluster', maturity: 'creation', themes: ['usinage'] })
    ).id;
    secretId = (await world.createNetwork({ name: SECRET, type: 'business_club', visibility: 'secret', joinPolicy: 'invitation' })).id;
    await world.enrol(publicId, member);
    await world.enrol(secretId, member);
    await relay();
  });
  afterAll(() => app.close());

  const search = (who: Person | null, query: string) => (who ? who.client : app.client()).get(`/api/v1/search?${query}`);
  const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);

  it('finds networks with their type and maturity facets', async () => {
    const res = await search(null, 'q=grappe%20mecanique&kind=network');
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual([publicId]);
    expect(res.body.items[0].data).toMatchObject({ type: 'cluster', maturity: 'creation', memberCount: 1 });
    expect(res.body.facets.networkType).toEqual([{ value: 'cluster', label: 'Cluster, grappe ou SPL', count: 1 }]);
    const filtered = await search(null, 'kind=network&networkType=competitiveness_pole');
    expect(filtered.body.total).toBe(0);
    // The selected type stays offered (with 0); the others are still counted.
    expect(filtered.body.facets.networkType).toEqual(
      expect.arrayContaining([
        { value: 'cluster', label: 'Cluster, grappe ou SPL', count: 1 },
        expect.objectContaining({ value: 'competitiveness_pole', count: 0 }),
      ]),
    );
    expect((await search(null, 'kind=network&networkType=nope')).status).toBe(400);
  });

  it('shows a secret network to its members and host staff only, in results, suggestions and facets', async () => {
    const q = `q=${encodeURIComponent(SECRET)}`;
    expect(ids(await search(null, q))).toEqual([]);
    expect(ids(await search(outsider, q))).toEqual([]);
    // Only the selected kind, with nothing in it.
    expect((await search(outsider, `${q}&kind=network`)).body.facets.kind).toEqual([{ value: 'network', label: 'Réseaux', count: 0 }]);
    expect((await outsider.client.get(`/api/v1/search/suggest?${q}`)).body.groups).toEqual([]);
    expect(ids(await search(member, q))).toEqual([secretId]);
    expect(ids(await search(world.staff, q))).toEqual([secretId]);
    expect(ids(await search(world.admin, q))).toEqual([secretId]);
    const suggestions = await member.client.get(`/api/v1/search/suggest?${q}`);
    expect(suggestions.body.groups.map((g: { kind: string }) => g.kind)).toEqual(['network']);
  });

  it('forgets a secret network for a company that left it, even before the index catches up', async () => {
    const leaver = await world.person();
    await world.enrol(secretId, leaver);
    await relay();
    const q = `q=${encodeURIComponent(SECRET)}`;
    expect(ids(await search(leaver, q))).toEqual([secretId]);
    expect((await leaver.client.delete(`/api/v1/networks/${secretId}/members/${leaver.companyId}`)).status).toBe(204);
    // No relay: the hit is re-checked against the current membership.
    expect(ids(await search(leaver, q))).toEqual([]);
  });

  it('filters companies by membership of a public network; never by a secret one', async () => {
    const res = await search(null, `kind=company&network=${publicId}`);
    expect(ids(res)).toEqual([member.companyId]);
    expect(res.body.facets.network).toEqual(expect.arrayContaining([{ value: publicId, label: 'Grappe mécanique du Forez', count: 1 }]));
    const secret = await search(member, `kind=company&network=${secretId}`);
    expect(secret.body.total).toBe(0);
    expect(secret.body.facets.network.map((f: { value: string }) => f.value)).not.toContain(secretId);
  });

  it('drops the membership facet of a network that becomes private', async () => {
    const net = await world.createNetwork({ name: 'Club bientôt privé' });
    const company = await world.person();
    await world.enrol(net.id, company);
    await relay();
    expect(ids(await search(null, `kind=company&network=${net.id}`))).toEqual([company.companyId]);
    await world.makePrivate(net.id);
    // Before the relay, the label lookup drops it; after, the index has forgotten it.
    expect((await search(null, 'kind=company')).body.facets.network.map((f: { value: string }) => f.value)).not.toContain(net.id);
    await relay();
    expect(ids(await search(null, `kind=company&network=${net.id}`))).toEqual([]);
  });

  it('takes the events of a network that becomes private out of public search', async () => {
    const net = await world.createNetwork({ name: 'Club des rencontres bientôt privées' });
    const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const title = `Rencontre confidentielle ${process.pid}`;
    const created = await world.staff.client.post(`/api/v1/networks/${net.id}/agenda/events`, {
      title,
      description: 'Entre membres du club',
      format: 'in_person',
      address: '57 cours Fauriel',
      communeCode: '42218',
      startsAt: `${day}T18:00`,
      endsAt: `${day}T20:00`,
    });
    expect(created.status).toBe(201);
    await relay();
    const q = `q=${encodeURIComponent(title)}&kind=event`;
    expect(ids(await search(null, q))).toEqual([created.body[0].id]);
    await world.makePrivate(net.id);
    // Before the relay, the hit is checked against the event's current audience: not shown.
    const lagging = await search(null, q);
    expect(ids(lagging)).toEqual([]);
    expect(JSON.stringify(lagging.body.items)).not.toContain(title);
    await relay();
    // Then its events' audience follows in the index too: not even counted.
    const after = await search(null, q);
    expect(after.body.total).toBe(0);
    expect(JSON.stringify(after.body)).not.toContain(title);
    expect(ids(await search(world.staff, q))).toEqual([created.body[0].id]);
  });
});
