// THE contract of a search engine (DESIGN §6): every engine runs these same cases. PostgreSQL always
// (TEST_DB=postgres and TEST_DB=pglite), Meilisearch when MEILI_URL points at a server.
import { randomBytes } from 'node:crypto';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { MeilisearchEngine } from './meilisearch.engine';
import { PostgresSearchEngine } from './postgres-search.engine';
import type { SearchDocument, SearchEngine, SearchQuery } from './search.types';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const SAINT_ETIENNE = { lat: 45.4339, lng: 4.3903 };

function company(
  n: number,
  title: string,
  body: string,
  over: Partial<SearchDocument['facets']> & { lat?: number; lng?: number; keywords?: string[] } = {},
): SearchDocument {
  const { lat, lng, keywords, ...facets } = over;
  return {
    kind: 'company',
    id: uuid(n),
    visibility: 'public',
    audience: [],
    title,
    keywords: keywords ?? [],
    body,
    facets: {
      nafCode: '25.62B',
      nafSection: 'C',
      nafDivision: '25',
      departement: '42',
      region: '84',
      commune: '42218',
      headcount: '11',
      ...facets,
    },
    location: lat !== undefined && lng !== undefined ? { lat, lng } : null,
    payload: { n },
  };
}

const DOCS: SearchDocument[] = [
  company(1, 'Usinage de précision du Forez', 'Tournage et fraisage CNC de pièces en inox et titane.', {
    lat: 45.4339,
    lng: 4.3903,
    keywords: ['usinage', 'inox'],
  }),
  company(2, 'Mécanique Générale Lyonnaise', 'Rectification et maintenance industrielle.', {
    departement: '69',
    commune: '69123',
    lat: 45.764,
    lng: 4.8357,
  }),
  company(3, 'Chaudronnerie des Monts', 'Chaudronnerie, soudure TIG et structures métalliques.', {
    nafCode: '25.11Z',
    nafDivision: '25',
    headcount: '02',
    commune: '42095',
    lat: 45.3858,
    lng: 4.2906,
  }),
  company(4, 'Logiciels Alpins', 'Développement de logiciels et applications web pour l’industrie.', {
    nafCode: '62.01Z',
    nafSection: 'J',
    nafDivision: '62',
    departement: '38',
    region: '84',
    commune: '38185',
    headcount: '12',
    lat: 45.1885,
    lng: 5.7245,
  }),
  company(5, 'Forez Titane', 'Négoce de métaux.', { nafCode: '46.72Z', nafSection: 'G', nafDivision: '46', lat: 45.6, lng: 4.1 }),
  {
    kind: 'expert',
    id: uuid(6),
    visibility: 'public',
    audience: [],
    title: 'Camille Métallerie',
    keywords: ['Export', 'Cybersécurité'],
    body: 'Accompagne les PME à l’export.',
    facets: {},
    location: null,
    payload: {},
  },
  {
    ...company(7, 'Club secret de l’usinage', 'Réservé aux membres du réseau.', { lat: 45.44, lng: 4.39 }),
    visibility: 'restricted',
    audience: ['network:aaaa'],
  },
  company(8, '<script>alert(1)</script> Usinage <b>gras</b>', 'Texte <img src=x onerror=alert(1)> usinage.', {
    lat: 45.43,
    lng: 4.39,
    headcount: '03',
  }),
];

const ids = (hits: { id: string }[]) => hits.map((h) => h.id);
const publicOnly = { audience: [] as string[] };

