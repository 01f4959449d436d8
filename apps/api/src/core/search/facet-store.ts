import { SEARCH_DEADLINE_WINDOWS } from '@maillage/contracts';
import { dayNumber, deadlineRange, distancesFrom, parisDay, splitNaf } from './search-text';
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
  'opportunityType',
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
  /** A deadline (YYYY-MM-DD), for the deadline facet. */
  deadline?: string | null;
}

/** A filter group: a document passes it when one of its values matches (OR inside a group, AND between groups). */
type Group =
  | 'kind'
  | 'naf'
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
  opportunityType: 'opportunityType',
  deadline: 'deadline',
};
/** The facets counted from a value column (the membership and deadline facets are counted apart). */
type ColumnFacet = Exclude<SearchFacetName, 'network' | 'deadline'>;
const FACET_FIELD: Record<ColumnFacet, FacetField> = {
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
  opportunityType: 'opportunityType',
};
const MAX_FACET_VALUES = 50;
const GROUP_INDEX: Record<Group, number> = {
  kind: 0,
  naf: 1,
  departement: 2,
  region: 3,
  epci: 4,
  commune: 5,
  headcount: 6,
  network: 7,
  networkType: 8,
  maturity: 9,
  opportunityType: 10,
  deadline: 11,
};
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
  matches: ArrayLike<number> | null;
  /** Relevance tier per matching document (lower first); absent: last tier. */
  tier?: (ord: number, name: string) => number;
  offset: number;
  limit: number;
  /** The page holds placed documents only (the map); `placed` then counts them. */
  placedOnly?: boolean;
  /** The day deadline windows start from (YYYY-MM-DD); default the current Europe/Paris day. */
  today?: string;
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

const EMPTY_LIST = new Int32Array(0);

/** A name's first three UTF-16 code units as one exact number, ordered like the strings they start. */
function nameKey(name: string): number {
  return (name.charCodeAt(0) || 0) * 2 ** 32 + (name.charCodeAt(1) || 0) * 2 ** 16 + (name.charCodeAt(2) || 0);
}

