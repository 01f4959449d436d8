import { createTestApp, type TestApp } from '../../../test/test-app';
import { makePlatformAdmin, signedInUser } from '../../../test/fixtures';
import type { HttpClient } from '../../../test/http-client';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { SEARCH_ENGINE, type SearchEngine } from '../../core/search/search.types';

// Valid SIRETs (Luhn).
const SIRETS = ['73282932000074', '55210055400013', '35600000049837', '54205118000066', '44306184100047'];

describe('directory: search, suggestions and offers (HTTP, real database)', () => {
  let app: TestApp;
  let owner: { client: HttpClient; id: string };
  let forez: string;
  let firminy: string;
  let lyon: string;
  const relay = () => app.running.app.get(SearchIndexer).drain();
  const anonymous = () => app.client();

  async function company(client: HttpClient, siret: string, patch: Record<string, unknown>): Promise<string> {
    const created = await client.post('/api/v1/companies', { siret, legalName: String(patch.tradeName ?? 'Société') });
    expect(created.status).toBe(201);
    const updated = await client.patch(`/api/v1/companies/${created.body.id}`, patch);
    expect(updated.status).toBe(200);
    return created.body.id;
  }

  beforeAll(async () => {
    app = await createTestApp({ SEARCH_RELAY_INTERVAL_MS: 0 });
    await app.db.query(
      "INSERT INTO commune_geo (code, lat, lng) VALUES ('42218', 45.4339, 4.3903), ('42095', 45.3858, 4.2906), ('69123', 45.764, 4.8357)",
    );
    owner = await signedInUser(app);
    forez = await company(owner.client, SIRETS[0], {
      tradeName: 'Atelier du Forez',
      nafCode: '25.62B',
      headcountBandCode: '12',
      communeCode: '42218',
      description: 'Usinage de précision, inox et titane.',
    });
    const other = await signedInUser(app);
    firminy = await company(other.client, SIRETS[1], {
      tradeName: 'Chaudronnerie de Firminy',
      nafCode: '25.11Z',
      headcountBandCode: '02',
      communeCode: '42095',
      description: 'Soudure et chaudronnerie inox.',
    });
    lyon = await company(other.client, SIRETS[2], {
      tradeName: 'Logiciels Lyonnais',
      nafCode: '62.01Z',
      headcountBandCode: '12',
      communeCode: '69123',
      description: 'Développement de logiciels pour l’industrie.',
    });
  });
  afterAll(() => app.close());

  it('indexes companies through the outbox written with the change', async () => {
    const [{ n }] = await app.db.query("SELECT count(*)::int AS n FROM search_outbox WHERE kind = 'company'");
    expect(n).toBeGreaterThan(0);
    expect((await anonymous().get('/api/v1/search?q=usinage')).body.total).toBe(0);
    await relay();
    const res = await anonymous().get('/api/v1/search?q=usinnage');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 1, page: 1, pageSize: 20, relaxed: false });
    expect(res.body.items[0]).toMatchObject({
      kind: 'company',
      id: forez,
      title: 'Atelier du Forez',
      data: { siret: SIRETS[0], nafCode: '25.62B', communeName: 'Saint-Étienne' },
      location: { lat: 45.4339, lng: 4.3903 },
    });
    expect(res.body.items[0].highlights.body).toContain('<mark>Usinage</mark>');
    expect(res.body.facets.nafSection).toEqual([{ value: 'C', label: 'Industrie manufacturière', count: 1 }]);
    expect(res.body.facets.departement).toEqual([{ value: '42', label: 'Loire', count: 1 }]);
    expect(res.body.facets.headcount).toEqual([{ value: '12', label: '20 à 49 salariés', count: 1 }]);
    expect(res.body.facets.epci[0]).toMatchObject({
      value: expect.stringMatching(/^\d{9}$/),
      label: expect.stringMatching(/Saint-Étienne/),
    });
    // An edit re-indexes.
    await owner.client.patch(`/api/v1/companies/${forez}`, { tradeName: 'Forez Précision' });
    await relay();
    expect((await anonymous().get('/api/v1/search?q=forez%20precision')).body.items[0].title).toBe('Forez Précision');
  });

  it('filters by facets and radius, sorts by distance, keeps every filter in the query string', async () => {
    const all = await anonymous().get('/api/v1/search?q=inox');
    expect(all.body.items.map((i: { id: string }) => i.id).sort()).toEqual([firminy, forez].sort());
    const filtered = await anonymous().get('/api/v1/search?q=inox&naf=25.11Z&departement=42&headcount=02');
    expect(filtered.body.items.map((i: { id: string }) => i.id)).toEqual([firminy]);
    const section = await anonymous().get('/api/v1/search?naf=C,J&region=84&kind=company&sort=name');
    expect(section.body.total).toBe(3);
    const near = await anonymous().get('/api/v1/search?near=42218&radiusKm=30&sort=distance');
    expect(near.body.items.map((i: { id: string }) => i.id)).toEqual([forez, firminy]);
    expect(near.body.items[1].distanceKm).toBeGreaterThan(5);
    const wide = await anonymous().get('/api/v1/search?near=42218&radiusKm=100&sort=distance&pageSize=2&page=2');
    expect(wide.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(wide.body.items.map((i: { id: string }) => i.id)).toEqual([lyon]);
    const noCoordinates = await anonymous().get('/api/v1/search?near=75056&radiusKm=10');
    expect(noCoordinates.status).toBe(400);
    expect(noCoordinates.body.code).toBe('UNKNOWN_LOCATION');
  });

  it('answers bad filters with 400 and any query text with results or nothing, never a 5xx', async () => {
    const bad = [
      'naf=ZZ',
      'naf=25.62',
      'departement=999',
      'region=99',
      'commune=99999',
      'headcount=77',
      'epci=123',
      'kind=planet',
      'near=00000',
      'radiusKm=10',
      'near=42218&radiusKm=-1',
      'near=42218&radiusKm=abc',
      'near=42218&radiusKm=5000',
      'sort=distance',
      'sort=random',
      'page=0',
      'page=abc',
      'page=100000',
      'pageSize=0',
      'pageSize=1000',
      'unknown=1',
      `q=${'x'.repeat(201)}`,
      'q=a%00b',
      `naf=${Array.from({ length: 21 }, (_, i) => String(10 + i)).join(',')}`,
    ];
    for (const query of bad) {
      const res = await anonymous().get(`/api/v1/search?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.code).toEqual(expect.any(String));
    }
    const weird = [
      '"usinage',
      "'",
      'a & b | !c',
      '(((',
      '🚀',
      '東京',
      'Ωμέγα',
      '\\',
      "' OR 1=1 --",
      '%',
      '_',
      '*',
      ':*',
      '<script>',
      '   ',
      '-',
      'NOT',
      'usinage -inox',
    ];
    for (const q of weird) {
      const res = await anonymous().get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect({ q, status: res.status }).toEqual({ q, status: 200 });
      const suggest = await anonymous().get(`/api/v1/search/suggest?q=${encodeURIComponent(q.trim() || 'x')}`);
      expect({ q, status: suggest.status }).toEqual({ q, status: 200 });
    }
    const huge = await anonymous().get('/api/v1/search?page=1000&pageSize=100');
    expect(huge.body).toMatchObject({ items: [], total: 3 });
    expect((await anonymous().get('/api/v1/search/suggest')).status).toBe(400);
  });

  it('shows the index status to platform admins only', async () => {
    expect((await anonymous().get('/api/v1/search/status')).status).toBe(401);
    expect((await owner.client.get('/api/v1/search/status')).status).toBe(403);
    const admin = await signedInUser(app);
    await makePlatformAdmin(app, admin.id);
    await owner.client.patch(`/api/v1/companies/${forez}`, { website: 'https://forez.example' });
    const status = await admin.client.get('/api/v1/search/status');
    expect(status.status).toBe(200);
    expect(status.body).toEqual({ engine: 'postgres', pending: 1, failing: 0, oldestSeconds: expect.any(Number) });
    await relay();
    expect((await admin.client.get('/api/v1/search/status')).body).toMatchObject({ pending: 0, oldestSeconds: null });
  });

  it('suggests as you type, grouped by kind', async () => {
    const res = await anonymous().get('/api/v1/search/suggest?q=chaud');
    expect(res.status).toBe(200);
    expect(res.body.groups).toEqual([
      { kind: 'company', items: [expect.objectContaining({ id: firminy, title: 'Chaudronnerie de Firminy' })] },
    ]);
    expect(res.body.groups[0].items[0].highlights.title).toBe('<mark>Chaudronnerie</mark> de Firminy');
  });

  it('indexes experts while they are experts; leaving the directory is pushed first', async () => {
    const expert = await signedInUser(app, { firstName: 'Noémie' });
    expect(
      (
        await expert.client.patch('/api/v1/people/me', {
          isExpert: true,
          expertiseDomains: ['Cybersécurité industrielle'],
          skills: ['audit'],
        })
      ).status,
    ).toBe(200);
    await relay();
    const found = await anonymous().get('/api/v1/search?q=cybersecurite&kind=expert');
    expect(found.body.items).toEqual([expect.objectContaining({ kind: 'expert', id: expert.id, title: 'Noémie Martin' })]);
    await expert.client.patch('/api/v1/people/me', { isExpert: false });
    const [row] = await app.db.query('SELECT priority FROM search_outbox WHERE entity_id = $1', [expert.id]);
    expect(row.priority).toBe(0);
    await relay();
    expect((await anonymous().get('/api/v1/search?q=cybersecurite&kind=expert')).body.total).toBe(0);
  });

  it('lets editors manage offers and needs, which are searchable', async () => {
    const url = `/api/v1/companies/${forez}/offers`;
    const created = await owner.client.post(url, {
      kind: 'offer',
      label: 'Rectification cylindrique',
      description: 'Rectification de précision sur pièces traitées.',
      nafCodes: ['2562B'],
      skills: ['rectification', 'usinage'],
      territory: { departements: ['42', '43'], regions: ['84'] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'offer',
      nafCodes: ['25.62B'],
      territory: { communes: [], departements: ['42', '43'], regions: ['84'] },
    });
    const stranger = await signedInUser(app);
    expect((await stranger.client.post(url, { kind: 'need', label: 'Pirate' })).status).toBe(403);
    expect((await anonymous().post(url, { kind: 'need', label: 'Pirate' })).status).toBe(401);
    const invalid = await owner.client.post(url, { kind: 'gift', label: '', nafCodes: ['99.99Z'], territory: { departements: ['999'] } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'kind',
      'label',
      'nafCodes',
      'territory.departements',
    ]);
    expect((await anonymous().get(url)).body).toEqual([
      expect.objectContaining({ id: created.body.id, label: 'Rectification cylindrique' }),
    ]);

    await relay();
    expect((await anonymous().get('/api/v1/search?q=rectification%20cylindrique')).body.items[0].id).toBe(forez);

    const updated = await owner.client.put(`${url}/${created.body.id}`, {
      kind: 'offer',
      label: 'Rodage de cylindres',
      skills: ['rodage'],
    });
    expect(updated.status).toBe(200);
    expect((await stranger.client.put(`${url}/${created.body.id}`, { kind: 'offer', label: 'x' })).status).toBe(403);
    await relay();
    expect((await anonymous().get('/api/v1/search?q=rectification')).body.total).toBe(0);
    expect((await anonymous().get('/api/v1/search?q=rodage')).body.items[0].id).toBe(forez);

    expect((await stranger.client.delete(`${url}/${created.body.id}`)).status).toBe(403);
    expect((await owner.client.delete(`${url}/${created.body.id}`)).status).toBe(204);
    expect((await owner.client.delete(`${url}/${created.body.id}`)).status).toBe(404);
    await relay();
    expect((await anonymous().get('/api/v1/search?q=rodage')).body.total).toBe(0);
    expect((await anonymous().get('/api/v1/companies/00000000-0000-4000-8000-000000000000/offers')).status).toBe(404);
  });

  it('filters restricted documents in the engine and re-checks every hit (canary)', async () => {
    const engine = app.running.app.get<SearchEngine>(SEARCH_ENGINE);
    const canary = 'zqxcanaryprivate';
    await engine.index([
      {
        kind: 'company',
        id: '00000000-0000-4000-8000-00000000cafe',
        visibility: 'restricted',
        audience: ['network:00000000-0000-4000-8000-00000000beef'],
        title: `Club privé ${canary}`,
        keywords: [],
        body: canary,
        facets: { departement: '42' },
        location: null,
        payload: {},
      },
    ]);
    const member = await signedInUser(app);
    for (const client of [anonymous(), member.client]) {
      const res = await client.get(`/api/v1/search?q=${canary}`);
      expect(JSON.stringify(res.body)).not.toContain(canary);
      expect(JSON.stringify((await client.get(`/api/v1/search/suggest?q=${canary}`)).body)).not.toContain(canary);
    }
    const admin = await signedInUser(app);
    await makePlatformAdmin(app, admin.id);
    expect((await admin.client.get(`/api/v1/search?q=${canary}`)).body.total).toBe(1);
  });

  it('puts every placed result of a search on the map, not only one page', async () => {
    // 150 more companies around Saint-Étienne (placed by their commune), 10 without a place.
    await app.db.query(
      `INSERT INTO companies (siren, siret, legal_name, naf_code, commune_code, departement_code, region_code)
       SELECT '8' || lpad(i::text, 8, '0'), '8' || lpad(i::text, 8, '0') || '00010', 'Carte ' || i, '25.62B',
              CASE WHEN i <= 150 THEN '42218' ELSE NULL END, '42', '84'
       FROM generate_series(1, 160) i`,
    );
    await app.db.query("INSERT INTO search_outbox (kind, entity_id) SELECT 'company', id FROM companies WHERE legal_name LIKE 'Carte %'");
    await relay();
    const list = await anonymous().get('/api/v1/search?departement=42&q=carte');
    expect(list.body.total).toBe(160);
    expect(list.body.items).toHaveLength(20);
    const map = await anonymous().get('/api/v1/search/map?departement=42&q=carte&page=3');
    expect(map.status).toBe(200);
    expect(map.body).toMatchObject({ total: 160, truncated: false });
    expect(map.body.points).toHaveLength(150);
    expect(map.body.points[0]).toEqual({
      kind: 'company',
      id: expect.any(String),
      title: expect.stringMatching(/^Carte /),
      lat: 45.4339,
      lng: 4.3903,
    });
    // The same validation as the search.
    expect((await anonymous().get('/api/v1/search/map?radiusKm=10')).status).toBe(400);
    expect((await anonymous().get('/api/v1/search/map?near=42218&radiusKm=5&q=carte')).body.points).toHaveLength(150);
  });
});