function contract(name: string, make: (app: TestApp) => Promise<SearchEngine & { dispose?: () => Promise<void> }>) {
  describe(`search engine contract: ${name}`, () => {
    let app: TestApp;
    let engine: SearchEngine & { dispose?: () => Promise<void> };
    const search = (q: Omit<SearchQuery, 'audience'> & { audience?: SearchQuery['audience'] }) => engine.search({ ...publicOnly, ...q });

    beforeAll(async () => {
      app = await createTestApp({ SEARCH_RELAY_INTERVAL_MS: 0 });
      engine = await make(app);
      await engine.init();
      await engine.index(DOCS);
    });
    afterAll(async () => {
      await engine?.dispose?.();
      await app.close();
    });

    it('finds words despite typos', async () => {
      expect(ids((await search({ q: 'usinnage' })).hits)).toContain(uuid(1));
      expect(ids((await search({ q: 'chaudronerie' })).hits)).toContain(uuid(3));
    });

    it('ignores accents both ways, and case', async () => {
      expect(ids((await search({ q: 'mecanique' })).hits)).toContain(uuid(2));
      expect(ids((await search({ q: 'MÉCANIQUE' })).hits)).toContain(uuid(2));
      expect(ids((await search({ q: 'métallerie' })).hits)).toContain(uuid(6));
      expect(ids((await search({ q: 'precision' })).hits)).toContain(uuid(1));
    });

    it('matches plurals and singulars', async () => {
      expect(ids((await search({ q: 'logiciel' })).hits)).toContain(uuid(4));
      expect(ids((await search({ q: 'chaudronneries' })).hits)).toContain(uuid(3));
      expect(ids((await search({ q: 'application' })).hits)).toContain(uuid(4));
    });

    it('matches prefixes (search as you type)', async () => {
      expect(ids((await search({ q: 'usin' })).hits)).toContain(uuid(1));
      expect(ids((await search({ q: 'chaudr' })).hits)).toContain(uuid(3));
      expect(ids((await search({ q: 'Logic' })).hits)).toEqual([uuid(4)]);
    });

    it('matches several words across fields, best first', async () => {
      const res = await search({ q: 'forez titane fraisage' });
      expect(res.hits[0].id).toBe(uuid(1));
      const both = await search({ q: 'Forez titane', sort: 'relevance' });
      expect(ids(both.hits).slice(0, 2).sort()).toEqual([uuid(1), uuid(5)]);
    });

    it('filters by kind, NAF section/division/code, département, région, commune and headcount', async () => {
      expect(ids((await search({ kinds: ['expert'] })).hits)).toEqual([uuid(6)]);
      expect(ids((await search({ filters: { naf: ['J'] } })).hits)).toEqual([uuid(4)]);
      expect(ids((await search({ filters: { naf: ['25.11Z'] } })).hits)).toEqual([uuid(3)]);
      expect(ids((await search({ filters: { naf: ['46', '62'] } })).hits).sort()).toEqual([uuid(4), uuid(5)]);
      expect(ids((await search({ filters: { departement: ['69'] } })).hits)).toEqual([uuid(2)]);
      expect(ids((await search({ filters: { commune: ['42095'] } })).hits)).toEqual([uuid(3)]);
      expect(ids((await search({ q: 'usinage', filters: { headcount: ['02'] } })).hits)).toEqual([]);
      expect((await search({ filters: { region: ['84'], departement: ['42'], naf: ['C'] } })).total).toBe(3);
    });

    it('counts facets on the matching documents', async () => {
      const res = await search({ kinds: ['company'], facets: ['nafSection', 'departement', 'headcount', 'kind'] });
      expect(res.total).toBe(6);
      expect(res.facets.nafSection).toEqual([
        { value: 'C', count: 4 },
        { value: 'G', count: 1 },
        { value: 'J', count: 1 },
      ]);
      expect(res.facets.departement).toEqual([
        { value: '42', count: 4 },
        { value: '38', count: 1 },
        { value: '69', count: 1 },
      ]);
      // Disjunctive: a facet is counted without its own filter (the other kinds stay offered).
      expect(res.facets.kind).toEqual([
        { value: 'company', count: 6 },
        { value: 'expert', count: 1 },
      ]);
      const filtered = await search({ q: 'chaudronnerie', facets: ['headcount'] });
      expect(filtered.facets.headcount).toEqual([{ value: '02', count: 1 }]);
    });

    it('counts each facet without its own filter, and keeps selected values that match nothing', async () => {
      const res = await search({
        kinds: ['company'],
        filters: { departement: ['42', '75'], headcount: ['11'] },
        facets: ['departement', 'headcount', 'nafSection'],
      });
      // Matching: companies in the Loire with 11 people (1, 5 and the hostile 8 has 03).
      expect(res.total).toBe(2);
      // Départements counted with the headcount filter only; the selected 75 shows with 0.
      expect(res.facets.departement).toEqual([
        { value: '42', count: 2 },
        { value: '69', count: 1 },
        { value: '75', count: 0 },
      ]);
      // Headcounts counted with the département filter only.
      expect(res.facets.headcount).toEqual([
        { value: '11', count: 2 },
        { value: '02', count: 1 },
        { value: '03', count: 1 },
      ]);
      expect(res.facets.nafSection).toEqual([
        { value: 'C', count: 1 },
        { value: 'G', count: 1 },
      ]);
    });

    it('filters by radius and sorts by distance', async () => {
      const near = await search({ near: { ...SAINT_ETIENNE, radiusKm: 20 }, sort: 'distance' });
      expect(ids(near.hits)).toEqual([uuid(1), uuid(8), uuid(3)]);
      expect(near.hits[0].distanceKm).toBeLessThan(0.5);
      expect(near.hits[2].distanceKm).toBeGreaterThan(8);
      expect(near.hits[2].distanceKm).toBeLessThan(12);
      const wider = await search({ near: { ...SAINT_ETIENNE, radiusKm: 60 }, sort: 'distance' });
      expect(ids(wider.hits)).toEqual([uuid(1), uuid(8), uuid(3), uuid(5), uuid(2)]);
    });

    it('sorts by name and pages through results; pages past the end are empty', async () => {
      const filters = { headcount: ['11', '02', '12'] };
      const byName = await search({ filters, sort: 'name', pageSize: 2 });
      expect(byName.hits.map((h) => h.title)).toEqual(['Chaudronnerie des Monts', 'Forez Titane']);
      expect(byName.total).toBe(5);
      const second = await search({ filters, sort: 'name', pageSize: 2, page: 2 });
      expect(second.hits.map((h) => h.title)).toEqual(['Logiciels Alpins', 'Mécanique Générale Lyonnaise']);
      const far = await search({ kinds: ['company'], page: 1000, pageSize: 100 });
      expect(far.hits).toEqual([]);
    });

    it('suggests the best few of each kind, restricted ones only to their audience', async () => {
      const found = await engine.suggest({ q: 'usin', kinds: ['company', 'expert'], audience: [] }, 2);
      expect(found.company?.map((h) => h.id)).toHaveLength(2);
      expect(found.company?.[0].id).toBe(uuid(1));
      expect(found.expert ?? []).toEqual([]);
      expect((await engine.suggest({ q: 'secret', kinds: ['company'], audience: [] }, 5)).company ?? []).toEqual([]);
      expect((await engine.suggest({ q: 'secret', kinds: ['company'], audience: ['network:aaaa'] }, 5)).company?.map((h) => h.id)).toEqual([
        uuid(7),
      ]);
      expect(await engine.suggest({ q: '🚀', kinds: ['company'], audience: [] }, 5)).toEqual({});
    });

    it('highlights matches as sanitised HTML: only <mark> survives', async () => {
      const res = await search({ q: 'usinage', filters: { commune: ['42218'] }, sort: 'relevance' });
      const hostile = res.hits.find((h) => h.id === uuid(8))!;
      expect(hostile.highlights.title).toContain('<mark>Usinage</mark>');
      expect(hostile.highlights.title).toContain('&lt;script&gt;');
      const html = `${hostile.highlights.title} ${hostile.highlights.body}`;
      expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    });

    it('answers any input without failing', async () => {
      for (const q of [
        '"unbalanced',
        "l'usinage",
        'a & b | !c <-> d:*',
        '((()))',
        '🚀🔧',
        '東京 機械',
        'Ωμέγα',
        '\\',
        "' OR 1=1 --",
        'x'.repeat(300),
        ' ',
        '-',
      ]) {
        const res = await search({ q, facets: ['kind'] });
        expect(Array.isArray(res.hits)).toBe(true);
      }
      expect(ids((await search({ q: "l'usinage du forez" })).hits)).toContain(uuid(1));
    });

    it('never returns restricted documents to the wrong audience', async () => {
      expect(ids((await search({ q: 'secret' })).hits)).toEqual([]);
      expect(ids((await search({ q: 'secret', audience: ['person:x', 'network:bbbb'] })).hits)).toEqual([]);
      expect((await search({ q: 'secret', facets: ['kind'] })).facets.kind).toEqual([]);
      expect(ids((await search({ q: 'secret', audience: ['network:aaaa'] })).hits)).toEqual([uuid(7)]);
      expect(ids((await search({ q: 'secret', audience: 'all' })).hits)).toEqual([uuid(7)]);
      const hit = (await search({ q: 'secret', audience: 'all' })).hits[0];
      expect(hit).toMatchObject({ visibility: 'restricted', audience: ['network:aaaa'] });
    });

    it('finds opportunities by kind, sector and territory, restricted ones only by their companies and networks', async () => {
      const opportunity = (n: number, title: string, audience: string[], type = 'joint_bid', deadline = '2027-01-15'): SearchDocument => ({
        kind: 'opportunity',
        id: uuid(n),
        visibility: audience.length ? 'restricted' : 'public',
        audience,
        title,
        keywords: type === 'pooling' ? ['Mutualisation', 'tour vertical'] : ["Appel d'offres / réponse groupée", 'usinage 5 axes'],
        body: 'Un donneur d’ordres cherche des partenaires.',
        facets: {
          nafCode: '25.62B',
          nafSection: 'C',
          nafDivision: '25',
          commune: '42218',
          departement: '42',
          region: '84',
          opportunityType: type,
          deadline,
        },
        location: SAINT_ETIENNE,
        payload: { type, deadline },
      });
      await engine.index([
        opportunity(40, 'Réponse groupée aéronautique', []),
        opportunity(41, 'Consortium réservé au club', ['company:cccc', 'member:nnnn'], 'partnership', '2027-01-08'),
        opportunity(42, 'Mutualisation d’un tour vertical', [], 'pooling', '2027-02-20'),
      ]);
      try {
        const query = {
          q: 'groupee',
          kinds: ['opportunity' as const],
          filters: { naf: ['25'], departement: ['42'] },
          near: { ...SAINT_ETIENNE, radiusKm: 10 },
        };
        expect(ids((await search(query)).hits)).toEqual([uuid(40)]);
        expect(ids((await search({ ...query, q: 'consortium' })).hits)).toEqual([]);
        for (const audience of [['company:cccc'], ['member:nnnn'], 'all' as const]) {
          expect(ids((await search({ ...query, q: 'consortium', audience })).hits)).toEqual([uuid(41)]);
        }
        expect(ids((await search({ ...query, q: 'consortium', audience: ['company:dddd', 'network:nnnn'] })).hits)).toEqual([]);
        expect((await engine.suggest({ q: 'consortium', kinds: ['opportunity'], audience: ['person:x'] }, 5)).opportunity ?? []).toEqual(
          [],
        );
        const points = await engine.points({ kinds: ['opportunity'], audience: [] }, 10);
        expect(points.points.map((p) => p.id).sort()).toEqual([uuid(40), uuid(42)]);
        const facets = await search({ kinds: ['opportunity'], facets: ['kind', 'nafDivision'], audience: ['member:nnnn'] });
        expect(facets.facets.nafDivision).toEqual([{ value: '25', count: 3 }]);

        // Type and deadline facets: counted from the query's day, within the audience (the club's one only for its members).
        const today = '2027-01-05';
        const byType = (r: Awaited<ReturnType<typeof search>>) =>
          Object.fromEntries((r.facets.opportunityType ?? []).map((v) => [v.value, v.count]));
        const byWindow = (r: Awaited<ReturnType<typeof search>>) =>
          Object.fromEntries((r.facets.deadline ?? []).map((v) => [v.value, v.count]));
        const outsider = await search({
          kinds: ['opportunity'],
          facets: ['opportunityType', 'deadline'],
          today,
          audience: ['company:dddd'],
        });
        expect(byType(outsider)).toEqual({ joint_bid: 1, pooling: 1 });
        expect(byWindow(outsider)).toEqual({ open: 2, '30d': 1 });
        const member = await search({ kinds: ['opportunity'], facets: ['opportunityType', 'deadline'], today, audience: ['member:nnnn'] });
        expect(byType(member)).toEqual({ joint_bid: 1, pooling: 1, partnership: 1 });
        expect(byWindow(member)).toEqual({ open: 3, '7d': 1, '30d': 2 });
        const week = await search({
          kinds: ['opportunity'],
          facets: ['opportunityType', 'deadline'],
          today,
          audience: ['member:nnnn'],
          filters: { deadline: ['7d'] },
        });
        expect(ids(week.hits)).toEqual([uuid(41)]);
        expect(byType(week)).toEqual({ partnership: 1 });
        expect(byWindow(week)).toEqual({ open: 3, '7d': 1, '30d': 2 });
        const outsiderWeek = await search({
          kinds: ['opportunity'],
          facets: ['deadline'],
          today,
          audience: ['company:dddd'],
          filters: { deadline: ['7d'] },
        });
        expect(outsiderWeek.total).toBe(0);
        expect(outsiderWeek.facets.deadline).toEqual([
          { value: 'open', count: 2 },
          { value: '7d', count: 0 },
          { value: '30d', count: 1 },
        ]);
        const pooling = await search({
          kinds: ['opportunity'],
          today,
          audience: [],
          filters: { opportunityType: ['pooling', 'subcontracting'], deadline: ['open', '30d'] },
        });
        expect(ids(pooling.hits)).toEqual([uuid(42)]);
        // A later day: everything has closed.
        expect(
          (await search({ kinds: ['opportunity'], today: '2027-03-01', audience: 'all', filters: { deadline: ['open'] } })).total,
        ).toBe(0);
      } finally {
        await engine.delete('opportunity', [uuid(40), uuid(41), uuid(42)]);
      }
    });

    it('replaces updated documents and forgets deleted ones', async () => {
      await engine.index([{ ...DOCS[3], title: 'Atelier Numérique', body: 'Édition de jeux vidéo.' }]);
      expect(ids((await search({ q: 'logiciels' })).hits)).not.toContain(uuid(4));
      expect(ids((await search({ q: 'jeux video' })).hits)).toEqual([uuid(4)]);
      await engine.delete('company', [uuid(4), uuid(99)]);
      expect(ids((await search({ q: 'jeux video' })).hits)).toEqual([]);
      await engine.clear('expert');
      expect((await search({ kinds: ['expert'] })).total).toBe(0);
    });
  });
}

contract('postgres', async (app) => new PostgresSearchEngine(app.db, { parallel: process.env.TEST_DB !== 'pglite' }));

if (process.env.MEILI_URL) {
  contract('meilisearch', async () => {
    const uid = `maillage_test_${randomBytes(4).toString('hex')}`;
    const engine = await MeilisearchEngine.connect(process.env.MEILI_URL!, process.env.MEILI_MASTER_KEY, uid);
    return Object.assign(engine, {
      async dispose() {
        const { Meilisearch } = await import('meilisearch');
        await new Meilisearch({ host: process.env.MEILI_URL!, apiKey: process.env.MEILI_MASTER_KEY }).deleteIndexIfExists(uid);
      },
    });
  });
} else {
  // Not a skipped test: the suite is simply not declared, and says why.
  console.log(
    'Meilisearch contract suite not run: MEILI_URL is not set, so no Meilisearch server is reachable (set MEILI_URL and MEILI_MASTER_KEY to run it).',
  );
}
