import { distancesFrom, splitNaf } from './search-text';
import type { SearchAudience, SearchFacetName, SearchFilters, SearchKind, SearchSort } from './search.types';

/** The facet columns kept in memory, one small integer code per document each (0: none). */
export const FACET_FIELDS = [
  'kind',
  'nafCode',
  'nafSection',
  'nafDivision',
  'departement',
  'region',
  'epci',
  'commune',
  'headcount',
  'networkType',
  'maturity',
] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

/** One document as the store receives it (from `search_index`). */
export interface StoreRow {
  ord: number;
  kind: SearchKind;
  restricted: boolean;
  audience: string[];
  /** Folded title: sort by name and relevance tie-breaks. */
  name: string;
  fields: Record<Exclude<FacetField, 'kind'>, string | null>;
  networkIds: string[];
  lat: number | null;
  lng: number | null;
}

/** A filter group: a document passes it when one of its values matches (OR inside a group, AND between groups). */
type Group = 'kind' | 'naf' | 'departement' | 'region' | 'epci' | 'commune' | 'headcount' | 'network' | 'networkType' | 'maturity';

/** Which filter group a facet belongs to: its own group is ignored when counting it (disjunctive facets). */
const FACET_GROUP: Record<SearchFacetName, Group> = {
  kind: 'kind',
  nafSection: 'naf',
  nafDivision: 'naf',
  departement: 'departement',
  region: 'region',
  epci: 'epci',
  commune: 'commune',
  headcount: 'headcount',
  network: 'network',
  networkType: 'networkType',
  maturity: 'maturity',
};
const FACET_FIELD: Record<Exclude<SearchFacetName, 'network'>, FacetField> = {
  kind: 'kind',
  nafSection: 'nafSection',
  nafDivision: 'nafDivision',
  departement: 'departement',
  region: 'region',
  epci: 'epci',
  commune: 'commune',
  headcount: 'headcount',
  networkType: 'networkType',
  maturity: 'maturity',
};
const MAX_FACET_VALUES = 50;
const GROUP_INDEX: Record<Group, number> = { kind: 0, naf: 1, departement: 2, region: 3, epci: 4, commune: 5, headcount: 6, network: 7, networkType: 8, maturity: 9 };
const ALIVE = 1;
const RESTRICTED = 2;
const NETWORKS = 4;

export interface StoreQuery {
  kinds?: readonly SearchKind[];
  filters?: SearchFilters;
  near?: { lat: number; lng: number; radiusKm?: number };
  audience: SearchAudience;
  facets: readonly SearchFacetName[];
  sort: SearchSort;
  /** Documents matching the words (null: no words, every document). */
  matches: Iterable<number> | null;
  /** Relevance tier per matching document (lower first); absent: last tier. */
  tier?: (ord: number, name: string) => number;
  offset: number;
  limit: number;
  /** The page holds placed documents only (the map); `placed` then counts them. */
  placedOnly?: boolean;
}

export interface StoreResult {
  /** The page, in order. */
  ords: number[];
  distances: Map<number, number>;
  total: number;
  /** With `placedOnly`: how many matching documents are placed. */
  placed?: number;
  facets: Partial<Record<SearchFacetName, { value: string; count: number }[]>>;
}

/** A name's first three UTF-16 code units as one exact number, ordered like the strings they start. */
function nameKey(name: string): number {
  return (name.charCodeAt(0) || 0) * 2 ** 32 + (name.charCodeAt(1) || 0) * 2 ** 16 + (name.charCodeAt(2) || 0);
}

/** The first `n` of `items` in the order `before`, without sorting them all (a bounded insertion buffer). */
function firstOf(items: readonly number[], n: number, before: (a: number, b: number) => boolean): number[] {
  const best: number[] = [];
  for (const item of items) {
    if (best.length === n && !before(item, best[n - 1])) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(item, best[mid])) hi = mid;
      else lo = mid + 1;
    }
    best.splice(lo, 0, item);
    if (best.length > n) best.pop();
  }
  return best;
}

/** A value dictionary: strings ↔ small integers (0 is "none"). */
class Dictionary {
  readonly values: string[] = [''];
  private readonly codes = new Map<string, number>();
  code(value: string | null | undefined): number {
    if (value === null || value === undefined || value === '') return 0;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.push(value) - 1;
      this.codes.set(value, code);
    }
    return code;
  }
  find(value: string): number {
    return this.codes.get(value) ?? -1;
  }
}

