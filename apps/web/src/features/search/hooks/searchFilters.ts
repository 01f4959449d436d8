// The directory's filters, kept in the URL so that a search can be shared: parse, write, and
// translate them into the API's query parameters.
import type { SearchSort } from '@maillage/contracts';
import type { Query } from '../../../lib/api';

/** The kinds the directory shows as tabs. */
export const DIRECTORY_KINDS = ['company', 'expert', 'network', 'opportunity', 'topic', 'document'] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

/** Multi-valued filters: URL parameter = API parameter, values joined with commas. */
export const LIST_FILTERS = [
  'naf',
  'region',
  'departement',
  'epci',
  'commune',
  'headcount',
  'network',
  'networkType',
  'maturity',
  'opportunityType',
  'deadline',
] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

/** The filters that apply to each kind (experts have no activity or place; networks have a type and a maturity; opportunities a type and a deadline). */
export const KIND_FILTERS: Record<DirectoryKind, readonly ListFilter[]> = {
  company: ['naf', 'region', 'departement', 'epci', 'commune', 'headcount', 'network'],
  expert: [],
  network: ['networkType', 'maturity', 'region', 'departement', 'naf'],
  opportunity: ['opportunityType', 'deadline', 'naf', 'region', 'departement'],
  topic: [],
  document: [],
};

export const RADIUS_OPTIONS = [5, 10, 20, 30, 50, 100, 200] as const;
export const SORTS: readonly SearchSort[] = ['relevance', 'name', 'distance'];
export const RESULTS_PAGE_SIZE = 20;
/** The map shows many more points than a list page. */
const MAX_PAGE = 1000;
const MAX_VALUES = 20;

export type SearchView = 'list' | 'map';

export interface SearchFilters extends Record<ListFilter, string[]> {
  q: string;
  kind: DirectoryKind;
  /** INSEE code of the commune the radius and distances are measured from. */
  near: string | null;
  radiusKm: number | null;
  sort: SearchSort;
  page: number;
  view: SearchView;
}

export const EMPTY_FILTERS: SearchFilters = {
  q: '',
  kind: 'company',
  naf: [],
  region: [],
  departement: [],
  epci: [],
  commune: [],
  headcount: [],
  network: [],
  networkType: [],
  maturity: [],
  opportunityType: [],
  deadline: [],
  near: null,
  radiusKm: null,
  sort: 'relevance',
  page: 1,
  view: 'list',
};

/** Codes, network types and network ids. */
const CODE = /^[0-9A-Za-z._-]{1,40}$/;

function list(params: URLSearchParams, key: string): string[] {
  const values = params
    .getAll(key)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => CODE.test(v));
  return [...new Set(values)].slice(0, MAX_VALUES);
}

function positiveInt(value: string | null, max: number): number | null {
  if (!value || !/^\d{1,4}$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 && n <= max ? n : null;
}

/** Reads the filters from the URL; anything unknown or malformed falls back to its default. */
export function filtersFromParams(params: URLSearchParams): SearchFilters {
  const kind = params.get('kind');
  const sort = params.get('sort');
  const near = params.get('near');
  const hasNear = !!near && /^(\d{5}|2[AB]\d{3})$/.test(near);
  const radius = positiveInt(params.get('radius'), 1000);
  const filters: SearchFilters = {
    ...EMPTY_FILTERS,
    q: (params.get('q') ?? '').slice(0, 200),
    kind: (DIRECTORY_KINDS as readonly string[]).includes(kind ?? '') ? (kind as DirectoryKind) : 'company',
    near: hasNear ? near : null,
    radiusKm: hasNear ? radius : null,
    sort: SORTS.includes(sort as SearchSort) ? (sort as SearchSort) : 'relevance',
    page: positiveInt(params.get('page'), MAX_PAGE) ?? 1,
    view: params.get('view') === 'map' ? 'map' : 'list',
  };
  for (const key of LIST_FILTERS) filters[key] = list(params, key);
  // Distances need a centre.
  if (filters.sort === 'distance' && !filters.near) filters.sort = 'relevance';
  return filters;
}

/** Writes the filters into URL parameters, leaving defaults out (short, stable URLs). */
export function filtersToParams(filters: SearchFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.kind !== EMPTY_FILTERS.kind) params.set('kind', filters.kind);
  for (const key of LIST_FILTERS) if (filters[key].length) params.set(key, filters[key].join(','));
  if (filters.near) {
    params.set('near', filters.near);
    if (filters.radiusKm) params.set('radius', String(filters.radiusKm));
  }
  if (filters.sort !== 'relevance' && (filters.sort !== 'distance' || filters.near)) params.set('sort', filters.sort);
  if (filters.page > 1) params.set('page', String(filters.page));
  if (filters.view !== 'list') params.set('view', filters.view);
  return params;
}

/** The API's query: only the filters of the kind shown (see KIND_FILTERS); a radius for companies only. */
export function filtersToQuery(filters: SearchFilters): Query {
  const companies = filters.kind === 'company';
  const query: Query = {
    q: filters.q.trim() || undefined,
    kind: filters.kind,
    sort: filters.sort === 'relevance' ? undefined : filters.sort,
    page: filters.page,
    pageSize: RESULTS_PAGE_SIZE,
  };
  for (const key of KIND_FILTERS[filters.kind]) if (filters[key].length) query[key] = filters[key].join(',');
  if (companies) {
    if (filters.near) {
      query.near = filters.near;
      query.radiusKm = filters.radiusKm ?? undefined;
    }
  } else if (filters.sort !== 'name') {
    query.sort = undefined;
  }
  return query;
}

/** Whether anything narrows the results (beyond the words typed). */
export function hasNarrowingFilters(filters: SearchFilters): boolean {
  return KIND_FILTERS[filters.kind].some((key) => filters[key].length > 0) || filters.radiusKm !== null;
}

/** The path of the results page for some words. */
export function searchPath(q: string): string {
  const params = filtersToParams({ ...EMPTY_FILTERS, q });
  const search = params.toString();
  return `/recherche${search ? `?${search}` : ''}`;
}
