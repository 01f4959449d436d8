// The directory and search: results, facets, the map, the index's health, companies' offers and needs
// (apps/api/src/modules/directory).

export type SearchKind = 'company' | 'expert' | 'network' | 'opportunity' | 'event' | 'topic' | 'document';
export const SEARCH_KINDS: readonly SearchKind[] = ['company', 'expert', 'network', 'opportunity', 'event', 'topic', 'document'];
export type SearchSort = 'relevance' | 'name' | 'distance';
export const SEARCH_SORTS: readonly SearchSort[] = ['relevance', 'name', 'distance'];
export type SearchFacetName =
  | 'kind'
  | 'nafSection'
  | 'nafDivision'
  | 'departement'
  | 'region'
  | 'epci'
  | 'commune'
  | 'headcount'
  | 'network'
  | 'networkType'
  | 'maturity'
  | 'opportunityType'
  | 'deadline';
/**
 * The deadline facet's windows (Europe/Paris days): still open (deadline today or later), closing within 7 days,
 * within 30 days. They nest: ticking several keeps the widest.
 */
export type SearchDeadlineWindow = 'open' | '7d' | '30d';
export const SEARCH_DEADLINE_WINDOWS: readonly SearchDeadlineWindow[] = ['open', '7d', '30d'];
/** How many days from today each deadline window reaches (null: no end). */
export const SEARCH_DEADLINE_DAYS: Record<SearchDeadlineWindow, number | null> = { open: null, '7d': 7, '30d': 30 };
export const SEARCH_FACETS: readonly SearchFacetName[] = [
  'kind',
  'nafSection',
  'nafDivision',
  'departement',
  'region',
  'epci',
  'commune',
  'headcount',
  'network',
  'networkType',
  'maturity',
  'opportunityType',
  'deadline',
];

export interface SearchFacetValue {
  value: string;
  label: string;
  count: number;
}
export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  /** Sanitised HTML: the text is escaped, only `<mark>` elements remain. */
  highlights: { title?: string; body?: string };
  /** Card data: for companies siret, nafCode, nafLabel, communeName, logoUrl…; for experts jobTitle, skills… */
  data: Record<string, unknown>;
  location: { lat: number; lng: number } | null;
  distanceKm: number | null;
}
export interface SearchResponse {
  items: SearchHit[];
  total: number;
  page: number;
  pageSize: number;
  facets: Record<SearchFacetName, SearchFacetValue[]>;
  /** Set when no document matched every word and the results match some of them. */
  relaxed: boolean;
}
export interface SearchSuggestGroup {
  kind: SearchKind;
  items: SearchHit[];
}
export interface SearchSuggestResponse {
  groups: SearchSuggestGroup[];
}
/** One placed result on the map. */
export interface SearchMapPoint {
  kind: SearchKind;
  id: string;
  title: string;
  lat: number;
  lng: number;
}
/** `GET /search/map`: every placed result of a search (same parameters), up to `limit`. */
export interface SearchMapResponse {
  points: SearchMapPoint[];
  /** Matching results, placed or not. */
  total: number;
  /** More placed results exist than `points` holds. */
  truncated: boolean;
  /** The tile server the map draws its background from (a platform setting). */
  tiles: MapTiles;
}
export interface MapTiles {
  /** Leaflet address template (`{z}`, `{x}`, `{y}`, optionally `{s}`). */
  url: string;
  /** Plain-text credit and the page it links to. */
  attribution: string;
  attributionUrl: string;
}

/** The search index's health, for platform admins. */
export interface SearchIndexStatus {
  engine: 'postgres' | 'meilisearch';
  /** Outbox rows waiting to be pushed (including failing ones). */
  pending: number;
  /** Rows whose last push failed (retried with backoff). */
  failing: number;
  /** Age of the oldest waiting change: the index lag. */
  oldestSeconds: number | null;
}

export type OfferKind = 'offer' | 'need';
export const OFFER_KINDS: readonly OfferKind[] = ['offer', 'need'];
export interface CompanyOffer {
  id: string;
  companyId: string;
  kind: OfferKind;
  label: string;
  description: string | null;
  nafCodes: string[];
  skills: string[];
  territory: { communes: string[]; departements: string[]; regions: string[] };
  createdAt: string;
  updatedAt: string;
}
export interface CompanyOfferInput {
  kind: OfferKind;
  label: string;
  description?: string | null;
  nafCodes?: string[];
  skills?: string[];
  territory?: { communes?: string[]; departements?: string[]; regions?: string[] };
}