/**
 * The facet side of the PostgreSQL engine, in memory: every document's facet codes, place, audience and
 * folded name in typed arrays indexed by `search_index.ord`. Counting facets (disjunctively: each facet
 * ignores its own filter), filtering, radius and sorting by name or distance are then loops over
 * integers, exact at any volume; the WordIndex answers the words, PostgreSQL the page's display rows.
 */
export class FacetStore {
  private size = 0;
  /** Per document: ALIVE, RESTRICTED (look its audience up), NETWORKS (look its networks up). */
  private flags = new Uint8Array(0);
  private columns = new Map<FacetField, Uint32Array>();
  private lat = new Float64Array(0);
  private lng = new Float64Array(0);
  private names: string[] = [];
  /** The first three characters of each name as one number: most name comparisons are then numeric. */
  private nameKeys = new Float64Array(0);
  private readonly dictionaries = new Map<FacetField | 'network', Dictionary>();
  /** Only restricted documents have an audience (most are public). */
  private readonly audiences = new Map<number, string[]>();
  private readonly networks = new Map<number, number[]>();
  /** Reused between queries (they run one at a time): sort keys, and distances from the query's point. */
  private scratch = new Float64Array(0);
  private distanceScratch = new Float64Array(0);
  count = 0;

  constructor() {
    for (const field of [...FACET_FIELDS, 'network' as const]) this.dictionaries.set(field, new Dictionary());
    this.grow(1024);
  }

  private grow(min: number) {
    if (min <= this.size) return;
    const size = Math.max(min, this.size * 2);
    const copy = <T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.flags = copy(this.flags, (n) => new Uint8Array(n));
    this.lat = copy(this.lat, (n) => new Float64Array(n));
    this.lng = copy(this.lng, (n) => new Float64Array(n));
    this.nameKeys = copy(this.nameKeys, (n) => new Float64Array(n));
    // 32-bit codes everywhere: one array type keeps the query loop monomorphic (communes exceed 65,535 values anyway).
    for (const field of FACET_FIELDS) this.columns.set(field, copy(this.columns.get(field) ?? new Uint32Array(0), (n) => new Uint32Array(n)));
    this.size = size;
  }

  upsert(row: StoreRow): void {
    this.grow(row.ord + 1);
    if (!(this.flags[row.ord] & ALIVE)) this.count += 1;
    this.flags[row.ord] = ALIVE | (row.restricted ? RESTRICTED : 0) | (row.networkIds.length ? NETWORKS : 0);
    this.column('kind')[row.ord] = this.dictionaries.get('kind')!.code(row.kind);
    for (const field of FACET_FIELDS) {
      if (field !== 'kind') this.column(field)[row.ord] = this.dictionaries.get(field)!.code(row.fields[field]);
    }
    this.lat[row.ord] = row.lat ?? NaN;
    this.lng[row.ord] = row.lng ?? NaN;
    // A leading space: words are found at word starts with includes(' ' + word).
    this.names[row.ord] = ` ${row.name}`;
    this.nameKeys[row.ord] = nameKey(row.name);
    if (row.restricted) this.audiences.set(row.ord, row.audience);
    else this.audiences.delete(row.ord);
    const network = this.dictionaries.get('network')!;
    if (row.networkIds.length) this.networks.set(row.ord, row.networkIds.map((id) => network.code(id)));
    else this.networks.delete(row.ord);
  }

  remove(ord: number): void {
    if (ord >= this.size || !(this.flags[ord] & ALIVE)) return;
    this.flags[ord] = 0;
    this.count -= 1;
    this.names[ord] = '';
    this.audiences.delete(ord);
    this.networks.delete(ord);
  }

  private column(field: FacetField): Uint32Array {
    return this.columns.get(field)!;
  }

  /** A lookup table by value code of the wanted values of a field (unknown values match nothing); null: no filter. */
  private codes(field: FacetField | 'network', values: readonly string[] | undefined): Uint8Array | null {
    if (!values?.length) return null;
    const dictionary = this.dictionaries.get(field)!;
    const wanted = new Uint8Array(dictionary.values.length);
    for (const value of values) {
      const code = dictionary.find(value);
      if (code > 0) wanted[code] = 1;
    }
    return wanted;
  }

