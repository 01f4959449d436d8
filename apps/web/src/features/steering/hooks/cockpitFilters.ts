// The cockpit's filters and sort, kept in the URL (shareable, back button): parse, write, and turn into the API's query.
import {
  COCKPIT_ALERT_FILTERS,
  COCKPIT_SORTS,
  NETWORK_MATURITIES,
  NETWORK_TYPES,
  type CockpitAlertFilter,
  type CockpitQuery,
  type CockpitSort,
  type NetworkMaturity,
  type NetworkType,
  type SortOrder,
} from '@maillage/contracts';

export const COCKPIT_PAGE_SIZE = 50;
const MAX_PAGE = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CockpitFilters {
  q: string;
  type: NetworkType | null;
  maturity: NetworkMaturity | null;
  departement: string | null;
  animatorId: string | null;
  alert: CockpitAlertFilter | null;
  sort: CockpitSort;
  order: SortOrder;
  page: number;
}

/** Alerts first: the networks that need attention come to the top of the list by default. */
export const DEFAULT_SORT: { sort: CockpitSort; order: SortOrder } = { sort: 'lastActivity', order: 'asc' };

export const EMPTY_COCKPIT_FILTERS: CockpitFilters = {
  q: '',
  type: null,
  maturity: null,
  departement: null,
  animatorId: null,
  alert: null,
  ...DEFAULT_SORT,
  page: 1,
};

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.includes(value as T) ? (value as T) : null;
}

/** Reads the filters from the URL; anything unknown falls back to its default. */
export function cockpitFiltersFromParams(params: URLSearchParams): CockpitFilters {
  const page = Number(params.get('page'));
  const departement = params.get('departement');
  const animator = params.get('animateur');
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    type: oneOf(NETWORK_TYPES, params.get('type')),
    maturity: oneOf(NETWORK_MATURITIES, params.get('maturite')),
    departement: departement && /^(\d{2}|2A|2B|97[1-6])$/.test(departement) ? departement : null,
    animatorId: animator && UUID.test(animator) ? animator : null,
    alert: oneOf(COCKPIT_ALERT_FILTERS, params.get('alerte')),
    sort: oneOf(COCKPIT_SORTS, params.get('tri')) ?? DEFAULT_SORT.sort,
    order: oneOf(['asc', 'desc'] as const, params.get('ordre')) ?? DEFAULT_SORT.order,
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
  };
}

/** Writes the filters into URL parameters, leaving defaults out. */
export function cockpitFiltersToParams(filters: CockpitFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.type) params.set('type', filters.type);
  if (filters.maturity) params.set('maturite', filters.maturity);
  if (filters.departement) params.set('departement', filters.departement);
  if (filters.animatorId) params.set('animateur', filters.animatorId);
  if (filters.alert) params.set('alerte', filters.alert);
  if (filters.sort !== DEFAULT_SORT.sort || filters.order !== DEFAULT_SORT.order) {
    params.set('tri', filters.sort);
    params.set('ordre', filters.order);
  }
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

export function hasCockpitFilters(filters: CockpitFilters): boolean {
  return !!(filters.q.trim() || filters.type || filters.maturity || filters.departement || filters.animatorId || filters.alert);
}

export function cockpitFiltersToQuery(filters: CockpitFilters): CockpitQuery {
  return {
    q: filters.q.trim() || undefined,
    type: filters.type ?? undefined,
    maturity: filters.maturity ?? undefined,
    departement: filters.departement ?? undefined,
    animatorId: filters.animatorId ?? undefined,
    alert: filters.alert ?? undefined,
    sort: filters.sort,
    order: filters.order,
    page: filters.page,
    pageSize: COCKPIT_PAGE_SIZE,
  };
}

/** Names in alphabetical order, the oldest activity first (dormant networks on top), figures biggest first. */
export function defaultOrder(sort: CockpitSort): SortOrder {
  return sort === 'name' || sort === 'type' || sort === 'lastActivity' ? 'asc' : 'desc';
}

/** A click on a column's header: the same column flips the order; another one sorts by it in its natural order. */
export function nextSort(filters: Pick<CockpitFilters, 'sort' | 'order'>, sort: CockpitSort): Pick<CockpitFilters, 'sort' | 'order'> {
  if (filters.sort === sort) return { sort, order: filters.order === 'asc' ? 'desc' : 'asc' };
  return { sort, order: defaultOrder(sort) };
}
