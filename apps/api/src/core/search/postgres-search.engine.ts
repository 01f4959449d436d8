import type { DataSource } from 'typeorm';
import { cleanText, fold, MARK_END, MARK_START, queryWords, sanitizeHighlight, splitNaf } from './search-text';
import {
  MAX_PAGE_SIZE,
  MAX_RESULT_WINDOW,
  type EngineHit,
  type EngineResult,
  type SearchDocument,
  type SearchEngine,
  type SearchFacetName,
  type SearchKind,
  type SearchQuery,
} from './search.types';

const BATCH = 500;
const FACET_COLUMNS: Record<SearchFacetName, string> = {
  kind: 'd.kind',
  nafSection: 'd.naf_section',
  nafDivision: 'd.naf_division',
  departement: 'd.departement_code',
  region: 'd.region_code',
  epci: 'd.epci_code',
  commune: 'd.commune_code',
  headcount: 'd.headcount_band',
};
const MAX_FACET_VALUES = 50;
const HEADLINE_TITLE = `StartSel="${MARK_START}", StopSel="${MARK_END}", HighlightAll=true`;
const HEADLINE_BODY = `StartSel="${MARK_START}", StopSel="${MARK_END}", MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
const DISTANCE = (lat: string, lng: string) =>
  `(2 * 6371 * asin(least(1, sqrt(power(sin(radians(d.lat - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(d.lat)) * power(sin(radians(d.lng - ${lng}) / 2), 2)))))`;

interface PageRow {
  kind: SearchKind;
  id: string;
  title: string;
  visibility: 'public' | 'restricted';
  audience: string[];
  payload: Record<string, unknown>;
  lat: number | null;
  lng: number | null;
  distance_km: number | null;
  title_hl: string | null;
  body_hl: string | null;
}

/** Numbered SQL parameters. */
class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    return `$${this.values.push(v)}`;
  }
}

/** Words of 3 to 40 characters of a document, for the typo dictionary. */
function terms(doc: SearchDocument): string[] {
  const words = fold(`${doc.title} ${doc.keywords.join(' ')} ${doc.body}`).split(' ');
  return words.filter((w) => w.length >= 3 && w.length <= 40);
}

/**
 * PostgreSQL full-text engine (also on PGlite): `search_documents` with a weighted `fr_unaccent`
 * tsvector (title A, keywords B, body C), prefix matching, typo correction from the `search_terms`
 * dictionary through pg_trgm, facets by GROUP BY, haversine distance, ts_headline highlights.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres' as const;

  constructor(
    private readonly db: DataSource,
    /**
     * Run the page and count queries side by side. Off on embedded PGlite: one backend, and its
     * socket server interleaves the protocol messages of concurrent statements.
     */
    private readonly options: { parallel?: boolean } = {},
  ) {}

  /** Nothing to set up: the schema comes with the migrations (and may not exist yet when generating one). */
  init(): Promise<void> {
    return Promise.resolve();
  }

  async index(documents: SearchDocument[]): Promise<void> {
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
        folded: fold(`${d.title} ${d.keywords.join(' ')}`),
        naf_code: d.facets.nafCode ?? null,
        naf_section: d.facets.nafSection ?? null,
        naf_division: d.facets.nafDivision ?? null,
        departement_code: d.facets.departement ?? null,
        region_code: d.facets.region ?? null,
        epci_code: d.facets.epci ?? null,
        commune_code: d.facets.commune ?? null,
        headcount_band: d.facets.headcount ?? null,
        network_ids: d.facets.networkIds ?? [],
        lat: d.location?.lat ?? null,
        lng: d.location?.lng ?? null,
        payload: d.payload,
      }));
      await this.db.query(
        `INSERT INTO search_documents (kind, id, visibility, audience, title, keywords, body, folded, tsv, naf_code, naf_section,
           naf_division, departement_code, region_code, epci_code, commune_code, headcount_band, network_ids, lat, lng, payload, indexed_at)
         SELECT r.kind, r.id, r.visibility, r.audience, r.title, r.keywords, r.body, r.folded,
           setweight(to_tsvector('fr_unaccent', r.title), 'A') || setweight(to_tsvector('fr_unaccent', r.keywords), 'B')
             || setweight(to_tsvector('fr_unaccent', r.body), 'C'),
           r.naf_code, r.naf_section, r.naf_division, r.departement_code, r.region_code, r.epci_code, r.commune_code,
           r.headcount_band, r.network_ids, r.lat, r.lng, r.payload, now()
         FROM jsonb_to_recordset($1::jsonb) AS r(kind text, id uuid, visibility text, audience text[], title text, keywords text,
           body text, folded text, naf_code text, naf_section text, naf_division text, departement_code text, region_code text,
           epci_code text, commune_code text, headcount_band text, network_ids uuid[], lat float8, lng float8, payload jsonb)
         ON CONFLICT (kind, id) DO UPDATE SET visibility = excluded.visibility, audience = excluded.audience, title = excluded.title,
           keywords = excluded.keywords, body = excluded.body, folded = excluded.folded, tsv = excluded.tsv,
           naf_code = excluded.naf_code, naf_section = excluded.naf_section, naf_division = excluded.naf_division,
           departement_code = excluded.departement_code, region_code = excluded.region_code, epci_code = excluded.epci_code,
           commune_code = excluded.commune_code, headcount_band = excluded.headcount_band, network_ids = excluded.network_ids,
           lat = excluded.lat, lng = excluded.lng, payload = excluded.payload, indexed_at = excluded.indexed_at`,
        [JSON.stringify(rows)],
      );
      // Sorted: concurrent batches insert shared words in the same order (no deadlock).
      const words = [...new Set(part.flatMap(terms))].sort();
      await this.db.query('INSERT INTO search_terms (term) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING', [words]);
    }
  }

  async delete(kind: SearchKind, ids: string[]): Promise<void> {
    if (ids.length) await this.db.query('DELETE FROM search_documents WHERE kind = $1 AND id = ANY($2::uuid[])', [kind, ids]);
  }

  async clear(kind: SearchKind): Promise<void> {
    await this.db.query('DELETE FROM search_documents WHERE kind = $1', [kind]);
  }

  async clearAll(): Promise<void> {
    await this.db.query('TRUNCATE search_documents, search_terms');
  }

  /** Fresh planner statistics after a rebuild (facet filters and radius choose their plans from them). */
  async optimize(): Promise<void> {
    await this.db.query('ANALYZE search_documents');
    await this.db.query('ANALYZE search_terms');
  }

  async search(query: SearchQuery): Promise<EngineResult> {
    const words = queryWords(query.q);
    const pageSize = Math.min(Math.max(query.pageSize ?? 20, 1), MAX_PAGE_SIZE);
    const page = Math.max(query.page ?? 1, 1);
    const facetNames = query.facets ?? [];
    if (words.length === 0 && query.q && query.q.trim() !== '') {
      // Only punctuation, operators or emoji: nothing can match.
      return { hits: [], total: 0, facets: Object.fromEntries(facetNames.map((f) => [f, []])), relaxed: false };
    }
    const corrections = words.length ? await this.corrections(words) : new Map<string, string[]>();
    let result = await this.run(query, words, corrections, '&', page, pageSize, facetNames);
    if (result.total === 0 && words.length > 1) {
      result = { ...(await this.run(query, words, corrections, '|', page, pageSize, facetNames)), relaxed: true };
    }
    return result;
  }

  /** Up to 3 dictionary words close to each query word that is neither a word nor the start of one. */
  private async corrections(words: string[]): Promise<Map<string, string[]>> {
    const candidates = words.filter((w) => w.length >= 4);
    const map = new Map<string, string[]>();
    if (!candidates.length) return map;
    const rows: { word: string; term: string }[] = await this.db.query(
      `SELECT w.word, c.term FROM unnest($1::text[]) AS w(word)
       CROSS JOIN LATERAL (
         SELECT t.term FROM search_terms t
         WHERE NOT EXISTS (SELECT 1 FROM search_terms e WHERE e.term LIKE w.word || '%') AND t.term % w.word
         ORDER BY similarity(t.term, w.word) DESC, t.term LIMIT 3) c`,
      [candidates],
    );
    for (const { word, term } of rows) map.set(word, [...(map.get(word) ?? []), term]);
    return map;
  }

  private async run(
    query: SearchQuery,
    words: string[],
    corrections: Map<string, string[]>,
    operator: '&' | '|',
    page: number,
    pageSize: number,
    facetNames: SearchFacetName[],
  ): Promise<EngineResult> {
    const p = new Params();
    const where: string[] = [];
    let tsquery: string | null = null;
    if (words.length) {
      const groups = words.map((w) => `(${[`'${w}':*`, ...(corrections.get(w) ?? []).map((c) => `'${c}'`)].join(' | ')})`);
      tsquery = p.add(groups.join(` ${operator} `));
      where.push(`d.tsv @@ to_tsquery('fr_unaccent', ${tsquery})`);
    }
    if (query.audience !== 'all') {
      where.push(`(d.visibility = 'public' OR d.audience && ${p.add(query.audience)}::text[])`);
    }
    if (query.kinds?.length) where.push(`d.kind = ANY(${p.add(query.kinds)}::text[])`);
    const f = query.filters ?? {};
    if (f.naf?.length) {
      const naf = splitNaf(f.naf);
      const ors = [
        naf.sections.length ? `d.naf_section = ANY(${p.add(naf.sections)}::text[])` : null,
        naf.divisions.length ? `d.naf_division = ANY(${p.add(naf.divisions)}::text[])` : null,
        naf.codes.length ? `d.naf_code = ANY(${p.add(naf.codes)}::text[])` : null,
      ].filter(Boolean);
      where.push(ors.length ? `(${ors.join(' OR ')})` : 'false');
    }
    const list = (values: string[] | undefined, column: string) => {
      if (values?.length) where.push(`${column} = ANY(${p.add(values)}::text[])`);
    };
    list(f.departement, 'd.departement_code');
    list(f.region, 'd.region_code');
    list(f.epci, 'd.epci_code');
    list(f.commune, 'd.commune_code');
    list(f.headcount, 'd.headcount_band');
    if (f.networkIds?.length) where.push(`d.network_ids && ${p.add(f.networkIds)}::uuid[]`);
    if (query.near?.radiusKm !== undefined) {
      const r = query.near.radiusKm;
      const dLat = r / 111.2;
      const dLng = r / (111.2 * Math.max(0.05, Math.cos((query.near.lat * Math.PI) / 180)));
      where.push(
        `d.lat BETWEEN ${p.add(query.near.lat - dLat)} AND ${p.add(query.near.lat + dLat)}`,
        `d.lng BETWEEN ${p.add(query.near.lng - dLng)} AND ${p.add(query.near.lng + dLng)}`,
        `${DISTANCE(`${p.add(query.near.lat)}::float8`, `${p.add(query.near.lng)}::float8`)} <= ${p.add(r)}`,
      );
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    // The count and facets query uses the parameters of the WHERE clause only; the page query uses them all.
    const whereParams = p.values.length;
    const distance = query.near ? DISTANCE(`${p.add(query.near.lat)}::float8`, `${p.add(query.near.lng)}::float8`) : 'NULL::float8';
    const sort = query.sort ?? (words.length ? 'relevance' : 'name');
    // Relevance from the short folded title and keywords (trigrams): words found there, then closeness.
    // (ts_rank would read every matching tsvector: too slow on broad queries.)
    const folded = tsquery ? p.add(words.join(' ')) : null;
    const score = folded ? `word_similarity(${folded}, d.folded) * 2 + similarity(d.folded, ${folded})` : '0';
    const order =
      sort === 'distance' && query.near
        ? `distance_km ASC NULLS LAST, d.folded, d.id`
        : sort === 'relevance' && tsquery
          ? `score DESC, d.folded, d.id`
          : `d.folded, d.id`;

    const offset = (page - 1) * pageSize;
    const limit = Math.max(0, Math.min(pageSize, MAX_RESULT_WINDOW - offset));
    const highlight = query.highlight !== false && tsquery !== null;
    const headline = (column: string, options: string) =>
      highlight ? `ts_headline('fr_unaccent', p.${column}, to_tsquery('fr_unaccent', ${tsquery}), '${options}')` : 'NULL';
    const pageSql = `SELECT p.kind, p.id, p.title, p.visibility, p.audience, p.payload, p.lat, p.lng, p.distance_km,
        ${headline('title', HEADLINE_TITLE)} AS title_hl, ${headline('body', HEADLINE_BODY)} AS body_hl
      FROM (SELECT d.kind, d.id, d.title, d.body, d.visibility, d.audience, d.payload, d.lat, d.lng, d.folded,
              ${distance} AS distance_km, ${score} AS score
            FROM search_documents d ${whereSql} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}) p
      ORDER BY ${order.replace(/d\./g, 'p.')}`;
    // One pass for the total and every facet: GROUPING SETS (hash aggregates side by side).
    const facetColumns = facetNames.map((name) => FACET_COLUMNS[name]);
    const countSql = facetColumns.length
      ? `SELECT ${facetColumns.map((c, i) => `${c}::text AS f${i}`).join(', ')}, GROUPING(${facetColumns.join(', ')}) AS g, count(*)::int AS n
         FROM search_documents d ${whereSql} GROUP BY GROUPING SETS ((), ${facetColumns.map((c) => `(${c})`).join(', ')})`
      : `SELECT count(*)::int AS n, 0 AS g FROM search_documents d ${whereSql}`;
    type CountRow = { g: number; n: number } & Record<string, string | number | null>;
    const pageRows = () => (limit > 0 ? (this.db.query(pageSql, p.values) as Promise<PageRow[]>) : Promise.resolve([] as PageRow[]));
    const countRows = () =>
      query.withTotal === false && !facetColumns.length
        ? Promise.resolve([] as CountRow[])
        : (this.db.query(countSql, p.values.slice(0, whereParams)) as Promise<CountRow[]>);
    const [rows, counts] = this.options.parallel ? await Promise.all([pageRows(), countRows()]) : [await pageRows(), await countRows()];
    const buckets = new Map<SearchFacetName, { value: string; count: number }[]>(facetNames.map((n) => [n, []]));
    const all = (1 << facetNames.length) - 1;
    let total = 0;
    for (const row of counts) {
      if (row.g === all) {
        total = row.n;
        continue;
      }
      // GROUPING(): bit (n - 1 - i) is 0 for the facet column grouped in this row.
      const i = facetNames.findIndex((_, k) => ((row.g >> (facetNames.length - 1 - k)) & 1) === 0);
      const value = row[`f${i}`];
      if (i >= 0 && value !== null) buckets.get(facetNames[i])?.push({ value: String(value), count: row.n });
    }
    const facets: EngineResult['facets'] = {};
    for (const [name, values] of buckets) {
      facets[name] = values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, MAX_FACET_VALUES);
    }
    if (query.withTotal === false && !facetColumns.length) total = offset + rows.length;
    const hits: EngineHit[] = rows.map((r) => ({
      kind: r.kind,
      id: r.id,
      title: r.title,
      visibility: r.visibility,
      audience: r.audience,
      payload: r.payload,
      location: r.lat !== null && r.lng !== null ? { lat: r.lat, lng: r.lng } : null,
      distanceKm: r.distance_km === null ? null : Math.round(r.distance_km * 10) / 10,
      highlights: {
        ...(r.title_hl ? { title: sanitizeHighlight(r.title_hl) } : {}),
        ...(r.body_hl ? { body: sanitizeHighlight(r.body_hl) } : {}),
      },
    }));
    return { hits, total, facets, relaxed: false };
  }
}