  query(q: StoreQuery): StoreResult {
    const f = q.filters ?? {};
    const naf = splitNaf(f.naf);
    const group = (g: Group) => GROUP_INDEX[g];
    // Filters: plain column tests (a lookup table by value code), and the two special ones (NAF levels, networks).
    const columnTests: { column: Uint32Array; wanted: Uint8Array; group: number }[] = [];
    const otherTests: { group: number; pass: (ord: number) => boolean }[] = [];
    const field = (g: Group, name: FacetField, values: readonly string[] | undefined) => {
      const wanted = this.codes(name, values);
      if (wanted) columnTests.push({ column: this.column(name), wanted, group: group(g) });
    };
    field('kind', 'kind', q.kinds);
    if (f.naf?.length) {
      const none = new Uint8Array(1);
      const sections = this.codes('nafSection', naf.sections) ?? none;
      const divisions = this.codes('nafDivision', naf.divisions) ?? none;
      const codes = this.codes('nafCode', naf.codes) ?? none;
      const [s, d, c] = [this.column('nafSection'), this.column('nafDivision'), this.column('nafCode')];
      otherTests.push({ group: group('naf'), pass: (ord) => sections[s[ord]] === 1 || divisions[d[ord]] === 1 || codes[c[ord]] === 1 });
    }
    field('departement', 'departement', f.departement);
    field('region', 'region', f.region);
    field('epci', 'epci', f.epci);
    field('commune', 'commune', f.commune);
    field('headcount', 'headcount', f.headcount);
    field('networkType', 'networkType', f.networkType);
    field('maturity', 'maturity', f.maturity);
    const flags = this.flags;
    const wantedNetworks = this.codes('network', f.networkIds);
    if (wantedNetworks) {
      otherTests.push({ group: group('network'), pass: (ord) => (flags[ord] & NETWORKS) !== 0 && this.networks.get(ord)!.some((n) => wantedNetworks[n] === 1) });
    }

    // Facet counters: one array of counts per facet, indexed by value code (the membership facet apart: several values).
    const counted = q.facets.filter((name) => name !== 'network') as Exclude<SearchFacetName, 'network'>[];
    const counterColumns = counted.map((name) => this.column(FACET_FIELD[name]));
    const counterCounts = counted.map((name) => new Uint32Array(this.dictionaries.get(FACET_FIELD[name])!.values.length));
    const counterGroups = counted.map((name) => group(FACET_GROUP[name]));
    const networkCounts = q.facets.includes('network') ? new Uint32Array(this.dictionaries.get('network')!.values.length) : null;
    const networkGroup = group('network');
    const nColumnTests = columnTests.length;
    const countNetworks = (ords: number[]) => {
      if (networkCounts) for (const ord of ords) if (flags[ord] & NETWORKS) for (const code of this.networks.get(ord)!) networkCounts[code]++;
    };

    const audience = q.audience;
    const near = q.near;
    const radius = near?.radiusKm;
    const latSpan = radius !== undefined ? radius / 111.2 : 0;
    if (near && this.distanceScratch.length < this.size) this.distanceScratch = new Float64Array(this.size);
    const distance = this.distanceScratch;
    const distanceTo = near ? distancesFrom(near) : null;
    const matched: number[] = [];
    /** By filter group: the documents that fail that group only (counted in its own facets, disjunctively). */
    const nearMisses: number[][] = [];
    const counting = q.facets.length > 0;
    const size = this.size;
    const lats = this.lat;
    const consider = (ord: number) => {
      if (ord >= size) return;
      const flag = flags[ord];
      if (!(flag & ALIVE)) return;
      if (flag & RESTRICTED && audience !== 'all' && !this.audiences.get(ord)!.some((k) => audience.includes(k))) return;
      if (near) {
        const lat = lats[ord];
        if (Number.isNaN(lat)) {
          if (radius !== undefined) return;
          distance[ord] = Infinity;
        } else {
          if (radius !== undefined && Math.abs(lat - near.lat) > latSpan) return;
          const d = distanceTo!(lat, this.lng[ord]);
          if (radius !== undefined && d > radius) return;
          distance[ord] = d;
        }
      }
      // The group that fails (at most one: a document failing two groups is counted nowhere, one failing
      // a single group only in the facets of that group).
      let failed = -1;
      for (let i = 0; i < nColumnTests; i++) {
        const test = columnTests[i];
        if (test.wanted[test.column[ord]] !== 1) {
          if (failed >= 0) return;
          failed = test.group;
        }
      }
      for (const test of otherTests) {
        if (!test.pass(ord)) {
          if (failed >= 0) return;
          failed = test.group;
        }
      }
      if (failed < 0) matched.push(ord);
      else if (counting) (nearMisses[failed] ??= []).push(ord);
    };
    if (q.matches) for (const ord of q.matches) consider(ord);
    else for (let ord = 0; ord < size; ord++) consider(ord);
    // Then the counts, one facet at a time (tight loops over one column).
    const count = (counts: Uint32Array, column: Uint32Array, ords: number[] | undefined) => {
      if (ords) for (let i = 0; i < ords.length; i++) counts[column[ords[i]]]++;
    };
    counted.forEach((_, i) => {
      count(counterCounts[i], counterColumns[i], matched);
      count(counterCounts[i], counterColumns[i], nearMisses[counterGroups[i]]);
    });
    countNetworks(matched);
    countNetworks(nearMisses[networkGroup] ?? []);

    const counters = [
      ...counted.map((name, i) => ({ name: name as SearchFacetName, counts: counterCounts[i] })),
      ...(networkCounts ? [{ name: 'network' as SearchFacetName, counts: networkCounts }] : []),
    ];
    const facets: StoreResult['facets'] = {};
    const selected = (name: SearchFacetName): readonly string[] => {
      switch (FACET_GROUP[name]) {
        case 'kind':
          return q.kinds ?? [];
        case 'naf':
          return name === 'nafSection' ? naf.sections : naf.divisions;
        case 'network':
          return f.networkIds ?? [];
        default:
          return (f[FACET_GROUP[name] as keyof SearchFilters] as string[] | undefined) ?? [];
      }
    };
    for (const counter of counters) {
      const dictionary = this.dictionaries.get(counter.name === 'network' ? 'network' : FACET_FIELD[counter.name as Exclude<SearchFacetName, 'network'>])!;
      const { counts } = counter;
      const names = dictionary.values;
      const present: number[] = [];
      // Code 0 is "none".
      for (let code = 1; code < counts.length; code++) if (counts[code]) present.push(code);
      // Most frequent first; values are ASCII codes: a plain comparison breaks ties (localeCompare is slow over thousands of communes).
      const top = firstOf(present, MAX_FACET_VALUES, (a, b) => (counts[a] !== counts[b] ? counts[a] > counts[b] : names[a] < names[b])).map((code) => ({
        value: names[code],
        count: counts[code],
      }));
      // A selected value always shows (with 0 when nothing matches it), so that it can be unticked.
      for (const value of selected(counter.name)) if (!top.some((v) => v.value === value)) top.push({ value, count: counter.counts[dictionary.find(value)] ?? 0 });
      facets[counter.name] = top;
    }

    // Distances of the page's placed documents only.
    const result = (ords: number[]) => ({ ords, distances: new Map(near ? ords.filter((o) => distance[o] !== Infinity).map((o) => [o, distance[o]]) : []) });
    if (q.placedOnly) {
      const placed = matched.filter((ord) => !Number.isNaN(this.lat[ord]));
      return { ...result(this.page(placed, q, distance)), total: matched.length, placed: placed.length, facets };
    }
    return { ...result(this.page(matched, q, distance)), total: matched.length, facets };
  }

