import {
  MEILI_SETTINGS,
  MeilisearchEngine,
  buildFilter,
  quote,
  type MeiliClientLike,
  type MeiliSearchResponse,
  type MeiliTask,
  type MeiliTaskPromise,
} from './meilisearch.engine';
import { MARK_END, MARK_START, dayNumber } from './search-text';
import type { SearchDocument } from './search.types';

/** A fake client: records every call, answers tasks with the given status. */
function fakeClient(options: { taskStatus?: (what: string) => MeiliTask; searchResponse?: Record<string, unknown> } = {}) {
  const response = (options.searchResponse ?? { hits: [], totalHits: 0 }) as unknown as MeiliSearchResponse;
  const calls: { method: string; args: unknown[] }[] = [];
  const task = (what: string): MeiliTaskPromise =>
    Object.assign(Promise.resolve({ taskUid: 1 }), {
      waitTask: async () => options.taskStatus?.(what) ?? { status: 'succeeded', error: null },
    });
  const index = {
    updateSettings: (...args: unknown[]) => (calls.push({ method: 'updateSettings', args }), task('updateSettings')),
    addDocuments: (...args: unknown[]) => (calls.push({ method: 'addDocuments', args }), task('addDocuments')),
    deleteDocuments: (...args: unknown[]) => (calls.push({ method: 'deleteDocuments', args }), task('deleteDocuments')),
    search: async (...args: unknown[]) => (calls.push({ method: 'search', args }), response),
  };
  const client: MeiliClientLike = {
    index: (uid: string) => (calls.push({ method: 'index', args: [uid] }), index),
    createIndex: (...args: unknown[]) => (calls.push({ method: 'createIndex', args }), task('createIndex')),
  };
  return { client, calls: () => calls.filter((c) => c.method !== 'index') };
}

const doc: SearchDocument = {
  kind: 'company',
  id: '00000000-0000-4000-8000-000000000001',
  visibility: 'public',
  audience: [],
  title: 'Usinage \uE000du Forez',
  keywords: ['usinage', 'inox'],
  body: 'Tournage\u0000 et fraisage',
  facets: { nafCode: '25.62B', nafSection: 'C', nafDivision: '25', departement: '42', region: '84', commune: '42218', headcount: '11' },
  location: { lat: 45.43, lng: 4.39 },
  payload: { siret: '73282932000074' },
};

