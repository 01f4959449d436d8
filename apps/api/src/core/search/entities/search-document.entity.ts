import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One searchable item of the PostgreSQL engine (every kind in one table). Written only by
 * PostgresSearchEngine. `tsv` is computed by the engine at write time with the `fr_unaccent`
 * configuration; its GIN index is created by hand in the migration (TypeORM cannot express it),
 * hence `synchronize: false`. Typo tolerance looks words up in `search_terms` (trigram index).
 */
@Entity('search_documents')
@Index('ix_search_documents_tsv', { synchronize: false })
@Index('ix_search_documents_geo', ['lat', 'lng'])
export class SearchDocumentRow {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  kind: string;

  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** 'public', or 'restricted' to the holders of one of `audience`'s keys (see AccessPolicy.searchAudience). */
  @Column({ type: 'varchar', length: 16, default: 'public' })
  visibility: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  audience: string[];

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  keywords: string;

  @Column({ type: 'text', default: '' })
  body: string;

  /** Lower-cased, unaccented title and keywords: trigram similarity (typos) and sort by name. */
  @Column({ type: 'text', default: '' })
  folded: string;

  @Column({ type: 'tsvector', nullable: true, select: false })
  tsv: string | null;

  @Index('ix_search_documents_naf')
  @Column({ type: 'varchar', length: 6, nullable: true })
  nafCode: string | null;

  @Column({ type: 'varchar', length: 1, nullable: true })
  nafSection: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  nafDivision: string | null;

  @Index('ix_search_documents_departement')
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

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  networkIds: string[];

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng: number | null;

  /** What a result card shows, so that a search reads no other table. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  indexedAt: Date;
}

/** Distinct folded words of the indexed text: the dictionary typo corrections are looked up in (pg_trgm). */
@Entity('search_terms')
@Index('ix_search_terms_trgm', { synchronize: false })
export class SearchTermRow {
  @PrimaryColumn({ type: 'text' })
  term: string;
}