  /** The page of `matched` in the requested order. */
  private page(matched: number[], q: StoreQuery, distance: Float64Array): number[] {
    const want = q.offset + q.limit;
    if (q.limit <= 0 || q.offset >= matched.length) return [];
    const names = this.names;
    const nameKeys = this.nameKeys;
    // Order keys: the distance, or the relevance tier then the name's first characters, or those characters.
    let key: (ord: number) => number;
    if (q.sort === 'distance' && q.near) key = (ord) => distance[ord];
    else if (q.sort === 'relevance' && q.tier) key = (ord) => q.tier!(ord, names[ord]) * 2 ** 48 + nameKeys[ord];
    else key = (ord) => nameKeys[ord];
    if (this.scratch.length < this.size) this.scratch = new Float64Array(this.size);
    const keys = this.scratch;
    const before = (a: number, b: number) => {
      const ka = keys[a];
      const kb = keys[b];
      if (ka !== kb) return ka < kb;
      const na = names[a];
      const nb = names[b];
      return na !== nb ? na < nb : a < b;
    };
    for (const ord of matched) keys[ord] = key(ord);
    const cmp = (a: number, b: number) => (before(a, b) ? -1 : before(b, a) ? 1 : 0);
    // Deep pages: sort everything; first pages: keep the best `want`.
    if (want > 1000) return matched.sort(cmp).slice(q.offset, want);
    return firstOf(matched, want, before).slice(q.offset);
  }
}
