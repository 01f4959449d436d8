import {
  cockpitFiltersFromParams,
  cockpitFiltersToParams,
  cockpitFiltersToQuery,
  DEFAULT_SORT,
  EMPTY_COCKPIT_FILTERS,
  hasCockpitFilters,
  nextSort,
} from './cockpitFilters';

describe('cockpit filters in the URL', () => {
  it('reads back what it wrote, leaving defaults out of the address', () => {
    const filters = {
      ...EMPTY_COCKPIT_FILTERS,
      q: 'forez',
      type: 'business_club' as const,
      maturity: 'development' as const,
      departement: '42',
      animatorId: '11111111-1111-4111-8111-111111111111',
      alert: 'dormant' as const,
      sort: 'members' as const,
      order: 'desc' as const,
      page: 3,
    };
    const params = cockpitFiltersToParams(filters);
    expect(params.toString()).toBe(
      'q=forez&type=business_club&maturite=development&departement=42&animateur=11111111-1111-4111-8111-111111111111&alerte=dormant&tri=members&ordre=desc&page=3',
    );
    expect(cockpitFiltersFromParams(params)).toEqual(filters);
    expect(cockpitFiltersToParams(EMPTY_COCKPIT_FILTERS).toString()).toBe('');
  });

  it('falls back to the defaults for anything it does not know', () => {
    const filters = cockpitFiltersFromParams(
      new URLSearchParams('type=club&maturite=old&departement=999&animateur=nobody&alerte=loud&tri=secret&ordre=up&page=-2'),
    );
    expect(filters).toEqual(EMPTY_COCKPIT_FILTERS);
    expect(hasCockpitFilters(filters)).toBe(false);
  });

  it('asks the API for one page, with the sort and without empty filters', () => {
    expect(cockpitFiltersToQuery({ ...EMPTY_COCKPIT_FILTERS, q: '  ' })).toEqual({
      q: undefined,
      type: undefined,
      maturity: undefined,
      departement: undefined,
      animatorId: undefined,
      alert: undefined,
      ...DEFAULT_SORT,
      page: 1,
      pageSize: 50,
    });
  });

  it('flips the order on the same column, and sorts figures biggest first on another', () => {
    expect(nextSort({ sort: 'members', order: 'desc' }, 'members')).toEqual({ sort: 'members', order: 'asc' });
    expect(nextSort({ sort: 'name', order: 'asc' }, 'posts')).toEqual({ sort: 'posts', order: 'desc' });
    expect(nextSort({ sort: 'posts', order: 'desc' }, 'name')).toEqual({ sort: 'name', order: 'asc' });
  });
});
