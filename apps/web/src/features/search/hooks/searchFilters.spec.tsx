import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { EMPTY_FILTERS, filtersFromParams, filtersToParams, filtersToQuery, searchPath, type SearchFilters } from './searchFilters';
import { useSearchFilters } from './useSearch';

const full: SearchFilters = {
  q: 'usinage inox',
  kind: 'company',
  naf: ['C', '25'],
  region: ['84'],
  departement: ['42', '69'],
  epci: ['244200770'],
  commune: ['42218'],
  headcount: ['11'],
  network: ['0b6a1f4e-6a8e-4b8a-9d2c-2f1d3c4b5a69'],
  networkType: [],
  maturity: [],
  opportunityType: [],
  deadline: [],
  near: '42218',
  radiusKm: 30,
  sort: 'distance',
  page: 3,
  view: 'map',
};

describe('search filters in the URL', () => {
  it('round-trips every filter through the URL', () => {
    const params = filtersToParams(full);
    expect(params.toString()).toBe(
      'q=usinage+inox&naf=C%2C25&region=84&departement=42%2C69&epci=244200770&commune=42218&headcount=11&network=0b6a1f4e-6a8e-4b8a-9d2c-2f1d3c4b5a69&near=42218&radius=30&sort=distance&page=3&view=map',
    );
    expect(filtersFromParams(new URLSearchParams(params.toString()))).toEqual(full);
  });

  it('leaves defaults out, and reads an empty URL as the defaults', () => {
    expect(filtersToParams(EMPTY_FILTERS).toString()).toBe('');
    expect(filtersFromParams(new URLSearchParams())).toEqual(EMPTY_FILTERS);
    expect(searchPath('forez')).toBe('/recherche?q=forez');
    expect(searchPath('  ')).toBe('/recherche');
  });

  it('ignores malformed or unknown values instead of failing', () => {
    const params = new URLSearchParams(
      'kind=spaceship&sort=random&page=-4&radius=9999&near=Paris&naf=C,<script>,C&view=globe&departement=42&departement=69',
    );
    expect(filtersFromParams(params)).toEqual({ ...EMPTY_FILTERS, naf: ['C'], departement: ['42', '69'] });
    // Distance needs a centre.
    expect(filtersFromParams(new URLSearchParams('sort=distance')).sort).toBe('relevance');
  });

  it('turns the filters into the API query; experts get no company-only filter', () => {
    expect(filtersToQuery({ ...full, view: 'list' })).toEqual({
      q: 'usinage inox',
      kind: 'company',
      sort: 'distance',
      page: 3,
      pageSize: 20,
      naf: 'C,25',
      region: '84',
      departement: '42,69',
      epci: '244200770',
      commune: '42218',
      headcount: '11',
      network: '0b6a1f4e-6a8e-4b8a-9d2c-2f1d3c4b5a69',
      near: '42218',
      radiusKm: 30,
    });
    // The map asks for its points separately: the list keeps its page.
    expect(filtersToQuery(full)).toMatchObject({ page: 3, pageSize: 20 });
    expect(filtersToQuery({ ...full, kind: 'expert', view: 'list' })).toEqual({
      q: 'usinage inox',
      kind: 'expert',
      sort: undefined,
      page: 3,
      pageSize: 20,
    });
    // Networks: their own filters only, no radius.
    expect(filtersToQuery({ ...full, kind: 'network', networkType: ['cluster'], view: 'list' })).toEqual({
      q: 'usinage inox',
      kind: 'network',
      sort: undefined,
      page: 3,
      pageSize: 20,
      networkType: 'cluster',
      region: '84',
      departement: '42,69',
      naf: 'C,25',
    });
    // Opportunities: type and deadline window, sector and territory.
    const opportunities = {
      ...full,
      kind: 'opportunity' as const,
      opportunityType: ['joint_bid', 'pooling'],
      deadline: ['7d'],
      view: 'list' as const,
    };
    expect(filtersToQuery(opportunities)).toEqual({
      q: 'usinage inox',
      kind: 'opportunity',
      sort: undefined,
      page: 3,
      pageSize: 20,
      opportunityType: 'joint_bid,pooling',
      deadline: '7d',
      naf: 'C,25',
      region: '84',
      departement: '42,69',
    });
    expect(filtersFromParams(filtersToParams(opportunities))).toEqual({ ...opportunities, sort: 'distance' });
  });

  it('writes changes to the URL and goes back to the first page', () => {
    let location = '';
    function Spy() {
      location = `${useLocation().pathname}${useLocation().search}`;
      return null;
    }
    const wrapper = ({ children }: { children: ReactNode }) => (
      <MemoryRouter initialEntries={['/recherche?q=inox&page=4']}>
        {children}
        <Spy />
      </MemoryRouter>
    );
    const { result } = renderHook(() => useSearchFilters(), { wrapper });
    expect(result.current.filters).toMatchObject({ q: 'inox', page: 4 });
    act(() => result.current.update({ departement: ['42'] }));
    expect(location).toBe('/recherche?q=inox&departement=42');
    expect(result.current.filters).toMatchObject({ q: 'inox', departement: ['42'], page: 1 });
    act(() => result.current.update({ near: '42218', radiusKm: 20 }));
    act(() => result.current.update({ page: 2 }));
    expect(location).toBe('/recherche?q=inox&departement=42&near=42218&radius=20&page=2');
    expect(filtersFromParams(new URLSearchParams(location.split('?')[1]))).toEqual(result.current.filters);
  });
});
