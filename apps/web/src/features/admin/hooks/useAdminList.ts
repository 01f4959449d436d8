import { useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import type { Page } from '@maillage/contracts';
import { ADMIN_PAGE_SIZE, SEARCH_DEBOUNCE_MS } from '../../../config';

/** A searchable, paginated admin list: the search box resets to page 1. */
export function useAdminList<T>(
  key: (q: string, page: number) => QueryKey,
  fetch: (q: string, page: number, pageSize: number) => Promise<Page<T>>,
) {
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [q] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const query = useQuery({
    queryKey: key(q, page),
    queryFn: () => fetch(q, page, ADMIN_PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  return {
    query,
    search,
    setSearch: (value: string) => {
      setSearch(value);
      setPage(1);
    },
    page,
    setPage,
    pageSize: ADMIN_PAGE_SIZE,
  };
}