/** The first `n` of `items` in the order `before`, without sorting them all (a bounded insertion buffer). */
function firstOf(items: ArrayLike<number>, n: number, before: (a: number, b: number) => boolean): number[] {
  const best: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
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
  /** Deadline as a day number (NaN: none). */
  private deadlines = new Float64Array(0);
  private names: string[] = [];
  /** The first three characters of each name as one number: most name comparisons are then numeric. */
  private nameKeys = new Float64Array(0);
  private readonly dictionaries = Object.fromEntries(
    [...FACET_FIELDS, 'network' as const].map((field) => [field, new Dictionary()]),
  ) as Record<FacetField | 'network', Dictionary>;
  /** Only restricted documents have an audience (most are public). */
  private readonly audiences = new Map<number, string[]>();
  private readonly networks = new Map<number, number[]>();
  /** Reused between queries (they run one at a time): sort keys, and distances from the query's point. */
  private scratch = new Float64Array(0);
  private distanceScratch = new Float64Array(0);
  private failures = new Uint8Array(0);
  private failedGroup = new Uint8Array(0);
  private lists: Int32Array[] = [];

  /** The reused list `i` (as long as the store), empty. */
  private scratchList(i: number): { ords: Int32Array; length: number } {
    if (!this.lists[i] || this.lists[i].length < this.size) this.lists[i] = new Int32Array(this.size);
    return { ords: this.lists[i], length: 0 };
  }
  count = 0;

  constructor() {
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
    this.deadlines = copy(this.deadlines, (n) => new Float64Array(n));
    this.nameKeys = copy(this.nameKeys, (n) => new Float64Array(n));
    // 32-bit codes everywhere: one array type keeps the query loop monomorphic (communes exceed 65,535 values anyway).
    for (const field of FACET_FIELDS)
      this.columns.set(
        field,
        copy(this.columns.get(field) ?? new Uint32Array(0), (n) => new Uint32Array(n)),
      );
    this.size = size;
  }

  upsert(row: StoreRow): void {
    this.grow(row.ord + 1);
    if (!(this.flags[row.ord] & ALIVE)) this.count += 1;
    this.flags[row.ord] = ALIVE | (row.restricted ? RESTRICTED : 0) | (row.networkIds.length ? NETWORKS : 0);
    this.column('kind')[row.ord] = this.dictionaries.kind.code(row.kind);
    for (const field of FACET_FIELDS) {
      if (field !== 'kind') this.column(field)[row.ord] = this.dictionaries[field].code(row.fields[field]);
    }
    this.lat[row.ord] = row.lat ?? NaN;
    this.lng[row.ord] = row.lng ?? NaN;
    this.deadlines[row.ord] = dayNumber(row.deadline);
    // A leading space: words are found at word starts with includes(' ' + word).
    this.names[row.ord] = ` ${row.name}`;
    this.nameKeys[row.ord] = nameKey(row.name);
    if (row.restricted) this.audiences.set(row.ord, row.audience);
    else this.audiences.delete(row.ord);
    const network = this.dictionaries.network;
    if (row.networkIds.length)
      this.networks.set(
        row.ord,
        row.networkIds.map((id) => network.code(id)),
      );
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
    const column = this.columns.get(field);
    if (!column) throw new Error(`no facet column ${field}`);
    return column;
  }

  /**
   * A lookup table by value code of the wanted values of a field (unknown values match nothing); null: no filter.
   * As long as the dictionary, so that every code reads inside it.
   */
  private codes(field: FacetField | 'network', values: readonly string[] | undefined): Uint8Array | null {
    if (!values?.length) return null;
    const dictionary = this.dictionaries[field];
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
    // Filters: column tests (a lookup table by value code; NAF passes on any of its three levels), and networks.
    const columnTests: { columns: Uint32Array[]; tables: Uint8Array[]; group: number }[] = [];
    const otherTests: { group: number; pass: (ord: number) => boolean }[] = [];
    const field = (g: Group, name: FacetField, values: readonly string[] | undefined) => {
      const wanted = this.codes(name, values);
      if (wanted) columnTests.push({ columns: [this.column(name)], tables: [wanted], group: group(g) });
    };
    field('kind', 'kind', q.kinds);
    if (f.naf?.length) {
      // The levels with selected values only (a document passes on any of them).
      const levels = (
        [
          ['nafSection', naf.sections],
          ['nafDivision', naf.divisions],
          ['nafCode', naf.codes],
        ] as const
      ).flatMap(([name, values]) => {
        const wanted = this.codes(name, values);
        return wanted ? [{ column: this.column(name), wanted }] : [];
      });
      columnTests.push({ columns: levels.map((l) => l.column), tables: levels.map((l) => l.wanted), group: group('naf') });
    }
    field('departement', 'departement', f.departement);
    field('region', 'region', f.region);
    field('epci', 'epci', f.epci);
    field('commune', 'commune', f.commune);
    field('headcount', 'headcount', f.headcount);
    field('networkType', 'networkType', f.networkType);
    field('maturity', 'maturity', f.maturity);
    field('opportunityType', 'opportunityType', f.opportunityType);
    const flags = this.flags;
    const deadlines = this.deadlines;
    const today = q.today ?? parisDay();
    if (f.deadline?.length) {
      const ranges = f.deadline.map((w) => deadlineRange(w, today));
      // NaN (no deadline) fails every comparison.
      otherTests.push({ group: group('deadline'), pass: (ord) => ranges.some((r) => deadlines[ord] >= r.from && deadlines[ord] <= r.to) });
    }
    const wantedNetworks = this.codes('network', f.networkIds);
    if (wantedNetworks) {
      otherTests.push({
        group: group('network'),
        pass: (ord) => (flags[ord] & NETWORKS) !== 0 && (this.networks.get(ord) ?? []).some((n) => wantedNetworks[n] === 1),
      });
    }

    // Facet counters: one array of counts per facet, indexed by value code (the membership facet apart: several values).
    const counted = q.facets.filter((name): name is ColumnFacet => name !== 'network' && name !== 'deadline');
    const counterColumns = counted.map((name) => this.column(FACET_FIELD[name]));
    const counterCounts = counted.map((name) => new Uint32Array(this.dictionaries[FACET_FIELD[name]].values.length));
    const counterGroups = counted.map((name) => group(FACET_GROUP[name]));
    const networkCounts = q.facets.includes('network') ? new Uint32Array(this.dictionaries.network.values.length) : null;
    const networkGroup = group('network');
    const countNetworks = (ords: Int32Array) => {
      if (networkCounts)
        for (const ord of ords) if (flags[ord] & NETWORKS) for (const code of this.networks.get(ord) ?? []) networkCounts[code]++;
    };

    const audience = q.audience;
    const near = q.near;
    const radius = near?.radiusKm;
    const latSpan = radius !== undefined ? radius / 111.2 : 0;
    if (near && this.distanceScratch.length < this.size) this.distanceScratch = new Float64Array(this.size);
    const distance = this.distanceScratch;
    // (Without a point, never called.)
    const distanceTo = distancesFrom(near ?? { lat: 0, lng: 0 });
    // Lists written into arrays reused by every query (they run one at a time, and nothing keeps them):
    // growing arrays is what costs most here. The documents that pass, and by filter group, those that fail
    // that group only (counted in its own facets, disjunctively).
    const matched = this.scratchList(0);
    const nearMisses: { ords: Int32Array; length: number }[] = [];
    const counting = q.facets.length > 0;
    const size = this.size;
    const lats = this.lat;
    // The documents to look at: those matching the words, or all of them.
    const domain = q.matches;
    const n = domain ? domain.length : size;
    // The filters first, one at a time (tight loops over one column): how many groups each document fails, and the last one.
    if (this.failures.length < size) {
      this.failures = new Uint8Array(size);
      this.failedGroup = new Uint8Array(size);
    }
    const { failures, failedGroup } = this;
    const fail = (ord: number, g: number) => {
      failures[ord]++;
      failedGroup[ord] = g;
    };
    for (const { columns, tables, group: g } of columnTests) {
      const [column, wanted] = [columns[0], tables[0]];
      if (columns.length === 1) {
        for (let k = 0; k < n; k++) {
          const ord = domain ? domain[k] : k;
          if (wanted[column[ord]] !== 1) fail(ord, g);
        }
      } else {
        for (let k = 0; k < n; k++) {
          const ord = domain ? domain[k] : k;
          if (!columns.some((c, j) => tables[j][c[ord]] === 1)) fail(ord, g);
        }
      }
    }
    for (const { pass, group: g } of otherTests) {
      for (let k = 0; k < n; k++) {
        const ord = domain ? domain[k] : k;
        if (!pass(ord)) fail(ord, g);
      }
    }
    // Then visibility and the radius. A document failing two groups is counted nowhere, one failing a single
    // group only in the facets of that group. (The failure counts go back to zero for the next query.)
    for (let k = 0; k < n; k++) {
      const ord = domain ? domain[k] : k;
      const failed = failures[ord];
      failures[ord] = 0;
      if (failed > 1 || ord >= size) continue;
      const flag = flags[ord];
      if (!(flag & ALIVE)) continue;
      if (flag & RESTRICTED && audience !== 'all' && !this.audiences.get(ord)?.some((key) => audience.includes(key))) continue;
      if (near) {
        const lat = lats[ord];
        if (Number.isNaN(lat)) {
          if (radius !== undefined) continue;
          distance[ord] = Infinity;
        } else {
          if (radius !== undefined && Math.abs(lat - near.lat) > latSpan) continue;
          const d = distanceTo(lat, this.lng[ord]);
          if (radius !== undefined && d > radius) continue;
          distance[ord] = d;
        }
      }
      if (failed === 0) matched.ords[matched.length++] = ord;
      else if (counting) {
        const misses = (nearMisses[failedGroup[ord]] ??= this.scratchList(1 + failedGroup[ord]));
        misses.ords[misses.length++] = ord;
      }
    }
    const passed = matched.ords.subarray(0, matched.length);
    const missed = (g: number) => nearMisses[g]?.ords.subarray(0, nearMisses[g].length) ?? EMPTY_LIST;
    // Then the counts, one facet at a time (tight loops over one column).
    const count = (counts: Uint32Array, column: Uint32Array, ords: Int32Array) => {
      for (let i = 0; i < ords.length; i++) counts[column[ords[i]]]++;
    };
    counted.forEach((_, i) => {
      count(counterCounts[i], counterColumns[i], passed);
      count(counterCounts[i], counterColumns[i], missed(counterGroups[i]));
    });
    countNetworks(passed);
    countNetworks(missed(networkGroup));
    // Deadline windows: each counts the documents whose deadline falls inside it (they nest, so one may be in three).
    const windowCounts = q.facets.includes('deadline')
      ? SEARCH_DEADLINE_WINDOWS.map((w) => {
          const { from, to } = deadlineRange(w, today);
          let n = 0;
          for (const ords of [passed, missed(group('deadline'))])
            for (let i = 0; i < ords.length; i++) if (deadlines[ords[i]] >= from && deadlines[ords[i]] <= to) n++;
          return { value: w as string, count: n };
        })
      : null;

    const counters = [
      ...counted.map((name, i) => ({ name: name as SearchFacetName, counts: counterCounts[i] })),
      ...(networkCounts ? [{ name: 'network' as SearchFacetName, counts: networkCounts }] : []),
    ];
    const facets: StoreResult['facets'] = {};
    if (windowCounts) facets.deadline = windowCounts.filter((w) => w.count > 0 || (f.deadline ?? []).includes(w.value as never));
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
      const dictionary = this.dictionaries[counter.name === 'network' ? 'network' : FACET_FIELD[counter.name as ColumnFacet]];
      const { counts } = counter;
      const names = dictionary.values;
      // The values present (code 0 is "none"), in a typed array: thousands of communes.
      const present = new Int32Array(counts.length);
      let presentCount = 0;
      for (let code = 1; code < counts.length; code++) if (counts[code]) present[presentCount++] = code;
      // Most frequent first; values are ASCII codes: a plain comparison breaks ties (localeCompare is slow over thousands of communes).
      const top = firstOf(present.subarray(0, presentCount), MAX_FACET_VALUES, (a, b) =>
        counts[a] !== counts[b] ? counts[a] > counts[b] : names[a] < names[b],
      ).map((code) => ({
        value: names[code],
        count: counts[code],
      }));
      // A selected value always shows (with 0 when nothing matches it), so that it can be unticked.
      for (const value of selected(counter.name))
        if (!top.some((v) => v.value === value)) top.push({ value, count: counter.counts[dictionary.find(value)] ?? 0 });
      facets[counter.name] = top;
    }

    // Distances of the page's placed documents only.
    const result = (ords: number[]) => ({
      ords,
      distances: new Map(near ? ords.filter((o) => distance[o] !== Infinity).map((o) => [o, distance[o]]) : []),
    });
    if (q.placedOnly) {
      // (A loop: typed arrays' own filter is slow.)
      const placed = new Int32Array(passed.length);
      let count = 0;
      for (const ord of passed) if (!Number.isNaN(this.lat[ord])) placed[count++] = ord;
      return { ...result(this.page(placed.subarray(0, count), q, distance)), total: passed.length, placed: count, facets };
    }
    return { ...result(this.page(passed, q, distance)), total: passed.length, facets };
  }

  /** The page of `matched` in the requested order. */
  private page(matched: Int32Array, q: StoreQuery, distance: Float64Array): number[] {
    const want = q.offset + q.limit;
    if (q.limit <= 0 || q.offset >= matched.length) return [];
    const names = this.names;
    const nameKeys = this.nameKeys;
    // Order keys: the distance, or the relevance tier then the name's first characters, or (by name) those characters as they are.
    let key: ((ord: number) => number) | null = null;
    if (q.sort === 'distance' && q.near) key = (ord) => distance[ord];
    else if (q.sort === 'relevance' && q.tier) {
      const tier = q.tier;
      key = (ord) => tier(ord, names[ord]) * 2 ** 48 + nameKeys[ord];
    }
    if (this.scratch.length < this.size) this.scratch = new Float64Array(this.size);
    const keys = key ? this.scratch : nameKeys;
    const before = (a: number, b: number) => {
      const ka = keys[a];
      const kb = keys[b];
      if (ka !== kb) return ka < kb;
      const na = names[a];
      const nb = names[b];
      return na !== nb ? na < nb : a < b;
    };
    if (key) for (const ord of matched) keys[ord] = key(ord);
    const cmp = (a: number, b: number) => (before(a, b) ? -1 : before(b, a) ? 1 : 0);
    // Deep pages: sort everything; first pages: keep the best `want`.
    if (want > 1000) return Array.from(matched.sort(cmp).subarray(q.offset, want));
    return firstOf(matched, want, before).slice(q.offset);
  }
}
