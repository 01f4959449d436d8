import type { SearchMapResponse, SearchResponse, SearchSuggestResponse } from '@maillage/contracts';
import { api, type Query } from '../../../lib/api';

export const searchKeys = {
  all: ['directory'] as const,
  results: (query: Query) => ['directory', 'search', query] as const,
  suggest: (q: string) => ['directory', 'suggest', q] as const,
  map: (query: Query) => ['directory', 'map', query] as const,
};

export const searchApi = {
  /** The query holds API parameter names (lists joined with commas). */
  search: (query: Query, signal?: AbortSignal) => api.get<SearchResponse>('/search', query, signal),
  suggest: (q: string, signal?: AbortSignal) => api.get<SearchSuggestResponse>('/search/suggest', { q }, signal),
  /** Every placed result of the same search (paging ignored). */
  map: (query: Query, signal?: AbortSignal) => api.get<SearchMapResponse>('/search/map', query, signal),
};
