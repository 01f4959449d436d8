import { SEARCH_DEADLINE_WINDOWS } from '@maillage/contracts';
import {
  MARK_END,
  MARK_START,
  cleanText,
  dayNumber,
  deadlineRange,
  haversineKm,
  parisDay,
  queryWords,
  sanitizeHighlight,
  splitNaf,
} from './search-text';
import {
  MAX_PAGE_SIZE,
  MAX_RESULT_WINDOW,
  type EngineHit,
  type EnginePoint,
  type EngineResult,
  type SearchDocument,
  type SearchEngine,
  type SearchFacetName,
  type SearchKind,
  type SearchQuery,
} from './search.types';

// The part of the official `meilisearch` client this engine uses (the package is ESM-only: it is
// loaded with a dynamic import at boot, and unit tests pass a fake object with this shape).
export interface MeiliTask {
  status: string;
  error?: { message: string; code?: string } | null;
}
export interface MeiliTaskPromise extends Promise<unknown> {
  waitTask(options?: { timeout?: number; interval?: number }): Promise<MeiliTask>;
}
export interface MeiliIndexLike {
  updateSettings(settings: Record<string, unknown>): MeiliTaskPromise;
  addDocuments(documents: Record<string, unknown>[], options?: { primaryKey?: string }): MeiliTaskPromise;
  deleteDocuments(params: string[] | { filter: string }): MeiliTaskPromise;
  search(q: string | null, params: Record<string, unknown>): Promise<MeiliSearchResponse>;
}
export interface MeiliHit {
  kind: SearchKind;
  id: string;
  title: string;
  visibility: 'public' | 'restricted';
  audience?: string[];
  payload?: Record<string, unknown>;
  _geo?: { lat: number | string; lng: number | string } | null;
  _geoDistance?: number;
  _formatted?: { title?: unknown; body?: unknown };
}
export interface MeiliSearchResponse {
  hits: MeiliHit[];
  totalHits?: number;
  estimatedTotalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
}
export interface MeiliClientLike {
  index(uid: string): MeiliIndexLike;
  createIndex(uid: string, options: { primaryKey: string }): MeiliTaskPromise;
}

/** Facet name → Meilisearch attribute. */
export const MEILI_FACETS: Record<SearchFacetName, string> = {
  kind: 'kind',
  nafSection: 'naf_section',
  nafDivision: 'naf_division',
  departement: 'departement',
  region: 'region',
  epci: 'epci',
  commune: 'commune',
  headcount: 'headcount',
  network: 'network_ids',
  networkType: 'network_type',
  maturity: 'maturity',
  opportunityType: 'opportunity_type',
  deadline: 'deadline_day',
};

/** The filter group a facet belongs to: a facet is counted without its own group's filter (disjunctive facets). */
const FACET_GROUP: Record<SearchFacetName, string> = { ...MEILI_FACETS, nafSection: 'naf', nafDivision: 'naf' };

