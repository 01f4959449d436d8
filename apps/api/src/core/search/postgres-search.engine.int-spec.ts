// The PostgreSQL engine's FacetStore stays current in every process: two engines on one database
// (two API replicas) see each other's writes, deletions and rebuilds at their next query.
import { createTestApp, type TestApp } from '../../../test/test-app';
import { PostgresSearchEngine } from './postgres-search.engine';
import type { SearchDocument } from './search.types';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const doc = (n: number, title: string, departement = '42'): SearchDocument => ({
  kind: 'company',
  id: uuid(n),
  visibility: 'public',
  audience: [],
  title,
  keywords: [],
  body: '',
  facets: { departement },
  location: null,
  payload: {},
});

describe('PostgreSQL engine: every process sees every change', () => {
  let app: TestApp;
  let writer: PostgresSearchEngine;
  let reader: PostgresSearchEngine;
  const titles = async (q?: string) => (await reader.search({ q, audience: [], facets: ['departement'] })).hits.map((h) => h.title);

  beforeAll(async () => {
    app = await createTestApp({ SEARCH_RELAY_INTERVAL_MS: 0 });
    writer = new PostgresSearchEngine(app.db);
    reader = new PostgresSearchEngine(app.db);
    await writer.clearAll();
    await writer.optimize();
  });
  afterAll(() => app.close());

  it('sees documents indexed, updated and deleted by another process', async () => {
    expect(await titles()).toEqual([]);
    await writer.index([doc(1, 'Atelier Alpha'), doc(2, 'Bureau Bravo')]);
    expect(await titles()).toEqual(['Atelier Alpha', 'Bureau Bravo']);
    await writer.index([doc(1, 'Atelier Alpha', '69')]);
    const res = await reader.search({ audience: [], facets: ['departement'] });
    expect(res.facets.departement).toEqual([
      { value: '42', count: 1 },
      { value: '69', count: 1 },
    ]);
    await writer.delete('company', [uuid(2)]);
    expect(await titles()).toEqual(['Atelier Alpha']);
    expect(await titles('bravo')).toEqual([]);
    // New words replace the old ones.
    await writer.index([doc(1, 'Atelier Zoulou')]);
    expect(await titles('alpha')).toEqual([]);
    expect(await titles('zoul')).toEqual(['Atelier Zoulou']);
  });

  it('reloads after a rebuild (new generation), including documents loaded in bulk', async () => {
    await writer.clearAll();
    await writer.index([doc(3, 'Chaudronnerie Charlie'), doc(4, 'Décolletage Delta')], { bulk: true });
    await writer.optimize();
    expect(await titles()).toEqual(['Chaudronnerie Charlie', 'Décolletage Delta']);
    await writer.clear('company');
    expect(await titles()).toEqual([]);
  });
});
