import { FacetStore, type StoreQuery, type StoreRow } from './facet-store';

function row(ord: number, over: Partial<StoreRow> & Partial<StoreRow['fields']> = {}): StoreRow {
  const {
    kind = 'company',
    restricted = false,
    audience = [],
    name = `societe ${ord}`,
    networkIds = [],
    lat = null,
    lng = null,
    deadline = null,
    ...fields
  } = over;
  return {
    ord,
    kind,
    restricted,
    audience,
    name,
    networkIds,
    lat,
    lng,
    deadline,
    fields: {
      nafCode: null,
      nafSection: null,
      nafDivision: null,
      departement: null,
      region: null,
      epci: null,
      commune: null,
      headcount: null,
      networkType: null,
      maturity: null,
      opportunityType: null,
      ...fields,
    },
  };
}

const base: StoreQuery = { audience: [], facets: [], sort: 'name', matches: null, offset: 0, limit: 20 };

describe('FacetStore', () => {
  const store = new FacetStore();
  store.upsert(
    row(1, {
      name: 'alpha',
      departement: '42',
      headcount: '11',
      nafSection: 'C',
      nafDivision: '25',
      nafCode: '25.62B',
      lat: 45.43,
      lng: 4.39,
    }),
  );
  store.upsert(
    row(2, {
      name: 'bravo',
      departement: '42',
      headcount: '02',
      nafSection: 'C',
      nafDivision: '25',
      nafCode: '25.11Z',
      lat: 45.39,
      lng: 4.29,
    }),
  );
  store.upsert(
    row(3, {
      name: 'charlie',
      departement: '69',
      headcount: '11',
      nafSection: 'J',
      nafDivision: '62',
      lat: 45.76,
      lng: 4.84,
      networkIds: ['n1'],
    }),
  );
  store.upsert(row(4, { kind: 'expert', name: 'delta' }));
  store.upsert(row(5, { name: 'echo', restricted: true, audience: ['network:x'], departement: '42' }));
  store.upsert(row(2000, { kind: 'network', name: 'foxtrot', networkType: 'cluster', maturity: 'creation' }));

  it('grows past its first size and counts live documents', () => {
    expect(store.count).toBe(6);
    expect(store.query(base).total).toBe(5);
  });

  it('filters by groups (OR inside, AND between) and keeps restricted documents for their audience', () => {
    expect(store.query({ ...base, filters: { departement: ['42', '69'], headcount: ['11'] } }).ords).toEqual([1, 3]);
    expect(store.query({ ...base, filters: { naf: ['J', '25.11Z'] } }).ords).toEqual([2, 3]);
    expect(store.query({ ...base, filters: { naf: ['25'] }, kinds: ['company'] }).ords).toEqual([1, 2]);
    expect(store.query({ ...base, filters: { departement: ['42'] } }).ords).toEqual([1, 2]);
    expect(store.query({ ...base, filters: { departement: ['42'] }, audience: ['network:x'] }).ords).toEqual([1, 2, 5]);
    expect(store.query({ ...base, filters: { departement: ['42'] }, audience: 'all' }).total).toBe(3);
    expect(store.query({ ...base, filters: { networkIds: ['n1'] } }).ords).toEqual([3]);
    expect(store.query({ ...base, filters: { networkType: ['cluster'], maturity: ['creation'] } }).ords).toEqual([2000]);
    expect(store.query({ ...base, filters: { departement: ['unknown'] } }).total).toBe(0);
  });

  it('counts each facet without its own filter group, and shows selected values that count nothing', () => {
    const res = store.query({
      ...base,
      kinds: ['company'],
      filters: { departement: ['42', '13'], headcount: ['11'] },
      facets: ['departement', 'headcount', 'kind', 'nafSection'],
    });
    expect(res.ords).toEqual([1]);
    expect(res.facets.departement).toEqual([
      { value: '42', count: 1 },
      { value: '69', count: 1 },
      { value: '13', count: 0 },
    ]);
    expect(res.facets.headcount).toEqual([
      { value: '02', count: 1 },
      { value: '11', count: 1 },
    ]);
    expect(res.facets.kind).toEqual([{ value: 'company', count: 1 }]);
    expect(res.facets.nafSection).toEqual([{ value: 'C', count: 1 }]);
  });

  it('restricts to the words’ matches, filters by radius and sorts by distance, name or relevance tiers', () => {
    expect(store.query({ ...base, matches: [3, 2, 99] }).ords).toEqual([2, 3]);
    const near = store.query({ ...base, near: { lat: 45.4339, lng: 4.3903, radiusKm: 15 }, sort: 'distance' });
    expect(near.ords).toEqual([1, 2]);
    expect(near.distances.get(2)).toBeGreaterThan(8);
    const tiers = store.query({ ...base, sort: 'relevance', matches: [1, 2, 3], tier: (ord) => (ord === 3 ? 0 : 1) });
    expect(tiers.ords).toEqual([3, 1, 2]);
    expect(store.query({ ...base, offset: 1, limit: 2 }).ords).toEqual([2, 3]);
    expect(store.query({ ...base, offset: 50 }).ords).toEqual([]);
    const map = store.query({ ...base, placedOnly: true });
    expect(map).toMatchObject({ total: 5, placed: 3, ords: [1, 2, 3] });
  });

  it('counts and filters opportunities by type and by deadline window from the query’s day, within the audience', () => {
    const s = new FacetStore();
    const opp = (ord: number, opportunityType: string, deadline: string, audience: string[] = []) =>
      s.upsert(row(ord, { kind: 'opportunity', opportunityType, deadline, restricted: audience.length > 0, audience, departement: '42' }));
    opp(1, 'joint_bid', '2027-01-12');
    opp(2, 'joint_bid', '2027-01-20');
    opp(3, 'pooling', '2027-03-01');
    opp(4, 'subcontracting', '2027-01-09');
    // Past: in no window.
    opp(5, 'pooling', '2027-01-04');
    // Private to a club: counted for its members only.
    opp(6, 'shared_employment', '2027-01-06', ['member:club']);
    s.upsert(row(7, { departement: '42' }));
    const today = '2027-01-05';
    const q = { ...base, kinds: ['opportunity' as const], today, facets: ['opportunityType', 'deadline'] as const };
    const outsider = s.query({ ...q, facets: [...q.facets] });
    expect(outsider.facets.deadline).toEqual([
      { value: 'open', count: 4 },
      { value: '7d', count: 2 },
      { value: '30d', count: 3 },
    ]);
    expect(outsider.facets.opportunityType).toEqual([
      { value: 'joint_bid', count: 2 },
      { value: 'pooling', count: 2 },
      { value: 'subcontracting', count: 1 },
    ]);
    const member = s.query({ ...q, facets: [...q.facets], audience: ['member:club'] });
    expect(member.facets.deadline).toEqual([
      { value: 'open', count: 5 },
      { value: '7d', count: 3 },
      { value: '30d', count: 4 },
    ]);
    expect(member.facets.opportunityType).toContainEqual({ value: 'shared_employment', count: 1 });
    // Filters: the deadline window (the type facet follows it, the deadline facet ignores it), the type.
    const week = s.query({ ...q, facets: [...q.facets], filters: { deadline: ['7d'] } });
    expect(week.ords).toEqual([1, 4]);
    expect(week.facets.opportunityType).toEqual([
      { value: 'joint_bid', count: 1 },
      { value: 'subcontracting', count: 1 },
    ]);
    expect(week.facets.deadline?.map((v) => v.count)).toEqual([4, 2, 3]);
    expect(s.query({ ...q, facets: [], filters: { deadline: ['7d', '30d'], opportunityType: ['joint_bid'] } }).ords).toEqual([1, 2]);
    expect(s.query({ ...q, facets: [], filters: { deadline: ['open'] } }).total).toBe(4);
    // Nothing closes within 7 days of a later day: the selected window stays, counting 0.
    expect(s.query({ ...q, facets: ['deadline'], today: '2027-02-10', filters: { deadline: ['7d'] } }).facets.deadline).toEqual([
      { value: 'open', count: 1 },
      { value: '7d', count: 0 },
      { value: '30d', count: 1 },
    ]);
  });

  it('replaces and removes documents', () => {
    const s = new FacetStore();
    s.upsert(row(1, { departement: '42' }));
    s.upsert(row(1, { departement: '69' }));
    expect(s.query({ ...base, filters: { departement: ['42'] } }).total).toBe(0);
    expect(s.query({ ...base, filters: { departement: ['69'] } }).total).toBe(1);
    s.remove(1);
    s.remove(1);
    s.remove(12345);
    expect(s.count).toBe(0);
    expect(s.query(base).total).toBe(0);
  });
});
