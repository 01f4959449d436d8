import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The PostgreSQL engine's tables (written only by PostgresSearchEngine):
 * - `search_index`: one narrow row per document (kind, id, a small integer `ord`), the words as
 *   position-less tsvectors (all text, and title + keywords for relevance) and the facet values, place
 *   and audience, all loaded by every process's in-memory WordIndex and FacetStore;
 * - `search_documents`: what a hit shows (title, text for highlights, card payload), read for one page only;
 * - `search_state` / `search_tombstones`: the change counter that keeps every process's FacetStore current;
 * - `search_terms`: the dictionary typo corrections are looked up in (trigram index).
 */
@Entity('search_index')
@Index('ix_search_index_kind_id', ['kind', 'id'], { unique: true })
@Index('ix_search_index_version', ['version'])
export class SearchIndexRow {
  @PrimaryGeneratedColumn({ type: 'int' })
  ord: number;

  @Column({ type: 'varchar', length: 16 })
  kind: string;

  @Column({ type: 'uuid' })
  id: string;

  /** The search_state version that wrote this row (FacetStore refreshes from it). */
  @Column({ type: 'bigint', default: 0 })
  version: string;

  /** 'public', or 'restricted' to the holders of one of `audience`'s keys (see AccessPolicy.searchAudience). */
  @Column({ type: 'varchar', length: 16, default: 'public' })
  visibility: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  audience: string[];

  /** Lower-cased, unaccented title: sort by name, relevance tie-breaks. */
  @Column({ type: 'text', default: '' })
  name: string;

  /** Every word (title, keywords, body), without positions: matching. */
  @Column({ type: 'tsvector', nullable: true, select: false })
  tsv: string | null;

  /** Title and keywords: a first relevance tier. */
  @Column({ type: 'tsvector', nullable: true, select: false })
  tsvHead: string | null;

  @Column({ type: 'varchar', length: 6, nullable: true })
  nafCode: string | null;

  @Column({ type: 'varchar', length: 1, nullable: true })
  nafSection: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  nafDivision: string | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  departementCode: string | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  regionCode: string | null;

  @Column({ type: 'varchar', length: 9, nullable: true })
  epciCode: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  communeCode: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  headcountBand: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  networkType: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  maturity: string | null;

  /** Opportunities only: their type and deadline, for the type and deadline facets. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  opportunityType: string | null;

  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  networkIds: string[];

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng: number | null;
}

@Entity('search_documents')
export class SearchDocumentRow {
  @PrimaryColumn({ type: 'int' })
  ord: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  body: string;

  /** What a result card shows, so that a search reads no other table. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  indexedAt: Date;
}

/** One row: `version` grows with every change of search_index; `generation` with every rebuild or clear. */
@Entity('search_state')
export class SearchStateRow {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'int', default: 0 })
  generation: number;

  @Column({ type: 'bigint', default: 0 })
  version: string;
}

/** Deleted documents, by version (FacetStore refreshes forget them). */
@Entity('search_tombstones')
@Index('ix_search_tombstones_version', ['version'])
export class SearchTombstoneRow {
  @PrimaryColumn({ type: 'int' })
  ord: number;

  @Column({ type: 'bigint' })
  version: string;
}

/** Distinct folded words of the indexed text: the dictionary typo corrections are looked up in (pg_trgm). */
@Entity('search_terms')
@Index('ix_search_terms_trgm', { synchronize: false })
export class SearchTermRow {
  @PrimaryColumn({ type: 'text' })
  term: string;
}
