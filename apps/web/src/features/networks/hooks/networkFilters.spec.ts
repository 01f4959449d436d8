import {
  EMPTY_NETWORK_FILTERS,
  hasNetworkFilters,
  networkFiltersFromParams,
  networkFiltersToParams,
  networkFiltersToQuery,
} from './networkFilters';

describe('network directory filters in the URL', () => {
  it('reads known values and drops the rest', () => {
    const params = new URLSearchParams('q=Forez&type=cluster&maturite=creation&departement=2A&region=84&page=3');
    expect(networkFiltersFromParams(params)).toEqual({
      q: 'Forez',
      type: 'cluster',
      maturity: 'creation',
      departement: '2A',
      region: '84',
      page: 3,
    });
    const bad = new URLSearchParams('type=mafia&maturite=old&departement=999&region=x&page=0');
    expect(networkFiltersFromParams(bad)).toEqual(EMPTY_NETWORK_FILTERS);
    expect(networkFiltersFromParams(new URLSearchParams('page=1.5')).page).toBe(1);
  });

  it('writes short URLs and round-trips', () => {
    expect(networkFiltersToParams(EMPTY_NETWORK_FILTERS).toString()).toBe('');
    const filters = { ...EMPTY_NETWORK_FILTERS, q: ' club ', type: 'business_club' as const, departement: '42', page: 2 };
    const params = networkFiltersToParams(filters);
    expect(params.toString()).toBe('q=club&type=business_club&departement=42&page=2');
    expect(networkFiltersFromParams(params)).toEqual({ ...filters, q: 'club' });
    expect(hasNetworkFilters(filters)).toBe(true);
    expect(hasNetworkFilters({ ...EMPTY_NETWORK_FILTERS, page: 4 })).toBe(false);
  });

  it('turns the filters into the API query', () => {
    expect(networkFiltersToQuery({ ...EMPTY_NETWORK_FILTERS, region: '84' })).toEqual({
      q: undefined,
      type: undefined,
      maturity: undefined,
      departement: undefined,
      region: '84',
      page: 1,
      pageSize: 12,
    });
  });
});
