import type { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { FacetStore, type StoreResult, type StoreRow } from './facet-store';
import { cleanText, fold, MARK_END, MARK_START, queryWords, sanitizeHighlight } from './search-text';
import { WordIndex, type WordDocument, type WordGroup } from './word-index';
import {
  MAX_PAGE_SIZE,
  MAX_RESULT_WINDOW,
  type EngineHit,
  type EnginePoint,
  type EngineResult,
  type SearchDocument,
  type SearchEngine,
  type SearchKind,
  type SearchQuery,
} from './search.types';

const BATCH = 500;
/** What is asked of a matched query: a page, the best few of a kind, the map's points, or only whether anything is left (no facets). */
type StoreWindow = { offset: number; limit: number; placedOnly?: boolean; kinds?: SearchKind[]; facets?: [] };
const HEADLINE_TITLE = `StartSel="${MARK_START}", StopSel="${MARK_END}", HighlightAll=true`;
const HEADLINE_BODY = `StartSel="${MARK_START}", StopSel="${MARK_END}", MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

interface PageRow {
  ord: number;
  kind: SearchKind;
  id: string;
  title: string;
  visibility: 'public' | 'restricted';
  audience: string[];
  payload: Record<string, unknown>;
  lat: number | null;
  lng: number | null;
  title_hl: string | null;
  body_hl: string | null;
}

interface IndexRow {
  ord: number;
  kind: SearchKind;
  visibility: string;
  audience: string[];
  name: string;
  naf_code: string | null;
  naf_section: string | null;
  naf_division: string | null;
  departement_code: string | null;
  region_code: string | null;
  epci_code: string | null;
  commune_code: string | null;
  headcount_band: string | null;
  network_type: string | null;
  maturity: string | null;
  opportunity_type: string | null;
  deadline: string | null;
  network_ids: string[];
  lat: number | null;
  lng: number | null;
  /** The lexemes of `tsv` and `tsv_head`, separated by spaces (the parser never puts one in a lexeme). */
  lexemes: string;
  head_lexemes: string;
}

const STORE_COLUMNS = `ord, kind, visibility, audience, name, naf_code, naf_section, naf_division, departement_code, region_code,
  epci_code, commune_code, headcount_band, network_type, maturity, opportunity_type, deadline::text AS deadline, network_ids, lat, lng,
  array_to_string(tsvector_to_array(COALESCE(tsv, '')), ' ') AS lexemes, array_to_string(tsvector_to_array(COALESCE(tsv_head, '')), ' ') AS head_lexemes`;

function storeRow(r: IndexRow): StoreRow {
  return {
    ord: r.ord,
    kind: r.kind,
    restricted: r.visibility !== 'public',
    audience: r.audience,
    name: r.name,
    fields: {
      nafCode: r.naf_code,
      nafSection: r.naf_section,
      nafDivision: r.naf_division,
      departement: r.departement_code,
      region: r.region_code,
      epci: r.epci_code,
      commune: r.commune_code,
      headcount: r.headcount_band,
      networkType: r.network_type,
      maturity: r.maturity,
      opportunityType: r.opportunity_type,
    },
    networkIds: r.network_ids,
    lat: r.lat,
    lng: r.lng,
    deadline: r.deadline,
  };
}

/**
 * The folded words of 3 to 40 characters of some texts (whitespace already collapsed), for the typo dictionary,
 * sorted. Each distinct raw word is folded once: folding is the costly part of a rebuild, and words repeat.
 */
function terms(texts: string[]): string[] {
  const raw = new Set<string>();
  for (const text of texts) for (const word of text.split(' ')) raw.add(word);
  const words = new Set<string>();
  for (const word of raw) for (const w of fold(word).split(' ')) if (w.length >= 3 && w.length <= 40) words.add(w);
  return [...words].sort();
}

const wordsOf = (list: string): string[] => (list ? list.split(' ') : []);
/** A document's words for the WordIndex (its folded title's words as they are: relevance tiers). */
const wordDocument = (row: IndexRow): WordDocument => ({
  all: wordsOf(row.lexemes),
  head: wordsOf(row.head_lexemes),
  title: wordsOf(row.name),
});

/**
 * PostgreSQL full-text engine (also on PGlite). PostgreSQL turns text into words: documents into
 * position-less tsvectors (`fr_unaccent`: lower case, no accents, French stems) at indexing time, and
 * a query's words into the same lexemes, with typo corrections from the `search_terms` dictionary
 * (pg_trgm, GIN), in one statement per query. This process keeps every document's lexemes and facet
 * values in memory (WordIndex, FacetStore), current from `search_state` at each query, and matches
 * there: prefixes and corrections through posting lists, then visibility, filters, radius, exact
 * disjunctive facet counts and the order (relevance tiers, name or distance). PostgreSQL then reads
 * the page's rows with ts_headline highlights. Writes bump `search_state.version` under its row
 * lock, so versions commit in order and a process never skips a change.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres' as const;
  private store = new FacetStore();
  private lexicon = new WordIndex();
  private generation = -1;
  private version = 0n;
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly db: DataSource,
    /**
     * Run independent statements side by side. Off on embedded PGlite: one backend, and its socket
     * server interleaves the protocol messages of concurrent statements.
     */
    private readonly options: { parallel?: boolean } = {},
  ) {}

  /** Loads the memory side at boot: a replica is ready once it answers at full speed (about 4 s for 200,000 documents). */
  async init(): Promise<void> {
    const [{ ready }] = await this.db.query("SELECT to_regclass('search_state') IS NOT NULL AS ready");
    // No schema yet (generating a migration): nothing to load.
    if (ready) await this.refresh();
  }

  async index(documents: SearchDocument[], options: { bulk?: boolean } = {}): Promise<void> {
    for (let i = 0; i < documents.length; i += BATCH) {
      const part = documents.slice(i, i + BATCH);
      const rows = part.map((d) => ({
        kind: d.kind,
        id: d.id,
        visibility: d.visibility,
        audience: d.audience,
        title: cleanText(d.title),
        keywords: cleanText(d.keywords.join(' · ')),
        body: cleanText(d.body),
        name: fold(d.title),
        naf_code: d.facets.nafCode ?? null,
        naf_section: d.facets.nafSection ?? null,
        naf_division: d.facets.nafDivision ?? null,
        departement_code: d.facets.departement ?? null,
        region_code: d.facets.region ?? null,
        epci_code: d.facets.epci ?? null,
        commune_code: d.facets.commune ?? null,
        headcount_band: d.facets.headcount ?? null,
        network_type: d.facets.networkType ?? null,
        maturity: d.facets.maturity ?? null,
        opportunity_type: d.facets.opportunityType ?? null,
        deadline: d.facets.deadline ?? null,
        network_ids: d.facets.networkIds ?? [],
        lat: d.location?.lat ?? null,
        lng: d.location?.lng ?? null,
        payload: d.payload,
      }));
      const write = (m: EntityManager | DataSource, version: string) =>
        m.query(
          `WITH r AS (
             SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(kind text, id uuid, visibility text, audience text[], title text,
               keywords text, body text, name text, naf_code text, naf_section text, naf_division text, departement_code text,
               region_code text, epci_code text, commune_code text, headcount_band text, network_type text, maturity text,
               opportunity_type text, deadline date, network_ids uuid[], lat float8, lng float8, payload jsonb)),
           up AS (
             INSERT INTO search_index (kind, id, version, visibility, audience, name, tsv, tsv_head, naf_code, naf_section, naf_division,
               departement_code, region_code, epci_code, commune_code, headcount_band, network_type, maturity, opportunity_type, deadline,
               network_ids, lat, lng)
             SELECT r.kind, r.id, $2::bigint, r.visibility, r.audience, r.name, v.head || strip(to_tsvector('fr_unaccent', r.body)), v.head,
               r.naf_code, r.naf_section, r.naf_division, r.departement_code, r.region_code, r.epci_code, r.commune_code, r.headcount_band,
               r.network_type, r.maturity, r.opportunity_type, r.deadline, r.network_ids, r.lat, r.lng
             FROM r CROSS JOIN LATERAL (SELECT strip(to_tsvector('fr_unaccent', r.title || ' ' || r.keywords)) AS head) v
             ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version, visibility = excluded.visibility, audience = excluded.audience,
               name = excluded.name, tsv = excluded.tsv, tsv_head = excluded.tsv_head, naf_code = excluded.naf_code,
               naf_section = excluded.naf_section, naf_division = excluded.naf_division, departement_code = excluded.departement_code,
               region_code = excluded.region_code, epci_code = excluded.epci_code, commune_code = excluded.commune_code,
               headcount_band = excluded.headcount_band, network_type = excluded.network_type, maturity = excluded.maturity,
               opportunity_type = excluded.opportunity_type, deadline = excluded.deadline, network_ids = excluded.network_ids, lat = excluded.lat, lng = excluded.lng
             RETURNING ord, kind, id)
           INSERT INTO search_documents (ord, title, body, payload, indexed_at)
           SELECT up.ord, r.title, r.body, r.payload, now() FROM up JOIN r ON r.kind = up.kind AND r.id = up.id
           ON CONFLICT (ord) DO UPDATE SET title = excluded.title, body = excluded.body, payload = excluded.payload, indexed_at = excluded.indexed_at`,
          [JSON.stringify(rows), version],
        );
      // A rebuild's batches run side by side without versions: the rebuild ends with a new generation.
      if (options.bulk) await write(this.db, '0');
      else await this.db.transaction(async (tx) => write(tx, await this.nextVersion(tx)));
      // Sorted: concurrent batches insert shared words in the same order (no deadlock).
      const words = terms(rows.flatMap((r) => [r.title, r.keywords, r.body]));
      await this.db.query('INSERT INTO search_terms (term) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING', [words]);
    }
  }

  async delete(kind: SearchKind, ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.db.transaction(async (tx) => {
      const version = await this.nextVersion(tx);
      await tx.query(
        `WITH gone AS (DELETE FROM search_index WHERE kind = $1 AND id = ANY($2::uuid[]) RETURNING ord),
              docs AS (DELETE FROM search_documents WHERE ord IN (SELECT ord FROM gone))
         INSERT INTO search_tombstones (ord, version) SELECT ord, $3::bigint FROM gone ON CONFLICT (ord) DO NOTHING`,
        [kind, ids, version],
      );
    });
  }

  async clear(kind: SearchKind): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM search_documents WHERE ord IN (SELECT ord FROM search_index WHERE kind = $1)', [kind]);
      await tx.query('DELETE FROM search_index WHERE kind = $1', [kind]);
      await this.nextGeneration(tx);
    });
  }

  /** Before a full rebuild: empties everything. */
  async clearAll(): Promise<void> {
    await this.db.query('TRUNCATE search_index, search_documents, search_tombstones, search_terms RESTART IDENTITY');
    await this.nextGeneration(this.db);
  }

  /** After a full rebuild: fresh planner statistics, and every process reloads its memory side. */
  async optimize(): Promise<void> {
    await this.db.query('ANALYZE search_index');
    await this.db.query('ANALYZE search_documents');
    await this.db.query('ANALYZE search_terms');
    await this.nextGeneration(this.db);
  }

  /** Every process reloads its FacetStore. */
  private async nextGeneration(m: EntityManager | DataSource): Promise<void> {
    await m.query(
      `INSERT INTO search_state (id, generation, version) VALUES (1, 1, 0)
       ON CONFLICT (id) DO UPDATE SET generation = search_state.generation + 1`,
    );
  }

  /** Takes the state row's lock until the transaction ends: versions commit in order. */
  private async nextVersion(tx: EntityManager): Promise<string> {
    const [row] = await tx.query(
      `INSERT INTO search_state (id, generation, version) VALUES (1, 1, 1)
       ON CONFLICT (id) DO UPDATE SET version = search_state.version + 1 RETURNING version::text AS version`,
    );
    return row.version;
  }

  /** Brings the FacetStore up to the committed state: changes since its version, or everything after a rebuild. */
  private refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async load(): Promise<void> {
    // No row (a truncated database): generation 0, version 0.
    const [state = { generation: 0, version: '0' }] = await preparedQuery<{ generation: number; version: string }>(
      this.db,
      'SELECT generation, version::text AS version FROM search_state WHERE id = 1',
      [],
    );
    const generation = Number(state.generation);
    const version = BigInt(state.version);
    if (generation === this.generation && version === this.version) return;
    if (generation !== this.generation) {
      const rows: IndexRow[] = await this.db.query(`SELECT ${STORE_COLUMNS} FROM search_index WHERE version <= $1`, [state.version]);
      const store = new FacetStore();
      const lexicon = new WordIndex();
      for (const row of rows) {
        store.upsert(storeRow(row));
        lexicon.upsert(row.ord, wordDocument(row));
      }
      lexicon.settle();
      this.store = store;
      this.lexicon = lexicon;
    } else {
      const bounds = [this.version.toString(), state.version];
      const [rows, gone]: [IndexRow[], { ord: number }[]] = await Promise.all([
        this.db.query(`SELECT ${STORE_COLUMNS} FROM search_index WHERE version > $1 AND version <= $2`, bounds),
        this.db.query('SELECT ord FROM search_tombstones WHERE version > $1 AND version <= $2', bounds),
      ]);
      for (const { ord } of gone) {
        this.store.remove(ord);
        this.lexicon.remove(ord);
      }
      for (const row of rows) {
        this.store.upsert(storeRow(row));
        this.lexicon.upsert(row.ord, wordDocument(row));
      }
    }
    this.generation = generation;
    this.version = version;
  }

  async search(query: SearchQuery): Promise<EngineResult> {
    const pageSize = Math.min(Math.max(query.pageSize ?? 20, 1), MAX_PAGE_SIZE);
    const offset = (Math.max(query.page ?? 1, 1) - 1) * pageSize;
    const matcher = await this.match(query);
    if (!matcher) return { hits: [], total: 0, facets: Object.fromEntries((query.facets ?? []).map((f) => [f, []])), relaxed: false };
    const result = matcher.query({ offset, limit: Math.max(0, Math.min(pageSize, MAX_RESULT_WINDOW - offset)) });
    const hits = await this.hits([result], query.highlight !== false ? matcher.tsquery : null);
    return { hits: hits[0], total: result.total, facets: result.facets, relaxed: matcher.relaxed };
  }

  /** Search as you type: the words are matched once, then the best few of each kind are taken from the FacetStore. */
  async suggest(query: SearchQuery & { kinds: SearchKind[] }, perKind: number): Promise<Partial<Record<SearchKind, EngineHit[]>>> {
    const matcher = await this.match({ ...query, facets: [] });
    if (!matcher) return {};
    const results = query.kinds.map((kind) => matcher.query({ offset: 0, limit: perKind, kinds: [kind] }));
    const hits = await this.hits(results, matcher.tsquery);
    return Object.fromEntries(query.kinds.map((kind, i) => [kind, hits[i]]));
  }

  async points(query: SearchQuery, limit: number): Promise<{ total: number; points: EnginePoint[] }> {
    const matcher = await this.match({ ...query, facets: [], sort: 'name' });
    const result = matcher?.query({ offset: 0, limit, placedOnly: true });
    if (!result?.ords.length) return { total: result?.total ?? 0, points: [] };
    const rows: EnginePoint[] = await this.db.query(
      `SELECT i.kind, i.id, d.title, i.lat, i.lng, i.visibility, i.audience FROM search_index i JOIN search_documents d ON d.ord = i.ord
       WHERE i.ord = ANY($1::int[]) AND i.lat IS NOT NULL AND i.lng IS NOT NULL ORDER BY i.name, i.ord`,
      [result.ords],
    );
    return { total: result.total, points: rows };
  }

  /** The hits of several result pages, read in one query. */
  private async hits(results: StoreResult[], tsquery: string | null): Promise<EngineHit[][]> {
    const all = results.flatMap((r) => r.ords);
    const rows = all.length ? await this.pageRows(all, tsquery) : [];
    const byOrd = new Map(rows.map((r) => [r.ord, r]));
    return results.map((result) =>
      result.ords
        .map((ord) => byOrd.get(ord))
        .filter((r): r is PageRow => r !== undefined)
        .map((r) => {
          const distance = result.distances.get(r.ord);
          return {
            kind: r.kind,
            id: r.id,
            title: r.title,
            visibility: r.visibility,
            audience: r.audience,
            payload: r.payload,
            location: r.lat !== null && r.lng !== null ? { lat: r.lat, lng: r.lng } : null,
            distanceKm: distance === undefined ? null : Math.round(distance * 10) / 10,
            highlights: {
              ...(r.title_hl ? { title: sanitizeHighlight(r.title_hl) } : {}),
              ...(r.body_hl ? { body: sanitizeHighlight(r.body_hl) } : {}),
            },
          };
        }),
    );
  }

  /**
   * The documents matching a query's words (all of them, else any: `relaxed`), found once in memory,
   * then asked of the FacetStore as often as needed (a page, the best of each kind, the map). Without
   * words, every document. Null: nothing can match (only punctuation, operators or emoji).
   */
  private async match(
    query: SearchQuery,
  ): Promise<{ query: (window: StoreWindow) => StoreResult; tsquery: string | null; relaxed: boolean } | null> {
    const words = queryWords(query.q);
    if (words.length === 0 && query.q && query.q.trim() !== '') return null;
    const both = <A, B>(a: () => Promise<A>, b: () => Promise<B>): Promise<[A, B]> =>
      this.options.parallel ? Promise.all([a(), b()]) : a().then(async (x) => [x, await b()]);
    const [lexicon] = await both(
      () => (words.length ? this.lexemes(words) : Promise.resolve(null)),
      () => this.refresh(),
    );
    const base = {
      kinds: query.kinds,
      filters: query.filters,
      near: query.near,
      audience: query.audience,
      facets: query.facets ?? [],
      sort: query.sort ?? (words.length ? 'relevance' : 'name'),
      today: query.today,
    };
    if (!lexicon) return { query: (window) => this.store.query({ ...base, ...window, matches: null }), tsquery: null, relaxed: false };

    const alternatives = words.map((w) => [w, ...(lexicon.corrections.get(w) ?? [])]);
    // Each word: itself as a prefix (from two letters on: a single letter would expand to most of the
    // dictionary), or one of its corrections, each as the lexemes PostgreSQL makes of it.
    const groups: WordGroup[] = alternatives.map(([w, ...fixes]) => [
      (lexicon.lexemes.get(w) ?? []).map((lexeme) => ({ lexeme, prefix: w.length > 1 })),
      ...fixes.map((c) => (lexicon.lexemes.get(c) ?? []).map((lexeme) => ({ lexeme, prefix: false }))),
    ]);
    // Relevance: every word starts a word of the title (first, titles that begin with the first word), then every
    // word in the title or keywords, then the rest; then by name. (Store names start with a space.)
    const titleGroups: WordGroup[] = alternatives.map((alts) => alts.map((w) => [{ lexeme: w, prefix: true }]));
    const firsts = alternatives[0].map((w) => ` ${w}`);
    const run = (operator: 'and' | 'or') => {
      const found = this.lexicon.match(groups, operator, titleGroups);
      const tier = (ord: number, name: string) =>
        found.titled[ord] ? (firsts.some((w) => name.startsWith(w)) ? 0 : 1) : found.head[ord] ? 2 : 3;
      // The same words for ts_headline's highlights.
      const tsquery = alternatives
        .map(([w, ...fixes]) => `(${[w.length > 1 ? `'${w}':*` : `'${w}'`, ...fixes.map((c) => `'${c}'`)].join(' | ')})`)
        .join(operator === 'and' ? ' & ' : ' | ');
      const matches = found.ords;
      return {
        query: (window: StoreWindow) => this.store.query({ ...base, ...window, matches, tier }),
        tsquery,
        relaxed: operator === 'or',
      };
    };
    const all = run('and');
    return words.length > 1 && all.query({ offset: 0, limit: 0, facets: [] }).total === 0 ? run('or') : all;
  }

  /** The page's display rows, with highlights when there are words. */
  private pageRows(page: number[], tsquery: string | null): Promise<PageRow[]> {
    const headline = (column: string, options: string) =>
      tsquery ? `ts_headline('fr_unaccent', d.${column}, to_tsquery('fr_unaccent', $2), '${options}')` : 'NULL';
    return preparedQuery<PageRow>(
      this.db,
      `SELECT i.ord, i.kind, i.id, i.visibility, i.audience, i.lat, i.lng, d.title, d.payload,
              ${headline('title', HEADLINE_TITLE)} AS title_hl, ${headline('body', HEADLINE_BODY)} AS body_hl
       FROM search_index i JOIN search_documents d ON d.ord = i.ord WHERE i.ord = ANY($1::int[])`,
      tsquery ? [page, tsquery] : [page],
    );
  }

  /**
   * In one statement: the lexemes PostgreSQL makes of each query word, up to 3 dictionary words close to each
   * word that is neither a word nor the start of one (typo corrections), and their lexemes.
   */
  private async lexemes(words: string[]): Promise<{ lexemes: Map<string, string[]>; corrections: Map<string, string[]> }> {
    const rows = await preparedQuery<{ word: string; term: string | null; lexemes: string[] }>(
      this.db,
      `SELECT w.word, NULL::text AS term, tsvector_to_array(to_tsvector('fr_unaccent', w.word)) AS lexemes FROM unnest($1::text[]) AS w(word)
       UNION ALL
       SELECT w.word, c.term, tsvector_to_array(to_tsvector('fr_unaccent', c.term)) FROM unnest($2::text[]) AS w(word)
       CROSS JOIN LATERAL (
         SELECT t.term FROM search_terms t
         WHERE NOT EXISTS (SELECT 1 FROM search_terms e WHERE e.term LIKE w.word || '%') AND t.term % w.word
         ORDER BY similarity(t.term, w.word) DESC, t.term LIMIT 3) c`,
      [words, words.filter((w) => w.length >= 4)],
    );
    const lexemes = new Map<string, string[]>();
    const corrections = new Map<string, string[]>();
    for (const { word, term, lexemes: found } of rows) {
      lexemes.set(term ?? word, found);
      if (term !== null) corrections.set(word, [...(corrections.get(word) ?? []), term]);
    }
    return { lexemes, corrections };
  }
}
