// The directory's filters, kept in the URL: parse, write, and turn into the API's query.
import { NETWORK_MATURITIES, NETWORK_TYPES, type NetworkMaturity, type NetworkType } from '@maillage/contracts';
import type { NetworkListQuery } from '../api/networks.api';

export const NETWORKS_PAGE_SIZE = 12;
const MAX_PAGE = 1000;

export interface NetworkFilters {
  q: string;
  type: NetworkType | null;
  maturity: NetworkMaturity | null;
  departement: string | null;
  region: string | null;
  page: number;
}

export const EMPTY_NETWORK_FILTERS: NetworkFilters = { q: '', type: null, maturity: null, departement: null, region: null, page: 1 };

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.includes(value as T) ? (value as T) : null;
}

function matching(pattern: RegExp, value: string | null): string | null {
  return value && pattern.test(value) ? value : null;
}

/** Reads the filters from the URL; anything unknown falls back to its default. */
export function networkFiltersFromParams(params: URLSearchParams): NetworkFilters {
  const page = Number(params.get('page'));
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    type: oneOf(NETWORK_TYPES, params.get('type')),
    maturity: oneOf(NETWORK_MATURITIES, params.get('maturite')),
    departement: matching(/^(\d{2}|2A|2B|97[1-6])$/, params.get('departement')),
    region: matching(/^\d{2}$/, params.get('region')),
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
  };
}

/** Writes the filters into URL parameters, leaving defaults out. */
export function networkFiltersToParams(filters: NetworkFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.type) params.set('type', filters.type);
  if (filters.maturity) params.set('maturite', filters.maturity);
  if (filters.departement) params.set('departement', filters.departement);
  if (filters.region) params.set('region', filters.region);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

export function networkFiltersToQuery(filters: NetworkFilters): NetworkListQuery {
  return {
    q: filters.q.trim() || undefined,
    type: filters.type ?? undefined,
    maturity: filters.maturity ?? undefined,
    departement: filters.departement ?? undefined,
    region: filters.region ?? undefined,
    page: filters.page,
    pageSize: NETWORKS_PAGE_SIZE,
  };
}

export function hasNetworkFilters(filters: NetworkFilters): boolean {
  return !!filters.q.trim() || !!filters.type || !!filters.maturity || !!filters.departement || !!filters.region;
}
