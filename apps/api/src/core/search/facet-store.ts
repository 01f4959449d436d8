import { haversineKm, splitNaf } from './search-text';
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
 * integers, exact at any volume; PostgreSQL answers the words (GIN) and the page's display rows.
 */
export class FacetStore {
  private size = 0;
  /** Per document: ALIVE, RESTRICTED (look its audience up), NETWORKS (look its networks up). */
  private flags = new Uint8Array(0);
  private columns = new Map<FacetField, Uint16Array | Uint32Array>();
  private lat = new Float64Array(0);
  private lng = new Float64Array(0);
  private names: string[] = [];
  private readonly dictionaries = new Map<FacetField | 'network', Dictionary>();
  /** Only restricted documents have an audience (most are public). */
  private readonly audiences = new Map<number, string[]>();
  private readonly networks = new Map<number, number[]>();
  private scratch = new Float64Array(0);
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
    for (const field of FACET_FIELDS) {
      // Communes and EPCIs exceed 65,535 values: 32-bit codes there.
      const wide = field === 'commune' || field === 'epci' || field === 'nafCode';
      const old = this.columns.get(field) ?? (wide ? new Uint32Array(0) : new Uint16Array(0));
      this.columns.set(field, wide ? copy(old as Uint32Array, (n) => new Uint32Array(n)) : copy(old as Uint16Array, (n) => new Uint16Array(n)));
    }
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

  private column(field: FacetField): Uint16Array | Uint32Array {
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
    const tests: { group: Group; pass: (ord: number) => boolean }[] = [];
    const field = (group: Group, name: FacetField, values: readonly string[] | undefined) => {
      const wanted = this.codes(name, values);
      if (!wanted) return;
      const column = this.column(name);
      tests.push({ group, pass: (ord) => wanted[column[ord]] === 1 });
    };
    field('kind', 'kind', q.kinds);
    if (f.naf?.length) {
      const none = new Uint8Array(1);
      const sections = this.codes('nafSection', naf.sections) ?? none;
      const divisions = this.codes('nafDivision', naf.divisions) ?? none;
      const codes = this.codes('nafCode', naf.codes) ?? none;
      const [s, d, c] = [this.column('nafSection'), this.column('nafDivision'), this.column('nafCode')];
      tests.push({ group: 'naf', pass: (ord) => sections[s[ord]] === 1 || divisions[d[ord]] === 1 || codes[c[ord]] === 1 });
    }
    field('departement', 'departement', f.departement);
    field('region', 'region', f.region);
    field('epci', 'epci', f.epci);
    field('commune', 'commune', f.commune);
    field('headcount', 'headcount', f.headcount);
    field('networkType', 'networkType', f.networkType);
    field('maturity', 'maturity', f.maturity);
    const wantedNetworks = this.codes('network', f.networkIds);
    if (wantedNetworks) {
      const flags = this.flags;
      tests.push({ group: 'network', pass: (ord) => (flags[ord] & NETWORKS) !== 0 && this.networks.get(ord)!.some((n) => wantedNetworks[n] === 1) });
    }

    // Facet counters: one array of counts per facet, indexed by value code.
    const counters = q.facets.map((name) => {
      const field = name === 'network' ? 'network' : FACET_FIELD[name];
      return {
        name,
        group: FACET_GROUP[name],
        column: name === 'network' ? null : this.column(FACET_FIELD[name]),
        counts: new Uint32Array(this.dictionaries.get(field)!.values.length),
      };
    });
    const flags = this.flags;
    const bump = (counter: (typeof counters)[number], ord: number) => {
      if (counter.column) counter.counts[counter.column[ord]]++;
      else if (flags[ord] & NETWORKS) for (const code of this.networks.get(ord)!) counter.counts[code]++;
    };

    const audience = q.audience;
    const near = q.near;
    const radius = near?.radiusKm;
    const latSpan = radius !== undefined ? radius / 111.2 : 0;
    const distances = new Map<number, number>();
    const matched: number[] = [];
    const size = this.size;
    const consider = (ord: number) => {
      if (ord >= size) return;
      const flag = flags[ord];
      if (!(flag & ALIVE)) return;
      if (flag & RESTRICTED && audience !== 'all' && !this.audiences.get(ord)!.some((k) => audience.includes(k))) return;
      if (near) {
        const lat = this.lat[ord];
        if (Number.isNaN(lat)) {
          if (radius !== undefined) return;
        } else {
          if (radius !== undefined && Math.abs(lat - near.lat) > latSpan) return;
          const d = haversineKm(near, { lat, lng: this.lng[ord] });
          if (radius !== undefined && d > radius) return;
          distances.set(ord, d);
        }
      }
      let failed: Group | null = null;
      for (const test of tests) {
        if (!test.pass(ord)) {
          if (failed !== null) return; // two groups fail: counted nowhere
          failed = test.group;
        }
      }
      if (failed === null) {
        matched.push(ord);
        for (const counter of counters) bump(counter, ord);
      } else {
        for (const counter of counters) if (counter.group === failed) bump(counter, ord);
      }
    };
    if (q.matches) for (const ord of q.matches) consider(ord);
    else for (let ord = 0; ord < this.size; ord++) consider(ord);

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
      const values: { value: string; count: number }[] = [];
      // Code 0 is "none".
      for (let code = 1; code < counter.counts.length; code++) if (counter.counts[code]) values.push({ value: dictionary.values[code], count: counter.counts[code] });
      values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      const top = values.slice(0, MAX_FACET_VALUES);
      // A selected value always shows (with 0 when nothing matches it), so that it can be unticked.
      for (const value of selected(counter.name)) if (!top.some((v) => v.value === value)) top.push({ value, count: counter.counts[dictionary.find(value)] ?? 0 });
      facets[counter.name] = top;
    }

    if (q.placedOnly) {
      const placed = matched.filter((ord) => !Number.isNaN(this.lat[ord]));
      return { ords: this.page(placed, q, distances), distances, total: matched.length, placed: placed.length, facets };
    }
    return { ords: this.page(matched, q, distances), distances, total: matched.length, facets };
  }

  /** The page of `matched` in the requested order, without sorting everything (a bounded insertion buffer). */
  private page(matched: number[], q: StoreQuery, distances: Map<number, number>): number[] {
    const want = q.offset + q.limit;
    if (q.limit <= 0 || q.offset >= matched.length) return [];
    const names = this.names;
    let key: (ord: number) => number;
    if (q.sort === 'distance' && q.near) key = (ord) => distances.get(ord) ?? Infinity;
    else if (q.sort === 'relevance' && q.tier) key = (ord) => q.tier!(ord, names[ord]);
    else key = () => 0;
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
    // Deep pages: sort everything; first pages: keep the best `want` in a small sorted buffer.
    if (want > 1000) return matched.sort(cmp).slice(q.offset, want);
    const best: number[] = [];
    for (const ord of matched) {
      if (best.length === want && !before(ord, best[want - 1])) continue;
      let lo = 0;
      let hi = best.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before(ord, best[mid])) hi = mid;
        else lo = mid + 1;
      }
      best.splice(lo, 0, ord);
      if (best.length > want) best.pop();
    }
    return best.slice(q.offset);
  }
}
