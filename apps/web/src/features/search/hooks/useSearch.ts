import { useCallback, useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { searchApi, searchKeys } from '../api/search.api';
import { filtersFromParams, filtersToParams, filtersToQuery, type SearchFilters } from './searchFilters';

/**
 * The filters of the results page, read from and written to the URL. Any change other than the
 * page itself goes back to the first page.
 */
export function useSearchFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const update = useCallback(
    (change: Partial<SearchFilters>) => {
      setParams((current) => {
        const previous = filtersFromParams(current);
        const next = { ...previous, ...change };
        if (!('page' in change)) next.page = 1;
        return filtersToParams(next);
      });
    },
    [setParams],
  );
  return { filters, update };
}

export function useSearchResults(filters: SearchFilters) {
  const query = filtersToQuery(filters);
  return useQuery({
    queryKey: searchKeys.results(query),
    queryFn: ({ signal }) => searchApi.search(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** The map's points: the same search without paging. */
export function useSearchMap(filters: SearchFilters) {
  const { page: _page, pageSize: _size, ...query } = filtersToQuery(filters);
  return useQuery({
    queryKey: searchKeys.map(query),
    queryFn: ({ signal }) => searchApi.map(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useSuggestions(q: string) {
  return useQuery({
    queryKey: searchKeys.suggest(q),
    queryFn: ({ signal }) => searchApi.suggest(q, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