/** Index settings applied at boot. */
export const MEILI_SETTINGS = {
  searchableAttributes: ['title', 'keywords', 'body'],
  displayedAttributes: ['kind', 'id', 'title', 'visibility', 'audience', 'payload', '_geo', 'body'],
  filterableAttributes: [
    'kind',
    'visibility',
    'audience',
    'naf_code',
    'naf_section',
    'naf_division',
    'departement',
    'region',
    'epci',
    'commune',
    'headcount',
    'network_ids',
    'network_type',
    'maturity',
    'opportunity_type',
    'deadline_day',
    '_geo',
  ],
  sortableAttributes: ['sort_name', '_geo'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  synonyms: {
    inox: ['inoxydable', 'acier inoxydable'],
    inoxydable: ['inox'],
    cnc: ['commande numérique'],
    pme: ['petite et moyenne entreprise'],
  },
  pagination: { maxTotalHits: MAX_RESULT_WINDOW },
  faceting: { maxValuesPerFacet: 100 },
};

const BATCH = 1000;
const WAIT = { timeout: 60_000, interval: 50 };

/** A quoted filter value: backslashes and double quotes escaped. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The filter of a query by group (built server-side from validated values only); `null` group: always applied. */
export function filterGroups(query: SearchQuery): { group: string | null; expression: string }[] {
  const groups: { group: string | null; expression: string }[] = [];
  const inList = (attribute: string, values: readonly string[]) => `${attribute} IN [${values.map(quote).join(', ')}]`;
  if (query.audience !== 'all') {
    groups.push({
      group: null,
      expression: query.audience.length ? `(visibility = "public" OR ${inList('audience', query.audience)})` : 'visibility = "public"',
    });
  }
  if (query.kinds?.length) groups.push({ group: 'kind', expression: inList('kind', query.kinds) });
  const f = query.filters ?? {};
  if (f.naf?.length) {
    const naf = splitNaf(f.naf);
    const ors = [
      naf.sections.length ? inList('naf_section', naf.sections) : null,
      naf.divisions.length ? inList('naf_division', naf.divisions) : null,
      naf.codes.length ? inList('naf_code', naf.codes) : null,
    ].filter(Boolean);
    groups.push({ group: 'naf', expression: ors.length ? `(${ors.join(' OR ')})` : 'kind IS NULL' });
  }
  const lists: [string[] | undefined, string][] = [
    [f.departement, 'departement'],
    [f.region, 'region'],
    [f.epci, 'epci'],
    [f.commune, 'commune'],
    [f.headcount, 'headcount'],
    [f.networkIds, 'network_ids'],
    [f.networkType, 'network_type'],
    [f.maturity, 'maturity'],
    [f.opportunityType, 'opportunity_type'],
  ];
  for (const [values, attribute] of lists) if (values?.length) groups.push({ group: attribute, expression: inList(attribute, values) });
  if (f.deadline?.length) {
    const today = query.today ?? parisDay();
    groups.push({ group: 'deadline_day', expression: `(${f.deadline.map((w) => deadlineExpression(w, today)).join(' OR ')})` });
  }
  if (query.near?.radiusKm !== undefined) {
    groups.push({ group: null, expression: `_geoRadius(${query.near.lat}, ${query.near.lng}, ${Math.round(query.near.radiusKm * 1000)})` });
  }
  return groups;
}

/** The documents whose deadline falls in a window (day numbers). */
export function deadlineExpression(window: (typeof SEARCH_DEADLINE_WINDOWS)[number], today: string): string {
  const { from, to } = deadlineRange(window, today);
  return Number.isFinite(to) ? `(deadline_day >= ${from} AND deadline_day <= ${to})` : `deadline_day >= ${from}`;
}

/** The whole filter expression of a query. */
export function buildFilter(query: SearchQuery, without?: string): string[] {
  return filterGroups(query)
    .filter((g) => without === undefined || g.group !== without)
    .map((g) => g.expression);
}

/**
 * Disjunctive facets: the facets whose group is filtered are counted by one more search each (no hits),
 * with every filter but their group's; the others come with the main search.
 */
export function facetSearches(query: SearchQuery): {
  main: SearchFacetName[];
  extra: { group: string; facets: SearchFacetName[]; filter: string[] }[];
} {
  const filtered = new Set(filterGroups(query).map((g) => g.group));
  const main: SearchFacetName[] = [];
  const extra = new Map<string, SearchFacetName[]>();
  // Deadline windows are counted by searches of their own (see deadlineSearches).
  for (const name of (query.facets ?? []).filter((f) => f !== 'deadline')) {
    const group = FACET_GROUP[name];
    if (filtered.has(group)) extra.set(group, [...(extra.get(group) ?? []), name]);
    else main.push(name);
  }
  return { main, extra: [...extra].map(([group, facets]) => ({ group, facets, filter: buildFilter(query, group) })) };
}

/** The deadline facet: one count-only search per window, with every filter but the deadline's. */
export function deadlineSearches(query: SearchQuery): { window: (typeof SEARCH_DEADLINE_WINDOWS)[number]; filter: string[] }[] {
  if (!(query.facets ?? []).includes('deadline')) return [];
  const today = query.today ?? parisDay();
  const others = buildFilter(query, 'deadline_day');
  return SEARCH_DEADLINE_WINDOWS.map((window) => ({ window, filter: [...others, deadlineExpression(window, today)] }));
}

/** The values a query selects for a facet (shown even when nothing matches them, so that they can be unticked). */
function selectedValues(query: SearchQuery, name: SearchFacetName): readonly string[] {
  const f = query.filters ?? {};
  const naf = splitNaf(f.naf);
  const selected: Record<SearchFacetName, readonly string[] | undefined> = {
    kind: query.kinds,
    nafSection: naf.sections,
    nafDivision: naf.divisions,
    departement: f.departement,
    region: f.region,
    epci: f.epci,
    commune: f.commune,
    headcount: f.headcount,
    network: f.networkIds,
    networkType: f.networkType,
    maturity: f.maturity,
    opportunityType: f.opportunityType,
    deadline: f.deadline,
  };
  return selected[name] ?? [];
}

/** The search parameters of a query. */
export function buildSearchParams(query: SearchQuery): { q: string; params: Record<string, unknown> } {
  const words = queryWords(query.q);
  const pageSize = Math.min(Math.max(query.pageSize ?? 20, 1), MAX_PAGE_SIZE);
  const page = Math.max(query.page ?? 1, 1);
  const sortBy = query.sort ?? (words.length ? 'relevance' : 'name');
  const sort =
    sortBy === 'distance' && query.near
      ? [`_geoPoint(${query.near.lat}, ${query.near.lng}):asc`]
      : sortBy === 'name' || !words.length
        ? ['sort_name:asc']
        : undefined;
  const params: Record<string, unknown> = {
    filter: buildFilter(query),
    page,
    hitsPerPage: pageSize,
    facets: facetSearches(query).main.map((f) => MEILI_FACETS[f]),
    matchingStrategy: 'last',
    attributesToRetrieve: ['kind', 'id', 'title', 'visibility', 'audience', 'payload', '_geo'],
  };
  if (sort) params.sort = sort;
  if (query.highlight !== false && words.length) {
    Object.assign(params, {
      attributesToHighlight: ['title'],
      attributesToCrop: ['body'],
      cropLength: 30,
      cropMarker: '…',
      highlightPreTag: MARK_START,
      highlightPostTag: MARK_END,
      attributesToRetrieve: ['kind', 'id', 'title', 'visibility', 'audience', 'payload', '_geo', 'body'],
    });
  }
  return { q: words.join(' '), params };
}

/** A document as stored in Meilisearch: primary key `uid` = kind_id. */
export function toMeiliDocument(d: SearchDocument): Record<string, unknown> {
  return {
    uid: `${d.kind}_${d.id}`,
    kind: d.kind,
    id: d.id,
    visibility: d.visibility,
    audience: d.audience,
    title: cleanText(d.title),
    keywords: d.keywords.map(cleanText),
    body: cleanText(d.body),
    sort_name: cleanText(d.title)
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase(),
    naf_code: d.facets.nafCode ?? null,
    naf_section: d.facets.nafSection ?? null,
    naf_division: d.facets.nafDivision ?? null,
    departement: d.facets.departement ?? null,
    region: d.facets.region ?? null,
    epci: d.facets.epci ?? null,
    commune: d.facets.commune ?? null,
    headcount: d.facets.headcount ?? null,
    network_ids: d.facets.networkIds ?? [],
    network_type: d.facets.networkType ?? null,
    maturity: d.facets.maturity ?? null,
    opportunity_type: d.facets.opportunityType ?? null,
    deadline_day: d.facets.deadline ? dayNumber(d.facets.deadline) : null,
    _geo: d.location ? { lat: d.location.lat, lng: d.location.lng } : null,
    payload: d.payload,
  };
}

/** Waits for a task and turns a failed or cancelled one into an error that names it. */
export async function awaitTask(what: string, task: MeiliTaskPromise): Promise<void> {
  const done = await task.waitTask(WAIT);
  if (done.status !== 'succeeded') {
    throw new Error(`Meilisearch ${what} ${done.status}: ${done.error?.message ?? 'no detail'}`);
  }
}

/** Meilisearch engine, selected by MEILI_URL: one index for every kind, filters built server-side. */
export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch' as const;

  constructor(
    private readonly client: MeiliClientLike,
    readonly indexUid = 'maillage',
  ) {}

  /** Loads the ESM-only client and connects. */
  static async connect(url: string, apiKey: string | undefined, indexUid: string): Promise<MeilisearchEngine> {
    const { Meilisearch } = await import('meilisearch');
    return new MeilisearchEngine(new Meilisearch({ host: url, apiKey }) as unknown as MeiliClientLike, indexUid);
  }

  private get target(): MeiliIndexLike {
    return this.client.index(this.indexUid);
  }

  async init(): Promise<void> {
    const created = await this.client.createIndex(this.indexUid, { primaryKey: 'uid' }).waitTask(WAIT);
    if (created.status !== 'succeeded' && created.error?.code !== 'index_already_exists') {
      throw new Error(`Meilisearch index creation ${created.status}: ${created.error?.message ?? 'no detail'}`);
    }
    await awaitTask('settings update', this.target.updateSettings(MEILI_SETTINGS));
  }

  async index(documents: SearchDocument[]): Promise<void> {
    for (let i = 0; i < documents.length; i += BATCH) {
      await awaitTask(
        'document addition',
        this.target.addDocuments(documents.slice(i, i + BATCH).map(toMeiliDocument), { primaryKey: 'uid' }),
      );
    }
  }

  async delete(kind: SearchKind, ids: string[]): Promise<void> {
    if (ids.length) await awaitTask('document deletion', this.target.deleteDocuments(ids.map((id) => `${kind}_${id}`)));
  }

  async clear(kind: SearchKind): Promise<void> {
    await awaitTask('kind deletion', this.target.deleteDocuments({ filter: `kind = ${quote(kind)}` }));
  }

  async search(query: SearchQuery): Promise<EngineResult> {
    const facetNames = query.facets ?? [];
    const emptyFacets = Object.fromEntries(facetNames.map((f) => [f, []]));
    const { q, params } = buildSearchParams(query);
    if (!q && query.q && query.q.trim() !== '') return { hits: [], total: 0, facets: emptyFacets, relaxed: false };
    const offset = ((params.page as number) - 1) * (params.hitsPerPage as number);
    if (offset >= MAX_RESULT_WINDOW) {
      params.page = 1;
      params.hitsPerPage = 0;
    }
    const { extra } = facetSearches(query);
    const windows = deadlineSearches(query);
    const [res, ...others] = await Promise.all([
      this.target.search(q || null, params),
      ...extra.map((e) =>
        this.target.search(q || null, {
          filter: e.filter,
          facets: e.facets.map((f) => MEILI_FACETS[f]),
          hitsPerPage: 0,
          matchingStrategy: 'last',
        }),
      ),
    ]);
    const windowTotals = await Promise.all(
      windows.map((w) =>
        this.target
          .search(q || null, { filter: w.filter, page: 1, hitsPerPage: 0, matchingStrategy: 'last' })
          .then((r) => r.totalHits ?? r.estimatedTotalHits ?? 0),
      ),
    );
    const distributions = Object.assign({}, ...others.map((o) => o.facetDistribution ?? {}), res.facetDistribution ?? {}) as Record<
      string,
      Record<string, number>
    >;
    const hits: EngineHit[] = offset >= MAX_RESULT_WINDOW ? [] : res.hits.map((h) => toHit(h, query.near));
    const facets: EngineResult['facets'] = {};
    for (const name of facetNames) {
      if (name === 'deadline') {
        const selected = selectedValues(query, name);
        facets.deadline = windows
          .map((w, i) => ({ value: w.window as string, count: windowTotals[i] }))
          .filter((v) => v.count > 0 || selected.includes(v.value));
        continue;
      }
      const distribution: Record<string, number> = distributions[MEILI_FACETS[name]] ?? {};
      const values = Object.entries(distribution)
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
        .slice(0, 50);
      for (const value of selectedValues(query, name))
        if (!values.some((v) => v.value === value)) values.push({ value, count: distribution[value] ?? 0 });
      facets[name] = values;
    }
    return { hits, total: res.totalHits ?? res.estimatedTotalHits ?? 0, facets, relaxed: false };
  }

  async suggest(query: SearchQuery & { kinds: SearchKind[] }, perKind: number): Promise<Partial<Record<SearchKind, EngineHit[]>>> {
    const results = await Promise.all(
      query.kinds.map((kind) => this.search({ ...query, kinds: [kind], page: 1, pageSize: perKind, facets: [] })),
    );
    return Object.fromEntries(query.kinds.map((kind, i) => [kind, results[i].hits]));
  }

  async points(query: SearchQuery, limit: number): Promise<{ total: number; points: EnginePoint[] }> {
    const { q, params } = buildPointsParams(query, limit);
    if (!q && query.q && query.q.trim() !== '') return { total: 0, points: [] };
    const res = await this.target.search(q || null, params);
    const points = res.hits
      .filter((h): h is typeof h & { _geo: NonNullable<typeof h._geo> } => Boolean(h._geo))
      .map((h) => ({
        kind: h.kind,
        id: h.id,
        title: h.title,
        lat: Number(h._geo.lat),
        lng: Number(h._geo.lng),
        visibility: h.visibility,
        audience: h.audience ?? [],
      }));
    return { total: res.totalHits ?? res.estimatedTotalHits ?? 0, points };
  }
}

