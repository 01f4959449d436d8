import type { SearchDeadlineWindow, SearchFacetName, SearchKind, SearchSort } from '@maillage/contracts';

export type { SearchDeadlineWindow, SearchFacetName, SearchKind, SearchSort };

/** Who may see restricted documents: 'all' (platform admins) or the viewer's audience keys. */
export type SearchAudience = 'all' | readonly string[];

/** A document as every engine receives it; built by the module that owns the data (a SearchSource). */
export interface SearchDocument {
  kind: SearchKind;
  id: string;
  /** 'public', or 'restricted': only viewers holding one of `audience`'s keys find it. */
  visibility: 'public' | 'restricted';
  audience: string[];
  title: string;
  /** Short tags weighted between the title and the body (skills, offers, NAF label). */
  keywords: string[];
  body: string;
  facets: {
    nafCode?: string | null;
    nafSection?: string | null;
    nafDivision?: string | null;
    departement?: string | null;
    region?: string | null;
    epci?: string | null;
    commune?: string | null;
    headcount?: string | null;
    /** Networks the item belongs to (membership facet): public networks' memberships only. */
    networkIds?: string[];
    networkType?: string | null;
    maturity?: string | null;
    /** An opportunity's type. */
    opportunityType?: string | null;
    /** An opportunity's deadline, a Europe/Paris day (YYYY-MM-DD): counted and filtered by window from the query's `today`. */
    deadline?: string | null;
  };
  location: { lat: number; lng: number } | null;
  /** Card data returned with hits as is. */
  payload: Record<string, unknown>;
}

export interface SearchFilters {
  /** NAF section letters ('C'), divisions ('25') or sub-classes ('25.62B'). */
  naf?: string[];
  departement?: string[];
  region?: string[];
  epci?: string[];
  commune?: string[];
  headcount?: string[];
  networkIds?: string[];
  networkType?: string[];
  maturity?: string[];
  opportunityType?: string[];
  /** Deadline windows (documents with a deadline only); they nest, so several mean the widest. */
  deadline?: SearchDeadlineWindow[];
}

export interface SearchQuery {
  q?: string;
  kinds?: SearchKind[];
  filters?: SearchFilters;
  /** Centre for distance sort and radius; radiusKm filters. */
  near?: { lat: number; lng: number; radiusKm?: number };
  sort?: SearchSort;
  page?: number;
  pageSize?: number;
  facets?: SearchFacetName[];
  highlight?: boolean;
  /** false: the total is not counted (search as you type); `total` is then a lower bound. */
  withTotal?: boolean;
  audience: SearchAudience;
  /** The Europe/Paris day deadline windows start from (YYYY-MM-DD); default the current one. */
  today?: string;
}

export interface EngineHit {
  kind: SearchKind;
  id: string;
  title: string;
  visibility: 'public' | 'restricted';
  audience: string[];
  payload: Record<string, unknown>;
  location: { lat: number; lng: number } | null;
  distanceKm: number | null;
  /** Sanitised (see sanitizeHighlight). */
  highlights: { title?: string; body?: string };
}

export interface EngineResult {
  hits: EngineHit[];
  total: number;
  /** Raw counts per facet value (labels are added by the caller). */
  facets: Partial<Record<SearchFacetName, { value: string; count: number }[]>>;
  /** No document had every word: results match some of them. */
  relaxed: boolean;
}

/** The search engine (DESIGN §6): PostgreSQL by default, Meilisearch with MEILI_URL. Both pass the same contract suite. */
export interface SearchEngine {
  readonly name: 'postgres' | 'meilisearch';
  /** Applies settings (Meilisearch) or checks the schema; called at boot. */
  init(): Promise<void>;
  /**
   * Inserts or replaces documents; resolves once the engine has applied them (throws otherwise).
   * `bulk`: part of a full rebuild (after clearAll, before optimize), which may defer derived work.
   */
  index(documents: SearchDocument[], options?: { bulk?: boolean }): Promise<void>;
  /** Removes documents; unknown ids are ignored. */
  delete(kind: SearchKind, ids: string[]): Promise<void>;
  /** Removes every document of a kind (reindex). */
  clear(kind: SearchKind): Promise<void>;
  /** Before a full rebuild: removes everything, derived data included (the typo dictionary). */
  clearAll?(): Promise<void>;
  /** After a full rebuild: refreshes statistics. */
  optimize?(): Promise<void>;
  search(query: SearchQuery): Promise<EngineResult>;
  /** Search as you type: the best `perKind` hits of each of `query.kinds` (no facets, no total). */
  suggest(query: SearchQuery & { kinds: SearchKind[] }, perKind: number): Promise<Partial<Record<SearchKind, EngineHit[]>>>;
  /** The placed documents matching a query (its paging ignored), in name order, at most `limit`; restricted ones carry their audience. */
  points(query: SearchQuery, limit: number): Promise<{ total: number; points: EnginePoint[] }>;
}

export interface EnginePoint {
  kind: SearchKind;
  id: string;
  title: string;
  lat: number;
  lng: number;
  visibility: 'public' | 'restricted';
  audience: string[];
}

export const SEARCH_ENGINE = Symbol('SEARCH_ENGINE');

export const MAX_PAGE_SIZE = 100;
/** Results past this rank are not served (as Meilisearch's maxTotalHits): huge pages are empty. */
export const MAX_RESULT_WINDOW = 10_000;