describe('MeilisearchEngine (translation into client calls)', () => {
  it('creates the index and applies its settings at boot, awaiting each task', async () => {
    const { client, calls } = fakeClient();
    await new MeilisearchEngine(client, 'maillage_x').init();
    expect(calls()).toEqual([
      { method: 'createIndex', args: ['maillage_x', { primaryKey: 'uid' }] },
      { method: 'updateSettings', args: [MEILI_SETTINGS] },
    ]);
    expect(MEILI_SETTINGS.filterableAttributes).toEqual(
      expect.arrayContaining(['kind', 'visibility', 'audience', 'naf_section', 'departement', '_geo']),
    );
    expect(MEILI_SETTINGS.sortableAttributes).toEqual(['sort_name', '_geo']);
    expect(MEILI_SETTINGS.typoTolerance.enabled).toBe(true);
  });

  it('accepts an existing index, and surfaces failed tasks with their message', async () => {
    const exists = fakeClient({
      taskStatus: (w) =>
        w === 'createIndex' ? { status: 'failed', error: { message: 'exists', code: 'index_already_exists' } } : { status: 'succeeded' },
    });
    await expect(new MeilisearchEngine(exists.client).init()).resolves.toBeUndefined();
    const broken = fakeClient({
      taskStatus: (w) =>
        w === 'updateSettings' ? { status: 'failed', error: { message: 'Invalid ranking rule' } } : { status: 'succeeded' },
    });
    await expect(new MeilisearchEngine(broken.client).init()).rejects.toThrow('Meilisearch settings update failed: Invalid ranking rule');
    const failing = fakeClient({ taskStatus: () => ({ status: 'failed', error: { message: 'disk full' } }) });
    await expect(new MeilisearchEngine(failing.client).index([doc])).rejects.toThrow('Meilisearch document addition failed: disk full');
  });

  it('sends documents with a kind_id primary key, facets, _geo and cleaned text', async () => {
    const { client, calls } = fakeClient();
    await new MeilisearchEngine(client).index([doc]);
    const [call] = calls();
    expect(call.method).toBe('addDocuments');
    expect(call.args[1]).toEqual({ primaryKey: 'uid' });
    expect((call.args[0] as unknown[])[0]).toEqual({
      uid: `company_${doc.id}`,
      kind: 'company',
      id: doc.id,
      visibility: 'public',
      audience: [],
      title: 'Usinage du Forez',
      keywords: ['usinage', 'inox'],
      body: 'Tournage et fraisage',
      sort_name: 'usinage du forez',
      naf_code: '25.62B',
      naf_section: 'C',
      naf_division: '25',
      departement: '42',
      region: '84',
      epci: null,
      commune: '42218',
      headcount: '11',
      network_ids: [],
      network_type: null,
      maturity: null,
      opportunity_type: null,
      deadline_day: null,
      _geo: { lat: 45.43, lng: 4.39 },
      payload: { siret: '73282932000074' },
    });
  });

  it('deletes by kind_id and clears a kind by filter', async () => {
    const { client, calls } = fakeClient();
    const engine = new MeilisearchEngine(client);
    await engine.delete('expert', ['a', 'b']);
    await engine.delete('expert', []);
    await engine.clear('company');
    expect(calls()).toEqual([
      { method: 'deleteDocuments', args: [['expert_a', 'expert_b']] },
      { method: 'deleteDocuments', args: [{ filter: 'kind = "company"' }] },
    ]);
  });

  it('builds filters server-side: visibility, kinds, NAF levels, territories, radius; values are quoted', () => {
    expect(
      buildFilter({
        audience: ['network:1', 'person:"x'],
        kinds: ['company', 'expert'],
        filters: { naf: ['C', '25', '25.62B'], departement: ['42'], headcount: ['11', '12'] },
        near: { lat: 45.4, lng: 4.3, radiusKm: 30 },
      }),
    ).toEqual([
      '(visibility = "public" OR audience IN ["network:1", "person:\\"x"])',
      'kind IN ["company", "expert"]',
      '(naf_section IN ["C"] OR naf_division IN ["25"] OR naf_code IN ["25.62B"])',
      'departement IN ["42"]',
      'headcount IN ["11", "12"]',
      '_geoRadius(45.4, 4.3, 30000)',
    ]);
    expect(buildFilter({ audience: [] })).toEqual(['visibility = "public"']);
    expect(buildFilter({ audience: 'all' })).toEqual([]);
    expect(quote('a\\"b')).toBe('"a\\\\\\"b"');
  });

  it('translates a query: words only, page, facets, sorts and highlight tags', async () => {
    const { client, calls } = fakeClient({ searchResponse: { hits: [], totalHits: 0, facetDistribution: {} } });
    const engine = new MeilisearchEngine(client);
    await engine.search({
      q: '"usinage" AND (inox)!',
      audience: [],
      page: 3,
      pageSize: 10,
      facets: ['nafSection', 'departement'],
      sort: 'relevance',
    });
    await engine.search({ audience: 'all', near: { lat: 45, lng: 4 }, sort: 'distance' });
    await engine.search({ q: 'x', audience: 'all', sort: 'name', highlight: false });
    const [relevance, distance, name] = calls().map((c) => c.args);
    expect(relevance[0]).toBe('usinage and inox');
    expect(relevance[1]).toMatchObject({
      filter: ['visibility = "public"'],
      page: 3,
      hitsPerPage: 10,
      facets: ['naf_section', 'departement'],
      matchingStrategy: 'last',
      attributesToHighlight: ['title'],
      attributesToCrop: ['body'],
      highlightPreTag: MARK_START,
      highlightPostTag: MARK_END,
    });
    expect(relevance[1]).not.toHaveProperty('sort');
    expect(distance[0]).toBeNull();
    expect(distance[1]).toMatchObject({ sort: ['_geoPoint(45, 4):asc'], filter: [] });
    expect(name[1]).toMatchObject({ sort: ['sort_name:asc'] });
    expect(name[1]).not.toHaveProperty('attributesToHighlight');
  });

  it('maps hits, sanitised highlights, distances and facet distributions', async () => {
    const { client } = fakeClient({
      searchResponse: {
        totalHits: 42,
        facetDistribution: { naf_section: { C: 40, J: 2 }, departement: { '69': 1, '42': 41 } },
        hits: [
          {
            kind: 'company',
            id: 'x',
            title: '<b>Usinage</b>',
            visibility: 'public',
            audience: [],
            payload: { a: 1 },
            _geo: { lat: 45.5, lng: 4.5 },
            _geoDistance: 12345,
            _formatted: { title: `<b>${MARK_START}Usinage${MARK_END}</b>`, body: `…de ${MARK_START}l'usinage${MARK_END} <script>` },
          },
        ],
      },
    });
    const res = await new MeilisearchEngine(client).search({ q: 'usinage', audience: [], facets: ['nafSection', 'departement'] });
    expect(res.total).toBe(42);
    expect(res.facets).toEqual({
      nafSection: [
        { value: 'C', count: 40 },
        { value: 'J', count: 2 },
      ],
      departement: [
        { value: '42', count: 41 },
        { value: '69', count: 1 },
      ],
    });
    expect(res.hits).toEqual([
      {
        kind: 'company',
        id: 'x',
        title: '<b>Usinage</b>',
        visibility: 'public',
        audience: [],
        payload: { a: 1 },
        location: { lat: 45.5, lng: 4.5 },
        distanceKm: 12.3,
        highlights: { title: '&lt;b&gt;<mark>Usinage</mark>&lt;/b&gt;', body: '…de <mark>l&#39;usinage</mark> &lt;script&gt;' },
      },
    ]);
  });

  it('answers pages past the result window without asking for hits, and queries without words with nothing', async () => {
    const { client, calls } = fakeClient({ searchResponse: { hits: [], totalHits: 7 } });
    const engine = new MeilisearchEngine(client);
    expect((await engine.search({ audience: [], page: 1000, pageSize: 100 })).hits).toEqual([]);
    expect(calls()[0].args[1]).toMatchObject({ hitsPerPage: 0 });
    expect(await engine.search({ q: '🚀 ""', audience: [] })).toEqual({ hits: [], total: 0, facets: {}, relaxed: false });
    expect(calls()).toHaveLength(1);
  });

  it('counts filtered facets disjunctively: one more search per filtered group, without that group, and keeps selected values', async () => {
    const { client, calls } = fakeClient({
      searchResponse: { hits: [], totalHits: 3, facetDistribution: { departement: { '42': 3 }, headcount: { '11': 3 } } },
    });
    const res = await new MeilisearchEngine(client).search({
      q: 'usinage',
      audience: [],
      filters: { departement: ['42', '75'], headcount: ['11'] },
      facets: ['departement', 'headcount', 'region'],
    });
    const searches = calls().filter((c) => c.method === 'search');
    expect(searches).toHaveLength(3);
    const [main, byDepartement, byHeadcount] = searches.map((c) => c.args[1] as Record<string, unknown>);
    expect(main).toMatchObject({
      facets: ['region'],
      filter: ['visibility = "public"', 'departement IN ["42", "75"]', 'headcount IN ["11"]'],
    });
    expect(byDepartement).toMatchObject({
      facets: ['departement'],
      hitsPerPage: 0,
      filter: ['visibility = "public"', 'headcount IN ["11"]'],
    });
    expect(byHeadcount).toMatchObject({
      facets: ['headcount'],
      hitsPerPage: 0,
      filter: ['visibility = "public"', 'departement IN ["42", "75"]'],
    });
    expect(res.facets.departement).toEqual([
      { value: '42', count: 3 },
      { value: '75', count: 0 },
    ]);
  });

  it('filters opportunities by type and deadline window, and counts each window by a search of its own within the audience', async () => {
    const { client, calls } = fakeClient({
      searchResponse: { hits: [], totalHits: 2, facetDistribution: { opportunity_type: { joint_bid: 2 } } },
    });
    const today = dayNumber('2027-01-05');
    const res = await new MeilisearchEngine(client).search({
      kinds: ['opportunity'],
      audience: ['member:club'],
      today: '2027-01-05',
      filters: { opportunityType: ['joint_bid'], deadline: ['7d'] },
      facets: ['opportunityType', 'deadline'],
    });
    const searches = calls()
      .filter((c) => c.method === 'search')
      .map((c) => c.args[1] as Record<string, unknown>);
    // The main search, the type facet without its filter, then the three windows without the deadline filter.
    expect(searches).toHaveLength(5);
    const audience = '(visibility = "public" OR audience IN ["member:club"])';
    const week = `(deadline_day >= ${today} AND deadline_day <= ${today + 7})`;
    expect(searches[0]).toMatchObject({
      facets: [],
      filter: [audience, 'kind IN ["opportunity"]', 'opportunity_type IN ["joint_bid"]', `(${week})`],
    });
    expect(searches[1]).toMatchObject({ facets: ['opportunity_type'], filter: [audience, 'kind IN ["opportunity"]', `(${week})`] });
    expect(searches.slice(2).map((s) => s.filter)).toEqual([
      [audience, 'kind IN ["opportunity"]', 'opportunity_type IN ["joint_bid"]', `deadline_day >= ${today}`],
      [audience, 'kind IN ["opportunity"]', 'opportunity_type IN ["joint_bid"]', week],
      [
        audience,
        'kind IN ["opportunity"]',
        'opportunity_type IN ["joint_bid"]',
        `(deadline_day >= ${today} AND deadline_day <= ${today + 30})`,
      ],
    ]);
    expect(searches.slice(2).every((s) => s.hitsPerPage === 0)).toBe(true);
    expect(res.facets.deadline).toEqual([
      { value: 'open', count: 2 },
      { value: '7d', count: 2 },
      { value: '30d', count: 2 },
    ]);
    expect(MEILI_SETTINGS.filterableAttributes).toEqual(expect.arrayContaining(['opportunity_type', 'deadline_day']));
  });

  it('returns map points: same filters, name order, placed hits only', async () => {
    const { client, calls } = fakeClient({
      searchResponse: {
        totalHits: 2,
        hits: [
          { kind: 'company', id: 'a', title: 'A', visibility: 'public', _geo: { lat: '45.5', lng: 4.5 } },
          { kind: 'company', id: 'b', title: 'B', visibility: 'public', _geo: null },
        ],
      },
    });
    const res = await new MeilisearchEngine(client).points({ q: 'usinage', audience: [], filters: { departement: ['42'] } }, 5000);
    expect(calls()[0].args[1]).toMatchObject({
      hitsPerPage: 5000,
      sort: ['sort_name:asc'],
      filter: ['visibility = "public"', 'departement IN ["42"]'],
    });
    expect(res).toEqual({
      total: 2,
      points: [{ kind: 'company', id: 'a', title: 'A', lat: 45.5, lng: 4.5, visibility: 'public', audience: [] }],
    });
  });
});