/** Map points: the same filters, name order, only what a marker needs. */
export function buildPointsParams(query: SearchQuery, limit: number): { q: string; params: Record<string, unknown> } {
  const { q } = buildSearchParams(query);
  return {
    q,
    params: {
      filter: buildFilter(query),
      page: 1,
      hitsPerPage: Math.min(limit, MAX_RESULT_WINDOW),
      sort: ['sort_name:asc'],
      matchingStrategy: 'last',
      attributesToRetrieve: ['kind', 'id', 'title', 'visibility', 'audience', '_geo'],
    },
  };
}

function toHit(h: MeiliHit, near: SearchQuery['near']): EngineHit {
  const formatted = h._formatted ?? {};
  const hasMark = (s: unknown): s is string => typeof s === 'string' && s.includes(MARK_START);
  return {
    kind: h.kind,
    id: h.id,
    title: h.title,
    visibility: h.visibility,
    audience: h.audience ?? [],
    payload: h.payload ?? {},
    location: h._geo ? { lat: Number(h._geo.lat), lng: Number(h._geo.lng) } : null,
    distanceKm:
      typeof h._geoDistance === 'number'
        ? Math.round(h._geoDistance / 100) / 10
        : near && h._geo
          ? Math.round(haversineKm(near, { lat: Number(h._geo.lat), lng: Number(h._geo.lng) }) * 10) / 10
          : null,
    highlights: {
      ...(hasMark(formatted.title) ? { title: sanitizeHighlight(formatted.title) } : {}),
      ...(hasMark(formatted.body) ? { body: sanitizeHighlight(formatted.body) } : {}),
    },
  };
}
